"""Representatives propose changes to their entries; staff accept or reject them, or edit
directly. Accepted changes carry the provenance "organisation", staff edits "staff": no import
overwrites them afterwards. Each changed field leaves a ChangeRecord (see `history.py`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from maillage.accounts.models import User
from maillage.directory.enums import ProposalStatus, Source
from maillage.directory.geocoding.batches import forget_geocoded_position
from maillage.directory.geocoding.tasks import geocode_addresses
from maillage.directory.models import EditProposal, Establishment, Theme
from maillage.directory.stewardship.errors import StewardshipError
from maillage.hub import current_hub
from maillage.mail import email_task

# What a representative may change; the rest comes from the official registers.
EDITABLE = (
    "street",
    "postcode",
    "city_name",
    "description",
    "website",
    "email",
    "phone",
    "contacts_public",
    "opening_hours",
    "themes",
    "logo",
)


ADDRESS_FIELDS = {"street", "postcode", "city_name"}


def current_values(site: Establishment) -> dict[str, Any]:
    values = {name: getattr(site, name) for name in EDITABLE if name not in {"themes", "logo"}}
    values["themes"] = sorted(site.themes.values_list("pk", flat=True))
    values["logo"] = site.logo.name or ""
    return values


def differences(site: Establishment, wanted: dict[str, Any]) -> dict[str, Any]:
    current = current_values(site)
    return {
        name: value
        for name, value in wanted.items()
        if name in EDITABLE and value != current[name] and not (name == "logo" and not value)
    }


def propose_edit(user: User, site: Establishment, wanted: dict[str, Any]) -> EditProposal:
    site = Establishment.objects.get(pk=site.pk)  # a bound ModelForm altered the instance
    changes = differences(site, wanted)
    if not changes:
        raise StewardshipError("Aucune modification : la fiche dit déjà cela.")
    if EditProposal.objects.pending().filter(establishment=site, proposed_by=user).exists():
        raise StewardshipError(
            "Une proposition de votre part attend déjà la validation de l’équipe pour cette fiche."
        )
    return EditProposal.objects.create(establishment=site, proposed_by=user, changes=changes)


def accept_proposal(proposal: EditProposal, by: User) -> EditProposal:
    with transaction.atomic():
        proposal = _locked_pending(proposal)
        site = Establishment.objects.select_for_update().get(pk=proposal.establishment_id)
        apply_changes(site, proposal.changes, Source.ORGANISATION, proposal.proposed_by)
        proposal.status = ProposalStatus.ACCEPTED
        proposal.decided_by = by
        proposal.decided_at = timezone.now()
        proposal.save()
    _tell(proposal)
    return proposal


def reject_proposal(proposal: EditProposal, by: User) -> EditProposal:
    with transaction.atomic():
        proposal = _locked_pending(proposal)
        proposal.status = ProposalStatus.REJECTED
        proposal.decided_by = by
        proposal.decided_at = timezone.now()
        proposal.save()
    _tell(proposal)
    return proposal


def staff_edit(site: Establishment, wanted: dict[str, Any], by: User) -> list[str]:
    with transaction.atomic():
        site = Establishment.objects.select_for_update().get(pk=site.pk)
        changes = differences(site, wanted)
        if changes:
            apply_changes(site, changes, Source.STAFF, by)
        return list(changes)


def confirm_entry(site: Establishment, today: date | None = None) -> None:
    """The representative or the staff say the entry is still right."""
    Establishment.objects.filter(pk=site.pk).update(last_confirmed_on=today or timezone.localdate())


def apply_changes(
    site: Establishment, changes: dict[str, Any], source: str, user: User | None
) -> None:
    today = timezone.localdate()
    stamp = {"source": source, "confirmed_at": today.isoformat()}
    site._changed_by = user  # read by the history's signals, themes included
    site._change_source = source
    for name, value in changes.items():
        if name == "themes":
            site.themes.set(Theme.objects.filter(pk__in=value))
        elif name == "logo":
            site.logo.name = value
        else:
            setattr(site, name, value)
        site.provenance[name] = stamp
    site.last_confirmed_on = today
    moved = bool(ADDRESS_FIELDS & changes.keys())
    if moved:
        forget_geocoded_position(site)
    site.save()
    if moved:
        transaction.on_commit(geocode_addresses.enqueue)


def _locked_pending(proposal: EditProposal) -> EditProposal:
    locked = EditProposal.objects.select_for_update().get(pk=proposal.pk)
    if locked.status != ProposalStatus.PENDING:
        raise StewardshipError("Cette proposition a déjà été traitée.")
    return locked


def _tell(proposal: EditProposal) -> None:
    if proposal.proposed_by_id is not None:
        send_proposal_decision.enqueue(proposal.pk)


@email_task
def send_proposal_decision(proposal_pk: int) -> EmailMessage | None:
    """The decision, written when the worker runs: the task table holds the proposal's id."""
    proposal = (
        EditProposal.objects.select_related("establishment", "proposed_by")
        .filter(pk=proposal_pk)
        .first()
    )
    if proposal is None or proposal.proposed_by is None or not proposal.proposed_by.is_active:
        return None
    accepted = proposal.status == ProposalStatus.ACCEPTED
    identity = current_hub().identity
    hub, team = identity.name, f"L’équipe {identity.of_name}"
    name = proposal.establishment.display_name
    verdict = "publiées" if accepted else "refusées"
    return EmailMessage(
        f"{hub} : vos modifications de « {name} » sont {verdict}",
        f"Bonjour,\n\n{team} a {'accepté' if accepted else 'refusé'} les "
        f"modifications que vous avez proposées pour la fiche « {name} ».\n",
        None,
        [proposal.proposed_by.email],
    )
