"""Who may open or post what in the working groups: every view × every kind of visitor.

Read a row as: the request, then what an anonymous visitor, a member of the hub who belongs to
the group, a member who does not, the group's facilitator, a partner, a staff member and an
administrator get. OK is a 200; DONE a redirect back to the page after acting; BAD a 400 (the
guard let the person in, the empty form was refused); LOG a redirect to the login page; NO a 403.
"""

from urllib.parse import quote

import pytest

from tests.working_groups.factories import DocumentFactory, MeetingFactory

pytestmark = pytest.mark.django_db

OK, DONE, BAD, LOG, NO = "200", "redirect", "400", "login", "403"
ROLES = (
    "anonymous",
    "member_in_group",
    "member_not_in_group",
    "facilitator",
    "partner",
    "staff",
    "administrator",
)
G = "/groupes/eco-construction"

# fmt: off
MATRIX = [
    # method, path                     anon in    out   facil partn staff admin
    ("get",  "/groupes/",               OK,  OK,   OK,   OK,   OK,   OK,   OK),
    ("get",  f"{G}/",                   OK,  OK,   OK,   OK,   OK,   OK,   OK),
    ("get",  "/groupes/nouveau/",       LOG, NO,   NO,   NO,   NO,   OK,   OK),
    ("post", "/groupes/nouveau/",       LOG, NO,   NO,   NO,   NO,   BAD,  BAD),
    ("get",  f"{G}/modifier/",          LOG, NO,   NO,   NO,   NO,   OK,   OK),
    ("post", f"{G}/modifier/",          LOG, NO,   NO,   NO,   NO,   BAD,  BAD),
    ("post", f"{G}/rejoindre/",         LOG, DONE, DONE, DONE, NO,   DONE, DONE),
    ("post", f"{G}/quitter/",           LOG, DONE, DONE, DONE, DONE, DONE, DONE),
    ("post", f"{G}/membres/",           LOG, NO,   NO,   NO,   NO,   BAD,  BAD),
    ("post", f"{G}/membres/{{m}}/retirer/", LOG, NO, NO, NO,   NO,   DONE, DONE),
    ("post", f"{G}/reunions/",          LOG, NO,   NO,   BAD,  NO,   BAD,  BAD),
    ("get",  f"{G}/reunions/{{r}}/",    LOG, NO,   NO,   OK,   NO,   OK,   OK),
    ("post", f"{G}/reunions/{{r}}/",    LOG, NO,   NO,   DONE, NO,   DONE, DONE),
    ("post", f"{G}/documents/",         LOG, NO,   NO,   BAD,  NO,   BAD,  BAD),
    ("get",  f"{G}/documents/{{d}}/",   LOG, OK,   NO,   OK,   NO,   OK,   OK),
    ("post", f"{G}/documents/{{d}}/supprimer/", LOG, NO, NO, DONE, NO,  DONE, DONE),
    ("get",  "/espace-membre/groupes/", LOG, OK,   OK,   OK,   OK,   OK,   OK),
]
# fmt: on

CASES = [
    pytest.param(method, path, role, expected, id=f"{method} {path} as {role}")
    for method, path, *outcomes in MATRIX
    for role, expected in zip(ROLES, outcomes, strict=True)
]


def outcome(response, path: str) -> str:
    if response.streaming:
        response.close()  # a downloaded document: release its file
    if response.status_code == 302:
        if response.url == f"/compte/connexion/?next={quote(path)}":
            return LOG
        return DONE
    return str(response.status_code)


@pytest.mark.parametrize(("method", "path", "role", "expected"), CASES)
def test_access_matrix(request, client_for, group, member_in_group, method, path, role, expected):
    users = {"anonymous": None, "member_in_group": member_in_group}
    user = users[role] if role in users else request.getfixturevalue(role)
    path = path.format(
        m=member_in_group.person.pk,
        r=MeetingFactory(group=group).pk,
        d=DocumentFactory(group=group).pk,
    )
    client = client_for(user)
    response = client.get(path) if method == "get" else client.post(path)
    assert outcome(response, path) == expected


def test_a_document_of_another_group_is_refused_by_its_own_address(client_for, member_in_group):
    elsewhere = DocumentFactory(group__slug="finances")

    response = client_for(member_in_group).get(f"/groupes/finances/documents/{elsewhere.pk}/")

    assert response.status_code == 403


def test_a_document_of_another_group_is_not_found_under_one_s_own_group(
    client_for, member_in_group
):
    elsewhere = DocumentFactory(group__slug="finances")

    response = client_for(member_in_group).get(f"{G}/documents/{elsewhere.pk}/")

    assert response.status_code == 404


def test_a_facilitator_cannot_reach_the_meetings_of_another_group(client_for, facilitator):
    elsewhere = MeetingFactory(group__slug="finances")

    mine = client_for(facilitator).get(f"{G}/reunions/{elsewhere.pk}/")
    theirs = client_for(facilitator).get(f"/groupes/finances/reunions/{elsewhere.pk}/")

    assert (mine.status_code, theirs.status_code) == (404, 403)


def test_a_facilitator_cannot_delete_a_document_of_another_group(client_for, facilitator):
    elsewhere = DocumentFactory(group__slug="finances")

    response = client_for(facilitator).post(f"{G}/documents/{elsewhere.pk}/supprimer/")

    assert response.status_code == 404
    elsewhere.refresh_from_db()


def test_an_inactive_account_loses_its_group_access(client_for, member_in_group, group):
    document = DocumentFactory(group=group)
    client = client_for(member_in_group)
    member_in_group.is_active = False
    member_in_group.save()

    response = client.get(f"{G}/documents/{document.pk}/")

    assert response.status_code in (302, 403)
