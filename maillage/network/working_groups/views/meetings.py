"""Meetings of a group, scheduled and written up by its facilitator or the hub's staff."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from maillage.core import form_tokens
from maillage.network.working_groups import meetings as meeting_actions
from maillage.network.working_groups.access import Access
from maillage.network.working_groups.errors import WorkingGroupRefused
from maillage.network.working_groups.forms import MeetingForm, MinutesForm
from maillage.network.working_groups.models import Meeting
from maillage.network.working_groups.views.common import group_with_access
from maillage.network.working_groups.views.groups import page_context


@require_POST
def schedule(request, slug: str):
    group, access = group_with_access(request, slug, Access.MANAGE)
    form = MeetingForm(request.POST)
    if form.is_valid():
        data = dict(form.cleaned_data)
        token = data.pop("submission")
        try:
            _, created = form_tokens.once(
                Meeting,
                token,
                lambda: meeting_actions.schedule_meeting(group, **data, submission_token=token),
                within={"group_id": group.pk},
            )
        except form_tokens.TokenUsedElsewhere:
            form.add_error(None, form_tokens.ELSEWHERE)
        except WorkingGroupRefused as error:
            # A twin submit sent at the same instant scheduled it first (same time, same group).
            if form_tokens.replayed(Meeting, request.POST) is None:
                form.add_error(None, str(error))
            else:
                messages.info(request, form_tokens.ALREADY_SAVED)
                return redirect(group)
        else:
            told = "La réunion est inscrite à l’agenda des adhérents."
            form_tokens.tell_saved(request, created, told)
            return redirect(group)
    context = page_context(request, group, access, meeting_form=form)
    return render(request, "working_groups/detail.html", context, status=400)


def minutes(request, slug: str, pk: int):
    group, _ = group_with_access(request, slug, Access.MANAGE)
    meeting = get_object_or_404(group.meetings.select_related("activity"), pk=pk)
    initial = {
        "agenda": meeting.agenda,
        "minutes": meeting.minutes,
        "publish": meeting.minutes_are_published,
    }
    form = MinutesForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            meeting_actions.write_minutes(meeting, **form.cleaned_data)
        except WorkingGroupRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "L’ordre du jour et le compte rendu sont enregistrés.")
            return redirect(group)
    status = 400 if request.method == "POST" else 200
    context = {"group": group, "meeting": meeting, "form": form}
    return render(request, "working_groups/minutes.html", context, status=status)
