"""What the needs of the territory count for the activity report: needs expressed, qualified by
the hub's instance and answered, the supports they gathered, the organisations that offered help.

A need merged into another counts once, as the need kept; a need never confirmed by whoever
submitted it does not count. Private and members-only needs count like public ones: the report
gives totals, never a need.
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from maillage.needs.enums import ExpressedBy, NeedStatus
from maillage.needs.models import HelpOffer, Need, Step, Support
from maillage.plan.indicators import TOTAL, Figures, Indicator, Scope, Section
from maillage.plan.tallies import tally

SOURCE = "Besoins du territoire suivis par l’équipe (doublons fusionnés comptés une fois)."


def _needs() -> QuerySet[Need]:
    return Need.objects.listed()


def _stepped(scope: Scope, steps: Q) -> QuerySet[Need]:
    """Needs with a step of this kind decided during the period (at most one each)."""
    period = scope.period
    decided = Step.objects.filter(steps, decided_on__gte=period.start, decided_on__lt=period.end)
    return _needs().filter(pk__in=decided.values("need"))


def expressed(scope: Scope) -> Figures:
    start, end = scope.period.moments
    needs = _needs().filter(created_at__gte=start, created_at__lt=end)
    values = {kind.value: Count("pk", filter=Q(expressed_by=kind)) for kind in ExpressedBy}
    return tally(needs, values, scope, commune="communes")


def qualified(scope: Scope) -> Figures:
    """Qualification is leaving « exprimé » for a later step; setting aside is not."""
    leaving = Q(from_status=NeedStatus.SUBMITTED) & ~Q(to_status=NeedStatus.SET_ASIDE)
    return tally(_stepped(scope, leaving), {TOTAL: Count("pk")}, scope, commune="communes")


def answered(scope: Scope) -> Figures:
    needs = _stepped(scope, Q(to_status=NeedStatus.ANSWERED))
    return tally(needs, {TOTAL: Count("pk")}, scope, commune="communes")


def supports(scope: Scope) -> Figures:
    start, end = scope.period.moments
    given = Support.objects.filter(need__in=_needs(), created_at__gte=start, created_at__lt=end)
    return tally(given, {TOTAL: Count("pk")}, scope, through="need", commune="need__communes")


def organisations_helping(scope: Scope) -> Figures:
    """Each organisation once, however many needs it offered to help with."""
    start, end = scope.period.moments
    offers = HelpOffer.objects.filter(need__in=_needs(), created_at__gte=start, created_at__lt=end)
    values = {TOTAL: Count("legal_unit", distinct=True)}
    return tally(offers, values, scope, through="need", commune="need__communes")


INDICATORS = [
    Indicator(
        "needs_expressed",
        "Besoins du territoire exprimés, par origine",
        "besoins",
        Section.NETWORK,
        expressed,
        breakdown=lambda: dict(ExpressedBy.choices),
        source=SOURCE + " Besoins enregistrés ou confirmés en ligne pendant la période.",
        position=10,
    ),
    Indicator(
        "needs_qualified",
        "Besoins qualifiés par l’instance du pôle",
        "besoins",
        Section.NETWORK,
        qualified,
        source=SOURCE + " Qualification décidée pendant la période, selon les critères du pôle.",
        position=11,
    ),
    Indicator(
        "needs_answered",
        "Besoins répondus",
        "besoins",
        Section.NETWORK,
        answered,
        source=SOURCE + " Réponse constatée pendant la période (dernière étape du besoin).",
        position=12,
    ),
    Indicator(
        "need_supports",
        "Soutiens reçus par les besoins",
        "soutiens",
        Section.NETWORK,
        supports,
        source="Soutiens donnés pendant la période par des personnes inscrites, une fois "
        "chacune par besoin.",
        position=13,
    ),
    Indicator(
        "organisations_helping",
        "Structures qui proposent leur aide à un besoin",
        "structures",
        Section.NETWORK,
        organisations_helping,
        source="Structures de l’annuaire ayant déclaré « nous pouvons aider » pendant la "
        "période, chacune comptée une fois.",
        position=14,
    ),
]
