"""The directory's personal data, declared to the privacy registry."""

from django.db.models import Q

from maillage.directory.models import ChangeRecord
from maillage.privacy.registry import declare_exempt, declare_not_personal, register


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


def declare_personal_data() -> None:
    # An organisation's contact may be a person's own address or number (often a volunteer).
    register(
        "directory.Establishment",
        fields=("email", "phone"),
        email_lookup="email",
        purpose="Coordonnées de contact d’une structure de l’annuaire",
        retention="Tant que la structure figure dans l’annuaire",
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
        retention="Tant que la personne représente la structure, puis 1 an",
    )
    # A proposal may carry the contact e-mail or phone a representative typed.
    register(
        "directory.EditProposal",
        fields=("changes",),
        email_lookup="proposed_by__email",
        purpose="Modifications d’une fiche de l’annuaire proposées par son représentant",
        retention="1 an après la décision de l’équipe",
        replacements={"changes": {}},
    )
    # The history keeps old and new contact values; those of a person's e-mail go with it.
    register(
        "directory.ChangeRecord",
        fields=("old_value", "new_value"),
        email_lookup="new_value",
        purpose="Historique des modifications des fiches de l’annuaire",
        retention="Tant que la structure figure dans l’annuaire",
        matcher=contact_history_of,
    )
    # Staff accounts acting on the directory: traces of the hub's work, not a person's record.
    for label in ("directory.ImportRun", "directory.DuplicateCandidate"):
        declare_exempt(
            label,
            "Le compte de l’équipe qui a déposé l’import ou tranché le doublon : trace du "
            "travail du pôle ; effacer le compte le rend anonyme.",
        )
