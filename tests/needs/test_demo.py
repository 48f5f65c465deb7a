"""The demonstration needs: a dozen at every step, dated from the day of loading, idempotent,
with a merged duplicate; and the signals proposed from the demo's own search logs."""

from datetime import timedelta

import pytest
from django.utils import timezone

from maillage.accounts.demo import create_demo_accounts
from maillage.core.demo import is_demo
from maillage.needs import signals
from maillage.needs.demo import create_demo_needs
from maillage.needs.enums import NeedStatus, SignalSource
from maillage.needs.errors import NeedError
from maillage.needs.models import Need
from tests.directory.factories import CommuneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    for n, name in enumerate(["Allaire", "Bains-sur-Oust", "Guémené-Penfao", "Pipriac", "Redon"]):
        CommuneFactory(code=f"350{n:02d}", name=name)
    create_demo_accounts()
    return create_demo_needs()


def test_the_demo_has_needs_at_every_step_and_a_merged_duplicate(demo):
    assert demo == 13
    statuses = set(Need.objects.listed().values_list("status", flat=True))
    assert statuses == set(NeedStatus.values)
    duplicate = Need.objects.get(merged_into__isnull=False)
    assert duplicate.merged_into.supports.count() == 3  # its two supporters already counted
    assert all(is_demo(need) for need in Need.objects.all())


def test_its_dates_follow_the_day_of_loading(demo):
    today = timezone.localdate()
    answered = Need.objects.get(status=NeedStatus.ANSWERED)
    assert answered.created_at.date() == today - timedelta(days=300)
    days = list(answered.steps.values_list("decided_on", flat=True))
    assert days == sorted(days)
    assert days[-1] <= today


def test_a_second_load_creates_nothing(demo):
    count = Need.objects.count()
    assert create_demo_needs() == 0
    assert Need.objects.count() == count


def test_the_signals_of_the_demo_s_searches_are_proposed_with_their_counts(demo):
    proposed = {(c.source, c.words or c.theme, c.communes): c.times for c in signals.candidates()}
    assert proposed[(SignalSource.DIRECTORY, "laverie", ("Guémené-Penfao",))] == 4
    assert proposed[(SignalSource.DIRECTORY, "cinema associatif", ())] == 1
    orientation = [c for c in signals.candidates() if c.source == SignalSource.ORIENTATION]
    assert sorted(c.times for c in orientation) == [2, 3]


def test_a_signal_accepted_or_dismissed_is_not_proposed_again(demo, staff):
    laverie = next(c for c in signals.candidates() if c.words == "laverie")
    cinema = next(c for c in signals.candidates() if c.words == "cinema associatif")

    need = signals.accept(laverie, staff)
    signals.dismiss(cinema)

    assert need.is_private
    assert need.origin_text.startswith("Un signal de la plateforme")
    assert laverie.communes == tuple(c.name for c in need.communes.all())
    words = {c.words for c in signals.candidates()}
    assert "laverie" not in words
    assert "cinema associatif" not in words
    with pytest.raises(NeedError):
        signals.find(laverie.source, laverie.key)
