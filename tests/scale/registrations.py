"""Registrations to a full activity, and their confirmation e-mails.

Each visitor registers once (sent again only when the proxy or the connection failed). After the
storm: every final answer is a redirect, exactly SEATS confirmed and the others waiting ranked
1 to n, nobody registered twice, every registrant's e-mail delivered, nobody receiving two
different messages (a message resent by a worker taking over a task carries the same
Message-ID, maillage/mail.py: the person sees one)."""

from __future__ import annotations

from collections import Counter

from maillage.core.french import plural
from tests.scale.client import Outcome, Visitor
from tests.scale.fixtures import SEATS, SLUG
from tests.scale.smtp_stand_in import MailStandIn

PAGE = f"/agenda/{SLUG}/"


def email_of(n: int) -> str:
    return f"visiteur{n}@exemple.org"


def register(visitor: Visitor, n: int) -> Outcome:
    fields = {"name": "Personne Test", "email": email_of(n), "consent": "on"}
    return visitor.submit(PAGE, f"{PAGE}inscription/", fields)


def check(outcomes: list[Outcome], mail: MailStandIn) -> list[str]:
    from django.db.models import Count
    from django.db.models.functions import Lower

    from maillage.activities.models import Activity

    visitors = len(outcomes)
    registrations = Activity.objects.get(slug=SLUG).registrations
    ranks = sorted(registrations.waitlisted().values_list("waitlist_position", flat=True))
    twice = registrations.values(e=Lower("email")).annotate(n=Count("pk")).filter(n__gt=1)
    deliveries = [(r, message.message_id) for message in mail.received for r in message.recipients]
    received = Counter(r for r, _ in set(deliveries))
    failures = []
    if [outcome.status for outcome in outcomes] != [302] * visitors:
        failures.append(f"inscriptions, réponses finales : {Counter(o.status for o in outcomes)}")
    confirmed = registrations.confirmed().count()
    if confirmed != SEATS or ranks != list(range(1, visitors - SEATS + 1)):
        failures.append(f"places : {confirmed} confirmées, rangs {ranks}")
    if twice.exists():
        failures.append(f"inscrits deux fois : {list(twice)}")
    if lost := sorted({email_of(n) for n in range(visitors)} - received.keys()):
        failures.append(f"e-mails perdus : {lost}")
    if doubled := sorted(address for address, n in received.items() if n > 1):
        failures.append(f"e-mails en double : {doubled}")
    repeated = len(deliveries) - len(set(deliveries))
    print(
        f"e-mails : {plural(len(deliveries), 'remise', 'remises')} pour {len(received)} "
        f"personnes, dont {plural(repeated, 'remise répétée', 'remises répétées')} d’un même "
        "message (même Message-ID)"
    )
    return failures
