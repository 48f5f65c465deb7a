"""Published key figures (panoramas of the regional observatory) as ReferenceFigure rows."""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from maillage.observatory.enums import Indicator
from maillage.observatory.models import ReferenceFigure

EXTRACT = Path(__file__).resolve().parent / "data" / "ess_key_figures_published_extract.csv"
CODE = re.compile(r"\((\d[0-9AB]\d{3})")
SAME = "idem"


def _rows(path: Path) -> list[dict[str, str]]:
    """Rows with « idem » replaced by the value of the row above, as the file means it."""
    rows: list[dict[str, str]] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            previous = rows[-1] if rows else {}
            rows.append(
                {k: (previous.get(k, "") if v.startswith(SAME) else v) for k, v in row.items()}
            )
    return rows


@transaction.atomic
def load_published_figures(path: Path = EXTRACT) -> int:
    """Create or refresh the published figures; a second call creates nothing. Returns the
    number of rows created."""
    created = 0
    for row in _rows(path):
        if row["indicateur"] not in Indicator.values:
            continue
        code = CODE.search(row["territoire"])
        _, was_created = ReferenceFigure.objects.update_or_create(
            area_name=row["territoire"][:200],
            indicator=row["indicateur"],
            data_year=row["annee_donnees"][:50],
            publication=row["publication"][:300],
            defaults={
                "area_code": code.group(1) if code else "",
                "perimeter": row["perimetre"][:300],
                "value": Decimal(row["valeur"]),
                "unit": row["unite"][:50],
                "producer": row["producteur"][:200],
                "url": row["url_source"][:500],
                "remark": row["remarque"][:500],
            },
        )
        created += was_created
    return created
