"""Personal data held by Django's own apps (the admin's log) and by this app (the erasure
journal). The platform's apps declare theirs in their own `privacy.py` (docs/app-wiring.md)."""

from maillage.privacy.registry import (
    WITH_THE_RECORD,
    LegalBasis,
    OnErasure,
    declare_exempt,
    declare_not_personal,
    register_linked_rows,
)

declare_exempt(
    "admin.LogEntry",
    "Journal des modifications faites par l’équipe dans l’administration : trace du travail "
    "du pôle ; l’effacement d’une personne du carnet réécrit les entrées qui la nomment.",
)


def _journal_entries_of(email: str):
    from maillage.privacy.journal import digest
    from maillage.privacy.models import ErasureRecord

    value = digest(email)
    # Digests are matched in Python: SQLite has no JSON containment lookup; the table is small.
    ids = [
        pk
        for pk, digests in ErasureRecord.objects.values_list("pk", "email_digests")
        if value in digests
    ]
    return ErasureRecord.objects.filter(pk__in=ids)


register_linked_rows(
    "privacy.ErasureRecord",
    exported=("erased_at",),
    on_erasure=OnErasure.KEEP,
    purpose="Refaire, après la restauration d’une sauvegarde, les effacements demandés depuis "
    "cette sauvegarde",
    legal_basis=LegalBasis.LEGAL_OBLIGATION,
    retention="Tant que des sauvegardes antérieures à l’effacement sont conservées",
    applied_by=WITH_THE_RECORD,
    matcher=_journal_entries_of,
    person_lookup="person_pk",
    notice="Le journal ne garde ni l’adresse ni le nom : seulement une empreinte de l’adresse, "
    "calculée avec une clé secrète du site, et le numéro de la fiche effacée.",
)
declare_not_personal(
    "privacy.ErasureRecord",
    ("email_digests",),
    "Empreintes à clé des adresses effacées, jamais les adresses : elles ne servent qu’à refaire "
    "l’effacement après une restauration.",
)
