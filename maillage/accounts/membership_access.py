"""Who is a current member of the hub, asked by every members-only check of every app.

The rule belongs to the memberships app, above the ground: it registers it here
(`register_membership_rule`, in its `ready`), so that the agenda, the working groups and the
decisions ask one predicate without importing the memberships (docs/adr/0018).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.utils import timezone

from maillage.accounts.models import User

Rule = Callable[[User, date], bool]
_RULES: list[Rule] = []


def register_membership_rule(rule: Rule) -> None:
    if rule not in _RULES:
        _RULES.append(rule)


def is_current_member(user: object, today: date | None = None) -> bool:
    """A signed-in, active account whose person or organisation holds a membership that
    counts on `today`. Asked once per request: the answer is kept on the user object."""
    if not (isinstance(user, User) and user.is_active):
        return False
    if today is not None:
        return any(rule(user, today) for rule in _RULES)
    if not hasattr(user, "_current_member"):
        day = timezone.localdate()
        user._current_member = any(rule(user, day) for rule in _RULES)  # type: ignore[attr-defined]
    return bool(user._current_member)  # type: ignore[attr-defined]
