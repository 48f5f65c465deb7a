"""The lifecycle: forward only, skips with their reason, each step dated with who and why,
qualification against the hub's criteria."""

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from maillage.needs import lifecycle
from maillage.needs.enums import NeedStatus
from maillage.needs.errors import NeedError
from tests.needs.factories import CriterionFactory, NeedFactory

pytestmark = pytest.mark.django_db


def _decision(reason="Décidé en instance", **kwargs):
    return lifecycle.Decision(reason=reason, **kwargs)


def test_a_need_walks_every_step_in_order_each_dated_with_who_and_why(staff):
    need = NeedFactory()
    for target in (
        NeedStatus.QUALIFIED,
        NeedStatus.PRIORITISED,
        NeedStatus.BUILDING,
        NeedStatus.TESTED,
        NeedStatus.ANSWERED,
    ):
        lifecycle.move(need, target, _decision(f"Vers {target.label}", by=staff, label="Instance"))
    need.refresh_from_db()
    assert need.status == NeedStatus.ANSWERED
    steps = list(need.steps.values_list("to_status", "reason", "decided_by", "decided_by_label"))
    assert [s[0] for s in steps] == [
        "qualified",
        "prioritised",
        "building",
        "tested",
        "answered",
    ]
    assert all(s[2] == staff.pk and s[3] == "Instance" and s[1].startswith("Vers") for s in steps)


def test_a_need_never_goes_back():
    need = NeedFactory()
    lifecycle.move(need, NeedStatus.PRIORITISED, _decision("Urgent, qualifié et priorisé"))
    with pytest.raises(NeedError, match="dans l’ordre"):
        lifecycle.move(need, NeedStatus.QUALIFIED, _decision())


def test_a_skip_records_the_steps_jumped_and_its_reason():
    need = NeedFactory()
    step = lifecycle.move(need, NeedStatus.BUILDING, _decision("Le groupe mobilité s’en saisit"))
    assert step.skipped == ["qualified", "prioritised"]
    assert step.reason == "Le groupe mobilité s’en saisit"


def test_every_decision_needs_its_reason():
    need = NeedFactory()
    with pytest.raises(NeedError, match="pourquoi"):
        lifecycle.move(need, NeedStatus.QUALIFIED, _decision("  "))
    assert need.steps.count() == 0


def test_a_need_missing_a_required_criterion_cannot_be_qualified_but_can_be_set_aside():
    CriterionFactory(slug="collectif", name="Partagé par plusieurs", position=0)
    CriterionFactory(slug="optionnel", name="Des acteurs prêts", required=False, position=1)
    need = NeedFactory()
    with pytest.raises(NeedError, match="Partagé par plusieurs"):
        lifecycle.move(need, NeedStatus.QUALIFIED, _decision(criteria={"optionnel": True}))
    step = lifecycle.move(need, NeedStatus.SET_ASIDE, _decision("Situation individuelle"))
    assert step.to_status == NeedStatus.SET_ASIDE
    need.refresh_from_db()
    assert lifecycle.next_statuses(need) == []


def test_qualification_keeps_each_criterion_and_its_answer():
    CriterionFactory(slug="collectif", name="Partagé par plusieurs", position=0)
    CriterionFactory(slug="optionnel", name="Des acteurs prêts", required=False, position=1)
    need = NeedFactory()
    step = lifecycle.move(need, NeedStatus.QUALIFIED, _decision(criteria={"collectif": True}))
    assert step.criteria == [
        {"name": "Partagé par plusieurs", "met": True},
        {"name": "Des acteurs prêts", "met": False},
    ]


def test_a_closed_need_moves_no_more():
    need = NeedFactory()
    lifecycle.move(need, NeedStatus.SET_ASIDE, _decision("Hors du territoire"))
    with pytest.raises(NeedError):
        lifecycle.move(need, NeedStatus.QUALIFIED, _decision())


def test_an_unconfirmed_need_waits_for_its_confirmation():
    need = NeedFactory(unconfirmed=True)
    with pytest.raises(NeedError, match="confirmation"):
        lifecycle.move(need, NeedStatus.QUALIFIED, _decision())


def test_a_decision_is_not_dated_in_the_future_nor_before_the_previous_one():
    need = NeedFactory()
    today = timezone.localdate()
    with pytest.raises(NeedError, match="futur"):
        lifecycle.move(need, NeedStatus.QUALIFIED, _decision(on=today + timedelta(days=1)))
    lifecycle.move(need, NeedStatus.QUALIFIED, _decision(on=today - timedelta(days=3)))
    with pytest.raises(NeedError, match="précéder"):
        lifecycle.move(need, NeedStatus.PRIORITISED, _decision(on=today - timedelta(days=5)))
    need.refresh_from_db()
    assert need.status_changed_on == today - timedelta(days=3)


def test_whoever_expressed_a_need_online_hears_of_each_step(django_capture_on_commit_callbacks):
    need = NeedFactory(contact_email="nolwenn@exemple.org", contact_name="Nolwenn")
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.move(
            need,
            NeedStatus.QUALIFIED,
            lifecycle.Decision("Trois familles l’ont dit.", label="Instance du pôle"),
        )
    (message,) = mail.outbox
    assert message.to == ["nolwenn@exemple.org"]
    assert "« qualifié »" in message.subject
    assert "Trois familles l’ont dit." in message.body
    assert need.get_absolute_url() in message.body


def test_a_need_staff_recorded_for_someone_else_sends_nobody_news(
    staff, member, django_capture_on_commit_callbacks
):
    recorded = NeedFactory(submitted_by=staff)
    expressed = NeedFactory(submitted_by=member)
    with django_capture_on_commit_callbacks(execute=True):
        for need in (recorded, expressed):
            lifecycle.move(need, NeedStatus.SET_ASIDE, lifecycle.Decision("Hors du territoire."))
    assert [message.to for message in mail.outbox] == [[member.email]]
    assert "« écarté »" in mail.outbox[0].subject


def test_the_confirmation_link_module_imports_first_without_a_cycle():
    """The page module imports confirmation before lifecycle, which queues the news: a cycle
    between them breaks every URL of the site, however the tests imported them."""
    code = "import django; django.setup(); import maillage.needs.confirmation"
    environment = {"DJANGO_SETTINGS_MODULE": "maillage.settings.test", **os.environ}
    result = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
