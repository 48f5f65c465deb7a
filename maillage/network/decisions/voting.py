"""Casting a voice, and changing it until the deadline: the only writer of Vote.

Every cast locks the proposal's row first (SELECT … FOR UPDATE on PostgreSQL; on SQLite the
settings open IMMEDIATE transactions), so a voice never lands after the proposal closed. The
voice is an update of the voter's row when it exists; otherwise an insert, and the unique
constraint per (proposal, voter) turns a simultaneous second insert into an update.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import OperationalError, connection, transaction
from django.db.models import F
from django.utils import timezone

from maillage.accounts.models import AnyUser, User
from maillage.core.form_tokens import first_write
from maillage.directory.models import LegalUnit
from maillage.network.decisions import eligibility
from maillage.network.decisions.enums import Choice
from maillage.network.decisions.models import Option, Proposal, Vote
from maillage.network.people.models import Person

REASON_MAX = 2000
# A burst of voices can outlast SQLite's busy timeout; PostgreSQL queues on the row lock.
LOCKED_RETRIES = 3


class VoteRefused(Exception):
    """A voice that cannot be recorded; the message is for the person."""


class NotEligible(VoteRefused):
    """The user may not vote on this proposal, or not for this voter."""


def cast_vote(
    proposal: Proposal,
    user: AnyUser,
    voter: LegalUnit | Person,
    *,
    option: Option | None = None,
    choice: str = "",
    reason: str = "",
) -> Vote:
    """Record `user`'s voice for `voter` on `proposal`, replacing the voter's previous one.

    Who may vote is read before the write transaction, which stays short: on SQLite it holds
    the database's one write lock.
    """
    proposal = Proposal.objects.get(pk=proposal.pk)
    position = _position(proposal, option, choice, reason)
    check_voter(proposal, user, voter)
    values = {**position, "weight": eligibility.weight_of(voter, proposal), "cast_by": user}
    retries = LOCKED_RETRIES
    while True:
        try:
            return _write(proposal, voter, values)
        except OperationalError as error:
            if not _sqlite_busy(error) or retries == 0:
                raise
            retries -= 1


def _write(proposal: Proposal, voter: LegalUnit | Person, values: dict[str, Any]) -> Vote:
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        now = timezone.now()
        check_open(proposal, now)
        return _record(proposal, voter, {**values, "cast_at": now})


def _sqlite_busy(error: OperationalError) -> bool:
    """SQLite gave up waiting for its one write lock: the transaction did nothing, try again."""
    return connection.vendor == "sqlite" and "database is locked" in str(error)


def check_open(proposal: Proposal, now: datetime) -> None:
    not_yet = VoteRefused("Le vote sur cette proposition n’est pas encore ouvert.")
    if proposal.is_draft:
        raise not_yet
    if proposal.is_closed or now >= proposal.deadline:
        ended = proposal.closed_at if proposal.is_closed else proposal.deadline
        moment = timezone.localtime(ended).strftime("%d/%m/%Y à %H:%M")
        raise VoteRefused(
            f"Le vote est clos depuis le {moment} : votre voix n’a pas été enregistrée."
        )
    if not proposal.accepts_votes(now):
        raise not_yet


def check_voter(proposal: Proposal, user: AnyUser, voter: LegalUnit | Person) -> None:
    if not (isinstance(user, User) and user.is_member) or user.is_hub_staff:
        raise NotEligible("Seuls les adhérents du pôle votent.")
    allowed = eligibility.voters_for(user, proposal)
    if any(type(candidate) is type(voter) and candidate.pk == voter.pk for candidate in allowed):
        return
    if proposal.group_id:
        raise NotEligible(
            f"Vous ne faites pas partie du groupe « {proposal.group} » : "
            "vous ne pouvez pas voter sur ses propositions."
        )
    if proposal.per_organisation:
        raise NotEligible(
            "Vous ne pouvez pas voter au nom de cette structure : il faut la représenter "
            "(rattachement validé par l’équipe) et qu’elle soit adhérente cette année."
        )
    raise NotEligible(
        "Vous ne figurez pas parmi les votants : il faut une adhésion de l’année, "
        "personnelle ou par une structure adhérente."
    )


def _position(
    proposal: Proposal, option: Option | None, choice: str, reason: str
) -> dict[str, Any]:
    reason = (reason or "").strip()
    if len(reason) > REASON_MAX:
        raise VoteRefused(f"Le motif ne doit pas dépasser {REASON_MAX} caractères.")
    if proposal.is_consent:
        if option is not None or choice not in Choice.values:
            raise VoteRefused("Choisissez : consentement, objection ou abstention.")
        if choice == Choice.OBJECTION and not reason:
            raise VoteRefused("Une objection doit être motivée : écrivez son motif.")
        return {"option": None, "choice": choice, "reason": reason}
    if option is not None and option.proposal_id == proposal.pk and not choice:
        return {"option": option, "choice": "", "reason": reason}
    if option is None and choice == Choice.ABSTENTION:
        return {"option": None, "choice": choice, "reason": reason}
    raise VoteRefused("Choisissez une des options proposées, ou l’abstention.")


def _record(proposal: Proposal, voter: LegalUnit | Person, values: dict[str, Any]) -> Vote:
    mine = Vote.objects.filter(proposal=proposal, **Vote.voter_lookup(voter))
    if mine.update(**values, changed_count=F("changed_count") + 1):
        return mine.get()
    vote = first_write(
        lambda: Vote.objects.create(proposal=proposal, **Vote.voter_lookup(voter), **values)
    )
    if vote is None:  # the same voter's voice was inserted meanwhile: this one replaces it
        mine.update(**values, changed_count=F("changed_count") + 1)
        vote = mine.get()
    return vote
