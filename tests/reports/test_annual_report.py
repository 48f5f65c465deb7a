"""The yearly activity report: the staff's draft, its texts, frozen versions, publication."""

from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from maillage.core.documents import Document, Table
from maillage.plan.links import link_actions
from maillage.reports.annual.document import build_document
from maillage.reports.annual.freezing import freeze, publish, report_of
from maillage.reports.annual.models import FrozenVersion
from maillage.reports.indicators.models import Target
from tests.activities.factories import ActivityFactory

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
