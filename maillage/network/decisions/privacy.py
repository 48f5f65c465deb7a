"""A person's voices on the hub's proposals, in their data export.

A voice stays on erasure, so that the result of a closed proposal stays true; what it said (its
reason) and the account that cast it are erased. An objection keeps a reason (a database rule),
without what it said.
"""

from django.db.models import Q

from maillage.privacy.registry import (
    WITH_THE_RECORD,
    LegalBasis,
    OnErasure,
    declare_exempt,
    register_linked_rows,
)


def _votes_of(email: str):
    from maillage.network.decisions.models import Vote

    return Vote.objects.filter(Q(person__email__iexact=email) | Q(cast_by__email__iexact=email))


def _erased_reason(vote) -> str:
    return "Motif effacé" if vote.reason else ""


def declare_personal_data() -> None:
    register_linked_rows(
        "decisions.Vote",
        exported=("proposal", "option", "choice", "reason", "legal_unit", "cast_at"),
        person_lookup="person",
        # Their own voices, and those they cast for an organisation they represent.
        matcher=_votes_of,
        on_erasure=OnErasure.ANONYMISE,
        erased=("reason", "cast_by"),
        replacements={"reason": _erased_reason},
        purpose="Voix exprimée sur une proposition soumise aux adhérents ou à un groupe",
        legal_basis=LegalBasis.CONTRACT,
        recipients="L’équipe du pôle ; les adhérents ou les membres du groupe consultés voient le "
        "résultat du vote",
        applied_by=WITH_THE_RECORD,
        retention="Aussi longtemps que la décision est conservée",
    )
    declare_exempt(
        "decisions.Proposal",
        "Le compte de l’équipe qui a préparé la proposition : trace du travail du pôle, pas "
        "une donnée de la personne ; effacer le compte le rend anonyme.",
    )
