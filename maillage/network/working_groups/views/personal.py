"""A signed-in person's side: joining and leaving groups, and « Mes groupes »."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from maillage.accounts.permissions import members_only
from maillage.network.people.mine import ensure_person_of
from maillage.network.working_groups import membership
from maillage.network.working_groups.access import person_of
from maillage.network.working_groups.errors import WorkingGroupRefused
from maillage.network.working_groups.models import Meeting, WorkingGroup
from maillage.network.working_groups.views.common import group_with_access


@require_POST
@members_only  # others are added by the staff
def join(request, slug: str):
    group, _ = group_with_access(request, slug)
    try:
        joined = membership.join(group, ensure_person_of(request.user))
    except WorkingGroupRefused as error:
        messages.error(request, str(error))
    else:
        note = "Bienvenue dans le groupe." if joined else "Vous faites déjà partie du groupe."
        messages.success(request, note)
    return redirect(group)


@require_POST
def leave(request, slug: str):
    group, _ = group_with_access(request, slug)
    person = person_of(request.user)
    try:
        left = person is not None and membership.leave(group, person)
    except WorkingGroupRefused as error:
        messages.error(request, str(error))
    else:
        note = "Vous avez quitté le groupe." if left else "Vous ne faisiez pas partie du groupe."
        messages.success(request, note)
    return redirect(group)


def my_groups(request):
    person = person_of(request.user)
    groups = []
    if person is not None:
        upcoming = Meeting.objects.not_cancelled().upcoming().select_related("activity")
        groups = WorkingGroup.objects.with_member(person).prefetch_related(
            Prefetch("meetings", queryset=upcoming, to_attr="upcoming_meetings")
        )
    return render(request, "working_groups/my_groups.html", {"groups": groups, "person": person})
