"""Activity times are written the French way on pages and in e-mails: « de 9 h 30 à 12 h »."""

import re
from datetime import datetime
from pathlib import Path

import pytest
from django.core import mail
from django.template import Context, Template
from django.utils import timezone

from maillage.activities import notifications
from tests.activities.factories import ActivityFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"
TAG = re.compile(r"<[^>]+>")
MORNING = f"de 9{NBSP}h{NBSP}30 à 12{NBSP}h"


def _morning_session():
    paris = timezone.get_default_timezone()
    return ActivityFactory(
        title="Atelier du matin",
        starts_at=datetime(2031, 3, 4, 9, 30, tzinfo=paris),
        ends_at=datetime(2031, 3, 4, 12, 0, tzinfo=paris),
    )


def test_the_activity_page_and_the_agenda_write_hours_the_french_way(client):
    activity = _morning_session()
    for path in (activity.get_absolute_url(), "/agenda/", "/agenda/mois/2031-03/"):
        page = TAG.sub("", client.get(path).content.decode())
        assert MORNING in page, path
        assert "09h30" not in page


def test_the_registrants_email_writes_hours_the_french_way():
    registration = RegistrationFactory(activity=_morning_session())
    notifications.personal_link(registration)  # the immediate task backend sends it now
    [message] = mail.outbox
    assert f"le mardi 4 mars 2031, {MORNING}" in message.body


def test_the_when_partial_fits_mid_sentence_with_no_space_before_the_punctuation():
    text = Template('{% include "activities/partials/when.html" %}, à Redon.').render(
        Context({"activity": _morning_session()})
    )
    assert TAG.sub("", text) == f"mardi 4 mars 2031, {MORNING}, à Redon."


HOUR_FORMAT = re.compile(r"""date:["'][^"']*(?<!\\)[GHgh]""")


def test_no_activity_template_writes_hours_with_a_date_format():
    """Hours go through `clock` or `time_range` only, so « 09h30 » cannot come back."""
    root = Path(__file__).resolve().parents[2] / "maillage"
    templates = [
        *(root / "activities" / "templates").rglob("*.*"),
        *(root / "network" / "working_groups" / "templates").rglob("*.*"),
    ]
    assert templates
    offenders = [str(path) for path in templates if HOUR_FORMAT.search(path.read_text())]
    assert offenders == []
