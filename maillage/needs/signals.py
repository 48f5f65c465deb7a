"""Candidate needs from what the platform sees: the directory's searches that found nothing and
the orientations no service fitted, grouped by folded words, theme and commune, with their
counts. Staff accept a group as a need or dismiss it; either way it is not proposed again.

The lower apps record their own misses (directory.search_log, services.misses) and never know
this module: it reads them.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from maillage.core.form_tokens import first_write
from maillage.directory.search_log import without_results
from maillage.needs import recording
from maillage.needs.enums import CandidateDecision, ExpressedBy, SignalSource, Visibility
from maillage.needs.errors import NeedError
from maillage.needs.models import Candidate, Need
from maillage.support.services.misses import misses_since
from maillage.territory.models import Commune

DAYS = 90
# Groups read from each source before regrouping; far more than staff read in a sitting.
READ_MAX = 500


@dataclass(frozen=True)
class CandidateNeed:
    source: SignalSource
    key: str
    words: str  # folded words of the searches, or the orientation's need
    theme: str  # in French
    communes: tuple[str, ...]  # names
    commune_codes: tuple[str, ...]
    times: int
    last_seen: date

    @property
    def title(self) -> str:
        what = self.words or self.theme or "Besoin sans précision"
        where = f" ({', '.join(self.communes)})" if self.communes else ""
        return f"{what[:1].upper()}{what[1:]}{where}"


def _names(codes: list[str]) -> dict[str, str]:
    return dict(Commune.objects.filter(code__in=codes).values_list("code", "name"))


def _from_directory(since_days: int, today: date) -> list[CandidateNeed]:
    grouped: dict[tuple[str, tuple[str, ...]], list[Any]] = defaultdict(list)
    for search in without_results(since_days, limit=READ_MAX, today=today):
        if not search.query:
            continue  # filters alone found nothing: a gap of the directory, not a need
        communes = tuple(sorted(search.filters.get("commune", []) or []))
        grouped[(search.query, communes)].append(search)
    names = _names([code for _, codes in grouped for code in codes])
    return [
        CandidateNeed(
            SignalSource.DIRECTORY,
            f"{query}|{','.join(codes)}",
            query,
            "",
            tuple(names.get(code, code) for code in codes),
            codes,
            sum(s.times for s in searches),
            max(s.last_searched_on for s in searches),
        )
        for (query, codes), searches in grouped.items()
    ]


def _from_orientation(since: date) -> list[CandidateNeed]:
    groups = misses_since(since, limit=READ_MAX)
    names = _names([group.commune_code for group in groups if group.commune_code])
    candidates = []
    for group in groups:
        theme = " – ".join(label for label in (group.theme_label, group.sector_label) if label)
        commune = names.get(group.commune_code, group.commune_code)
        candidates.append(
            CandidateNeed(
                SignalSource.ORIENTATION,
                f"{group.theme}|{group.sector_label}|{group.commune_code}",
                "",
                theme,
                (commune,) if commune else (),
                (group.commune_code,) if group.commune_code else (),
                group.times,
                group.last_asked_on,
            )
        )
    return candidates


def candidates(days: int = DAYS, today: date | None = None) -> list[CandidateNeed]:
    """Groups not decided yet, the most frequent first."""
    today = today or timezone.localdate()
    found = _from_directory(days, today) + _from_orientation(today - timedelta(days=days))
    decided = set(Candidate.objects.values_list("source", "key"))
    fresh = [c for c in found if (str(c.source), c.key) not in decided]
    return sorted(fresh, key=lambda c: (-c.times, c.source, c.key))


def find(source: str, key: str, days: int = DAYS) -> CandidateNeed:
    for candidate in candidates(days):
        if candidate.source == source and candidate.key == key:
            return candidate
    raise NeedError("Ce signal a déjà été examiné, ou n’est plus parmi les signaux récents.")


def _decide(candidate: CandidateNeed, decision: CandidateDecision, need: Need | None) -> None:
    written = first_write(
        lambda: Candidate.objects.create(
            source=candidate.source, key=candidate.key, decision=decision, need=need
        )
    )
    if written is None:
        raise IntegrityError("already decided")


def accept(candidate: CandidateNeed, by: Any) -> Need:
    """Record the group as a private need (staff then qualify it) and never propose it again."""
    communes = Commune.objects.filter(code__in=candidate.commune_codes)
    described = recording.Description(
        title=candidate.title[:200],
        description=(
            f"{candidate.source.label} : {candidate.times} fois, "
            f"la dernière le {candidate.last_seen:%d/%m/%Y}."
        ),
        expressed_by=ExpressedBy.SIGNAL,
        visibility=Visibility.PRIVATE,
        source_detail=candidate.source.label,
        communes=communes,
    )
    try:
        with transaction.atomic():
            need, _ = recording.record(described, uuid.uuid4(), by, label="Signal de la plateforme")
            _decide(candidate, CandidateDecision.ACCEPTED, need)
    except IntegrityError:
        raise NeedError("Ce signal vient d’être examiné par quelqu’un d’autre.") from None
    return need


def dismiss(candidate: CandidateNeed) -> None:
    try:
        _decide(candidate, CandidateDecision.DISMISSED, None)
    except IntegrityError:
        raise NeedError("Ce signal vient d’être examiné par quelqu’un d’autre.") from None
