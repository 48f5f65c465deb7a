"""Demonstration snapshot: the directory's fictitious establishments, marked as such."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone

from maillage.core import demo
from maillage.observatory.enums import Indicator
from maillage.observatory.figures.compute import compute_from_directory
from maillage.observatory.models import ReferenceFigure, Snapshot
from maillage.territory.queries import current_territory

# The hub's identity fiche: 3 042 jobs are 12,7 % of salaried jobs, so about 23 953 in all.
DEMO_ALL_JOBS = Decimal("23953")


def create_demo_observatory() -> Snapshot | None:
    """A demo all-sector denominator and one snapshot of the demo directory,
    dated 1 January of the year it is loaded. Idempotent: once a demo snapshot of the territory
    exists, a later call the same day (more entries) records no other, so that no « évolution »
    is drawn between two fictitious states; on a later day `load_demo` has removed it first
    (core.demo.renew) and it is computed again. None when no territory is loaded."""
    territory = current_territory()
    if territory is None:
        return None
    figure, created = ReferenceFigure.objects.get_or_create(
        area_name=territory.name,
        indicator=Indicator.ALL_JOBS,
        data_year="démonstration",
        publication="Déduit des chiffres clés de la fiche d’identité du pôle (3 042 emplois, "
        "12,7 %) – données fictives de démonstration",
        defaults={
            "area_code": territory.slug,
            "value": DEMO_ALL_JOBS,
            "unit": "emplois",
            "producer": "Le pôle (démonstration)",
        },
    )
    if created:
        demo.mark(figure)
    existing = demo.only_demo(Snapshot.objects.filter(territory_name=territory.name)).first()
    if existing is not None:
        return existing
    new_year = timezone.localdate().replace(month=1, day=1)
    # `is_demo` keeps its figures apart from a real snapshot of the same data (by their hash).
    snapshot = compute_from_directory(territory, data_date=new_year, is_demo=True)
    demo.mark(snapshot, renewed=True)
    return snapshot
