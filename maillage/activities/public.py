"""What may be said of an activity, and to whom: every output reads one of these views.

The page, its JSON-LD, the iCalendar feeds and any export are built from `public_view()`, never
from the model, so a private field cannot leak through one output someone forgot. The online
meeting link of an activity on registration is for its registrants only (their e-mails, their
personal page and invitation): `registrant_view()` holds it. With free entry (no registration)
the link is how anyone joins, so it is public.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from maillage.activities.models import Activity


@dataclass(frozen=True)
class ActivityView:
    pk: int
    slug: str
    title: str
    description: str
    kind_label: str
    starts_at: datetime
    ends_at: datetime
    sequence: int
    is_cancelled: bool
    address: str
    commune_name: str
    takes_place_online: bool
    # Empty when the reader may not have it (see the module's docstring).
    online_url: str
    path: str
    organised_by_hub: bool
    organisers: tuple[str, ...]
    price: Decimal
    capacity: int | None

    @property
    def place(self) -> str:
        return ", ".join(part for part in (self.address, self.commune_name) if part)

    @property
    def is_free(self) -> bool:
        return self.price == 0


def link_is_public(activity: Activity) -> bool:
    return not activity.requires_registration


def _view(activity: Activity, online_url: str) -> ActivityView:
    return ActivityView(
        pk=activity.pk,
        slug=activity.slug,
        title=activity.title,
        description=activity.description,
        kind_label=activity.get_kind_display(),
        starts_at=activity.starts_at,
        ends_at=activity.ends_at,
        sequence=activity.sequence,
        is_cancelled=activity.is_cancelled,
        address=activity.address,
        commune_name=activity.commune.name if activity.commune else "",
        takes_place_online=bool(activity.online_url),
        online_url=online_url,
        path=activity.get_absolute_url(),
        organised_by_hub=activity.organised_by_hub,
        organisers=tuple(unit.name for unit in activity.organisers.all()),
        price=activity.price,
        capacity=activity.capacity,
    )


def public_view(activity: Activity) -> ActivityView:
    return _view(activity, activity.online_url if link_is_public(activity) else "")


def public_views(activities: Iterable[Activity]) -> list[ActivityView]:
    return [public_view(activity) for activity in activities]


def registrant_view(activity: Activity) -> ActivityView:
    """For a person registered to the activity (or the hub's staff): the link included."""
    return _view(activity, activity.online_url)
