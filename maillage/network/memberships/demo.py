"""Demonstration memberships for last year and this one (the year the demo is loaded),
deterministic, of the demo directory's members.

The organisations are the fictitious ones the demo directory flags as members of the hub, and
the demo member account's organisation: the first of them, which the account represents through
an approved claim, renewed and paid this year so that the account can vote and follow its
membership. Ordered by SIREN, each gets a membership in the college of its ESS family: last year
paid or waived; this year most renewed and paid, some waiting for payment, some not renewed, for
the renewal campaign to show. No payment is dated after the day of loading.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from maillage.core import demo
from maillage.directory.enums import ClaimStatus, EssFamily
from maillage.directory.models import Claim, LegalUnit
from maillage.hub import current_hub
from maillage.network.memberships.colleges import load_colleges
from maillage.network.memberships.enums import (
    BoardRole,
    MemberKind,
    MembershipStatus,
    PaymentMethod,
)
from maillage.network.memberships.hub_members import sync_hub_member_flags
from maillage.network.memberships.joining import CONSENT
from maillage.network.memberships.models import (
    BoardSeat,
    College,
    DuesRate,
    JoinRequest,
    Membership,
)
from maillage.network.memberships.payment import record_payment
from maillage.network.people.enums import AffiliationRole
from maillage.network.people.models import Affiliation, Person

DEMO_MEMBER_EMAIL = "adherent@demo.maillage.test"
METHODS = [PaymentMethod.TRANSFER, PaymentMethod.CHEQUE, PaymentMethod.CARD]
SMALL_BRACKETS = {"", "NN", "00"}
MID_BRACKETS = {"01", "02", "03"}


def _demo_units(account) -> list[LegalUnit]:
    # Units with a membership stay in the set even once the flag follows the memberships, so a
    # second run sees the same organisations.
    units = demo.only_demo(LegalUnit.objects.all()).filter(
        Q(is_hub_member=True) | Q(memberships__isnull=False)
    )
    chosen = {unit.pk: unit for unit in units.distinct()}
    if account is not None:
        chosen.update({unit.pk: unit for unit in _represented(account, units)})
    return sorted(chosen.values(), key=lambda unit: unit.siren or unit.name)


def _represented(account, units) -> list[LegalUnit]:
    """The demo member's organisations; without any, the first member association becomes his
    through a claim the staff approved."""
    represented = list(LegalUnit.objects.represented_by(account))
    if represented:
        return represented
    unit = units.filter(ess_family=EssFamily.ASSOCIATION).order_by("siren").first()
    if unit is None:
        return []
    decided = datetime.combine(
        timezone.localdate(), time(9), tzinfo=timezone.get_default_timezone()
    )
    claim = Claim.objects.create(
        user=account,
        legal_unit=unit,
        role="Trésorier (fictif)",
        status=ClaimStatus.APPROVED,
        decided_at=decided,
    )
    demo.mark(claim)
    # In the address book too: the staff see him among the organisation's people.
    person = Person.objects.filter(user=account).first()
    if person is not None:
        Affiliation.objects.get_or_create(
            person=person, legal_unit=unit, role=AffiliationRole.BOARD_MEMBER
        )
    return [unit]


def _rate_for(unit: LegalUnit, colleges: list[College]) -> DuesRate | None:
    college = next((c for c in colleges if unit.ess_family in c.families), None)
    college = college or (colleges[0] if colleges else None)
    if college is None:
        return None
    rates = list(college.rates.all())
    if not rates:
        return None
    size = 0 if unit.employee_bracket in SMALL_BRACKETS else 1
    size = size if unit.employee_bracket in SMALL_BRACKETS | MID_BRACKETS else 2
    return rates[min(size, len(rates) - 1)]


def _create(unit: LegalUnit, rate: DuesRate, year: int, index: int) -> int:
    if Membership.objects.filter(year=year, legal_unit=unit).exists():
        return 0
    today = timezone.localdate()
    waived = year < today.year and index % 6 == 5
    membership = Membership.objects.create(
        year=year,
        legal_unit=unit,
        college=rate.college,
        category=rate.name,
        dues_amount=rate.amount,
        status=MembershipStatus.WAIVED if waived else MembershipStatus.PENDING,
    )
    # Not renewed on a later day: memberships are of a year, and a new year adds its own.
    demo.mark(membership)
    unpaid = year == today.year and index % 5 == 3
    if not (waived or unpaid):
        paid_on = min(date(year, 1 + index % 3, 5 + index % 20), today)
        record_payment(membership, rate.amount, paid_on, METHODS[index % len(METHODS)])
    return 1


@transaction.atomic
def create_demo_memberships() -> int:
    """Create the missing demonstration memberships; return how many were created."""
    load_colleges(current_hub().directory)
    colleges = list(College.objects.filter(member_kind=MemberKind.ORGANISATION))
    account = get_user_model().objects.filter(email=DEMO_MEMBER_EMAIL).first()
    created, units = 0, _demo_units(account)
    own = {unit.pk for unit in LegalUnit.objects.represented_by(account)} if account else set()
    year = timezone.localdate().year
    for unit in units:
        # From the unit itself, not its rank: other demos may add units (the hub, partners)
        # and a second run must decide the same for each unit. The demo member's organisation
        # is counted as one that renews and pays.
        index = int(unit.siren) if unit.siren else unit.pk
        index = 0 if unit.pk in own else index
        rate = _rate_for(unit, colleges)
        if rate is None:
            break
        created += _create(unit, rate, year - 1, index)
        if index % 5 != 4:  # one in five has not renewed this year
            created += _create(unit, rate, year, index)
    sync_hub_member_flags([unit.pk for unit in units])
    create_demo_join_request()
    return created


DEMO_REQUEST_EMAIL = "nouvelle.adherente@demo.maillage.test"


def create_demo_join_request() -> int:
    """One request from « Devenir adhérent » waiting for the staff (no mail is sent: only an
    answer sends one)."""
    if JoinRequest.objects.filter(email=DEMO_REQUEST_EMAIL).exists():
        return 0
    rate = DuesRate.objects.filter(college__member_kind=MemberKind.PERSON).first()
    if rate is None:
        return 0
    request = JoinRequest.objects.create(
        kind=MemberKind.PERSON,
        rate=rate,
        first_name="Gwenaëlle",
        last_name="Exemple (fictive)",
        email=DEMO_REQUEST_EMAIL,
        message="J’habite Redon et je voudrais soutenir le pôle. (Demande fictive.)",
        consent_text=CONSENT.text,
        consent_version=CONSENT.version,
        consented_at=timezone.now(),
    )
    demo.mark(request, renewed=True)  # dated today: made again on a later day
    return 1


# The demo board: the bureau, then members; each seat's start counted back from the day of
# loading (elected at a general assembly of some past spring), and a former treasurer.
BOARD = [
    (BoardRole.PRESIDENT, 420),
    (BoardRole.VICE_PRESIDENT, 420),
    (BoardRole.TREASURER, 60),
    (BoardRole.SECRETARY, 785),
    (BoardRole.MEMBER, 785),
    (BoardRole.MEMBER, 420),
]
FORMER_TREASURER_SINCE = 1150


@transaction.atomic
def create_demo_board() -> int:
    """Seats for the first demo contacts, found by person before being created (idempotent);
    dated from today, so renewed on a later day."""
    today = demo.today()
    people = list(demo.only_demo(Person.objects.active()).order_by("pk")[: len(BOARD) + 1])
    colleges = list(College.objects.order_by("order", "name"))
    if len(people) <= len(BOARD) or not colleges:
        return 0
    seats = [
        BoardSeat(
            person=person,
            role=role,
            college=colleges[index % len(colleges)],
            starts_on=today - timedelta(days=days),
        )
        for index, (person, (role, days)) in enumerate(zip(people, BOARD, strict=False))
    ]
    # The treasurer before the current one, who left the board when she took over.
    treasurer = seats[2].starts_on
    seats.append(
        BoardSeat(
            person=people[len(BOARD)],
            role=BoardRole.TREASURER,
            college=colleges[0],
            starts_on=today - timedelta(days=FORMER_TREASURER_SINCE),
            ends_on=treasurer - timedelta(days=1),
        )
    )
    created = []
    for seat in seats:
        if not BoardSeat.objects.filter(person=seat.person).exists():
            seat.save()
            created.append(seat)
    demo.mark(*created, renewed=True)
    return len(created)
