"""Meetings: scheduled as members' activities of the agenda, written up on the group's page."""

from datetime import datetime

import pytest
from django.utils import timezone

from maillage.activities.enums import ActivityKind, ActivityStatus, Visibility
from maillage.activities.models import Activity, Place
from maillage.core.form_tokens import ALREADY_SAVED, ELSEWHERE, EXPIRED
from maillage.core.site import absolute_url
from maillage.network.working_groups.errors import WorkingGroupRefused
from maillage.network.working_groups.meetings import schedule_meeting, write_minutes
from maillage.network.working_groups.models import Meeting
from maillage.plan.links import actions_of, link_actions
from maillage.plan.models import Action
from tests.directory.factories import CommuneFactory
from tests.factories import UserFactory
from tests.tokens import with_token
from tests.typeset import french
from tests.working_groups.factories import MeetingFactory, WorkingGroupFactory

pytestmark = pytest.mark.django_db
G = "/groupes/eco-construction"
PARIS = timezone.get_default_timezone()
NEXT = {"starts_at": "2027-01-12T14:00", "ends_at": "2027-01-12T16:00", "address": "Salle fictive"}


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=PARIS)


def test_a_facilitator_schedules_a_meeting_that_joins_the_members_agenda(
    client_for, group, facilitator
):
    response = client_for(facilitator).post(
        f"{G}/reunions/", with_token({**NEXT, "agenda": "1. Chantier participatif"})
    )

    assert response.status_code == 302
    meeting = Meeting.objects.get(group=group)
    activity = meeting.activity
    assert (activity.kind, activity.visibility, activity.status) == (
        ActivityKind.MEETING, Visibility.MEMBERS, ActivityStatus.PUBLISHED,
    )  # fmt: skip
    assert not activity.requires_registration
    assert activity.starts_at == _at("2027-01-12T14:00")
    assert meeting.agenda == "1. Chantier participatif"


def test_the_meeting_is_in_members_agenda_but_not_the_public_one(client_for, group, member):
    schedule_meeting(group, starts_at=_at("2027-01-12T14:00"), ends_at=_at("2027-01-12T16:00"))

    assert "Réunion du groupe" in client_for(member).get("/agenda/").content.decode()
    client_for(None).logout()
    assert "Réunion du groupe" not in client_for(None).get("/agenda/").content.decode()


def test_the_meeting_s_agenda_page_leads_members_to_the_group(client_for, group, member):
    meeting = schedule_meeting(
        group, starts_at=_at("2027-01-12T14:00"), ends_at=_at("2027-01-12T16:00")
    )

    page = client_for(member).get(meeting.activity.get_absolute_url()).content.decode()

    assert f'<a href="{absolute_url(G)}/"' in page


def test_the_meeting_serves_the_plan_actions_of_its_group(group, loaded_plan):
    link_actions(group, Action.objects.filter(code="3c.3"))

    meeting = schedule_meeting(
        group, starts_at=_at("2027-01-12T14:00"), ends_at=_at("2027-01-12T16:00")
    )

    assert [action.code for action in actions_of(meeting.activity)] == ["3c.3"]


def test_the_meeting_form_sent_twice_lands_on_the_meeting_created_once(
    client_for, group, facilitator
):
    client, data = client_for(facilitator), with_token(NEXT)

    client.post(f"{G}/reunions/", data)
    response = client.post(f"{G}/reunions/", data, follow=True)

    assert response.redirect_chain == [(group.get_absolute_url(), 302)]
    assert french(ALREADY_SAVED) in response.content.decode()
    assert Meeting.objects.count() == Activity.objects.count() == 1


def test_another_form_for_the_same_time_is_refused_with_a_french_message(
    client_for, group, facilitator
):
    client = client_for(facilitator)
    client.post(f"{G}/reunions/", with_token(NEXT))
    response = client.post(f"{G}/reunions/", with_token(NEXT))

    assert response.status_code == 400
    assert "déjà prévue à cette heure" in response.content.decode()
    assert Meeting.objects.count() == Activity.objects.count() == 1


