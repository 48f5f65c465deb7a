"""People with an account support a need, once each: the unique constraint counts, so that any
number of clicks at the same instant leaves one support per person."""

from __future__ import annotations

from typing import Any

from maillage.core.form_tokens import first_write
from maillage.needs.errors import NeedError
from maillage.needs.models import Need, Support


def support(need: Need, user: Any) -> bool:
    """Add `user`'s support; False when they already supported it."""
    if need.is_merged:
        raise NeedError("Ce besoin a été fusionné dans un autre : soutenez plutôt celui-là.")
    if need.is_closed:
        raise NeedError("Ce besoin est clos : il ne reçoit plus de soutien.")
    return first_write(lambda: Support.objects.create(need=need, user=user)) is not None


def withdraw(need: Need, user: Any) -> bool:
    deleted, _ = Support.objects.filter(need=need, user=user).delete()
    return deleted > 0


def supports(need: Need, user: Any) -> bool:
    return bool(user.is_authenticated) and need.supports.filter(user=user).exists()
