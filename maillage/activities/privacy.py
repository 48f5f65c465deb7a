"""The agenda's personal data, declared to the privacy registry."""

from maillage.privacy.registry import register


def declare_personal_data() -> None:
    register(
        "activities.Registration",
        fields=("name", "email", "organisation"),
        email_lookup="email",
        purpose="Inscription à une activité du pôle (formation, événement, atelier…)",
        retention="Deux ans après l’activité",
        # Erased addresses stay distinct: one activity may hold several erased registrations.
        replacements={"name": "Personne effacée", "email": "efface-{pk}@invalide.invalid"},
    )
    register(
        "activities.SatisfactionAnswer",
        fields=("comment",),
        email_lookup="registration__email",
        purpose="Avis donné après une activité, pour l’améliorer",
        retention="Deux ans après l’activité",
    )
