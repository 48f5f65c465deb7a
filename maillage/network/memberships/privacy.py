"""A person's own memberships in their data export. Memberships stay on erasure: the yearly
counts of members and dues must stay true, and once the person is anonymised they name no one."""

from maillage.privacy.registry import OnErasure, register_linked_rows


def declare_personal_data() -> None:
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
        purpose="Adhésion d’une personne au pôle, cotisation et reçu",
        retention="Dix ans après l’année d’adhésion (pièces comptables)",
    )
