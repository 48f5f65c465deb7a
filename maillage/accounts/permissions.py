"""Guards for views: who may see a page, by role.

An anonymous visitor is sent to the login page (and back afterwards); a signed-in person
without the right role gets 403. Administrators pass every role check.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import render

from maillage.accounts.enums import Role

View = Callable[..., HttpResponseBase]


# `user` is what `request.user` holds: an account, or Django's AnonymousUser.
def has_role(user: Any, *roles: Role) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_administrator or user.role in roles


def role_required(*roles: Role) -> Callable[[View], View]:
    """role_required(Role.MEMBER, Role.PARTNER) lets those roles (and administrators) in."""

    def decorator(view: View) -> View:
        @wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_role(request.user, *roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return guarded

    return decorator


def staff_required(view: View) -> View:
    """The hub's staff and administrators only."""
    return role_required(Role.STAFF)(view)


def may_act_as_member(user: Any) -> bool:
    """Members-only pages and actions: current members of the hub, and its staff."""
    if user is None:
        return False
    return has_role(user, Role.STAFF) or bool(getattr(user, "is_member", False))


def members_only(view: View) -> View:
    """Current members and staff only (`may_act_as_member`). Anyone else signed in gets a
    403 page saying why, with the way to renew or to join; `tests/test_members_only.py`
    walks every view so marked."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not may_act_as_member(request.user):
            return render(request, "accounts/members_only.html", status=403)
        return view(request, *args, **kwargs)

    guarded.members_only = True  # type: ignore[attr-defined]
    return guarded
