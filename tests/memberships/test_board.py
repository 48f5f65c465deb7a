"""The board: staff record who sits on it, with which role and college, since when; the report
names the board of its year (bureau first); the legal notice lists the processing; an erased
person is named no more."""

from datetime import date

import pytest
from django.urls import reverse

from maillage.core import demo
from maillage.network.memberships.demo import create_demo_board
from maillage.network.memberships.enums import BoardRole
from maillage.network.memberships.models import BoardSeat
from maillage.network.people.erasure import erase
from maillage.reports.annual.building import build_content
from maillage.reports.annual.freezing import report_of
from tests.memberships.factories import CollegeFactory
from tests.people.factories import PersonFactory

pytestmark = pytest.mark.django_db
YEAR = 2026


def seat(role, since, until=None, **fields):
    return BoardSeat.objects.create(
        person=fields.pop("person", None) or PersonFactory(),
        role=role,
        starts_on=since,
        ends_on=until,
        **fields,
    )


def board_of(year):
    governance = build_content(report_of(year)).governance
    return next((t for t in governance if t.caption.startswith("Conseil")), None)


@pytest.mark.parametrize("who", [None, "member", "partner"])
def test_the_board_pages_are_the_staffs(client_for, who, request):
    user = request.getfixturevalue(who) if who else None
    for name in ("memberships:board", "memberships:board_seat_create"):
        response = client_for(user).get(reverse(name))
        assert response.status_code == (302 if user is None else 403)


def test_staff_add_a_seat_once_however_often_the_form_is_sent(client_for, staff):
    person, college = PersonFactory(first_name="Maïwenn", last_name="Le Goff"), CollegeFactory()
    client = client_for(staff)
    page = client.get(reverse("memberships:board_seat_create")).content.decode()
    token = page.split('name="submission" value="')[1].split('"')[0]
    data = {
        "submission": token,
        "person": person.pk,
        "role": BoardRole.TREASURER,
        "college": college.pk,
        "starts_on": "2025-06-14",
    }
    for _ in range(2):
        response = client.post(reverse("memberships:board_seat_create"), data)
        assert response.status_code == 302
    (saved,) = BoardSeat.objects.all()
    assert (saved.person, saved.role, saved.college, saved.starts_on) == (
        person,
        BoardRole.TREASURER,
        college,
        date(2025, 6, 14),
    )
    listed = client.get(reverse("memberships:board")).content.decode()
    assert "Maïwenn Le Goff" in listed
    assert "Trésorier·e" in listed


def test_a_person_holds_one_open_seat_at_a_time(client_for, staff):
    first = seat(BoardRole.MEMBER, date(2024, 6, 1))
    client = client_for(staff)
    page = client.get(reverse("memberships:board_seat_create")).content.decode()
    token = page.split('name="submission" value="')[1].split('"')[0]
    response = client.post(
        reverse("memberships:board_seat_create"),
        {
            "submission": token,
            "person": first.person.pk,
            "role": BoardRole.PRESIDENT,
            "starts_on": "2026-06-01",
        },
    )
    assert response.status_code == 400
    assert "Cette personne siège déjà au conseil." in response.content.decode()
    assert BoardSeat.objects.count() == 1


def test_staff_close_a_seat_but_never_before_it_began(client_for, staff):
    held = seat(BoardRole.SECRETARY, date(2024, 6, 1))
    client = client_for(staff)
    data = {"person": held.person.pk, "role": held.role, "starts_on": "2024-06-01"}
    refused = client.post(held.get_absolute_url(), {**data, "ends_on": "2024-05-31"})
    assert refused.status_code == 400
    assert "La fin du mandat au conseil suit son début." in refused.content.decode()
    client.post(held.get_absolute_url(), {**data, "ends_on": "2026-03-31"})
    held.refresh_from_db()
    assert held.ends_on == date(2026, 3, 31)


def test_the_report_names_the_board_of_its_year_bureau_first():
    college = CollegeFactory(name="Collège des associations")
    alice = PersonFactory(first_name="Alice", last_name="Zéphyr")
    seat(
        BoardRole.MEMBER, date(2023, 6, 1), person=PersonFactory(first_name="Bruno", last_name="A")
    )
    seat(BoardRole.PRESIDENT, date(2025, 6, 14), person=alice, college=college)
    seat(BoardRole.TREASURER, date(2022, 6, 1), date(2026, 4, 30))  # left during the year
    seat(BoardRole.SECRETARY, date(2020, 6, 1), date(2025, 12, 31))  # left the year before
    seat(BoardRole.MEMBER, date(YEAR + 1, 1, 15))  # joins the year after

    table = board_of(YEAR)

    assert table.header == ["Membre", "Fonction", "Collège", "Depuis le", "Jusqu’au"]
    assert [row[1] for row in table.rows] == [
        "Président·e",
        "Trésorier·e",
        "Membre du conseil d’administration",
    ]
    assert table.rows[0] == [
        "Alice Zéphyr",
        "Président·e",
        "Collège des associations",
        "14/06/2025",
        "en fonction",
    ]
    assert table.rows[1][4] == "30/04/2026"
    assert table.rows[2][:3] == ["Bruno A", "Membre du conseil d’administration", "–"]


def test_without_seats_the_report_has_no_board_table():
    assert board_of(YEAR) is None


def test_an_erased_person_keeps_the_seat_but_is_named_no_more():
    person = PersonFactory(first_name="Yannick", last_name="Effaçable")
    kept = seat(BoardRole.TREASURER, date(2025, 6, 1), person=person)
    seat(BoardRole.PRESIDENT, date(2025, 6, 1))

    erase(person)

    assert BoardSeat.objects.filter(pk=kept.pk).exists()
    assert "Effaçable" not in str(board_of(YEAR).rows)
    assert [row[1] for row in board_of(YEAR).rows] == ["Président·e"]


def test_the_legal_notice_lists_the_board_and_who_reads_it(client):
    html = client.get(reverse("web:legal")).content.decode()
    assert "Composition du conseil d’administration et du bureau de l’association" in html
    assert "le public, par le rapport d’activité publié" in html


def test_the_demo_board_is_fictitious_dated_from_today_and_loaded_once():
    people = [PersonFactory() for _ in range(8)]
    demo.mark(*people)
    CollegeFactory()

    assert create_demo_board() == 7
    assert create_demo_board() == 0

    today = demo.today()
    current = BoardSeat.objects.current(today)
    assert current.count() == 6
    assert {seat.role for seat in current} >= {BoardRole.PRESIDENT, BoardRole.TREASURER}
    assert demo.only_demo(BoardSeat.objects.all()).count() == 7
    assert all(seat.starts_on < today for seat in BoardSeat.objects.all())
