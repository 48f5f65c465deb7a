"""Demonstration decisions: a vote of the whole membership closed two months before the day the
demo is loaded, one open to this year's member organisations (the demo member's among them, who
has not voted yet) and an open consent in a working group.

They stand on the memberships and working groups of those apps' demos and create no row of
theirs: without member organisations or a working group with members, nothing is created.
Everything is fictitious and deterministic (voices follow the organisations' order).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from maillage.core import demo
from maillage.network.decisions.closing import compute_result
from maillage.network.decisions.eligibility import (
    MEMBER_STATUSES,
    member_organisations,
    weight_of,
)
from maillage.network.decisions.enums import Choice, Method, ProposalStatus, Secrecy, VoterScope
from maillage.network.decisions.models import Option, Proposal, Vote
from maillage.network.memberships.models import Membership
from maillage.network.working_groups.models import WorkingGroup

VOTE_TITLE = "Cotisation de l’an prochain : quel barème ? (fictive)"
OPEN_VOTE_TITLE = "Lieu de la prochaine assemblée générale (proposition fictive)"
OPEN_OPTIONS = ["Redon", "Pipriac", "Bains-sur-Oust"]
CONSENT_TITLE = "Mutualiser un véhicule utilitaire (proposition fictive)"
OPTIONS = ["Barème inchangé", "Barème progressif selon le budget", "Cotisation libre"]
# Which option each member organisation chooses, in their order: a clear but not unanimous vote.
PATTERN = [1, 1, 0, 1, 2, 1, 0, 1]
DEMO_MEMBER_EMAIL = "adherent@demo.maillage.test"


def _at(day, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.get_default_timezone())


def _has_members(year: int) -> bool:
    return Membership.objects.filter(
        year=year, status__in=MEMBER_STATUSES, legal_unit__isnull=False
    ).exists()


def _demo_group() -> WorkingGroup | None:
    return WorkingGroup.objects.filter(memberships__isnull=False).order_by("name").first()


@transaction.atomic
def create_demo_decisions() -> int:
    """Create the demo proposals and their voices; return how many rows were created."""
    today, group = timezone.localdate(), _demo_group()
    closed_on = today - timedelta(days=75)
    if not _has_members(today.year) or group is None:
        return 0
    created = 0
    if not _exists(VOTE_TITLE) and _has_members(closed_on.year):
        created += _closed_vote(closed_on)
    if not _exists(OPEN_VOTE_TITLE):
        created += _open_vote(today)
    if not _exists(CONSENT_TITLE):
        created += _open_consent(group)
    return created


def _exists(title: str) -> bool:
    return demo.only_demo(Proposal.objects.filter(title=title)).exists()


def _proposal(**fields) -> Proposal:
    """Dated from the day of loading: created again, with its voices, on a later day."""
    proposal = Proposal.objects.create(**fields)
    demo.mark(proposal, renewed=True)
    return proposal


def _closed_vote(opened: date) -> int:
    year = opened.year
    proposal = _proposal(
        title=VOTE_TITLE,
        text=(
            "*Proposition fictive de démonstration.*\n\n"
            "Le conseil d’administration propose de revoir le barème des cotisations "
            "pour l’année prochaine. Trois options sont soumises aux structures adhérentes."
        ),
        method=Method.VOTE,
        voter_scope=VoterScope.ORGANISATION,
        weighted=True,
        quorum_percent=25,
        secrecy=Secrecy.RESULTS_ONLY,
        opens_at=_at(opened, 9),
        deadline=_at(opened + timedelta(days=14), 18),
        membership_year=year,
        status=ProposalStatus.OPEN,
    )
    options = Option.objects.bulk_create(
        [Option(proposal=proposal, label=label, order=n) for n, label in enumerate(OPTIONS)]
    )
    voters = list(member_organisations(year).order_by("name", "pk"))
    voting = voters[: max(1, len(voters) * 3 // 4)]  # a quarter of the members stay silent
    for n, organisation in enumerate(voting):
        Vote.objects.create(
            proposal=proposal,
            legal_unit=organisation,
            option=options[PATTERN[n % len(PATTERN)]],
            weight=weight_of(organisation, proposal),
            cast_at=proposal.opens_at + timedelta(hours=n + 1),
        )
    proposal.result = compute_result(proposal)
    proposal.status = ProposalStatus.CLOSED
    proposal.closed_at = proposal.deadline
    proposal.save(update_fields=["result", "status", "closed_at"])
    return 1 + len(options) + len(voting)


def _open_vote(today: date) -> int:
    """Open for twelve more days; half the member organisations have voted, not the demo
    member's, whose representative can still cast its voice."""
    proposal = _proposal(
        title=OPEN_VOTE_TITLE,
        text=(
            "*Proposition fictive de démonstration.*\n\n"
            "Où tenir la prochaine assemblée générale ? Chaque structure adhérente a une voix."
        ),
        method=Method.VOTE,
        voter_scope=VoterScope.ORGANISATION,
        quorum_percent=25,
        secrecy=Secrecy.RESULTS_ONLY,
        opens_at=_at(today - timedelta(days=2), 9),
        deadline=_at(today + timedelta(days=12), 18),
        membership_year=today.year,
        status=ProposalStatus.OPEN,
    )
    options = Option.objects.bulk_create(
        [Option(proposal=proposal, label=label, order=n) for n, label in enumerate(OPEN_OPTIONS)]
    )
    voters = member_organisations(today.year).exclude(claims__user__email=DEMO_MEMBER_EMAIL)
    voting = list(voters.order_by("name", "pk"))[::2]
    for n, organisation in enumerate(voting):
        Vote.objects.create(
            proposal=proposal,
            legal_unit=organisation,
            option=options[n % len(options)],
            weight=weight_of(organisation, proposal),
            cast_at=proposal.opens_at + timedelta(hours=n + 1),
        )
    return 1 + len(options) + len(voting)


def _open_consent(group: WorkingGroup) -> int:
    today = timezone.localdate()
    proposal = _proposal(
        title=CONSENT_TITLE,
        text=(
            "*Proposition fictive de démonstration.*\n\n"
            f"Le groupe « {group.name} » propose d’acheter à plusieurs un véhicule utilitaire "
            "et d’en partager l’usage selon un planning commun. Consentez-vous, ou avez-vous "
            "une objection argumentée ?"
        ),
        group=group,
        method=Method.CONSENT,
        voter_scope=VoterScope.PERSON,
        secrecy=Secrecy.NOMINATIVE,
        opens_at=_at(today - timedelta(days=3), 9),
        deadline=_at(today + timedelta(days=14), 18),
        membership_year=today.year,
        status=ProposalStatus.OPEN,
    )
    members = [m.person for m in group.memberships.select_related("person").order_by("pk")[:2]]
    choices = [Choice.CONSENT, Choice.ABSTENTION]
    for person, choice in zip(members, choices, strict=False):
        Vote.objects.create(proposal=proposal, person=person, choice=choice)
    return 1 + len(members)
