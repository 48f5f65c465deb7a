"""The yearly activity report: the staff's draft, its texts, frozen versions, publication."""

from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from maillage.core.documents import Document, Table
from maillage.plan.links import link_actions, link_publics
from maillage.plan.models import Action, OperationalObjective, StrategicObjective
from maillage.reports.annual.building import build_content
from maillage.reports.annual.document import build_document
from maillage.reports.annual.freezing import freeze, publish, report_of
from maillage.reports.annual.models import FrozenVersion
from maillage.reports.indicators.models import Target
from maillage.support.journeys.stage_file import load_stages
from tests.activities.factories import ActivityFactory, RegistrationFactory
from tests.journeys.factories import SupportCaseFactory
from tests.working_groups.factories import WorkingGroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def this_year():
    return timezone.localdate().year


def training(plan, year, day=5):
    start = datetime(year, 1, day, 9, tzinfo=timezone.get_default_timezone())
    activity = ActivityFactory(starts_at=start, ends_at=start + timedelta(hours=3))
    link_actions(activity, [plan.first])
    return activity


def page(client, year):
    return client.get(reverse("annual:report", args=[year]))


def test_staff_read_the_draft_with_each_action_target_beside_achieved(
    client_for, staff, plan, this_year
):
    training(plan, this_year)
    Target.objects.create(action=plan.first, indicator="trainings", year=this_year, value=4)
    response = page(client_for(staff), this_year)
    text = response.content.decode()
    assert "Brouillon visible de l’équipe seule" in text
    assert f"Action {plan.first.code}" in text
    assert "non atteinte" in text
    assert "Rapport moral" in text
    # No funding recorded by this test: the means section says so honestly.
    assert "À venir" in text


@pytest.mark.parametrize("who", [None, "member", "partner"])
def test_an_unpublished_report_is_not_found_by_anyone_but_staff(
    client_for, who, request, plan, this_year
):
    user = request.getfixturevalue(who) if who else None
    freeze(report_of(this_year))
    client = client_for(user)
    assert page(client, this_year).status_code == 404
    assert client.get(reverse("annual:version", args=[this_year, 1])).status_code == 404


def test_a_published_version_is_a_public_page(client_for, plan, this_year):
    training(plan, this_year)
    publish(freeze(report_of(this_year)))
    response = page(client_for(None), this_year)
    assert response.status_code == 200
    assert "Version 1, chiffres figés le" in response.content.decode()


def test_a_frozen_version_keeps_its_figures_when_records_change(client_for, staff, plan, this_year):
    training(plan, this_year, day=5)
    version = freeze(report_of(this_year))
    for day in (6, 7, 8):
        training(plan, this_year, day=day)
    content = client_for(staff).get(version.get_absolute_url()).content.decode()
    draft = page(client_for(staff), this_year).content.decode()
    formations = "Formations</th>"
    assert formations in content
    frozen_row = content.split(formations, 1)[1].split("</tr>", 1)[0]
    draft_row = draft.split(formations, 1)[1].split("</tr>", 1)[0]
    assert ">1 <" in frozen_row
    assert ">4 <" in draft_row


def test_freezing_twice_numbers_the_versions(plan, this_year):
    report = report_of(this_year)
    freeze(report)
    freeze(report)
    assert list(FrozenVersion.objects.values_list("number", flat=True)) == [2, 1]


def test_staff_write_the_texts_as_plain_paragraphs(client_for, staff, plan, this_year):
    client = client_for(staff)
    url = reverse("annual:texts", args=[this_year])
    form = {
        "moral_report": "Une année **forte**.\n\nMerci aux bénévoles.",
        "governance": "",
        "team": "",
        "partnerships": "",
        "outlook": "Ouvrir un tiers-lieu.",
        "objectif-1-highlights": "Le forum de juin.",
        "objectif-1-difficulties": "",
        "objectif-2-highlights": "",
        "objectif-2-difficulties": "Trop peu de bénévoles.",
    }
    response = client.post(url, form, follow=True)
    text = response.content.decode()
    assert "<p>Une année **forte**.</p><p>Merci aux bénévoles.</p>" in text
    assert "<strong>forte</strong>" not in text
    assert "Le forum de juin." in text
    assert "Trop peu de bénévoles." in text


