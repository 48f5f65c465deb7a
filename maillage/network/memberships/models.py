from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from maillage.core.form_tokens import token_field
from maillage.network.memberships.enums import (
    GOOD_STANDING,
    BoardRole,
    JoinRequestStatus,
    MemberKind,
    MembershipStatus,
    PaymentMethod,
)

# Who an anonymised membership names, on its receipt and in the staff's lists.
ANONYMISED_MEMBER = "Personne anonymisée"

__all__ = [
    "BoardSeat",
    "College",
    "DuesRate",
    "JoinRequest",
    "Membership",
    "MembershipStatus",
    "PaymentMethod",
]


class College(models.Model):
    """A college of the hub's statutes: it carries its members' voting rights and weight."""

    name = models.CharField("nom", max_length=150, unique=True)
    slug = models.SlugField("identifiant", max_length=80, unique=True)
    description = models.TextField("description", blank=True)
    voting_weight = models.DecimalField("poids des voix", max_digits=5, decimal_places=2, default=1)
    order = models.PositiveSmallIntegerField("ordre", default=0)
    member_kind = models.CharField(
        "membres", max_length=20, choices=MemberKind.choices, default=MemberKind.ORGANISATION
    )
    # ESS families of the directory this college takes in, to suggest it when one joins.
    families = models.JSONField("familles de l’ESS suggérées", default=list, blank=True)

    class Meta:
        verbose_name = "collège"
        verbose_name_plural = "collèges"
        ordering = ["order", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(voting_weight__gt=0), name="college_weight_positive")
        ]

    def __str__(self) -> str:
        return self.name


