"""iCalendar output checked structurally, then read back by a real parser (`icalendar`)."""

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from maillage.activities.ical import calendar, escape_text, fold
from maillage.activities.public import public_view
from tests.activities.factories import ActivityFactory

REQUIRED_EVENT = {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE", "STATUS"}


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def assert_valid_ical(body: bytes | str) -> list[dict]:
    """RFC 5545 structure: CRLF only, lines ≤ 75 octets, balanced blocks, required properties."""
    raw = body if isinstance(body, bytes) else body.encode()
    assert raw.endswith(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert b"\r" not in raw.replace(b"\r\n", b"")
    for line in raw.split(b"\r\n")[:-1]:
        assert len(line) <= 75, line
    stack, events, current = [], [], None
    for line in unfold(raw.decode()):
        name, _, value = line.partition(":")
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                current = {}
        elif name == "END":
            assert stack.pop() == value
            if value == "VEVENT":
                events.append(current)
                current = None
        elif current is not None:
            current[name.split(";")[0]] = value
    assert stack == []
    for event in events:
        assert set(event) >= REQUIRED_EVENT
    return events


def test_long_lines_are_folded_at_75_octets_without_splitting_characters():
    line = "SUMMARY:" + "é" * 100
    folded = fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


@given(st.text())
def test_folding_then_unfolding_gives_back_the_line(text):
    folded = fold("DESCRIPTION:" + escape_text(text))
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == "DESCRIPTION:" + escape_text(text)


@given(st.text())
def test_escaped_text_never_holds_a_line_break_or_an_unescaped_separator(text):
    escaped = escape_text(text)
    assert "\n" not in escaped
    assert "\r" not in escaped
    assert ";" not in escaped.replace("\\;", "")
    assert "," not in escaped.replace("\\,", "")


@pytest.mark.django_db
def test_a_title_cannot_inject_a_property():
    activity = ActivityFactory(title="Atelier\r\nATTENDEE:mailto:pirate@exemple.org; a, b \\")

    events = assert_valid_ical(calendar([public_view(activity)]))

    assert "ATTENDEE" not in events[0]
    assert events[0]["SUMMARY"] == "Atelier\\nATTENDEE:mailto:pirate@exemple.org\\; a\\, b \\\\"


@pytest.mark.django_db
def test_a_real_parser_reads_back_the_feed_with_french_text_intact():
    activity = ActivityFactory(title="Formation « employeur bénévole » ; partie 1, suite")

    parsed = icalendar.Calendar.from_ical(calendar([public_view(activity)], name="Agenda"))

    events = parsed.walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["SUMMARY"]) == "Formation « employeur bénévole » ; partie 1, suite"
    assert events[0].decoded("DTSTART") == activity.starts_at.replace(microsecond=0)
