"""News of a need's steps for whoever expressed it, as the submission form's consent promised:
a task given the step's id (see maillage/mail.py). Apart from notifications.py, which the
confirmation link needs, so that the lifecycle can queue it without a circular import."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from maillage.core.site import absolute_url
from maillage.hub import current_hub
from maillage.mail import email_task
from maillage.needs.models import Need, Step


def news_recipient(need: Need) -> str:
    """Who hears of the need's steps: the address of an online submission, or the account
    that expressed it; never the staff who recorded a need for someone else."""
    if need.contact_email:
        return need.contact_email
    author = need.submitted_by
    if author is not None and author.is_active and not author.is_hub_staff:
        return str(author.email)
    return ""


@email_task
def send_step_news(step_pk: int) -> EmailMessage | None:
    """Tell whoever expressed the need where it stands now: the consent of the form says so."""
    step = Step.objects.select_related("need", "need__submitted_by").filter(pk=step_pk).first()
    if step is None or step.need.is_merged or not (recipient := news_recipient(step.need)):
        return None
    context = {
        "step": step,
        "need": step.need,
        "hub": current_hub().identity,
        "need_url": absolute_url(step.need.get_absolute_url()),
    }
    return EmailMessage(
        subject=f"Votre besoin est « {step.get_to_status_display().lower()} »",
        body=render_to_string("needs/email/step.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient],
    )
