"""Grants: the agreement, its payment schedule, the reports it asks for, the indicators it
names, its budget planned and actual (the Cerfa 15059), and what the hub redistributes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import models
from django.db.models import F, Q, Sum
from django.urls import reverse

from maillage.core.form_tokens import token_field
from maillage.plan.links import PlanLinked
from maillage.reports.funding.enums import BudgetSide, Nature
from maillage.reports.funding.identifiers import validate_rna, validate_siret
from maillage.reports.funding.models.funders import SIRET_SHAPE, Application, Funder

ZERO = Decimal("0")


def _amount(verbose_name: str, **options) -> models.DecimalField:
    return models.DecimalField(verbose_name, max_digits=12, decimal_places=2, **options)


def running_in(year: int, prefix: str = "") -> Q:
    """Grants whose period overlaps the calendar year (`prefix`: the path to the grant)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    return Q(**{f"{prefix}starts_on__lte": last, f"{prefix}ends_on__gte": first})


class GrantQuerySet(models.QuerySet["Grant"]):
    def running_in(self, year: int) -> GrantQuerySet:
        return self.filter(running_in(year))

    def with_received(self) -> GrantQuerySet:
        received = Sum("instalments__amount", filter=Q(instalments__received_on__isnull=False))
        return self.annotate(received=received)


class Grant(PlanLinked):
    """A grant agreement between a funder and the hub."""

    funder = models.ForeignKey(
        Funder, verbose_name="financeur", on_delete=models.PROTECT, related_name="grants"
    )
    application = models.OneToOneField(
        Application,
        verbose_name="demande à l’origine",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="grant",
    )
    purpose = models.CharField(
        "objet", max_length=256, help_text="Tel que la convention l’écrit (256 caractères au plus)."
    )
    reference = models.CharField("référence de la décision", max_length=100, blank=True)
    amount = _amount("montant accordé")
    nature = models.CharField("nature", max_length=40, choices=Nature.choices, default=Nature.CASH)
    agreement_on = models.DateField("date de la convention")
    starts_on = models.DateField("début de la période financée")
    ends_on = models.DateField("fin de la période financée")
    conditions = models.TextField("conditions", blank=True)
    eu_notified = models.BooleanField(
        "aide d’État notifiée à la Commission européenne", default=False
    )
    # The qualitative part of the Cerfa 15059, written by staff.
    qualitative_report = models.TextField("bilan qualitatif de l’action", blank=True)
    submission_token = token_field()

    objects = GrantQuerySet.as_manager()

    class Meta:
        verbose_name = "subvention"
        verbose_name_plural = "subventions"
        ordering = ["-starts_on", "funder__name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="grant_amount_not_negative",
                violation_error_message="Le montant accordé ne peut pas être négatif.",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="grant_ends_after_it_starts",
                violation_error_message="La fin de la période suit son début.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.purpose} ({self.funder})"

    def get_absolute_url(self) -> str:
        return reverse("funding:grant", args=[self.pk])

    def scheduled_total(self) -> Decimal:
        return self.instalments.aggregate(total=Sum("amount"))["total"] or ZERO


class Instalment(models.Model):
    """One payment of a grant: expected on a date, received when `received_on` is set."""

    grant = models.ForeignKey(
        Grant, verbose_name="subvention", on_delete=models.CASCADE, related_name="instalments"
    )
    amount = _amount("montant")
    expected_on = models.DateField("attendu le")
    received_on = models.DateField("reçu le", null=True, blank=True)
    submission_token = token_field()

    class Meta:
        verbose_name = "versement"
        verbose_name_plural = "versements"
        ordering = ["expected_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="instalment_amount_positive",
                violation_error_message="Un versement a un montant positif.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.amount} € ({self.grant})"

    @property
    def is_received(self) -> bool:
        return self.received_on is not None


class ReportDue(models.Model):
    """A report the agreement asks for (« compte rendu financier », interim report…)."""

    grant = models.ForeignKey(
        Grant, verbose_name="subvention", on_delete=models.CASCADE, related_name="reports_due"
    )
    title = models.CharField("document à remettre", max_length=200)
    due_on = models.DateField("à remettre le")
    sent_on = models.DateField("remis le", null=True, blank=True)

    class Meta:
        verbose_name = "compte rendu à remettre"
        verbose_name_plural = "comptes rendus à remettre"
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["grant", "title"], name="report_due_once_per_grant")
        ]
        # The reminder job reads the reports not sent yet, by due date.
        indexes = [models.Index(fields=["due_on"], name="report_due_by_date")]

    def __str__(self) -> str:
        return f"{self.title} ({self.grant})"

    @property
    def is_sent(self) -> bool:
        return self.sent_on is not None