def test_the_meeting_form_without_its_token_is_refused_and_keeps_what_was_typed(
    client_for, group, facilitator
):
    response = client_for(facilitator).post(f"{G}/reunions/", NEXT)

    assert response.status_code == 400
    assert french(EXPIRED) in response.content.decode()
    assert 'value="Salle fictive"' in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_meeting_token_of_another_group_is_refused(client_for, group, staff):
    other = WorkingGroupFactory(slug="finances")
    data = with_token(NEXT)
    client = client_for(staff)
    client.post("/groupes/finances/reunions/", data)

    response = client.post(f"{G}/reunions/", data)

    assert response.status_code == 400
    assert french(ELSEWHERE) in response.content.decode()
    assert [meeting.group for meeting in Meeting.objects.all()] == [other]


def test_two_meetings_of_one_group_on_the_same_day_get_distinct_addresses(group):
    first = schedule_meeting(
        group, starts_at=_at("2027-01-12T09:00"), ends_at=_at("2027-01-12T10:00")
    )
    second = schedule_meeting(
        group, starts_at=_at("2027-01-12T14:00"), ends_at=_at("2027-01-12T16:00")
    )

    assert first.activity.slug == "reunion-eco-construction-2027-01-12"
    assert second.activity.slug == "reunion-eco-construction-2027-01-12-2"


def test_a_meeting_ending_before_it_starts_is_refused_with_a_french_message(
    client_for, group, facilitator
):
    data = with_token({**NEXT, "ends_at": "2027-01-12T13:00"})

    response = client_for(facilitator).post(f"{G}/reunions/", data)

    assert response.status_code == 400
    assert "La fin de la réunion doit suivre son début." in response.content.decode()
    assert 'value="Salle fictive"' in response.content.decode()  # nothing typed is lost
    with pytest.raises(WorkingGroupRefused):
        schedule_meeting(group, starts_at=_at("2027-01-12T14:00"), ends_at=_at("2027-01-12T14:00"))


def test_publishing_minutes_shows_them_to_the_hub_s_members(client_for, group, facilitator):
    meeting = MeetingFactory(group=group, past=True)
    outsider = UserFactory(current_member=True)  # a member of the hub, not of the group
    client_for(facilitator).post(
        f"{G}/reunions/{meeting.pk}/",
        {"agenda": meeting.agenda, "minutes": "Décision : chantier en mars.", "publish": "on"},
    )

    meeting.refresh_from_db()
    assert meeting.minutes_published_at is not None
    client_for(None).logout()
    page = client_for(outsider).get(f"{G}/").content.decode()
    assert french("Décision : chantier en mars.") in page


def test_empty_minutes_cannot_be_published(client_for, group, facilitator):
    meeting = MeetingFactory(group=group, past=True)

    response = client_for(facilitator).post(
        f"{G}/reunions/{meeting.pk}/", {"minutes": "  ", "publish": "on"}
    )

    assert response.status_code == 400
    assert "Le compte rendu est vide" in response.content.decode()


def test_unpublishing_keeps_the_text_and_hides_it(group):
    meeting = MeetingFactory(group=group, past=True, with_published_minutes=True)

    write_minutes(meeting, agenda=meeting.agenda, minutes=meeting.minutes, publish=False)

    meeting.refresh_from_db()
    assert meeting.minutes_published_at is None
    assert meeting.minutes.startswith("Compte rendu publié")


def test_republishing_keeps_the_first_publication_date(group):
    meeting = MeetingFactory(group=group, past=True, with_published_minutes=True)
    first = meeting.minutes_published_at

    write_minutes(meeting, agenda="", minutes="Texte corrigé.", publish=True)

    assert meeting.minutes_published_at == first


def test_a_meeting_held_at_a_place_of_the_hub_takes_its_address(client_for, group, facilitator):
    redon = CommuneFactory(code="35236", name="Redon")
    hall = Place.objects.create(name="Maison des associations", address="4 rue", commune=redon)

    client_for(facilitator).post(
        f"{G}/reunions/", with_token({**NEXT, "address": "", "place": hall.pk})
    )

    activity = Meeting.objects.get(group=group).activity
    assert (activity.place, activity.commune) == (hall, redon)
    assert activity.address == "Maison des associations, 4 rue"


def test_staff_move_or_cancel_a_meeting_from_the_group_s_page(client_for, group, staff):
    meeting = schedule_meeting(
        group, starts_at=_at("2027-01-12T14:00"), ends_at=_at("2027-01-12T16:00")
    )
    slug = meeting.activity.slug

    page = client_for(staff).get(f"{G}/").content.decode()

    assert f'href="/agenda/equipe/{slug}/modifier/"' in page
    assert f'href="/agenda/equipe/{slug}/annuler/"' in page
