from __future__ import annotations

from typing import TYPE_CHECKING

from maillage.core.dates import long_date

if TYPE_CHECKING:
    from maillage.support.journeys.models import SupportCase


class JourneyError(Exception):
    """A refused action on a support case; the message (in French) is shown as is."""


def refuse_if_closed(case: SupportCase) -> None:
    """A closed case takes no new stage, step or referral."""
    if case.closed_on is not None:
        raise JourneyError(f"Ce dossier est clos depuis le {long_date(case.closed_on)}.")
