from datetime import date, timedelta

import pytest

from maillage.directory import search_log
from maillage.directory.models import SearchLog
from tests.typeset import french

pytestmark = pytest.mark.django_db

URL = "/annuaire/recherches/"


def log(query, count, days_ago=0, **filters):
    entry = SearchLog.objects.create(query=query, filters=filters, result_count=count)
    SearchLog.objects.filter(pk=entry.pk).update(
        searched_on=date.today() - timedelta(days=days_ago)
    )


def test_the_report_is_for_staff_only(client_for, member):
    assert client_for(None).get(URL).status_code == 302
    assert client_for(member).get(URL).status_code == 403


def test_staff_see_frequent_searches_and_those_without_results(client_for, staff):
    log("jardin", 4)
    log("jardin", 4)
    log("repair cafe", 0)
    log("laverie", 0, days_ago=60)

    html = client_for(staff).get(URL).content.decode()

    assert french("« jardin »") in html
    assert french("« repair cafe »") in html
    assert "laverie" not in html
    assert "INVALID_TEMPLATE_VARIABLE" not in html
    assert "laverie" in client_for(staff).get(URL, {"jours": "90"}).content.decode()


def test_a_bad_period_is_a_400(client_for, staff):
    assert client_for(staff).get(URL, {"jours": "-3"}).status_code == 400


def test_summaries_group_identical_searches():
    log("jardin", 3, famille=["association"])
    log("jardin", 5, famille=["association"])
    log("jardin", 0)

    frequent = search_log.most_frequent(30)
    unmet = search_log.without_results(30)

    assert [(row.query, row.times, row.result_count) for row in frequent] == [
        ("jardin", 2, 5),
        ("jardin", 1, 0),
    ]
    assert [(row.query, row.filters) for row in unmet] == [("jardin", {})]
