"""A case referred to a partner's service, and what the partner made of it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from maillage.accounts.models import AnyUser, User
from maillage.directory.models import LegalUnit
from maillage.support.journeys.enums import OPEN_REFERRAL_STATUSES, ReferralStatus
from maillage.support.journeys.models.cases import SupportCase


class ReferralQuerySet(models.QuerySet):
    def open(self) -> ReferralQuerySet:
        return self.filter(status__in=OPEN_REFERRAL_STATUSES)

    def for_representative(self, user: AnyUser) -> ReferralQuerySet:
        """Referrals to the services of the organisations `user` represents (approved claim)."""
        if not (isinstance(user, User) and user.is_active):
            return self.none()
        return self.filter(service__provider__in=LegalUnit.objects.represented_by(user))


class Referral(models.Model):
    case = models.ForeignKey(
        SupportCase, on_delete=models.CASCADE, related_name="referrals", verbose_name="dossier"
    )
    service = models.ForeignKey(
        "services.Service",
        on_delete=models.PROTECT,
        related_name="referrals",
        verbose_name="service",
    )
    status = models.CharField(
        "état", max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.SENT
    )
    message = models.TextField("message au partenaire", blank=True)
    sent_on = models.DateField("envoyée le")
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="envoyée par",
    )
    decided_on = models.DateField("réponse le", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="réponse de",
    )
    decline_reason = models.TextField("motif du refus", blank=True)
    acceptance_note = models.TextField("mot du partenaire à l’acceptation", blank=True)
    done_on = models.DateField("réalisée le", null=True, blank=True)
    partner_note = models.TextField("retour du partenaire", blank=True)
    cancelled_on = models.DateField("annulée le", null=True, blank=True)
    cancel_reason = models.CharField("motif de l’annulation", max_length=200, blank=True)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        verbose_name = "orientation"
        verbose_name_plural = "orientations"
        ordering = ["-sent_on", "-pk"]
        constraints = [
            # A double submit or two staff members at once never send the same referral twice.
            models.UniqueConstraint(
                fields=["case", "service"],
                condition=Q(status__in=OPEN_REFERRAL_STATUSES),
                name="one_open_referral_per_case_and_service",
            ),
            models.CheckConstraint(
                condition=~Q(status=ReferralStatus.DECLINED) | ~Q(decline_reason=""),
                name="declined_referral_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status=ReferralStatus.CANCELLED)
                | Q(cancelled_on__isnull=False, cancel_reason__gt=""),
                name="cancelled_referral_has_date_and_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case} → {self.service} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_REFERRAL_STATUSES

    @property
    def is_sent(self) -> bool:
        return self.status == ReferralStatus.SENT

    @property
    def is_accepted(self) -> bool:
        return self.status == ReferralStatus.ACCEPTED

    @property
    def is_declined(self) -> bool:
        return self.status == ReferralStatus.DECLINED

    @property
    def is_cancelled(self) -> bool:
        return self.status == ReferralStatus.CANCELLED
