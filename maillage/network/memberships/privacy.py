"""A person's own memberships in their data export. Memberships stay on erasure: the yearly
counts of members and dues must stay true, and once the person is anonymised they name no one.
Past the retention, the purge (retention.py) unties them from the person with `replacements`."""

from maillage.privacy.registry import (
    WITH_THE_RECORD,
    LegalBasis,
    OnErasure,
    register,
    register_linked_rows,
)


def declare_personal_data() -> None:
    from maillage.network.memberships.joining_retention import retention_days
    from maillage.network.memberships.retention import retention_years
    from maillage.privacy.durations import DAYS_PER_YEAR, duration_text

    register_linked_rows(
        "memberships.Membership",
        exported=(
            "year",
            "college",
            "category",
            "dues_amount",
            "status",
            "paid_amount",
            "paid_on",
            "payment_method",
            "receipt_number",
        ),
        person_lookup="person",
        email_lookup="person__email",
        on_erasure=OnErasure.KEEP,
        # What the retention purge sets: the person is untied, the rest of the row stays (the
        # purge dates the row itself, with the day it is given).
        replacements={"person": None},
        purpose="Adhésion d’une personne au pôle, cotisation et reçu",
        legal_basis=LegalBasis.LEGAL_OBLIGATION,
        recipients="L’équipe du pôle ; le trésorier et, pour les comptes, l’expert-comptable ou le "
        "commissaire aux comptes de l’association",
        applied_by="purge_old_memberships",
        retention=f"{duration_text(retention_years() * DAYS_PER_YEAR)} après l’année "
        "d’adhésion (pièces comptables), puis anonymisation",
    )
    # The board's composition is public in the activity report; an erased person's seat stays
    # (the board's history keeps its dates) but names no one, and new reports leave it out.
    register_linked_rows(
        "memberships.BoardSeat",
        exported=("role", "college", "starts_on", "ends_on"),
        person_lookup="person",
        email_lookup="person__email",
        on_erasure=OnErasure.KEEP,
        purpose="Composition du conseil d’administration et du bureau de l’association",
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        recipients="L’équipe du pôle ; le public, par le rapport d’activité publié (nom, "
        "fonction, collège, date d’entrée au conseil)",
        notice="Une version publiée du rapport d’activité reste telle qu’elle a été publiée ; "
        "après l’effacement d’une personne, les rapports suivants ne la nomment plus.",
        applied_by=WITH_THE_RECORD,
        retention="Tant que le pôle garde l’historique de son conseil",
    )
    register(
        "memberships.JoinRequest",
        fields=(
            "organisation_name",
            "siren",
            "first_name",
            "last_name",
            "email",
            "phone",
            "message",
            "refusal_reason",
        ),
        email_lookup="email",
        purpose="Demande d’adhésion au pôle, examinée par l’équipe",
        legal_basis=LegalBasis.CONTRACT,
        retention=f"{duration_text(retention_days())} après la demande, puis suppression",
        applied_by="purge_old_join_requests",
        replacements={
            "first_name": "Personne",
            "last_name": "effacée",
            "email": "efface-{pk}@invalide.invalid",
            "organisation_name": "",
            "siren": "",
            "phone": "",
            "message": "",
            "refusal_reason": "Motif effacé",
        },
    )
