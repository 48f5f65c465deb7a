"""Registrations to a full activity, and their confirmation e-mails.

Each visitor registers once (sent again only when the proxy or the connection failed). After the
storm: every final answer is a redirect, exactly SEATS confirmed and the others waiting ranked
1 to n, nobody registered twice, every registrant's confirmation (or waiting-list) e-mail
delivered once: a message resent by a worker taking over a task carries the same Message-ID
(maillage/mail.py), so the person sees one. The only other message allowed is the personal link
sent again, and only to a visitor who sent the form again: their first send registered them
but its answer was lost with app1, and the site answers an address already registered by
mailing its link again (maillage/activities/views/personal.py)."""

from __future__ import annotations

from collections import Counter

from maillage.core.french import plural
from tests.scale.client import Outcome, Visitor
from tests.scale.fixtures import SEATS, SLUG
from tests.scale.smtp_stand_in import MailStandIn

PAGE = f"/agenda/{SLUG}/"
REGISTERED = ("Inscription confirmée", "Liste d’attente")  # maillage/activities/notifications.py
LINK_AGAIN = "Votre lien personnel"


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
    deliveries = [(r, m.subject, m.message_id) for m in mail.received for r in m.recipients]
    registered: dict[str, set[str]] = {}
    links_again: dict[str, set[str]] = {}
    others = []
    for recipient, subject, message_id in deliveries:
        if subject.startswith(REGISTERED):
            registered.setdefault(recipient, set()).add(message_id)
        elif subject.startswith(LINK_AGAIN):
            links_again.setdefault(recipient, set()).add(message_id)
        else:
            others.append((recipient, subject))
    failures = []
    if [outcome.status for outcome in outcomes] != [302] * visitors:
        failures.append(f"inscriptions, réponses finales : {Counter(o.status for o in outcomes)}")
    confirmed = registrations.confirmed().count()
    if confirmed != SEATS or ranks != list(range(1, visitors - SEATS + 1)):
        failures.append(f"places : {confirmed} confirmées, rangs {ranks}")
    if twice.exists():
        failures.append(f"inscrits deux fois : {list(twice)}")
    if lost := sorted({email_of(n) for n in range(visitors)} - registered.keys()):
        failures.append(f"e-mails perdus : {lost}")
    if doubled := sorted(address for address, ids in registered.items() if len(ids) > 1):
        failures.append(f"e-mails en double : {doubled}")
    sent_once = {email_of(n) for n, outcome in enumerate(outcomes) if outcome.attempts == 1}
    if unasked := sorted(links_again.keys() & sent_once):
        failures.append(f"lien personnel renvoyé sans nouvel envoi du formulaire : {unasked}")
    if others:
        failures.append(f"e-mails inattendus : {others}")
    repeated = len(deliveries) - len(set(deliveries))
    links = plural(len(links_again), "lien personnel renvoyé", "liens personnels renvoyés")
    print(
        f"e-mails : {plural(len(deliveries), 'remise', 'remises')} pour {len(registered)} "
        f"personnes, dont {plural(repeated, 'remise répétée', 'remises répétées')} d’un même "
        f"message (même Message-ID) et {links} à qui avait envoyé le formulaire de nouveau"
    )
    return failures
