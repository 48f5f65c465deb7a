"""A case told as a story: every dated thing that happened to it, oldest first, in one list
(opening, stages, appointments, notes, documents, referrals and their answers, next steps done,
closing), so staff read what happened instead of six separate tables."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.urls import reverse
from django.utils import timezone

from maillage.core.french import plural
from maillage.support.journeys.enums import ReferralStatus
from maillage.support.journeys.models import SupportCase


@dataclass(frozen=True)
class Event:
    on: date
    kind: str  # a CSS modifier and what the event is: "stage", "note", "referral"...
    label: str  # in French: « Étape », « Note »
    title: str
    text: str = ""
    link: str = ""
    link_label: str = ""


def _referral_events(referral) -> list[Event]:
    partner = referral.service.provider.name
    sent = Event(
        referral.sent_on,
        "referral",
        "Orientation",
        f"Vers « {referral.service.name} » ({partner})",
        referral.message,
    )
    answers = {
        ReferralStatus.ACCEPTED: (
            referral.decided_on,
            "Orientation acceptée",
            referral.acceptance_note,
        ),
        ReferralStatus.DECLINED: (
            referral.decided_on,
            "Orientation déclinée",
            referral.decline_reason,
        ),
        ReferralStatus.DONE: (
            referral.done_on,
            "Service rendu par le partenaire",
            referral.partner_note,
        ),
        ReferralStatus.CANCELLED: (
            referral.cancelled_on,
            "Orientation annulée",
            referral.cancel_reason,
        ),
    }
    events = [sent]
    if referral.decided_on and referral.done_on:
        events.append(
            Event(
                referral.decided_on,
                "answer",
                "Réponse",
                f"{partner} a accepté",
                referral.acceptance_note,
            )
        )
    answer = answers.get(referral.status)
    if answer and answer[0]:
        on, title, text = answer
        events.append(Event(on, "answer", "Réponse", f"{title} — {partner}", text))
    return events


def story(case: SupportCase, stage_days: dict[int, int | None]) -> list[Event]:
    """Every event of the case, oldest first; `stage_days` gives the days spent in each stage
    (by stage change id) as the dashboard counts them."""
    events = [Event(case.opened_on, "opened", "Ouverture", "Dossier ouvert")]
    for change in case.stage_changes.select_related("stage"):
        days = stage_days.get(change.pk)
        text = (
            "" if days is None else plural(days, "jour dans cette étape", "jours dans cette étape")
        )
        events.append(Event(change.changed_on, "stage", "Étape", str(change.stage), text))
    today = timezone.localdate()
    for appointment in case.appointments.all():
        label = "Rendez-vous prévu" if appointment.held_on > today else "Rendez-vous"
        events.append(
            Event(
                appointment.held_on,
                "appointment",
                label,
                f"Avec {appointment.with_whom}",
                appointment.notes,
            )
        )
    for note in case.case_notes.select_related("author"):
        author = f"Note de {note.author}" if note.author else "Note"
        events.append(Event(timezone.localdate(note.created_at), "note", "Note", author, note.text))
    for document in case.documents.all():
        events.append(
            Event(
                timezone.localdate(document.uploaded_at),
                "document",
                "Document",
                document.title,
                link=reverse("journeys:document", args=[case.pk, document.pk]),
                link_label=f"Télécharger {document.filename}",
            )
        )
    for referral in case.referrals.select_related("service", "service__provider"):
        events.extend(_referral_events(referral))
    for step in case.next_steps.exclude(done_on=None):
        events.append(Event(step.done_on, "step", "Fait", step.title))
    if case.closed_on:
        events.append(Event(case.closed_on, "closed", "Clôture", "Dossier clos"))
    # Stable: events of one day keep the order above (the opening first, the closing last).
    return sorted(events, key=lambda event: event.on)
