"""The hub's staff: the list of memberships, creating and editing one, payments, statuses."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from maillage.accounts.permissions import staff_required
from maillage.directory.models import Establishment, LegalUnit
from maillage.network.memberships import enrolment, payment
from maillage.network.memberships.counts import counts_by_year_and_category
from maillage.network.memberships.enums import MembershipStatus
from maillage.network.memberships.errors import MembershipError
from maillage.network.memberships.filters import MembershipFilterForm
from maillage.network.memberships.forms import (
    OrganisationMembershipForm,
    PaymentForm,
    PersonMembershipForm,
    StatusForm,
    edit_form_for,
)
from maillage.network.memberships.models import College, Membership
from maillage.network.memberships.status import allowed_statuses, change_status
from maillage.network.memberships.views.common import bad_request
from maillage.network.people.models import Person

LIST_MAX = 500
SEARCH_MAX = 100
MATCHES_MAX = 50


class SearchTooLong(ValueError):
    """The member search typed on the enrolment pages; the message is shown."""


@staff_required
def membership_list(request):
    filters = MembershipFilterForm(request.GET)
    if not filters.is_valid():
        return bad_request(request, filters.first_error())
    memberships = filters.apply(Membership.objects.all())
    context = {
        "filters": filters.cleaned_data,
        "selects": filters.selects,
        "memberships": memberships.with_member().order_by(
            "-year", "legal_unit__name", "person__last_name"
        )[:LIST_MAX],
        "total": memberships.count(),
        "list_max": LIST_MAX,
        "counts": counts_by_year_and_category(memberships),
        "years": Membership.objects.order_by("-year").values_list("year", flat=True).distinct(),
        "colleges": College.objects.all(),
        "statuses": MembershipStatus.choices,
        "categories": Membership.objects.order_by("category")
        .values_list("category", flat=True)
        .distinct(),
    }
    return render(request, "memberships/staff/list.html", context)


def _search_query(request) -> str:
    query = request.GET.get("q", "").strip()
    if len(query) > SEARCH_MAX:
        raise SearchTooLong("La recherche est trop longue (100 caractères au plus).")
    return query


def matching_units(query: str):
    if not query:
        return LegalUnit.objects.none()
    sites = Establishment.objects.matching(query).values("legal_unit")
    found = Q(pk__in=sites) | Q(name__icontains=query) | Q(siren=query) | Q(rna_id=query)
    return LegalUnit.objects.filter(found).order_by("name")[:MATCHES_MAX]


def _matching_people(query: str):
    if not query:
        return Person.objects.none()
    people = Person.objects.active()
    for word in query.split():
        people = people.filter(
            Q(last_name__icontains=word) | Q(first_name__icontains=word) | Q(email__icontains=word)
        )
    return people.order_by("last_name", "first_name")[:MATCHES_MAX]


def _create(request, form_class, matches, member_field: str, template: str):
    try:
        query = _search_query(request)
    except SearchTooLong as error:
        return bad_request(request, str(error))
    form = form_class(request.POST or None)
    chosen = form[member_field].value() if request.method == "POST" else None
    form.offer(list(matches(query)) + _chosen(form, member_field, chosen))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        terms = enrolment.Terms(data["year"], data["rate"], data["dues_amount"])
        try:
            membership = enrolment.enrol(terms, **{member_field: data[member_field]})
        except MembershipError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                f"L’adhésion {membership.year} de « {membership.member_name} » est enregistrée.",
            )
            return redirect("memberships:detail", pk=membership.pk)
    status = 400 if request.method == "POST" else 200
    context = {
        "form": form,
        "query": query,
        "member_field": member_field,
        "member": form[member_field],
        "terms": [form["year"], form["rate"], form["dues_amount"]],
    }
    if request.htmx and request.method == "GET":
        return render(request, f"{template}#choices", context)
    return render(request, template, context, status=status)


def _chosen(form, member_field: str, chosen) -> list:
    """Keep the organisation or person picked before a refused submit in the select."""
    if not chosen or not str(chosen).isdigit():
        return []
    return list(form.fields[member_field].queryset.filter(pk=chosen))


@staff_required
def create_for_organisation(request):
    return _create(
        request,
        OrganisationMembershipForm,
        matching_units,
        "legal_unit",
        "memberships/staff/create.html",
    )


@staff_required
def create_for_person(request):
    return _create(
        request, PersonMembershipForm, _matching_people, "person", "memberships/staff/create.html"
    )


def _detail_context(membership: Membership, **forms) -> dict:
    return {
        "membership": membership,
        "edit_form": forms.get("edit_form") or edit_form_for(membership),
        "payment_form": forms.get("payment_form")
        or PaymentForm(initial={"amount": membership.dues_amount, "paid_on": timezone.localdate()}),
        "statuses": allowed_statuses(membership),
        "reminders": membership.renewal_reminders.all(),
    }


def _membership(pk: int) -> Membership:
    return get_object_or_404(Membership.objects.with_member(), pk=pk)


@staff_required
def membership_detail(request, pk: int):
    return render(request, "memberships/staff/detail.html", _detail_context(_membership(pk)))


@staff_required
@require_POST
def membership_edit(request, pk: int):
    membership = _membership(pk)
    form = edit_form_for(membership, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        terms = enrolment.Terms(data["year"], data["rate"], data["dues_amount"])
        try:
            enrolment.amend(membership, terms)
        except MembershipError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "L’adhésion est modifiée.")
            return redirect("memberships:detail", pk=pk)
    context = _detail_context(membership, edit_form=form)
    return render(request, "memberships/staff/detail.html", context, status=400)


@staff_required
@require_POST
def record_payment(request, pk: int):
    membership = _membership(pk)
    form = PaymentForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            membership = payment.record_payment(
                membership, data["amount"], data["paid_on"], data["method"]
            )
        except MembershipError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Paiement enregistré : reçu n° {membership.receipt_label}.")
            return redirect("memberships:detail", pk=pk)
    context = _detail_context(membership, payment_form=form)
    return render(request, "memberships/staff/detail.html", context, status=400)


@staff_required
@require_POST
def set_status(request, pk: int):
    membership = _membership(pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        return bad_request(request, "Ce statut d’adhésion n’existe pas.")
    try:
        membership = change_status(membership, MembershipStatus(form.cleaned_data["status"]))
    except MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, f"L’adhésion est désormais « {membership.get_status_display().lower()} »."
        )
    return redirect("memberships:detail", pk=pk)
