"""Staff validate what representatives submit, and may create or edit any service."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from maillage.accounts.permissions import staff_required
from maillage.support.services import publication
from maillage.support.services.errors import ServiceActionRefused
from maillage.support.services.forms import SendBackForm, StaffServiceForm
from maillage.support.services.models import Service
from maillage.support.services.views.common import save_new


@staff_required
def queue(request):
    waiting = (
        Service.objects.awaiting_validation()
        .select_related("provider", "revision_of")
        .order_by("updated_at", "pk")
    )
    everything = Service.objects.originals().select_related("provider", "revision")
    return render(
        request, "services/staff/queue.html", {"waiting": waiting, "services": everything}
    )


@staff_required
def review(request, pk: int):
    service = get_object_or_404(Service.objects.with_area().select_related("revision_of"), pk=pk)
    return render(
        request,
        "services/staff/review.html",
        {"service": service, "original": service.revision_of, "send_back_form": SendBackForm()},
    )


@require_POST
@staff_required
def publish(request, pk: int):
    service = get_object_or_404(Service, pk=pk)
    try:
        published = publication.publish(service)
    except ServiceActionRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("services:validation")
    messages.success(request, f"« {published.name} » est publié.")
    return redirect("services:validation")


@require_POST
@staff_required
def send_back(request, pk: int):
    service = get_object_or_404(Service.objects.with_area(), pk=pk)
    form = SendBackForm(request.POST)
    if form.is_valid():
        try:
            publication.send_back(service, form.cleaned_data["comment"])
        except ServiceActionRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, f"« {service.name} » est renvoyé à la structure.")
        return redirect("services:validation")
    context = {"service": service, "original": service.revision_of, "send_back_form": form}
    return render(request, "services/staff/review.html", context, status=400)


@require_POST
@staff_required
def close(request, pk: int):
    service = get_object_or_404(Service, pk=pk)
    try:
        publication.close(service)
    except ServiceActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request, f"« {service.name} » est fermé : il n’apparaît plus dans l’offre."
        )
    return redirect("services:validation")


@staff_required
def create(request):
    form = StaffServiceForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and (service := save_new(form)):
        messages.success(request, f"« {service.name} » est enregistré (brouillon).")
        return redirect("services:review", pk=service.pk)
    return render(request, "services/staff/form.html", {"form": form, "service": None})


@staff_required
def edit(request, pk: int):
    service = get_object_or_404(Service, pk=pk)
    form = StaffServiceForm(request.POST or None, instance=service)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Modifications enregistrées.")
        return redirect("services:review", pk=service.pk)
    return render(request, "services/staff/form.html", {"form": form, "service": service})