class ReportReminder(models.Model):
    """The reminder sent to staff about a report due: one per report, by its unique key."""

    report = models.OneToOneField(
        ReportDue, verbose_name="compte rendu", on_delete=models.CASCADE, related_name="reminder"
    )
    queued_at = models.DateTimeField("programmé le", auto_now_add=True)

    class Meta:
        verbose_name = "rappel de compte rendu"
        verbose_name_plural = "rappels de compte rendu"

    def __str__(self) -> str:
        return f"Rappel : {self.report}"


class AgreementIndicator(models.Model):
    """An indicator the agreement names, with the key of the indicator that computes it."""

    grant = models.ForeignKey(
        Grant, verbose_name="subvention", on_delete=models.CASCADE, related_name="indicators"
    )
    name = models.CharField("indicateur, tel que la convention le nomme", max_length=200)
    indicator = models.CharField("indicateur calculé", max_length=100, blank=True)
    target = models.DecimalField(
        "valeur visée", max_digits=12, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = "indicateur de la convention"
        verbose_name_plural = "indicateurs de la convention"
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["grant", "name"], name="agreement_indicator_once"),
            models.CheckConstraint(
                condition=Q(target__isnull=True) | Q(target__gte=0),
                name="agreement_indicator_target_not_negative",
                violation_error_message="La valeur visée ne peut pas être négative.",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class BudgetLine(models.Model):
    """A line of the action's budget, planned and actual; the gap is computed, never typed."""

    grant = models.ForeignKey(
        Grant, verbose_name="subvention", on_delete=models.CASCADE, related_name="budget_lines"
    )
    side = models.CharField("partie", max_length=10, choices=BudgetSide.choices)
    label = models.CharField("poste", max_length=200)
    planned = _amount("prévu")
    actual = _amount("réalisé", null=True, blank=True)
    explanation = models.TextField("explication de l’écart", blank=True)

    class Meta:
        verbose_name = "ligne du budget"
        verbose_name_plural = "lignes du budget"
        ordering = ["side", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["grant", "side", "label"], name="budget_line_once"),
            models.CheckConstraint(
                condition=Q(planned__gte=0) & (Q(actual__isnull=True) | Q(actual__gte=0)),
                name="budget_line_amounts_not_negative",
                violation_error_message="Les montants du budget ne peuvent pas être négatifs.",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def gap(self) -> Decimal | None:
        return None if self.actual is None else self.actual - self.planned

    @property
    def is_expense(self) -> bool:
        return self.side == BudgetSide.EXPENSE


class Redistribution(models.Model):
    """Part of a grant the hub passes on to another organisation, under its own agreement:
    published in the open data with the hub as the one granting it."""

    grant = models.ForeignKey(
        Grant,
        verbose_name="subvention redistribuée",
        on_delete=models.PROTECT,
        related_name="redistributions",
    )
    beneficiary_name = models.CharField("bénéficiaire", max_length=200)
    siret = models.CharField(
        "SIRET du bénéficiaire", max_length=14, blank=True, validators=[validate_siret]
    )
    rna_id = models.CharField(
        "numéro RNA du bénéficiaire", max_length=10, blank=True, validators=[validate_rna]
    )
    legal_unit = models.ForeignKey(
        "directory.LegalUnit",
        verbose_name="structure de l’annuaire",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    purpose = models.CharField("objet", max_length=256)
    amount = _amount("montant")
    agreement_on = models.DateField("date de la convention")
    paid_on = models.DateField("versée le", null=True, blank=True)
    submission_token = token_field()

    class Meta:
        verbose_name = "subvention redistribuée"
        verbose_name_plural = "subventions redistribuées"
        ordering = ["-agreement_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="redistribution_amount_positive",
                violation_error_message="Le montant redistribué est positif.",
            ),
            models.CheckConstraint(
                condition=~Q(siret="", rna_id=""),
                name="redistribution_has_siret_or_rna",
                violation_error_message="Indiquez le SIRET ou le numéro RNA du bénéficiaire.",
            ),
            models.CheckConstraint(
                condition=SIRET_SHAPE,
                name="redistribution_siret_is_14_digits",
                violation_error_message="Le SIRET compte 14 chiffres.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.beneficiary_name} ({self.amount} €)"