class DuesRate(models.Model):
    """A membership category of a college and its default yearly dues (from the hub's file)."""

    college = models.ForeignKey(
        College, verbose_name="collège", on_delete=models.CASCADE, related_name="rates"
    )
    slug = models.SlugField("identifiant", max_length=80)
    name = models.CharField("catégorie", max_length=100)
    amount = models.DecimalField("cotisation prévue (€)", max_digits=9, decimal_places=2)
    order = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "catégorie et cotisation"
        verbose_name_plural = "catégories et cotisations"
        ordering = ["college__order", "college__name", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["college", "slug"], name="dues_rate_unique_slug"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="dues_rate_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.college.name} – {self.name}"


class MembershipQuerySet(models.QuerySet["Membership"]):
    def of_year(self, year: int) -> MembershipQuerySet:
        return self.filter(year=year)

    def in_good_standing(self) -> MembershipQuerySet:
        return self.filter(status__in=GOOD_STANDING)

    def not_cancelled(self) -> MembershipQuerySet:
        return self.exclude(status=MembershipStatus.CANCELLED)

    def paid(self) -> MembershipQuerySet:
        return self.filter(status=MembershipStatus.PAID)

    def with_member(self) -> MembershipQuerySet:
        return self.select_related("legal_unit", "person", "college")

    def of_people_before(self, year: int) -> MembershipQuerySet:
        """Memberships of a person, still tied to them, of a year before `year`."""
        return self.filter(year__lt=year, person__isnull=False)


class Membership(models.Model):
    """One year's membership of an organisation, or of a person, in the hub."""

    year = models.PositiveSmallIntegerField("année")
    legal_unit = models.ForeignKey(
        "directory.LegalUnit",
        verbose_name="structure adhérente",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name="personne adhérente",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
    )
    college = models.ForeignKey(College, verbose_name="collège", on_delete=models.PROTECT)
    category = models.CharField("catégorie", max_length=100, blank=True)
    dues_amount = models.DecimalField(
        "montant de la cotisation (€)", max_digits=9, decimal_places=2
    )
    status = models.CharField(
        "statut", max_length=20, choices=MembershipStatus.choices, default=MembershipStatus.PENDING
    )
    paid_amount = models.DecimalField(
        "montant reçu (€)", max_digits=9, decimal_places=2, null=True, blank=True
    )
    paid_on = models.DateField("payée le", null=True, blank=True)
    payment_method = models.CharField(
        "moyen de paiement", max_length=20, choices=PaymentMethod.choices, blank=True
    )
    # Sequential within the year, given once when the payment is recorded and never reused.
    receipt_number = models.PositiveIntegerField(
        "numéro de reçu", null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField("créée le", default=timezone.now, editable=False)
    # Set by the retention purge when it unties the membership from its person.
    anonymised_on = models.DateField("anonymisée le", null=True, blank=True, editable=False)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = "adhésion"
        verbose_name_plural = "adhésions"
        ordering = ["-year", "pk"]
        constraints = [
            # A membership is of an organisation or of a person, never both, and never neither
            # until the retention purge anonymised it.
            models.CheckConstraint(
                condition=Q(legal_unit__isnull=False, person__isnull=True)
                | Q(legal_unit__isnull=True, person__isnull=False)
                | Q(legal_unit__isnull=True, person__isnull=True, anonymised_on__isnull=False),
                name="membership_one_member",
            ),
            models.UniqueConstraint(
                fields=["year", "legal_unit"],
                condition=Q(legal_unit__isnull=False),
                name="membership_once_a_year_organisation",
            ),
            models.UniqueConstraint(
                fields=["year", "person"],
                condition=Q(person__isnull=False),
                name="membership_once_a_year_person",
            ),
            models.CheckConstraint(
                condition=Q(dues_amount__gte=0), name="membership_dues_positive"
            ),
            models.UniqueConstraint(
                fields=["year", "receipt_number"],
                condition=Q(receipt_number__isnull=False),
                name="membership_receipt_number_unique_in_year",
            ),
            # A paid membership has its date, its method and its receipt.
            models.CheckConstraint(
                condition=~Q(status=MembershipStatus.PAID)
                | (
                    Q(paid_on__isnull=False, paid_amount__gte=0, receipt_number__isnull=False)
                    & ~Q(payment_method="")
                ),
                name="membership_paid_has_payment",
            ),
        ]
        indexes = [models.Index(fields=["year", "status"], name="membership_year_status")]

    def __str__(self) -> str:
        return f"{self.member} – {self.year}"

    @property
    def member(self):
        return self.legal_unit or self.person

    @property
    def member_name(self) -> str:
        if self.legal_unit_id:
            return self.legal_unit.name
        return str(self.person) if self.person_id else ANONYMISED_MEMBER

    @property
    def receipt_label(self) -> str:
        """ "2026-0007": the year and the number, as printed on the receipt."""
        return f"{self.year}-{self.receipt_number:04d}" if self.receipt_number else ""

    @property
    def is_pending(self) -> bool:
        return self.status == MembershipStatus.PENDING

    @property
    def has_receipt(self) -> bool:
        return self.status == MembershipStatus.PAID and self.receipt_number is not None


class ReceiptSequence(models.Model):
    """The last receipt number given in a year; its row is locked while a payment takes the
    next one, so simultaneous payments never share a number nor leave a gap."""

    year = models.PositiveSmallIntegerField("année", unique=True)
    last_number = models.PositiveIntegerField("dernier numéro", default=0)

    class Meta:
        verbose_name = "numérotation des reçus"
        verbose_name_plural = "numérotations des reçus"

    def __str__(self) -> str:
        return f"{self.year} : {self.last_number}"


class RenewalReminder(models.Model):
    """A member of last year reminded to renew for `year`: at most once (unique constraint)."""

    membership = models.ForeignKey(
        Membership,
        verbose_name="adhésion précédente",
        on_delete=models.CASCADE,
        related_name="renewal_reminders",
    )
    year = models.PositiveSmallIntegerField("année à renouveler")
    queued_at = models.DateTimeField("mis en file le", default=timezone.now)
    sent_at = models.DateTimeField("envoyé le", null=True, blank=True)
    recipients = models.PositiveSmallIntegerField("destinataires", default=0)

    class Meta:
        verbose_name = "relance de renouvellement"
        verbose_name_plural = "relances de renouvellement"
        ordering = ["-queued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["membership", "year"], name="renewal_reminder_once_per_member_and_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.membership.member} – relance {self.year}"


class JoinRequestQuerySet(models.QuerySet["JoinRequest"]):
    def pending(self) -> JoinRequestQuerySet:
        return self.filter(status=JoinRequestStatus.PENDING)

    def created_before(self, moment) -> JoinRequestQuerySet:
        return self.filter(created_at__lt=moment)


class JoinRequest(models.Model):
    """A request to join the hub sent from the public « Devenir adhérent » page; the staff
    accept it (an account and the membership of the year) or refuse it (with a reason)."""

    kind = models.CharField("adhésion", max_length=20, choices=MemberKind.choices)
    rate = models.ForeignKey(
        DuesRate, verbose_name="collège et catégorie", on_delete=models.PROTECT, related_name="+"
    )
    organisation_name = models.CharField("structure", max_length=200, blank=True)
    siren = models.CharField("SIREN ou RNA", max_length=20, blank=True)
    first_name = models.CharField("prénom", max_length=100)
    last_name = models.CharField("nom", max_length=100)
    email = models.EmailField("adresse e-mail")
    phone = models.CharField("téléphone", max_length=30, blank=True)
    message = models.TextField("message", blank=True)
    # The consent as the person gave it: the exact text shown, its version and the moment.
    consent_text = models.TextField("texte du consentement")
    consent_version = models.CharField("version du texte", max_length=20)
    consented_at = models.DateTimeField("consentement donné le")
    status = models.CharField(
        "état", max_length=20, choices=JoinRequestStatus.choices, default=JoinRequestStatus.PENDING
    )
    created_at = models.DateTimeField("reçue le", default=timezone.now, editable=False)
    decided_at = models.DateTimeField("traitée le", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="traitée par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    refusal_reason = models.TextField("motif du refus", blank=True)
    membership = models.ForeignKey(
        Membership,
        verbose_name="adhésion créée",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="compte",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submission_token = token_field()

    objects = JoinRequestQuerySet.as_manager()

    class Meta:
        verbose_name = "demande d’adhésion"
        verbose_name_plural = "demandes d’adhésion"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=JoinRequestStatus.REFUSED) | ~Q(refusal_reason=""),
                name="join_request_refusal_has_reason",
            )
        ]
        # The staff's queue and the staff home's counter read the pending requests.
        indexes = [models.Index(fields=["status", "created_at"], name="join_request_queue")]

    def __str__(self) -> str:
        return f"{self.applicant_name} – {self.get_status_display().lower()}"

    def get_absolute_url(self) -> str:
        return reverse("memberships:join_request", args=[self.pk])

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def applicant_name(self) -> str:
        return self.organisation_name or self.full_name

    @property
    def is_pending(self) -> bool:
        return self.status == JoinRequestStatus.PENDING

    @property
    def is_accepted(self) -> bool:
        return self.status == JoinRequestStatus.ACCEPTED

    @property
    def is_refused(self) -> bool:
        return self.status == JoinRequestStatus.REFUSED

    @property
    def is_for_organisation(self) -> bool:
        return self.kind == MemberKind.ORGANISATION


class BoardSeatQuerySet(models.QuerySet["BoardSeat"]):
    def during(self, first: date, last: date) -> BoardSeatQuerySet:
        """Seats held on at least one day between `first` and `last`."""
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=first), starts_on__lte=last)

    def current(self, on: date) -> BoardSeatQuerySet:
        return self.during(on, on)

    def in_board_order(self) -> BoardSeatQuerySet:
        """The bureau first (président·e, vice-président·e, trésorier·e, secrétaire), then the
        other members, each by name."""
        rank = models.Case(
            *(models.When(role=role, then=index) for index, role in enumerate(BoardRole)),
            output_field=models.IntegerField(),
        )
        return self.order_by(rank, "person__last_name", "person__first_name", "starts_on", "pk")


