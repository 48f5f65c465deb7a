"""The needs' personal data, declared to the privacy registry."""

from maillage.privacy.registry import (
    WITH_THE_RECORD,
    LegalBasis,
    OnErasure,
    declare_exempt,
    register,
    register_linked_rows,
)

ACCOUNT = "Tant que le compte existe"


def declare_personal_data() -> None:
    # A need submitted without an account keeps the address its confirmation link went to.
    register(
        "needs.Need",
        fields=("contact_email", "contact_name"),
        email_lookup="contact_email",
        purpose="Confirmation d’un besoin du territoire déposé sans compte, "
        "nouvelles de sa réponse",
        legal_basis=LegalBasis.CONSENT,
        notice="Le besoin lui-même est publié sans l’adresse ni le nom ; le lien de "
        "confirmation n’est conservé que sous la forme d’une empreinte.",
        retention="Tant que le besoin est suivi, ou jusqu’à l’effacement demandé",
        applied_by=WITH_THE_RECORD,
        replacements={"submitted_by": None},
        matcher=_needs_of,
    )
    register_linked_rows(
        "needs.Support",
        exported=("need", "created_at"),
        email_lookup="user__email",
        on_erasure=OnErasure.DELETE,
        purpose="Soutien d’une personne inscrite à un besoin du territoire",
        legal_basis=LegalBasis.CONSENT,
        retention=ACCOUNT,
        applied_by=WITH_THE_RECORD,
    )
    register_linked_rows(
        "needs.Comment",
        exported=("need", "body", "status", "created_at"),
        email_lookup="author__email",
        on_erasure=OnErasure.DELETE,
        purpose="Commentaire d’une personne inscrite sur un besoin du territoire",
        legal_basis=LegalBasis.CONSENT,
        recipients="L’équipe du pôle ; le public, une fois le commentaire publié (prénom seul)",
        retention=ACCOUNT,
        applied_by=WITH_THE_RECORD,
    )
    register_linked_rows(
        "needs.HelpOffer",
        exported=("need", "legal_unit", "what", "created_at"),
        email_lookup="declared_by__email",
        on_erasure=OnErasure.ANONYMISE,
        erased=("declared_by",),
        purpose="Proposition d’aide d’une structure à un besoin du territoire",
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        recipients="L’équipe du pôle ; le public voit la structure, jamais la personne",
        retention="Tant que le besoin est suivi",
        applied_by=WITH_THE_RECORD,
    )
    declare_exempt(
        "needs.Step",
        "Le compte de l’équipe qui a enregistré une décision sur un besoin : trace du travail "
        "du pôle ; effacer le compte le rend anonyme.",
    )


def _needs_of(email: str):
    from django.db.models import Q

    from maillage.needs.models import Need

    return Need.objects.filter(
        Q(contact_email__iexact=email) | Q(submitted_by__email__iexact=email)
    )
