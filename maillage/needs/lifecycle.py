"""The one module that moves a need along its lifecycle.

submitted → qualified → prioritised → response under construction → response tested → answered,
or set aside from any open step. A need moves forward only; jumping over steps is allowed with
its reason, recorded with the steps jumped. Every move is a `Step`: its day, who decided, why.
Leaving « submitted » is the qualification: each criterion of the hub is answered, and a need
missing a required one cannot be qualified (it may be set aside instead).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from maillage.core.dates import french_date
from maillage.needs import news
from maillage.needs.enums import CLOSED, PATH, NeedStatus
from maillage.needs.errors import NeedError
from maillage.needs.models import Criterion, Need, Step


@dataclass(frozen=True)
class Decision:
    """Who decided a move, why, on which day; at qualification, each criterion met or not."""

    reason: str
    by: Any = None  # the staff account recording it
    label: str = ""  # the instance that decided, as the history shows it
    on: date | None = None
    criteria: Mapping[str, bool] = field(default_factory=dict)  # criterion slug → met


def next_statuses(need: Need) -> list[NeedStatus]:
    """Where the need may go from here: the later steps of the path, or set aside."""
    if need.status in CLOSED:
        return []
    later = list(PATH[PATH.index(NeedStatus(need.status)) + 1 :])
    return [*later, NeedStatus.SET_ASIDE]


def skipped_between(current: str, target: NeedStatus) -> list[NeedStatus]:
    if target == NeedStatus.SET_ASIDE:
        return []
    return list(PATH[PATH.index(NeedStatus(current)) + 1 : PATH.index(target)])


def record_submission(need: Need, by: Any = None, label: str = "", on: date | None = None) -> Step:
    """The need's first line of history: it is expressed."""
    return Step.objects.create(
        need=need,
        to_status=NeedStatus.SUBMITTED,
        decided_on=on or timezone.localdate(),
        decided_by=by,
        decided_by_label=label,
        reason="Besoin exprimé",
    )


def move(need: Need, target: NeedStatus, decision: Decision) -> Step:
    """Move `need` to `target`, or NeedError saying why not."""
    if not decision.reason.strip():
        raise NeedError("Dites pourquoi : chaque étape garde la raison de la décision.")
    with transaction.atomic():
        need = Need.objects.select_for_update().get(pk=need.pk)
        _check_move(need, target, decision)
        skipped = skipped_between(need.status, target)
        qualifying = need.status == NeedStatus.SUBMITTED and target != NeedStatus.SET_ASIDE
        criteria = _criteria(decision) if qualifying else []
        step = Step.objects.create(
            need=need,
            from_status=need.status,
            to_status=target,
            decided_on=_day(need, decision),
            decided_by=decision.by,
            decided_by_label=decision.label.strip(),
            reason=decision.reason.strip(),
            skipped=[str(status) for status in skipped],
            criteria=criteria,
        )
        need.status = target
        need.status_changed_on = step.decided_on
        need.save(update_fields=["status", "status_changed_on"])
        if news.news_recipient(need):
            transaction.on_commit(lambda: news.send_step_news.enqueue(step.pk))
    return step


def _check_move(need: Need, target: NeedStatus, decision: Decision) -> None:
    if not need.is_confirmed:
        raise NeedError("Ce besoin attend encore la confirmation de son adresse e-mail.")
    if need.is_merged:
        raise NeedError("Ce besoin a été fusionné dans un autre : c’est celui-là qui avance.")
    if target not in next_statuses(need):
        current = NeedStatus(need.status).label.lower()
        raise NeedError(
            f"Un besoin « {current} » ne peut pas passer à « {target.label.lower()} » : "
            "les étapes se suivent dans l’ordre, sans retour en arrière."
        )


def _day(need: Need, decision: Decision) -> date:
    today = timezone.localdate()
    day = decision.on or today
    if day > today:
        raise NeedError("La date d’une décision ne peut pas être dans le futur.")
    last = need.steps.order_by("-decided_on").values_list("decided_on", flat=True).first()
    if last is not None and day < last:
        raise NeedError(
            f"La décision ne peut pas précéder l’étape d’avant, du {french_date(last, 'j F Y')}."
        )
    return day


def _criteria(decision: Decision) -> list[dict[str, Any]]:
    """Each active criterion with its answer; refused when a required one is not met."""
    answers = []
    for criterion in Criterion.objects.filter(is_active=True):
        met = bool(decision.criteria.get(criterion.slug, False))
        if criterion.required and not met:
            raise NeedError(
                f"Le critère « {criterion.name} » n’est pas rempli : ce besoin ne peut pas être "
                "qualifié. Écartez-le en disant pourquoi, ou complétez-le d’abord."
            )
        answers.append({"name": criterion.name, "met": met})
    return answers
