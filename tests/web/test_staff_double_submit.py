"""A staff create form sent twice (double click, browser resubmit, two submits at the same instant)
writes one row: activities, their duplicates and cycles, working groups and their meetings,
reference figures."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from maillage.activities.models import Activity, Series
from maillage.core.form_tokens import ALREADY_SAVED, EXPIRED
from maillage.network.working_groups.models import Meeting, WorkingGroup
from maillage.observatory.enums import Indicator
from maillage.observatory.models import ReferenceFigure
from tests.activities.factories import ActivityFactory
from tests.activities.test_editing import at_minute, form_data, png
from tests.factories import UserFactory
from tests.posting import THREADS, post_at_once
from tests.tokens import with_token
from tests.typeset import french
from tests.working_groups.factories import WorkingGroupFactory

CREATE = "/agenda/equipe/nouvelle/"
GROUP = {"name": "Cantines", "slug": "", "purpose": "Des repas bio.", "status": "active"}
FIGURE = {
    "indicator": Indicator.ALL_JOBS,
    "value": "25310",
    "unit": "emplois",
    "area_name": "Pays de Redon",
    "area_code": "pays-de-redon",
    "data_year": "2023",
    "publication": "Flores 2023",
    "producer": "INSEE",
}
FIGURES = "/observatoire/chiffres-de-reference/nouveau/"


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.mark.django_db
def test_a_new_activity_sent_twice_is_created_once(client_for, staff):
    client, data = client_for(staff), form_data()

    first = client.post(CREATE, data)
    second = client.post(CREATE, data)

    activity = Activity.objects.get()
    assert first.url == second.url == f"/agenda/equipe/{activity.slug}/"
    assert messages_of(second)[-1] == ALREADY_SAVED


@pytest.mark.django_db
def test_two_new_activity_forms_create_two_activities(client_for, staff):
    client = client_for(staff)

    client.post(CREATE, form_data())
    client.post(CREATE, form_data())

    assert Activity.objects.count() == 2


@pytest.mark.django_db
def test_a_new_activity_without_its_token_is_refused_and_keeps_what_was_typed(client_for, staff):
    data = form_data()
    del data["submission"]

    response = client_for(staff).post(CREATE, data)

    assert response.status_code == 400
    assert french(EXPIRED) in response.content.decode()
    assert "Atelier comptabilité" in response.content.decode()
    assert not Activity.objects.exists()


@pytest.mark.django_db
def test_the_form_draws_a_new_token_each_time_and_the_edit_form_has_none(client_for, staff):
    client = client_for(staff)
    activity = ActivityFactory(starts_at=at_minute(10))

    tokens = [client.get(CREATE).context["form"]["submission"].value() for _ in range(2)]
    edit = client.get(f"/agenda/equipe/{activity.slug}/modifier/").context["form"]

    assert tokens[0] != tokens[1]
    assert "submission" not in edit.fields


@pytest.mark.django_db
def test_a_duplicate_sent_twice_makes_one_new_date(client_for, staff):
    source = ActivityFactory(slug="atelier-mensuel", starts_at=at_minute(9))
    client, data = client_for(staff), form_data()

    for _ in range(2):
        client.post("/agenda/equipe/atelier-mensuel/dupliquer/", data)

    assert Activity.objects.exclude(pk=source.pk).count() == 1


@pytest.mark.django_db
def test_a_new_cycle_sent_twice_is_created_once(client_for, staff):
    client, data = client_for(staff), with_token({"title": "Parcours trésorier"})

    for _ in range(2):
        last = client.post("/agenda/equipe/nouveau-cycle/", data)

    assert Series.objects.count() == 1
    assert messages_of(last)[-1] == ALREADY_SAVED


@pytest.mark.django_db
def test_a_new_group_sent_twice_lands_on_the_group_created_once(client_for, staff):
    client, data = client_for(staff), with_token(GROUP)

    client.post("/groupes/nouveau/", data)
    second = client.post("/groupes/nouveau/", data)

    group = WorkingGroup.objects.get()
    assert second.url == group.get_absolute_url()
    assert messages_of(second)[-1] == ALREADY_SAVED


@pytest.mark.django_db
def test_another_group_of_the_same_name_is_refused(client_for, staff):
    client = client_for(staff)

    client.post("/groupes/nouveau/", with_token(GROUP))
    second = client.post("/groupes/nouveau/", with_token(GROUP))

    assert second.status_code == 400
    assert WorkingGroup.objects.count() == 1


# Several submits at the same instant: real threads, each with its own connection.


@pytest.mark.django_db(transaction=True)
def test_a_new_activity_fired_from_several_threads_at_once_is_created_once():
    staff = UserFactory(staff=True)

    statuses = post_at_once(staff, CREATE, form_data())

    assert statuses == [302] * THREADS
    assert Activity.objects.count() == 1


def _stored_images() -> set[str]:
    return (
        set(default_storage.listdir("activities")[1])
        if default_storage.exists("activities")
        else set()
    )


@pytest.mark.django_db(transaction=True)
def test_a_new_activity_with_an_image_fired_at_once_keeps_one_file():
    """Each losing submit wrote its copy of the upload before the token's constraint refused
    its row: the copy goes with it, so the storage gains the winner's image only."""
    staff = UserFactory(staff=True)
    data = form_data(image_alt="L’affiche de l’atelier")
    before = _stored_images()

    def with_image():
        return {**data, "image": SimpleUploadedFile("affiche.png", png(), "image/png")}

    statuses = post_at_once(staff, CREATE, with_image)

    assert statuses == [302] * THREADS
    activity = Activity.objects.get()
    assert _stored_images() - before == {Path(activity.image.name).name}


@pytest.mark.django_db(transaction=True)
def test_a_duplicate_fired_from_several_threads_at_once_makes_one_new_date():
    staff = UserFactory(staff=True)
    source = ActivityFactory(slug="atelier-mensuel", starts_at=at_minute(9))

    statuses = post_at_once(staff, "/agenda/equipe/atelier-mensuel/dupliquer/", form_data())

    assert statuses == [302] * THREADS
    assert Activity.objects.exclude(pk=source.pk).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_new_cycle_fired_from_several_threads_at_once_is_created_once():
    staff = UserFactory(staff=True)

    statuses = post_at_once(staff, "/agenda/equipe/nouveau-cycle/", with_token({"title": "Cycle"}))

    assert statuses == [302] * THREADS
    assert Series.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_new_group_fired_from_several_threads_at_once_is_created_once():
    staff = UserFactory(staff=True)

    statuses = post_at_once(staff, "/groupes/nouveau/", with_token(GROUP))

    assert statuses == [302] * THREADS
    assert WorkingGroup.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_meeting_fired_from_several_threads_at_once_is_scheduled_once():
    staff = UserFactory(staff=True)
    WorkingGroupFactory(slug="cantines")
    meeting = {"starts_at": "2027-01-12T14:00", "ends_at": "2027-01-12T16:00"}

    statuses = post_at_once(staff, "/groupes/cantines/reunions/", with_token(meeting))

    # Each submit lands on the group's page: the first scheduled it, the others are told so.
    assert statuses == [302] * THREADS
    assert Meeting.objects.count() == Activity.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_reference_figure_fired_from_several_threads_at_once_is_saved_once():
    staff = UserFactory(staff=True)

    statuses = post_at_once(staff, FIGURES, FIGURE)

    # The first is saved; the others are told the figure is already there, none fails.
    assert sorted(statuses) == [302] + [400] * (THREADS - 1)
    assert ReferenceFigure.objects.get().value == Decimal("25310")
