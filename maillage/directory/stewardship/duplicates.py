"""Likely duplicates across sources, proposed to staff; merged or dismissed by a person only.

Two establishments look like one organisation when they share a SIREN and one of them has no
SIRET (an RNA seat or a map's entry beside SIRENE's), or when their folded names match in the
same commune (a map's entry beside SIRENE's). A SIRET itself cannot be shared: it is unique, and
every importer lands a row with a SIRET on the establishment of that SIRET. Two SIRENE
establishments of one legal unit are distinct by definition and never proposed. A dismissed
pair stays in the table, so it is never proposed again.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from django.db import IntegrityError, transaction
from django.utils import timezone

from maillage.accounts.models import User
from maillage.core.french import plural
from maillage.core.text import fold
from maillage.directory.enums import DuplicateStatus, Source
from maillage.directory.models import (
    ChangeRecord,
    Claim,
    DuplicateCandidate,
    EditProposal,
    Establishment,
    LegalUnit,
)
from maillage.directory.stewardship.errors import StewardshipError
from maillage.directory.stewardship.history import MERGED

MAX_GROUP = 20  # a name shared by more entries in one commune is a chain, not a duplicate
SAME_NAME = "même nom dans la même commune"
SAME_UNIT = "même SIREN, une fiche sans SIRET"
# Filled on the kept entry from the other when the kept one lacks them.
MERGEABLE = [
    "name",
    "sign",
    "address_complement",
    "street",
    "postcode",
    "city_name",
    "commune_code",
    "commune_id",
    "naf_code",
    "naf_section",
    "employee_bracket",
    "longitude",
    "latitude",
    "created_on",
    "description",
    "website",
    "email",
    "phone",
    "opening_hours",
    "logo",
    "last_confirmed_on",
]


def likely_pairs() -> dict[tuple[int, int], str]:
    rows = Establishment.objects.values_list(
        "pk", "siret", "name", "sign", "legal_unit__name", "legal_unit_id", "commune_id"
    )
    by_name: dict[tuple[str, int], list[tuple[int, str | None, int]]] = defaultdict(list)
    by_unit: dict[int, list[tuple[int, str | None, int]]] = defaultdict(list)
    for pk, siret, name, sign, unit_name, unit_id, commune_id in rows:
        by_unit[unit_id].append((pk, siret, commune_id))
        folded = fold(sign or name or unit_name)
        if folded and commune_id is not None:
            by_name[(folded, commune_id)].append((pk, siret, unit_id))
    pairs: dict[tuple[int, int], str] = {}
    for members in by_unit.values():
        # One SIREN, one entry without SIRET (a map's or the RNA's) in the same commune.
        for (a, siret_a, commune_a), (b, siret_b, commune_b) in combinations(members, 2):
            if (not siret_a or not siret_b) and commune_a == commune_b:
                pairs[(min(a, b), max(a, b))] = SAME_UNIT
    for members in by_name.values():
        if not 1 < len(members) <= MAX_GROUP:
            continue
        for (a, siret_a, unit_a), (b, siret_b, unit_b) in combinations(members, 2):
            if siret_a and siret_b and unit_a == unit_b:
                continue  # two SIRENE establishments of one unit are distinct by definition
            pairs.setdefault((min(a, b), max(a, b)), SAME_NAME)
    return pairs


def new_duplicates_message(found: int) -> str:
    return f"{plural(found, 'doublon probable nouveau', 'doublons probables nouveaux')} à examiner."


def find_duplicates() -> int:
    """Propose every likely pair not yet known (proposed, merged or dismissed); return how many."""
    pairs = likely_pairs()
    known = set(DuplicateCandidate.objects.values_list("first_id", "second_id"))
    new = [
        DuplicateCandidate(first_id=a, second_id=b, reason=reason)
        for (a, b), reason in pairs.items()
        if (a, b) not in known
    ]
    DuplicateCandidate.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def dismiss(candidate: DuplicateCandidate, by: User) -> None:
    with transaction.atomic():
        locked = DuplicateCandidate.objects.select_for_update().get(pk=candidate.pk)
        if locked.status != DuplicateStatus.PROPOSED:
            raise StewardshipError("Ce doublon a déjà été traité.")
        locked.status = DuplicateStatus.DISMISSED
        locked.decided_by = by
        locked.decided_at = timezone.now()
        locked.save()


def merge(candidate: DuplicateCandidate, by: User) -> Establishment:
    """Keep the older entry, fill its blanks from the other (with their provenance), move
    claims, proposals and history onto it, delete the other: all or nothing."""
    with transaction.atomic():
        locked = DuplicateCandidate.objects.select_for_update().filter(pk=candidate.pk).first()
        if locked is None or locked.status != DuplicateStatus.PROPOSED:
            raise StewardshipError("Ce doublon a déjà été traité.")
        sites = list(
            Establishment.objects.select_for_update()
            .filter(pk__in=[locked.first_id, locked.second_id])
            .order_by("created_at", "pk")
        )
        keep, other = sites
        moved = _fill_blanks(keep, other)
        _move_keys(keep, other)
        keep._changed_by = by
        keep._change_source = Source.STAFF
        keep.save()
        _move_related(keep, other)
        ChangeRecord.objects.create(
            establishment=keep,
            field=MERGED,
            old_value=f"{other} (n° {other.pk})",
            new_value=", ".join(moved),
            source=Source.STAFF,
            changed_by=by,
        )
        old_unit = other.legal_unit
        other.delete()
        _absorb_unit(keep, old_unit)
        return keep


def _fill_blanks(keep: Establishment, other: Establishment) -> list[str]:
    moved = []
    for field in MERGEABLE:
        mine, theirs = getattr(keep, field), getattr(other, field)
        if mine in (None, "") and theirs not in (None, ""):
            setattr(keep, field, theirs)
            name = field.removesuffix("_id")
            if name in other.provenance:
                keep.provenance[name] = other.provenance[name]
            moved.append(field)
    if not keep.contacts_public and other.contacts_public and "email" in moved:
        keep.contacts_public = True
    return moved


def _move_keys(keep: Establishment, other: Establishment) -> None:
    """SIRET and source key are unique: free them on the other entry before the kept takes them."""
    take_siret = keep.siret is None and other.siret
    take_ref = keep.source_ref is None and other.source_ref
    if take_siret or take_ref:
        siret, ref = other.siret, other.source_ref
        Establishment.objects.filter(pk=other.pk).update(
            siret=None if take_siret else siret, source_ref=None if take_ref else ref
        )
        if take_siret:
            keep.siret = siret
        if take_ref:
            keep.source_ref = ref


def _move_related(keep: Establishment, other: Establishment) -> None:
    keep.themes.add(*other.themes.all())
    EditProposal.objects.filter(establishment=other).update(establishment=keep)
    ChangeRecord.objects.filter(establishment=other).update(establishment=keep)
    # Other pairs of the deleted entry now concern the kept one; drop those that would clash.
    for pair in DuplicateCandidate.objects.filter(first=other) | DuplicateCandidate.objects.filter(
        second=other
    ):
        if {pair.first_id, pair.second_id} == {keep.pk, other.pk}:
            continue
        third = pair.second_id if pair.first_id == other.pk else pair.first_id
        a, b = min(keep.pk, third), max(keep.pk, third)
        try:
            with transaction.atomic():
                DuplicateCandidate.objects.filter(pk=pair.pk).update(first_id=a, second_id=b)
        except IntegrityError:
            pair.delete()


def _absorb_unit(keep: Establishment, old_unit: LegalUnit) -> None:
    """An organisation left with no entry joins the kept one's: its claims move along."""
    if old_unit.pk == keep.legal_unit_id or old_unit.establishments.exists():
        return
    for claim in Claim.objects.filter(legal_unit=old_unit):
        duplicate = Claim.objects.filter(
            legal_unit_id=keep.legal_unit_id, user_id=claim.user_id
        ).exists()
        if duplicate:
            continue
        claim.legal_unit_id = keep.legal_unit_id
        claim.save(update_fields=["legal_unit"])
    if old_unit.is_hub_member and not keep.legal_unit.is_hub_member:
        keep.legal_unit.is_hub_member = True
        keep.legal_unit.save(update_fields=["is_hub_member"])
    old_unit.delete()


def propose_duplicates(sites: list[Establishment], reason: str) -> bool:
    """Propose every pair of these establishments to staff (an importer saw them as one
    organisation); a pair already known stays as it is. True when at least a pair exists."""
    pairs = {(min(a.pk, b.pk), max(a.pk, b.pk)) for a, b in combinations(sites, 2) if a.pk != b.pk}
    DuplicateCandidate.objects.bulk_create(
        [DuplicateCandidate(first_id=a, second_id=b, reason=reason[:200]) for a, b in pairs],
        ignore_conflicts=True,
    )
    return bool(pairs)
