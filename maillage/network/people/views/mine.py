"""« Mes données »: any signed-in person sees what the hub holds on them, manages their consents
and downloads their own export."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from maillage.network.people import consents, exports
from maillage.network.people.enums import ConsentMethod, ConsentPurpose
from maillage.network.people.forms import MyConsentForm
from maillage.network.people.mine import ensure_person_of, person_of
from maillage.network.people.views.common import bad_request, session_key_of


def my_data(request):
    person = person_of(request.user)
    current = consents.current_consents(person) if person else {}
    rows = [
        (value, label, current.get(value), consents.TEXTS[ConsentPurpose(value)].text)
        for value, label in ConsentPurpose.choices
    ]
    context = {
        "person": person,
        "consents": rows,
        "affiliations": person.affiliations.select_related("legal_unit") if person else [],
    }
    return render(request, "people/my_data.html", context)


@require_POST
def my_consent(request):
    form = MyConsentForm(request.POST)
    if not form.is_valid():
        return bad_request(request, "Ce consentement n’existe pas.")
    person = ensure_person_of(request.user)
    consents.record_consent(
        person,
        form.cleaned_data["purpose"],
        form.cleaned_data["given"],
        ConsentMethod.MEMBER_SPACE,
        recorded_by=request.user,
    )
    messages.success(request, "Votre choix est enregistré.")
    return redirect("space:people:my_data")


@require_POST
def my_export(request):
    token = exports.create_link(person_of(request.user), request.user, session_key_of(request))
    return render(request, "people/export_ready.html", {"token": token, "lifetime_hours": 24})
