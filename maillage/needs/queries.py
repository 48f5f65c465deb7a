"""What other apps read of the needs: the staff home's queue, the indicators' counts."""

from __future__ import annotations

from dataclasses import dataclass

from maillage.needs.enums import NeedStatus
from maillage.needs.models import Comment, Need


@dataclass(frozen=True)
class NeedsDue:
    to_qualify: int  # confirmed needs waiting for the instance
    comments: int  # comments waiting for moderation


def needs_due() -> NeedsDue:
    return NeedsDue(
        to_qualify=Need.objects.awaiting_qualification().count(),
        comments=Comment.objects.pending().count(),
    )


def answered_count() -> int:
    """Needs answered (merged duplicates aside): « besoins répondus »."""
    return Need.objects.listed().filter(status=NeedStatus.ANSWERED).count()
