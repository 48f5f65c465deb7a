"""The directory's personal data, declared to the privacy registry."""

from django.db.models import Q, QuerySet

from maillage.core.text import fold
from maillage.directory.models import ChangeRecord, ImportRejection, ImportRun, SearchLog
from maillage.directory.retention import DECISION_KEPT_DAYS, delete_uploads, report_days
from maillage.directory.search_log import KEPT_DAYS
from maillage.privacy.durations import duration_text
from maillage.privacy.registry import (
    WITH_THE_RECORD,
    LegalBasis,
    OnErasure,
    declare_exempt,
    declare_not_personal,
    register,
    register_linked_rows,
)


def contact_history_of(email):
    """History rows of the contact fields of entries this e-mail is, or was, the contact of."""
    entries = ChangeRecord.objects.filter(
        Q(old_value__iexact=email) | Q(new_value__iexact=email), field="email"
    ).values("establishment")
    return ChangeRecord.objects.filter(
        Q(establishment__in=entries) & Q(field__in=["email", "phone"])
        | Q(old_value__iexact=email)
        | Q(new_value__iexact=email)
    )


def rejected_lines_of(text: str) -> QuerySet[ImportRejection]:
    """Rejected import lines holding this e-mail or name as typed in the file."""
    return ImportRejection.objects.filter(raw__icontains=text)


def runs_with_lines_of(text: str) -> QuerySet[ImportRun]:
    """Import runs whose rejected lines hold this e-mail or name: their uploaded file holds it."""
    return ImportRun.objects.filter(rejections__in=rejected_lines_of(text)).distinct()


def searches_for(text: str) -> QuerySet[SearchLog]:
    """Directory searches whose words include this e-mail's or name's words."""
    words = fold(text)
    return SearchLog.objects.filter(query__contains=words) if words else SearchLog.objects.none()


def declare_personal_data() -> None:
    # An organisation's contact may be a person's own address or number (often a volunteer).
    register(
        "directory.Establishment",
        fields=("email", "phone"),
        email_lookup="email",
        purpose="Coordonnées de contact d’une structure de l’annuaire",
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        recipients="L’équipe du pôle ; le public, sur la fiche de l’annuaire, quand la structure a "
        "choisi de publier ses coordonnées",
        retention="Tant que la structure figure dans l’annuaire",
        applied_by=WITH_THE_RECORD,
    )
    declare_not_personal(
        "directory.Establishment",
        ("street",),
        "Adresse d’établissement publiée au répertoire SIRENE",
    )
    # What a person writes when claiming an organisation: free text, possibly about them.
    register(
        "directory.Claim",
        fields=("role", "message"),
        email_lookup="user__email",
        purpose="Demande de rattachement d’une personne à une structure de l’annuaire",
        legal_basis=LegalBasis.CONTRACT,
        retention="Tant que la personne représente la structure ; une demande refusée, "
        f"{duration_text(DECISION_KEPT_DAYS)} après la décision",
        applied_by="purge_directory_records",
    )
    # A proposal may carry the contact e-mail or phone a representative typed.
    register(
        "directory.EditProposal",
        fields=("changes",),
        email_lookup="proposed_by__email",
        purpose="Modifications d’une fiche de l’annuaire proposées par son représentant",
        legal_basis=LegalBasis.CONTRACT,
        retention=f"{duration_text(DECISION_KEPT_DAYS)} après la décision de l’équipe",
        applied_by="purge_directory_records",
        replacements={"changes": {}},
    )
    # The history keeps old and new contact values; those of a person's e-mail go with it.
    register(
        "directory.ChangeRecord",
        fields=("old_value", "new_value"),
        email_lookup="new_value",
        purpose="Historique des modifications des fiches de l’annuaire",
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        retention="Tant que la structure figure dans l’annuaire",
        applied_by=WITH_THE_RECORD,
        matcher=contact_history_of,
    )
    # A rejected line of an import is the file's raw text: a person's name and contact, kept
    # for the import's report, which the retention job deletes with its uploaded file.
    report = f"{duration_text(report_days())} après l’import (son compte rendu), puis suppression"
    register_linked_rows(
        "directory.ImportRejection",
        exported=("line", "reason", "raw"),
        matcher=rejected_lines_of,
        name_matcher=rejected_lines_of,
        on_erasure=OnErasure.ANONYMISE,
        # The reason may quote a value of the line (« adresse e-mail invalide : « … » »).
        erased=("raw", "reason"),
        replacements={"reason": "Ligne effacée (droit à l’effacement)"},
        purpose="Lignes rejetées d’un import de l’annuaire, pour que l’équipe les reprenne",
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        retention=report,
        applied_by="purge_directory_records",
    )
    # The uploaded file holds every line; erasing a person of a rejected line deletes it.
    register_linked_rows(
        "directory.ImportRun",
        exported=("kind", "file_name", "started_at"),
        matcher=runs_with_lines_of,
        name_matcher=runs_with_lines_of,
        on_erasure=OnErasure.ANONYMISE,
        erased=("upload",),
        replacements={"upload": delete_uploads},
        purpose="Fichier déposé pour un import de l’annuaire",
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        retention=report,
        applied_by="purge_directory_records",
    )
    # What was typed in the directory's search box may be a person's name: the report needs
    # no more than its longest period, and a person's erasure deletes searches for them.
    register_linked_rows(
        "directory.SearchLog",
        exported=("query", "searched_on"),
        matcher=searches_for,
        name_matcher=searches_for,
        on_erasure=OnErasure.DELETE,
        purpose="Ce qui est cherché dans l’annuaire, sans qui le cherche (besoins à couvrir)",
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        retention=f"{duration_text(KEPT_DAYS)}, la plus longue période de son rapport",
        applied_by="purge_directory_records",
    )
    # Staff accounts deciding on the directory (a duplicate, a family, a place to confirm):
    # traces of the hub's work, not a person's record.
    declare_exempt(
        "directory.DirectoryExport",
        "Le compte de l’équipe qui a demandé un export de fiches publiées : trace du travail du "
        "pôle ; effacer le compte le rend anonyme.",
    )
    for label in ("directory.DuplicateCandidate", "directory.LegalUnit", "directory.LocationCheck"):
        declare_exempt(
            label,
            "Le compte de l’équipe qui a tranché (doublon, famille de l’ESS, lieu à confirmer) : "
            "trace du travail du pôle ; effacer le compte le rend anonyme.",
        )
