"""Organisations of the directory say « nous pouvons aider », and with what: once each."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from maillage.core.form_tokens import first_write
from maillage.needs.errors import NeedError
from maillage.needs.models import HelpOffer, Need

WHAT_MAX = 2000


def offer_help(need: Need, legal_unit: Any, by: Any, what: str) -> HelpOffer:
    """Record the organisation's offer, or update what it says it can bring."""
    what = what.strip()
    if not what:
        raise NeedError("Dites ce que votre structure peut apporter.")
    if len(what) > WHAT_MAX:
        raise NeedError(f"Le texte est trop long ({WHAT_MAX} caractères au plus).")
    if need.is_closed or need.is_merged:
        raise NeedError("Ce besoin est clos : il n’attend plus de proposition d’aide.")
    created = first_write(
        lambda: HelpOffer.objects.create(
            need=need, legal_unit=legal_unit, declared_by=by, what=what
        )
    )
    if created is not None:
        return created
    with transaction.atomic():
        offer = HelpOffer.objects.select_for_update().get(need=need, legal_unit=legal_unit)
        offer.what, offer.declared_by = what, by
        offer.save(update_fields=["what", "declared_by"])
    return offer
