"""The agenda's personal data, declared to the privacy registry."""

from maillage.activities.retention import retention_days
from maillage.privacy.durations import duration_text
from maillage.privacy.registry import LegalBasis, declare_not_personal, register


def declare_personal_data() -> None:
    register(
        "activities.Registration",
        fields=("name", "email", "organisation"),
        email_lookup="email",
        purpose="Inscription à une activité du pôle (formation, événement, atelier…)",
        legal_basis=LegalBasis.CONTRACT,
        recipients="L’équipe du pôle et, le cas échéant, l’intervenant ou la structure qui "
        "anime l’activité",
        retention=f"{duration_text(retention_days())} après l’activité, puis anonymisation",
        applied_by="purge_old_registrations",
        # Erased addresses stay distinct: one activity may hold several erased registrations.
        replacements={"name": "Personne effacée", "email": "efface-{pk}@invalide.invalid"},
    )
    register(
        "activities.SatisfactionAnswer",
        fields=("comment",),
        email_lookup="registration__email",
        purpose="Avis donné après une activité, pour l’améliorer",
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        retention=f"{duration_text(retention_days())} après l’activité, puis anonymisation",
        applied_by="purge_old_registrations",
    )
    declare_not_personal(
        "activities.Place",
        ("name", "address"),
        "Un lieu où le pôle organise ses activités (une salle, un local), pas une personne",
    )
