"""The yearly activity report of a busy year, computed at the demo's size and at ten times it.

A year of about 500 activities, 5 000 registrations and 200 support cases (the demo's order of
size), then ten times that (5 000 activities, 50 000 registrations, 2 000 cases): the report's
figures are counted by the database, so the number of queries must not grow with the records
(asserted in the same run), and the figures must come in 5 s or less (printed, « atteint » or
not). Peak memory is printed: Python's allocations while computing (tracemalloc) and the
process's resident peak.
"""

from __future__ import annotations

import random
import time
import tracemalloc
from datetime import date, datetime, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from benchmarks.french import met
from benchmarks.process_memory import status_kb
from maillage.activities.enums import ActivityKind, ActivityStatus, RegistrationStatus
from maillage.activities.models import Activity, AudienceCount, Registration
from maillage.core.french import number
from maillage.plan.enums import PublicCategory
from maillage.plan.models import Action, ActionLink, PublicLink, TargetPublic
from maillage.reports.annual.building import build_content
from maillage.reports.annual.models import AnnualReport
from maillage.support.journeys.enums import ProjectKind
from maillage.support.journeys.models import Stage, SupportCase

FIGURES_BUDGET_S = 5.0
# Per unit of scale: the demo's order of size.
ACTIVITIES, REGISTRATIONS_EACH, CASES = 500, 10, 200
KINDS = list(ActivityKind)
BATCH = 2000


def _add_year(year: int, seed: int, scale: int) -> None:
    """`scale` units of a year's records, linked to the plan's actions and publics."""
    draw = random.Random(seed)
    zone = timezone.get_default_timezone()
    actions = list(Action.objects.values_list("pk", flat=True))
    publics = list(TargetPublic.objects.values_list("pk", flat=True))
    stages = list(Stage.objects.values_list("pk", flat=True))
    activities = []
    for index in range(ACTIVITIES * scale):
        start = datetime(year, 1, 1, 9, tzinfo=zone) + timedelta(days=draw.randrange(360))
        activities.append(
            Activity(
                kind=draw.choice(KINDS),
                title=f"Activité de mesure {seed}-{index}",
                slug=f"mesure-{seed}-{index}",
                starts_at=start,
                ends_at=start + timedelta(hours=draw.choice((1, 2, 3, 7))),
                status=ActivityStatus.PUBLISHED,
            )
        )
    activities = Activity.objects.bulk_create(activities, batch_size=BATCH)
    _link(activities, actions, publics, draw)
    Registration.objects.bulk_create(
        (
            Registration(
                activity=activity,
                name="Personne de mesure",
                email=f"p{number}@mesure.test",
                status=RegistrationStatus.CONFIRMED,
                attended=draw.random() < 0.7,
            )
            for activity in activities
            for number in range(REGISTRATIONS_EACH)
        ),
        batch_size=BATCH,
    )
    AudienceCount.objects.bulk_create(
        AudienceCount(activity=a, category=PublicCategory.SCOLAIRES, count=25)
        for a in activities
        if a.kind == ActivityKind.AWARENESS
    )
    cases = SupportCase.objects.bulk_create(
        (
            SupportCase(
                title=f"Projet de mesure {index}",
                kind=ProjectKind.INDIVIDUAL,
                stage_id=draw.choice(stages),
                opened_on=date(year, 1, 1) + timedelta(days=draw.randrange(360)),
            )
            for index in range(CASES * scale)
        ),
        batch_size=BATCH,
    )
    _link(cases, actions, publics, draw)


def _link(records, actions, publics, draw) -> None:
    kind = ContentType.objects.get_for_model(records[0])
    ActionLink.objects.bulk_create(
        (
            ActionLink(content_type=kind, object_id=record.pk, action_id=action)
            for record in records
            for action in draw.sample(actions, 2)
        ),
        batch_size=BATCH,
    )
    PublicLink.objects.bulk_create(
        (
            PublicLink(content_type=kind, object_id=record.pk, public_id=draw.choice(publics))
            for record in records
        ),
        batch_size=BATCH,
    )


def _measure(report: AnnualReport) -> tuple[float, int, int]:
    """Seconds, queries and Python's peak allocation (kB) of the report's figures."""
    tracemalloc.start()
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        build_content(report)
        seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, len(queries), peak // 1024


@pytest.mark.django_db
def test_report_figures_cost_the_same_queries_at_ten_times_the_demo(capsys):
    year = timezone.localdate().year - 1
    report = AnnualReport.objects.create(year=year)
    _add_year(year, seed=1, scale=1)
    build_content(report)  # warms the content types and the registry's caches
    small = _measure(report)
    _add_year(year, seed=2, scale=9)
    large = _measure(report)
    with capsys.disabled():
        print(
            f"\nRapport d’activité {year} (1× : {number(ACTIVITIES)} activités, "
            f"{number(ACTIVITIES * REGISTRATIONS_EACH)} inscriptions, {number(CASES)} dossiers ; "
            "10× : dix fois plus)"
        )
        for label, (seconds, queries, peak) in (("1×", small), ("10×", large)):
            print(
                f"  {label:<4} chiffres en {number(seconds, 2)} s "
                f"(cible ≤ {number(FIGURES_BUDGET_S)} s : {met(seconds <= FIGURES_BUDGET_S)}), "
                f"{queries} requêtes, pic Python {number(peak)} ko"
            )
        print(f"  pic mémoire du processus (VmHWM) : {number(status_kb('VmHWM'))} ko")
        constant = met(large[1] == small[1])
        print(f"  requêtes 10× / 1× : {number(large[1] / small[1], 2)} (cible 1 : {constant})")
    assert large[1] == small[1]
