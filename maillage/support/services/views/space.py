"""A representative's services, from the member space: list, create, edit, submit, close."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from maillage.accounts.enums import Role
from maillage.accounts.permissions import role_required
from maillage.core.collation import by_name
from maillage.support.services import publication
from maillage.support.services.enums import ServiceStatus
from maillage.support.services.errors import ServiceActionRefused
from maillage.support.services.forms import RepresentativeServiceForm, ServiceForm
from maillage.support.services.representation import (
    editable_by_representative,
    represented_units,
)
from maillage.support.services.revision import needs_revision, revision_of
from maillage.support.services.views.common import save_new

representatives = role_required(Role.MEMBER, Role.PARTNER)
SUBMIT = "submit"


def _own(request, pk: int):
    """A service of an organisation the user represents; anybody else's is a 404."""
    return get_object_or_404(editable_by_representative(request.user), pk=pk)


@representatives
def service_list(request):
    services = (
        editable_by_representative(request.user)
        .select_related("provider", "revision")
        .order_by(by_name("provider__name"), by_name(), "pk")
    )
    return render(
        request,
        "services/space/list.html",
        {"services": services, "units": represented_units(request.user)},
    )


def _after_save(request, service, new: bool):
    if request.POST.get("action") == SUBMIT and service.status in publication.SUBMITTABLE:
        publication.submit(service)
        messages.success(request, "Service enregistré et envoyé à l’équipe pour validation.")
    elif service.status == ServiceStatus.SUBMITTED:
        messages.success(request, "Modifications enregistrées ; l’équipe verra cette version.")
    else:
        done = "Service enregistré (brouillon)." if new else "Modifications enregistrées."
        messages.success(request, done)
    return redirect("space:services:space_list")


@representatives
def create(request):
    units = represented_units(request.user)
    if not units.exists():
        raise PermissionDenied
    form = RepresentativeServiceForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid() and (service := save_new(form)):
        return _after_save(request, service, new=True)
    context = {"form": form, "service": None, "revising": False, "shown": None}
    return render(request, "services/space/form.html", context)


@representatives
def edit(request, pk: int):
    service = _own(request, pk)
    revising = needs_revision(service)
    shown = (service.pending_revision or service) if revising else service
    form = ServiceForm(request.POST or None, instance=shown)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            target = revision_of(service) if revising else service
            form = ServiceForm(request.POST, instance=target)
            form.is_valid()
            saved = form.save()
        return _after_save(request, saved, new=False)
    context = {"form": form, "service": service, "revising": revising, "shown": shown}
    return render(request, "services/space/form.html", context)


def _act(request, pk: int, action, done: str):
    service = _own(request, pk)
    target = (service.pending_revision or service) if action is publication.submit else service
    try:
        action(target)
    except ServiceActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, done)
    return redirect("space:services:space_list")


@require_POST
@representatives
def submit(request, pk: int):
    return _act(request, pk, publication.submit, "Service envoyé à l’équipe pour validation.")


@require_POST
@representatives
def close(request, pk: int):
    return _act(request, pk, publication.close, "Service fermé : il n’apparaît plus dans l’offre.")
