"""No count under 5 shown where it could identify a project holder."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from maillage.plan.links import link_actions
from maillage.reports.annual.building import build_content
from maillage.reports.annual.disclosure import HIDDEN, shown, shown_breakdown
from maillage.reports.annual.freezing import report_of
from maillage.support.journeys.stage_file import load_stages
from tests.journeys.factories import SupportCaseFactory


@pytest.fixture
def this_year():
    return timezone.localdate().year


@pytest.fixture
def stages(db, tmp_path_factory):
    load_stages(tmp_path_factory.mktemp("hub"))


def test_counts_from_one_to_four_are_hidden_zero_and_five_are_shown():
    assert [shown(value) for value in (0, 1, 4, 5, 12)] == [0, HIDDEN, HIDDEN, 5, 12]


def test_a_single_hidden_cell_hides_the_next_smallest_so_the_total_does_not_reveal_it():
    assert shown_breakdown([3, 9, 7, 0]) == [HIDDEN, 9, HIDDEN, 0]
    assert shown_breakdown([3, 2, 9]) == [HIDDEN, HIDDEN, 9]
    assert shown_breakdown([6, 9]) == [6, 9]


def new_cases(plan, year, count):
    for _ in range(count):
        case = SupportCaseFactory(opened_on=date(year, 1, 5))
        link_actions(case, [plan.other])


@pytest.mark.django_db
def test_three_new_project_holders_read_as_fewer_than_five_everywhere(stages, plan, this_year):
    new_cases(plan, this_year, 3)
    content = build_content(report_of(this_year))
    support = [row for table in content.support for row in table.rows]
    assert ["Nouveaux porteurs de projet accompagnés", HIDDEN] in support
    action = content.activity[1].operationals[0].actions[0]
    figure = next(f for f in action.figures if f.label.startswith("Nouveaux porteurs"))
    assert figure.value == HIDDEN
    assert all(cell != 3 for row in support for cell in row)


@pytest.mark.django_db
def test_the_rule_is_stated_on_the_page_and_five_holders_are_counted(
    client_for, staff, stages, plan, this_year
):
    new_cases(plan, this_year, 5)
    text = client_for(staff).get(reverse("annual:report", args=[this_year])).content.decode()
    assert "tout effectif de 1 à 4 est remplacé par « moins de 5 »" in text.replace("\u00a0", " ")
    content = build_content(report_of(this_year))
    support = [row for table in content.support for row in table.rows]
    assert ["Nouveaux porteurs de projet accompagnés", 5] in support
