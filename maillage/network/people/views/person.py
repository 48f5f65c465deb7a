"""A person's page for staff: roles, tags, notes, exchanges, consents, export and erasure."""

from __future__ import annotations

from django.contrib import messages
from django.db import IntegrityError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from maillage.accounts.permissions import staff_required
from maillage.core import form_tokens
from maillage.core.form_tokens import first_write
from maillage.network.people import consents, erasure, exports
from maillage.network.people.enums import ConsentPurpose
from maillage.network.people.forms import (
    AffiliationForm,
    ConsentForm,
    InteractionForm,
    PersonForm,
)
from maillage.network.people.interactions import (
    InteractionRefused,
    moment_of,
    record_interaction,
)
from maillage.network.people.models import Affiliation, Interaction, Person
from maillage.network.people.views.common import session_key_of

TWIN = "Cette fiche vient d’être enregistrée par ailleurs : vérifiez-la."


def saved(form) -> bool:
    """Save the form; a concurrent twin (double submit) becomes a form error, not a 500."""
    if first_write(form.save) is None:
        form.add_error(None, TWIN)
        return False
    return True


def _created(form: PersonForm) -> tuple[Person | None, bool]:
    """The new person and whether this submit created it (a replay finds the first one's); None
    and a form error when another form saved the same e-mail at the same instant."""
    form.instance.submission_token = token = form.cleaned_data["submission"]
    try:
        return form_tokens.once(Person, token, form.save)
    except IntegrityError:
        form.add_error(None, TWIN)
        return None, False


def _person(pk: int) -> Person:
    people = Person.objects.active().prefetch_related(
        "tags", Prefetch("affiliations", Affiliation.objects.select_related("legal_unit"))
    )
    return get_object_or_404(people, pk=pk)


def _context(person: Person, **forms) -> dict:
    current = consents.current_consents(person)
    return {
        "person": person,
        "interactions": person.interactions.select_related("staff_member", "legal_unit"),
        "current_consents": [
            (label, current.get(value)) for value, label in ConsentPurpose.choices
        ],
        "consent_history": person.consents.select_related("recorded_by"),
        "affiliation_form": forms.get("affiliation_form") or AffiliationForm(),
        "interaction_form": forms.get("interaction_form") or InteractionForm(),
        "consent_form": forms.get("consent_form") or ConsentForm(),
    }


@staff_required
def detail(request, pk: int):
    return render(request, "people/person.html", _context(_person(pk)))


def _edit(request, form: PersonForm, success: str):
    if request.method == "POST" and form.is_valid() and saved(form):
        messages.success(request, success)
        return redirect("people:person", pk=form.instance.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "people/person_form.html", {"form": form}, status=status)


@staff_required
def create(request):
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person, created = _created(form)
        if person is not None:
            form_tokens.tell_saved(request, created, "La fiche est créée.")
            return redirect("people:person", pk=person.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "people/person_form.html", {"form": form}, status=status)


@staff_required
def edit(request, pk: int):
    form = PersonForm(request.POST or None, instance=_person(pk))
    return _edit(request, form, "La fiche est enregistrée.")


@staff_required
@require_POST
def add_affiliation(request, pk: int):
    person = _person(pk)
    form = AffiliationForm(request.POST, instance=Affiliation(person=person))
    if form.is_valid() and saved(form):
        messages.success(request, "Le rôle dans la structure est ajouté.")
        return redirect("people:person", pk=pk)
    return render(
        request, "people/person.html", _context(person, affiliation_form=form), status=400
    )


@staff_required
def edit_affiliation(request, pk: int, affiliation_pk: int):
    person = _person(pk)
    affiliation = get_object_or_404(person.affiliations, pk=affiliation_pk)
    form = AffiliationForm(request.POST or None, instance=affiliation)
    if request.method == "POST" and form.is_valid() and saved(form):
        messages.success(request, "Le rôle dans la structure est enregistré.")
        return redirect("people:person", pk=pk)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "person": person, "title": "Modifier un rôle dans une structure"}
    return render(request, "people/related_form.html", context, status=status)


@staff_required
@require_POST
def remove_affiliation(request, pk: int, affiliation_pk: int):
    affiliation = get_object_or_404(_person(pk).affiliations, pk=affiliation_pk)
    affiliation.delete()
    messages.success(request, "Le rôle dans la structure est retiré.")
    return redirect("people:person", pk=pk)


@staff_required
@require_POST
def add_interaction(request, pk: int):
    person = _person(pk)
    form = InteractionForm(request.POST)
    if form.is_valid():
        data = dict(form.cleaned_data)
        token = data.pop("submission")
        try:
            _, created = form_tokens.once(
                Interaction,
                token,
                lambda: record_interaction(person, request.user, submission_token=token, **data),
                {"person_id": person.pk},
            )
        except InteractionRefused as error:
            form.add_error(None, str(error))
        except form_tokens.TokenUsedElsewhere:
            form.add_error(None, form_tokens.ELSEWHERE)
        else:
            form_tokens.tell_saved(request, created, "L’échange est noté.")
            return redirect("people:person", pk=pk)
    return render(
        request, "people/person.html", _context(person, interaction_form=form), status=400
    )


@staff_required
def edit_interaction(request, pk: int, interaction_pk: int):
    person = _person(pk)
    interaction = get_object_or_404(Interaction, pk=interaction_pk, person=person)
    form = InteractionForm(request.POST or None, instance=interaction)
    if request.method == "POST" and form.is_valid():
        form.save()
        person.touch(moment_of(interaction.occurred_on))
        messages.success(request, "L’échange est enregistré.")
        return redirect("people:person", pk=pk)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "person": person, "title": "Modifier un échange"}
    return render(request, "people/related_form.html", context, status=status)


@staff_required
@require_POST
def record_consent(request, pk: int):
    person = _person(pk)
    form = ConsentForm(request.POST)
    if not form.is_valid():
        return render(
            request, "people/person.html", _context(person, consent_form=form), status=400
        )
    consents.record_consent(person, recorded_by=request.user, **form.cleaned_data)
    messages.success(request, "Le consentement est enregistré.")
    return redirect("people:person", pk=pk)


@staff_required
@require_POST
def request_export(request, pk: int):
    person = _person(pk)
    token = exports.create_link(person, request.user, session_key_of(request))
    context = {"person": person, "token": token, "lifetime_hours": 24}
    return render(request, "people/export_ready.html", context)


@staff_required
def erase(request, pk: int):
    person = _person(pk)
    if request.method != "POST":
        return render(request, "people/erase.html", {"person": person})
    if request.POST.get("confirmation") != "oui":
        messages.error(request, "Cochez la case de confirmation pour effacer cette personne.")
        return render(request, "people/erase.html", {"person": person}, status=400)
    erasure.erase(person)
    messages.success(request, "La personne est effacée : ses données ont été anonymisées.")
    return redirect("people:book")
