"""Who speaks for a partner organisation: the accounts whose claim on it staff approved."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from maillage.directory.enums import ClaimStatus
from maillage.support.journeys.models import Referral


def representatives_of(provider):
    """Active accounts that represent `provider` (a directory LegalUnit)."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            directory_claims__legal_unit=provider,
            directory_claims__status=ClaimStatus.APPROVED,
        )
        .distinct()
    )


def has_referrals(user) -> bool:
    return Referral.objects.for_representative(user).exists()
