"""Registrations to a full activity, and their confirmation e-mails.

Each visitor registers once (sent again only when the proxy or the connection failed). After the
storm: every final answer is a redirect, exactly SEATS confirmed and the others waiting ranked
1 to n, nobody registered twice, every registrant's confirmation (or waiting-list) e-mail
delivered once: a message resent by a worker taking over a task carries the same Message-ID
(maillage/mail.py), so the person sees one. The only other message allowed is the personal link
sent again, and only to a visitor who sent the form again: their first send registered them
but its answer was lost with app1, and the site answers an address already registered by
mailing its link again (maillage/activities/views/personal.py). One visitor sends the form again
on purpose, from the page opened anew (a person unsure the first send went through): they must
get their link again, and still one registration and one confirmation."""

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


def register(visitor: Visitor, n: int, again: bool = False) -> Outcome:
    """Visitor `n` registers; `again`: then sends the form once more, from the page anew."""
    fields = {"name": "Personne Test", "email": email_of(n), "consent": "on"}
    first = visitor.submit(PAGE, f"{PAGE}inscription/", fields)
    if not again:
        return first
    second = visitor.submit(PAGE, f"{PAGE}inscription/", fields)
    return Outcome(
        first.status if first.status != 302 else second.status,
        first.attempts + second.attempts,
        first.seconds + second.seconds,
    )


def sorted_mail(mail: MailStandIn) -> tuple[dict[str, set[str]], dict[str, set[str]], list]:
    """Per recipient, the Message-IDs of registration e-mails and of personal links sent again;
    and any other message."""
    registered: dict[str, set[str]] = {}
    links_again: dict[str, set[str]] = {}
    others = []
    for message in mail.received:
        for recipient in message.recipients:
            if message.subject.startswith(REGISTERED):
                registered.setdefault(recipient, set()).add(message.message_id)
            elif message.subject.startswith(LINK_AGAIN):
                links_again.setdefault(recipient, set()).add(message.message_id)
            else:
                others.append((recipient, message.subject))
    return registered, links_again, others


def check(outcomes: list[Outcome], mail: MailStandIn, again: int) -> list[str]:
    """The storm's registrations; visitor `again` sent the form twice on purpose."""
    from django.db.models import Count
    from django.db.models.functions import Lower

    from maillage.activities.models import Activity

    visitors = len(outcomes)
    registrations = Activity.objects.get(slug=SLUG).registrations
    ranks = sorted(registrations.waitlisted().values_list("waitlist_position", flat=True))
    twice = registrations.values(e=Lower("email")).annotate(n=Count("pk")).filter(n__gt=1)
    deliveries = [(r, m.subject, m.message_id) for m in mail.received for r in m.recipients]
    registered, links_again, others = sorted_mail(mail)
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
    if email_of(again) not in links_again:
        failures.append(f"{email_of(again)} a renvoyé le formulaire sans recevoir son lien")
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


def check_queued(first: int, outcomes: list[Outcome], mail: MailStandIn) -> list[str]:
    """Visitors `first`… registered while the workers were stopped for an upgrade: each once,
    each told once, by a worker started again."""
    from maillage.activities.models import Activity

    emails = [email_of(first + n) for n in range(len(outcomes))]
    rows = Counter(
        Activity.objects.get(slug=SLUG)
        .registrations.filter(email__in=emails)
        .values_list("email", flat=True)
    )
    registered, _, _ = sorted_mail(mail)
    failures = []
    if [outcome.status for outcome in outcomes] != [302] * len(outcomes):
        failures.append(f"inscriptions en mise à jour : {Counter(o.status for o in outcomes)}")
    if rows != Counter(emails):
        failures.append(f"inscriptions en mise à jour perdues ou doublées : {rows}")
    if told := [e for e in emails if len(registered.get(e, ())) != 1]:
        failures.append(f"e-mails mis en file pendant la mise à jour, perdus ou doublés : {told}")
    return failures
