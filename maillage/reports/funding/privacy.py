"""The hub's representation mandates name a person of the address book. They are part of that
person's record (exported); on erasure they stay, pointing to the anonymised person, so the
history of who sat where for the hub keeps its dates, and the texts reported back (about the
body's meetings, not the person) stay with them."""

from maillage.privacy.registry import WITH_THE_RECORD, LegalBasis, OnErasure, register_linked_rows

PURPOSE = "Représentation du pôle dans les instances (CRESS, conseils locaux, réseaux)"
RETENTION = "Tant que le pôle garde l’historique de ses mandats"


def declare_personal_data() -> None:
    register_linked_rows(
        "funding.Mandate",
        exported=("body", "role", "starts_on", "ends_on"),
        person_lookup="person",
        email_lookup="person__email",
        on_erasure=OnErasure.KEEP,
        purpose=PURPOSE,
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        applied_by=WITH_THE_RECORD,
        retention=RETENTION,
    )
    register_linked_rows(
        "funding.MandateReport",
        exported=("mandate", "held_on", "text"),
        person_lookup="mandate__person",
        email_lookup="mandate__person__email",
        on_erasure=OnErasure.KEEP,
        purpose=PURPOSE,
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        applied_by=WITH_THE_RECORD,
        retention=RETENTION,
    )
