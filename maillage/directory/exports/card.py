"""The map's side card of one organisation: its public record (`public.py`, the one public
representation), a short plain-text summary of its presentation, and what the apps above the
directory show of it (upcoming activities, services: `related.py`)."""

from __future__ import annotations

from typing import Any

from django.utils.text import Truncator

from maillage.directory.exports.public import public_records
from maillage.directory.models import Establishment
from maillage.directory.related import related_sections

SUMMARY_CHARACTERS = 280
ITEMS_PER_SECTION = 3


def plain_summary(presentation: str) -> str:
    """The presentation on one line, cut on a word: the card is no place for paragraphs."""
    return Truncator(" ".join(presentation.split())).chars(SUMMARY_CHARACTERS)


def card_of(site: Establishment) -> dict[str, Any]:
    """The card of an establishment the caller read from `Establishment.objects.published()`."""
    [record] = public_records(Establishment.objects.filter(pk=site.pk))
    sections = related_sections(site.legal_unit, ITEMS_PER_SECTION)
    return {
        **record,
        "resume": plain_summary(record["presentation"]),
        "sections": [section.as_json() for section in sections],
    }
