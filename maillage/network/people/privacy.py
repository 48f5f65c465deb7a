"""The address book's personal data, declared to the privacy registry."""

from __future__ import annotations


def _imports_mentioning(email: str):
    from maillage.network.people.models import ContactImport

    return ContactImport.objects.filter(rows__icontains=email) | ContactImport.objects.filter(
        report__icontains=email
    )


def declare_personal_data() -> None:
    from maillage.network.people.retention import retention_days
    from maillage.privacy.durations import duration_text
    from maillage.privacy.registry import LegalBasis, OnErasure, register, register_linked_rows

    register(
        "people.Person",
        fields=("first_name", "last_name", "email", "phone", "notes", "search_text"),
        email_lookup="email",
        person_lookup="pk",
        purpose="Carnet d’adresses du pôle : contacts des structures et du réseau",
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        applied_by="purge_inactive_contacts",
        retention=f"{duration_text(retention_days())} après le dernier échange, puis purge "
        "automatique",
        replacements={"last_name": "Personne effacée", "is_erased": True},
    )
    register(
        "people.Interaction",
        fields=("subject", "notes"),
        email_lookup="person__email",
        person_lookup="person",
        purpose="Suivi des échanges de l’équipe du pôle avec ses contacts",
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        applied_by="purge_inactive_contacts",
        retention="Comme la fiche du carnet d’adresses",
        replacements={"subject": "Échange effacé"},
    )
    register(
        "people.Consent",
        fields=("note",),
        email_lookup="person__email",
        person_lookup="person",
        purpose="Preuve des consentements donnés ou retirés",
        legal_basis=LegalBasis.LEGAL_OBLIGATION,
        applied_by="purge_inactive_contacts",
        retention="Comme la fiche du carnet d’adresses",
    )
    register(
        "people.ContactImport",
        fields=("rows", "report"),
        email_lookup="rows",
        matcher=_imports_mentioning,
        purpose="Import de contacts depuis un tableur, et son compte rendu",
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        applied_by="purge_inactive_contacts",
        retention="Trente jours après le dépôt du fichier",
    )
    # A role stays on erasure: the organisation keeps the count of the people it involves.
    register_linked_rows(
        "people.Affiliation",
        exported=("legal_unit", "role", "since", "until"),
        person_lookup="person",
        email_lookup="person__email",
        on_erasure=OnErasure.KEEP,
        purpose="Rôle d’une personne dans une structure de l’annuaire",
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        applied_by="purge_inactive_contacts",
        retention="Comme la fiche du carnet d’adresses",
    )
    # A pending link to an export of a person's data, or one they asked for, goes with them.
    register_linked_rows(
        "people.ExportLink",
        exported=("created_at", "expires_at", "used_at"),
        person_lookup="person",
        email_lookup="created_by__email",
        on_erasure=OnErasure.DELETE,
        purpose="Lien de téléchargement à usage unique de l’export des données",
        legal_basis=LegalBasis.LEGAL_OBLIGATION,
        recipients="La personne concernée seule, par le lien qui lui est remis",
        applied_by="purge_inactive_contacts",
        retention="Jusqu’à son expiration, 24 heures après la demande",
    )
