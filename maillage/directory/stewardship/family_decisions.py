"""Staff decide a legal unit's ESS family: settle one the rule sends to review (a SCOP in SAS
form), or override the rule, always with a reason. The decision, its reason, author and date
stay on the unit; every later import reads it (`families.py`) instead of the rule. Withdrawing
it gives the unit back to the rule. The history of its establishments keeps each change."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from maillage.accounts.models import User
from maillage.directory import families
from maillage.directory.enums import FamilyDecision, Source
from maillage.directory.models import LegalUnit
from maillage.directory.stewardship.errors import StewardshipError

DECISION_FIELD = "ess_family"


def decide(unit: LegalUnit, family: str, reason: str, by: User) -> LegalUnit:
    """Give `unit` the family `family` (a FamilyDecision) for `reason`, in the name of `by`."""
    reason = reason.strip()
    if not reason:
        raise StewardshipError("Dites pourquoi : la décision sera relue aux prochains imports.")
    if family not in FamilyDecision.values:
        raise StewardshipError("Famille inconnue.")
    with transaction.atomic():
        locked = LegalUnit.objects.select_for_update().get(pk=unit.pk)
        locked.decided_family = family
        locked.family_decision_reason = reason
        locked.family_decided_by = by
        locked.family_decided_at = timezone.now()
        stamp = {"source": Source.STAFF, "confirmed_at": timezone.localdate().isoformat()}
        locked.provenance[DECISION_FIELD] = stamp
        _save(locked, by)
    return locked


def withdraw(unit: LegalUnit, by: User) -> LegalUnit:
    """Forget the staff's decision: the rule decides again (the unit may go back to review)."""
    with transaction.atomic():
        locked = LegalUnit.objects.select_for_update().get(pk=unit.pk)
        if not locked.decided_family:
            raise StewardshipError("Aucune décision de l’équipe sur cette famille.")
        locked.decided_family = ""
        locked.family_decision_reason = ""
        locked.family_decided_by = None
        locked.family_decided_at = None
        locked.provenance.pop(DECISION_FIELD, None)
        for name, value in families.settle(locked, signs_of(locked)).items():
            setattr(locked, name, value)
        _save(locked, by)
    return locked


def signs_of(unit: LegalUnit) -> list[str]:
    pairs = unit.establishments.values_list("sign", "name")
    return [text for pair in pairs for text in pair if text]


def _save(unit: LegalUnit, by: User) -> None:
    unit._changed_by = by
    unit._change_source = Source.STAFF
    unit.save()
