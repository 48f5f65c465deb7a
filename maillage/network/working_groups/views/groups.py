"""The public list of groups, a group's page, and the staff's forms for groups and members."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db import IntegrityError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from maillage.accounts.permissions import staff_required
from maillage.core import form_tokens
from maillage.core.collation import by_name
from maillage.network.people.models import Person
from maillage.network.working_groups import membership
from maillage.network.working_groups.access import Access, may_join, person_of
from maillage.network.working_groups.errors import WorkingGroupRefused
from maillage.network.working_groups.forms import (
    AddMemberForm,
    DocumentForm,
    MeetingForm,
    WorkingGroupForm,
)
from maillage.network.working_groups.groups import save_group
from maillage.network.working_groups.models import Meeting, WorkingGroup
from maillage.network.working_groups.views.common import group_with_access
from maillage.plan.links import actions_of, publics_of
from maillage.plan.models import ActionLink


@login_not_required
def group_list(request):
    groups = WorkingGroup.objects.with_member_count().prefetch_related(
        Prefetch(
            "action_links",
            queryset=ActionLink.objects.select_related("action").order_by("action__code"),
        )
    )
    return render(
        request,
        "working_groups/list.html",
        {
            "open_groups": groups.open().order_by(by_name(), "pk"),
            "closed_groups": groups.closed().order_by(by_name(), "pk"),
        },
    )


def _meetings(group: WorkingGroup):
    meetings = Meeting.objects.filter(group=group).select_related("activity", "activity__commune")
    return {"upcoming": meetings.upcoming(), "past": meetings.past()}


def page_context(request, group: WorkingGroup, access: Access, **forms) -> dict:
    person = person_of(request.user)
    is_member = group.has_member(person)
    context = {
        "group": group,
        "can": {
            "see_meetings": access >= Access.NETWORK,
            "see_members": access >= Access.GROUP,
            "manage": access >= Access.MANAGE,
        },
        "actions": actions_of(group).select_related("operational_objective"),
        "publics": publics_of(group),
        "member_count": group.memberships.count(),
        "is_member": is_member,
        "can_join": not is_member and group.is_joinable and may_join(request.user),
        "meetings": _meetings(group) if access >= Access.NETWORK else {},
        "members": [],
        "documents": [],
        # Through the reverse relation: the decisions app sits above this one and is not imported.
        "decisions": group.proposals.published().order_by("-deadline", "-pk"),
        "is_staff": request.user.is_authenticated and request.user.is_hub_staff,
    }
    if access >= Access.GROUP:
        context["members"] = group.memberships.select_related("person").order_by(
            "person__last_name", "person__first_name"
        )
        context["documents"] = group.documents.select_related("uploaded_by")
    if access >= Access.MANAGE:
        context["meeting_form"] = forms.get("meeting_form") or MeetingForm()
        context["document_form"] = forms.get("document_form") or DocumentForm()
    if context["is_staff"]:
        context["member_form"] = forms.get("member_form") or AddMemberForm(group=group)
    return context


@login_not_required
def group_page(request, slug: str):
    group, access = group_with_access(request, slug)
    return render(request, "working_groups/detail.html", page_context(request, group, access))


TWIN = "Un autre groupe vient d’être créé avec ce nom ou cet identifiant : changez-le."


def _saved(form: WorkingGroupForm) -> tuple[WorkingGroup | None, bool]:
    """The saved group and whether this submit wrote it: a replayed creation finds the group its
    first submit created; None (and a form error) when another form took its name meanwhile."""
    group = form.save(commit=False)
    actions, publics = form.cleaned_data["actions"], form.cleaned_data["publics"]
    if group.pk:
        return save_group(group, actions, publics), True
    group.submission_token = token = form.cleaned_data["submission"]
    try:
        return form_tokens.once(WorkingGroup, token, lambda: save_group(group, actions, publics))
    except IntegrityError:
        form.add_error(None, TWIN)
        return None, False


def _edit(request, group: WorkingGroup):
    creating = group.pk is None
    initial = {} if creating else {"actions": actions_of(group), "publics": publics_of(group)}
    data = request.POST if request.method == "POST" else None
    form = WorkingGroupForm(data, instance=group, initial=initial)
    saved, created = _saved(form) if form.is_valid() else (None, False)
    if saved is None and creating and data is not None:
        # A replay is refused as a duplicate name: it is the group its first submit created.
        saved = form_tokens.replayed(WorkingGroup, data)
    if saved is not None:
        if not created:
            messages.info(request, form_tokens.ALREADY_SAVED)
        elif creating:
            messages.success(request, "Le groupe est créé.")
        else:
            messages.success(request, "Le groupe est modifié.")
        return redirect(saved)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "group": None if creating else group}
    return render(request, "working_groups/form.html", context, status=status)


@staff_required
def create_group(request):
    return _edit(request, WorkingGroup())


@staff_required
def edit_group(request, slug: str):
    return _edit(request, get_object_or_404(WorkingGroup, slug=slug))


@staff_required
@require_POST
def add_member(request, slug: str):
    group = get_object_or_404(WorkingGroup, slug=slug)
    form = AddMemberForm(request.POST, group=group)
    if not form.is_valid():
        context = page_context(request, group, Access.MANAGE, member_form=form)
        return render(request, "working_groups/detail.html", context, status=400)
    person = form.cleaned_data["person"]
    membership.add_member(group, person)
    messages.success(request, f"{person} fait partie du groupe.")
    return redirect(group)


@staff_required
@require_POST
def remove_member(request, slug: str, person_pk: int):
    group = get_object_or_404(WorkingGroup, slug=slug)
    person = get_object_or_404(Person, pk=person_pk, group_memberships__group=group)
    try:
        membership.remove_member(group, person)
    except WorkingGroupRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"{person} ne fait plus partie du groupe.")
    return redirect(group)
