"""Whether an account speaks for a partner organisation that was sent referrals."""

from __future__ import annotations

from maillage.accounts.models import AnyUser
from maillage.support.journeys.models import Referral


def has_referrals(user: AnyUser) -> bool:
    return Referral.objects.for_representative(user).exists()
