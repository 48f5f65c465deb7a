"""The demo snapshot and the compute_snapshot command."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from maillage.core import demo
from maillage.observatory.demo import create_demo_observatory
from maillage.observatory.models import ReferenceFigure, Snapshot
from tests.observatory.sirene_files import write_stock
from tests.observatory.test_sirene_figures import stock_rows


def test_demo_observatory_is_marked_and_idempotent(hand_directory):
    first = create_demo_observatory()
    counts = (Snapshot.objects.count(), ReferenceFigure.objects.count())

    second = create_demo_observatory()

    assert second.pk == first.pk
    assert (Snapshot.objects.count(), ReferenceFigure.objects.count()) == counts
    assert demo.is_demo(first)
    assert first.denominator == "reference"


def test_demo_without_territory_does_nothing(db):
    assert create_demo_observatory() is None


def test_command_computes_from_a_sirene_stock(territory, tmp_path):
    etab, units = write_stock(tmp_path, *stock_rows())
    out = StringIO()

    call_command(
        "compute_snapshot",
        "--source",
        "sirene",
        "--etablissements",
        str(etab),
        "--unites",
        str(units),
        "--data-date",
        "2025-01-01",
        stdout=out,
    )

    assert "Instantané n°" in out.getvalue()
    assert "3 établissements employeurs" in out.getvalue()
    assert Snapshot.objects.get().data_date.isoformat() == "2025-01-01"


def test_command_reports_a_refusal_in_french(territory, tmp_path):
    etab, units = write_stock(tmp_path, *stock_rows())

    with pytest.raises(CommandError, match="unités légales"):
        call_command(
            "compute_snapshot",
            "--source",
            "sirene",
            "--etablissements",
            str(units),
            "--unites",
            str(etab),
            stdout=StringIO(),
        )
