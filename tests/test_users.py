import pytest

from maillage.accounts.enums import Role


@pytest.mark.django_db
def test_staff_role_grants_admin_access_to_plan_but_not_to_accounts(staff):
    assert staff.is_staff
    assert not staff.is_superuser
    assert staff.has_perm("plan.change_action")
    assert not staff.has_perm("accounts.change_user")


@pytest.mark.django_db
def test_member_has_no_admin_access(member):
    assert member.role == Role.MEMBER
    assert not member.is_staff
    assert not member.has_perm("plan.change_action")


@pytest.mark.django_db
def test_email_is_stored_lowercase(django_user_model):
    user = django_user_model.objects.create_user("Claire.Dupont@Exemple.ORG", "secret-123-abc")
    assert user.email == "claire.dupont@exemple.org"
