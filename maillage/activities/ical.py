"""A small RFC 5545 (iCalendar) writer: just what the agenda feeds and invitations need.

Times are written in UTC, so no VTIMEZONE is needed; lines end with CRLF and are folded at 75
octets without splitting a UTF-8 character; TEXT values escape backslash, comma, semicolon and
line breaks, so a title can never inject a property.

Events are written from an `ActivityView`: the public feeds pass public views (no meeting link
of an activity on registration), a registrant's invitation passes the registrant's view.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone

from maillage.activities.models import Activity, Registration
from maillage.activities.public import ActivityView, registrant_view
from maillage.core.site import absolute_url
from maillage.hub import current_hub

MAX_OCTETS = 75
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def escape_text(value: str) -> str:
    value = CONTROL.sub("", value)
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def param_value(value: str) -> str:
    """A parameter value (CN=…): quoted, with no quote, control character or line break."""
    return '"' + CONTROL.sub("", re.sub(r'[\r\n"]', " ", value)) + '"'


def fold(line: str) -> str:
    """Split a content line into chunks of at most 75 octets, continued by CRLF + space."""
    chunks: list[str] = []
    current, size, limit = "", 0, MAX_OCTETS
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            chunks.append(current)
            # A continuation line starts with a space, which counts in its 75 octets.
            current, size, limit = "", 0, MAX_OCTETS - 1
        current += char
        size += width
    chunks.append(current)
    return "\r\n ".join(chunks)


def utc_stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _uid(activity: ActivityView) -> str:
    return f"activite-{activity.pk}@{current_hub().territory.slug}.maillage"


def event_lines(activity: ActivityView, *, attendee: tuple[str, str] | None = None) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_uid(activity)}",
        f"DTSTAMP:{utc_stamp(timezone.now())}",
        f"DTSTART:{utc_stamp(activity.starts_at)}",
        f"DTEND:{utc_stamp(activity.ends_at)}",
        f"SEQUENCE:{activity.sequence}",
        f"SUMMARY:{escape_text(activity.title)}",
        f"DESCRIPTION:{escape_text(activity.description)}",
        f"CATEGORIES:{escape_text(activity.kind_label)}",
        f"URL:{absolute_url(activity.path)}",
        f"STATUS:{'CANCELLED' if activity.is_cancelled else 'CONFIRMED'}",
    ]
    online = activity.online_url or ("En ligne" if activity.takes_place_online else "")
    location = " ; ".join(part for part in (activity.place, online) if part)
    if location:
        lines.append(f"LOCATION:{escape_text(location)}")
    if attendee is not None:
        name, email = attendee
        hub = current_hub().identity
        organiser = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
        lines.append(f"ORGANIZER;CN={param_value(hub.name)}:mailto:{organiser}")
        lines.append(f"ATTENDEE;CN={param_value(name)};RSVP=FALSE:mailto:{email}")
    lines.append("END:VEVENT")
    return lines


def calendar(
    activities: Iterable[ActivityView],
    *,
    name: str = "",
    method: str = "",
    attendee: tuple[str, str] | None = None,
) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//maillage//{escape_text(current_hub().identity.name)}//FR",
        "CALSCALE:GREGORIAN",
    ]
    if method:
        lines.append(f"METHOD:{method}")
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    for activity in activities:
        lines.extend(event_lines(activity, attendee=attendee))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def invitation(activity: Activity, name: str, email: str) -> str:
    """The calendar attached to a registrant's e-mails (RFC 5546 REQUEST, or CANCEL)."""
    method = "CANCEL" if activity.is_cancelled else "REQUEST"
    return calendar([registrant_view(activity)], method=method, attendee=(name, email))


def cycle_calendar(registrations: Iterable[Registration]) -> str:
    """A cycle registrant's calendar: every session where they hold a seat, with their meeting
    links; a plain calendar to import (one iTIP message may carry one event only)."""
    seats = [each.activity for each in registrations if each.is_confirmed]
    series = seats[0].series if seats else None
    return calendar(
        [registrant_view(activity) for activity in seats],
        name=series.title if series is not None else "",
    )
