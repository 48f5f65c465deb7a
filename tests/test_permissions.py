"""Who may open which page: every role × every page of the foundation, as one table.

Read a row as: the page, then what an anonymous visitor, a member (adhérent), a partner, a staff
member and an administrator get. OK is a 200; LOGIN a redirect to our login page that brings the
person back; ADMIN_LOGIN a redirect to the admin's login page; DENIED a 403.
"""

from urllib.parse import quote

import pytest

OK = "200"
LOGIN = "redirect to login"
ADMIN_LOGIN = "redirect to admin login"
DENIED = "403"

ROLES = ("anonymous", "member", "partner", "staff", "administrator")

# fmt: off
MATRIX = [
    # page                            anonymous    member       partner      staff   administrator
    ("/",                             OK,          OK,          OK,          OK,     OK),
    ("/valeurs/",                     OK,          OK,          OK,          OK,     OK),
    ("/projet/",                      OK,          OK,          OK,          OK,     OK),
    ("/qui-sommes-nous/",             OK,          OK,          OK,          OK,     OK),
    ("/territoire/",                  OK,          OK,          OK,          OK,     OK),
    ("/territoire/communes.geojson",  OK,          OK,          OK,          OK,     OK),
    ("/annuaire/",                    OK,          OK,          OK,          OK,     OK),
    ("/carte/",                       OK,          OK,          OK,          OK,     OK),
    ("/observatoire/",                OK,          OK,          OK,          OK,     OK),
    ("/agenda/",                      OK,          OK,          OK,          OK,     OK),
    ("/mentions-legales/",            OK,          OK,          OK,          OK,     OK),
    ("/compte/connexion/",            OK,          OK,          OK,          OK,     OK),
    ("/compte/mot-de-passe/oubli/",   OK,          OK,          OK,          OK,     OK),
    ("/espace-membre/",               LOGIN,       OK,          OK,          OK,     OK),
    ("/compte/mot-de-passe/",         LOGIN,       OK,          OK,          OK,     OK),
    ("/financements/",                LOGIN,       DENIED,      DENIED,      OK,     OK),
    ("/admin/",                       ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, OK,     OK),
    ("/admin/plan/",                  ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, OK,     OK),
    # A model page sends visitors to our login page (LoginRequiredMiddleware answers before the
    # admin does); a signed-in member or partner gets the admin's own login page.
    ("/admin/accounts/user/",         LOGIN,       ADMIN_LOGIN, ADMIN_LOGIN, DENIED, OK),
]
# fmt: on

CASES = [
    pytest.param(page, role, expected, id=f"{page} as {role}")
    for page, *outcomes in MATRIX
    for role, expected in zip(ROLES, outcomes, strict=True)
]


def outcome(response, page: str) -> str:
    if response.status_code == 302:
        if response.url == f"/compte/connexion/?next={quote(page)}":
            return LOGIN
        if response.url == f"/admin/login/?next={quote(page)}":
            return ADMIN_LOGIN
        return f"302 to {response.url}"
    return str(response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize(("page", "role", "expected"), CASES)
def test_permission_matrix(request, client_for, page, role, expected):
    user = None if role == "anonymous" else request.getfixturevalue(role)
    response = client_for(user).get(page)
    assert outcome(response, page) == expected
