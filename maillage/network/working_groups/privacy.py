"""A person's part in the working groups, in their data export. On erasure the places in a group
and the documents stay (the group's history and member counts), pointing to the anonymised
person; a group no longer names its erased facilitator."""

from maillage.privacy.registry import WITH_THE_RECORD, LegalBasis, OnErasure, register_linked_rows

RETENTION = "Tant que le groupe de travail existe"


def declare_personal_data() -> None:
    register_linked_rows(
        "working_groups.GroupMember",
        exported=("group", "joined_on"),
        person_lookup="person",
        email_lookup="person__email",
        on_erasure=OnErasure.KEEP,
        purpose="Participation à un groupe de travail du pôle",
        legal_basis=LegalBasis.CONTRACT,
        recipients="L’équipe du pôle et les membres du groupe de travail",
        applied_by=WITH_THE_RECORD,
        retention=RETENTION,
    )
    register_linked_rows(
        "working_groups.WorkingGroup",
        exported=("name", "status"),
        person_lookup="facilitator",
        email_lookup="facilitator__email",
        on_erasure=OnErasure.ANONYMISE,
        erased=("facilitator",),
        purpose="Animation d’un groupe de travail du pôle",
        legal_basis=LegalBasis.CONTRACT,
        recipients="L’équipe du pôle et les membres du groupe de travail",
        applied_by=WITH_THE_RECORD,
        retention=RETENTION,
    )
    register_linked_rows(
        "working_groups.Document",
        exported=("group", "title", "original_name", "uploaded_at"),
        person_lookup="uploaded_by",
        email_lookup="uploaded_by__email",
        on_erasure=OnErasure.KEEP,
        purpose="Documents déposés dans un groupe de travail",
        legal_basis=LegalBasis.CONTRACT,
        recipients="L’équipe du pôle et les membres du groupe de travail",
        applied_by=WITH_THE_RECORD,
        retention=RETENTION,
    )