class BoardSeat(models.Model):
    """A seat on the association's board (conseil d’administration), its role on the bureau if
    any, and the college it was elected by. Names of board members are public in the report."""

    person = models.ForeignKey(
        "people.Person",
        verbose_name="membre du conseil",
        on_delete=models.CASCADE,
        related_name="board_seats",
    )
    role = models.CharField("fonction", max_length=20, choices=BoardRole.choices)
    college = models.ForeignKey(
        College,
        verbose_name="collège",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="board_seats",
    )
    starts_on = models.DateField("depuis le")
    ends_on = models.DateField("jusqu’au", null=True, blank=True)
    submission_token = token_field()

    objects = BoardSeatQuerySet.as_manager()

    class Meta:
        verbose_name = "siège au conseil d’administration"
        verbose_name_plural = "sièges au conseil d’administration"
        ordering = ["-starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="board_seat_ends_after_it_starts",
                violation_error_message="La fin du mandat au conseil suit son début.",
            ),
            # A person holds one open seat at a time: a new role closes the former one.
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(ends_on__isnull=True),
                name="board_seat_one_open_per_person",
                violation_error_message="Cette personne siège déjà au conseil.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display()}"

    def get_absolute_url(self) -> str:
        return reverse("memberships:board_seat_edit", args=[self.pk])

    @property
    def is_on_bureau(self) -> bool:
        return self.role != BoardRole.MEMBER
