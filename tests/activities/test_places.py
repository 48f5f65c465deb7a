"""The hub's places: staff keep their list in pages, and the activity form offers them beside the
directory's organisations and the communes."""

import pytest

from maillage.activities.demo import create_demo_activities
from maillage.activities.models import Activity, Place
from maillage.core.demo import only_demo
from tests.activities.factories import ActivityFactory
from tests.activities.test_editing import at_minute, edit_data, form_data
from tests.directory.factories import CommuneFactory
from tests.tokens import with_token

pytestmark = pytest.mark.django_db

PLACES = "/agenda/equipe/lieux/"
NEW_PLACE = "/agenda/equipe/lieux/nouveau/"


@pytest.fixture
def staff_client(client_for, staff):
    return client_for(staff)


@pytest.fixture
def hall():
    return Place.objects.create(
        name="Maison des associations",
        address="4 rue des Halles",
        commune=CommuneFactory(code="35236", name="Redon"),
        capacity=40,
        accessibility="Rampe d’accès et boucle magnétique.",
    )


def test_staff_add_a_place_then_see_it_listed(staff_client):
    redon = CommuneFactory(code="35236", name="Redon")
    data = {"name": "Salle du Parc", "address": "1 allée du Parc", "commune": redon.pk}

    response = staff_client.post(NEW_PLACE, with_token(data | {"capacity": "25", "offered": "on"}))

    assert response.url == PLACES
    listing = staff_client.get(PLACES).content.decode()
    assert "Salle du Parc" in listing
    assert "1 allée du Parc, Redon" in listing


def test_a_new_place_sent_twice_is_added_once(staff_client):
    data = with_token({"name": "Salle du Parc", "address": "1 allée du Parc", "offered": "on"})

    staff_client.post(NEW_PLACE, data)
    second = staff_client.post(NEW_PLACE, data)

    assert second.url == PLACES
    assert Place.objects.count() == 1


def test_staff_correct_a_place(staff_client, hall):
    data = {"name": hall.name, "address": "6 rue des Halles", "capacity": "35"}

    staff_client.post(f"/agenda/equipe/lieux/{hall.pk}/", data)

    hall.refresh_from_db()
    assert (hall.address, hall.capacity, hall.offered) == ("6 rue des Halles", 35, False)


def test_the_activity_form_offers_the_hub_s_places_not_past_addresses(staff_client, hall):
    ActivityFactory(address="12 chemin d’une ancienne activité")
    Place.objects.create(name="Ancien local", address="8 impasse Close", offered=False)

    page = staff_client.get("/agenda/equipe/nouvelle/").content.decode()
    picker = page.split('name="place"')[1].split("</select>")[0]

    assert "Maison des associations" in picker
    assert "Ancien local" not in picker
    assert "ancienne activité" not in page


def test_picking_a_place_gives_the_activity_its_address_commune_and_accessibility(
    staff_client, hall
):
    staff_client.post("/agenda/equipe/nouvelle/", form_data(place=hall.pk, address=""))

    activity = Activity.objects.get()
    assert activity.place == hall
    assert activity.address == "Maison des associations, 4 rue des Halles"
    assert activity.commune == hall.commune
    assert activity.accessibility == "Rampe d’accès et boucle magnétique."


def test_an_activity_cannot_offer_more_seats_than_its_place_holds(staff_client, hall):
    response = staff_client.post(
        "/agenda/equipe/nouvelle/", form_data(place=hall.pk, capacity="60")
    )

    assert response.status_code == 400
    assert "Maison des associations accueille 40 personnes au plus." in response.content.decode()
    assert not Activity.objects.exists()


def test_a_place_no_longer_offered_stays_on_the_activities_held_there(staff_client, hall):
    activity = ActivityFactory(place=hall, address=hall.full_address, starts_at=at_minute(10))
    Place.objects.filter(pk=hall.pk).update(offered=False)

    page = staff_client.get(f"/agenda/equipe/{activity.slug}/modifier/").content.decode()
    staff_client.post(
        f"/agenda/equipe/{activity.slug}/modifier/",
        edit_data(activity, place=hall.pk, address=hall.full_address),
    )

    assert "Maison des associations" in page.split('name="place"')[1].split("</select>")[0]
    activity.refresh_from_db()
    assert activity.place == hall


def test_the_places_pages_are_for_staff_only(client_for, member, hall):
    client = client_for(member)
    for path in [PLACES, NEW_PLACE, f"/agenda/equipe/lieux/{hall.pk}/"]:
        assert client.get(path).status_code == 403


def test_the_demo_has_fictitious_places_once_however_often_it_is_loaded():
    create_demo_activities()
    places = list(only_demo(Place.objects.all()).values_list("name", flat=True))
    create_demo_activities()

    assert len(places) == 3
    assert all("fictif" in name or "fictive" in name for name in places)
    assert Place.objects.count() == 3
    assert Activity.objects.filter(place__isnull=False).exists()
