import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse

from maillage.accounts.enums import Role
from maillage.accounts.permissions import role_required, staff_required

pytestmark = pytest.mark.django_db


@staff_required
def staff_page(request):
    return HttpResponse("équipe")


@role_required(Role.MEMBER, Role.PARTNER)
def members_page(request):
    return HttpResponse("adhérents")


def request_as(rf, user):
    request = rf.get("/reserve/?onglet=2")
    request.user = user or AnonymousUser()
    return request


def test_anonymous_visitor_is_sent_to_login_and_back(rf):
    response = staff_page(request_as(rf, None))
    assert response.status_code == 302
    assert response.url == "/compte/connexion/?next=/reserve/%3Fonglet%3D2"


@pytest.mark.parametrize("user", ["member", "partner"])
def test_staff_pages_refuse_members_and_partners(rf, request, user):
    with pytest.raises(PermissionDenied):
        staff_page(request_as(rf, request.getfixturevalue(user)))


@pytest.mark.parametrize("user", ["staff", "administrator"])
def test_staff_pages_admit_staff_and_administrators(rf, request, user):
    assert staff_page(request_as(rf, request.getfixturevalue(user))).status_code == 200


@pytest.mark.parametrize(
    ("user", "allowed"),
    [("member", True), ("partner", True), ("staff", False), ("administrator", True)],
)
def test_role_required_admits_the_listed_roles_and_administrators(rf, request, user, allowed):
    req = request_as(rf, request.getfixturevalue(user))
    if allowed:
        assert members_page(req).status_code == 200
    else:
        with pytest.raises(PermissionDenied):
            members_page(req)


def test_deactivated_account_is_refused(rf, staff):
    staff.is_active = False
    with pytest.raises(PermissionDenied):
        staff_page(request_as(rf, staff))