def test_staff_freeze_and_publish_through_the_page(client_for, staff, plan, this_year):
    client = client_for(staff)
    response = client.post(reverse("annual:freeze", args=[this_year]), follow=True)
    assert "Version 1 figée" in response.content.decode()
    client.post(reverse("annual:publish", args=[this_year, 1]))
    assert FrozenVersion.objects.get().is_published


def test_the_document_of_a_frozen_version_never_changes(plan, this_year):
    training(plan, this_year)
    version = freeze(report_of(this_year))
    training(plan, this_year, day=9)
    first = build_document(version)
    assert isinstance(first, Document)
    assert first == build_document(FrozenVersion.objects.get(pk=version.pk))
    captions = [table.caption for table in first.tables()]
    assert f"Action {plan.first.code} : {plan.first.title}" in captions
    action_table = next(t for t in first.tables() if t.caption.startswith("Action 1a.1"))
    assert isinstance(action_table, Table)
    assert ("Formations", 1, None, None) in action_table.rows


def test_the_draft_costs_the_same_queries_however_many_records(client_for, staff, plan, this_year):
    client = client_for(staff)
    training(plan, this_year)
    page(client, this_year)
    with CaptureQueriesContext(connection) as few:
        page(client, this_year)
    for day in range(6, 16):
        training(plan, this_year, day=day)
    with CaptureQueriesContext(connection) as many:
        page(client, this_year)
    assert len(many) == len(few)


def test_a_year_too_far_back_has_no_report(client_for, staff):
    assert page(client_for(staff), date.today().year - 30).status_code == 404


def _busy_part_of_the_plan(plan, year, tag, actions):
    """A strategic objective with `actions` actions over two operational ones, each action with
    a training, attendees, a support case, a working group and a target."""
    strategic = StrategicObjective.objects.create(code=f"9{tag}", title=f"Objectif {tag}")
    operationals = [
        OperationalObjective.objects.create(
            strategic_objective=strategic, code=f"9{tag}{letter}", title=f"Sous-objectif {letter}"
        )
        for letter in "ab"
    ]
    for index in range(actions):
        action = Action.objects.create(
            operational_objective=operationals[index % 2],
            code=f"9{tag}.{index}",
            title=f"Action {tag} {index}",
        )
        activity = training(plan, year, day=1 + index % 28)
        link_actions(activity, [action])
        link_publics(activity, [plan.elected])
        RegistrationFactory.create_batch(2, activity=activity, attended=True)
        link_actions(SupportCaseFactory(opened_on=date(year, 2, 1)), [action])
        link_actions(WorkingGroupFactory(), [action])
        Target.objects.create(action=action, indicator="trainings", year=year, value=1)


def test_the_whole_report_costs_the_same_queries_with_ten_times_the_actions(
    client_for, staff, plan, this_year, tmp_path
):
    """The figures are grouped by plan row in the database: one query per indicator and level,
    whether the plan has 5 actions or 45, and 3 activities or 43."""
    load_stages(tmp_path)
    client = client_for(staff)
    _busy_part_of_the_plan(plan, this_year, "a", actions=2)
    page(client, this_year)  # warms the content types
    report = report_of(this_year)
    with CaptureQueriesContext(connection) as few_built:
        build_content(report)
    with CaptureQueriesContext(connection) as few:
        assert page(client, this_year).status_code == 200
    _busy_part_of_the_plan(plan, this_year, "b", actions=40)
    with CaptureQueriesContext(connection) as many_built:
        content = build_content(report)
    with CaptureQueriesContext(connection) as many:
        response = page(client, this_year)
    assert len(many_built) == len(few_built)
    assert len(many) == len(few)
    # And the figures are those of the records: 42 trainings linked to the busy actions.
    busy = [part for part in content.activity if part.code in ("9a", "9b")]
    trainings = [f.value for part in busy for f in part.figures if f.label == "Formations"]
    assert trainings == [2, 40]
    assert "9b.39" in response.content.decode()
