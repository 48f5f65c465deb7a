"""« Par où commencer » by e-mail: sent once through the task worker, kept no longer.

Abuse (using the form to send mail to strangers) is limited per visitor: a few summaries per
hour for the same network address (`SUMMARIES`, counted by maillage.core.ratelimit in the
database, exact across server processes). The e-mail address waits in a `SummaryRequest` row
that the sending task deletes once it has run, sent or not; the task itself carries only that
row's id."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse

from maillage.core.ratelimit import Limit
from maillage.core.site import absolute_url
from maillage.hub import current_hub
from maillage.mail import email_task
from maillage.support.services.forms import OrientationForm
from maillage.support.services.models import SummaryRequest
from maillage.support.services.orientation import suggestions_for

START_WITH = 3  # services in the « par où commencer » summary
SUMMARIES = Limit(
    "services.summary",
    hits=5,
    period=timedelta(hours=1),
    refusal="Vous avez déjà demandé plusieurs récapitulatifs cette heure-ci : réessayez plus "
    "tard, ou imprimez cette page.",
)


def send(email: str, query: str) -> None:
    """Queue the summary for these answers (the results page's query string) to `email`."""
    pending = SummaryRequest.objects.create(email=email, query=query)
    send_summary.enqueue(pending.pk)


@email_task
def send_summary(request_pk: int) -> EmailMessage | None:
    pending = SummaryRequest.objects.filter(pk=request_pk).first()
    if pending is None:
        return None
    # Gone before sending: a failed delivery is not retried, the visitor asks again.
    pending.delete()
    form = OrientationForm(QueryDict(pending.query))
    suggestions = suggestions_for(form.answers())[:START_WITH] if form.is_valid() else []
    results_url = absolute_url(f"{reverse('services:results')}?{pending.query}")
    body = render_to_string(
        "services/email/summary.txt",
        {"suggestions": suggestions, "results_url": results_url, "hub": current_hub().identity},
    )
    return EmailMessage(
        "Votre accompagnement : par où commencer",
        body,
        settings.DEFAULT_FROM_EMAIL,
        [pending.email],
    )
