"""Who may open each page of the address book: role × page × action, and object-level checks.

Staff pages: staff and administrators only (members and partners 403, anonymous → login).
« Mes données » and the export download: any signed-in person, for their own data only.
"""

import re

import pytest

from maillage.network.people.enums import ImportStatus
from maillage.network.people.exports import create_link
from maillage.network.people.models import ContactImport
from tests.people.factories import AffiliationFactory, InteractionFactory, PersonFactory

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "member", "partner", "staff", "administrator"]


@pytest.fixture
def objects():
    affiliation = AffiliationFactory()
    person = affiliation.person
    interaction = InteractionFactory(person=person)
    done = ContactImport.objects.create(
        filename="fait.csv", status=ImportStatus.DONE, report='{"header": [], "rejected": []}'
    )
    waiting = ContactImport.objects.create(
        filename="attente.csv", rows='{"header": ["Nom"], "rows": [[2, ["Durand"]]]}'
    )
    return {
        "p": person.pk,
        "a": affiliation.pk,
        "i": interaction.pk,
        "done": done.pk,
        "waiting": waiting.pk,
    }


STAFF_GETS = [
    "/contacts/",
    "/contacts/export.csv",
    "/contacts/nouveau/",
    "/contacts/import/",
    "/contacts/import/{waiting}/",
    "/contacts/import/{done}/",
    "/contacts/import/{done}/rejets.csv",
    "/contacts/{p}/",
    "/contacts/{p}/modifier/",
    "/contacts/{p}/structures/{a}/",
    "/contacts/{p}/echanges/{i}/",
    "/contacts/{p}/effacer/",
]
STAFF_POSTS = [
    "/contacts/nouveau/",
    "/contacts/import/",
    "/contacts/import/{waiting}/",
    "/contacts/{p}/modifier/",
    "/contacts/{p}/structures/",
    "/contacts/{p}/structures/{a}/",
    "/contacts/{p}/echanges/",
    "/contacts/{p}/echanges/{i}/",
    "/contacts/{p}/consentements/",
    "/contacts/{p}/export/",
    "/contacts/{p}/effacer/",
    "/contacts/{p}/structures/{a}/retirer/",  # last: it removes the affiliation
]
SIGNED_IN_GETS = ["/espace-membre/mes-donnees/"]
SIGNED_IN_POSTS = ["/espace-membre/mes-donnees/consentement/", "/espace-membre/mes-donnees/export/"]


def user_for(request, role):
    return None if role == "anonymous" else request.getfixturevalue(role)


@pytest.mark.parametrize("role", ROLES)
def test_staff_pages_open_to_staff_and_administrators_only(request, client_for, objects, role):
    client = client_for(user_for(request, role))
    calls = [("get", url) for url in STAFF_GETS] + [("post", url) for url in STAFF_POSTS]
    for method, template in calls:
        url = template.format(**objects)
        status = getattr(client, method)(url).status_code
        if role == "anonymous":
            assert status == 302, (method, url)
            assert getattr(client, method)(url)["Location"].startswith("/compte/connexion/")
        elif role in ("member", "partner"):
            assert status == 403, (method, url)
        else:
            assert status in (200, 302, 400), (method, url, status)


@pytest.mark.parametrize("role", ROLES)
def test_my_data_pages_open_to_every_signed_in_person(request, client_for, role):
    client = client_for(user_for(request, role))
    for method, url in [("get", u) for u in SIGNED_IN_GETS] + [
        ("post", u) for u in SIGNED_IN_POSTS
    ]:
        status = getattr(client, method)(url).status_code
        if role == "anonymous":
            assert status == 302, (method, url)
        else:
            assert status in (200, 400), (method, url, status)


def test_a_member_cannot_open_another_person_s_record_by_id(client_for, member):
    other = PersonFactory()
    client = client_for(member)

    assert client.get(f"/contacts/{other.pk}/").status_code == 403
    assert client.post(f"/contacts/{other.pk}/export/").status_code == 403


def test_a_member_cannot_use_an_export_link_made_by_staff(client_for, staff, member, client):
    person = PersonFactory()
    page = client_for(staff).post(f"/contacts/{person.pk}/export/").content.decode()
    link = re.search(r'href="(/donnees/export/[^"]+)"', page)[1]
    client.logout()

    client.force_login(member)

    assert client.get(link).status_code == 404


def test_staff_cannot_use_a_member_s_own_export_link(client_for, member, staff, client):
    page = client_for(member).post("/espace-membre/mes-donnees/export/").content.decode()
    link = re.search(r'href="(/donnees/export/[^"]+)"', page)[1]
    client.logout()

    client.force_login(staff)

    assert client.get(link).status_code == 404


def test_a_link_made_in_another_session_is_refused(client_for, staff):
    token = create_link(None, staff, "une-autre-session")

    assert client_for(staff).get(f"/donnees/export/{token}/").status_code == 403
