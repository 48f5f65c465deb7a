"""How entries stay right: representatives claim their organisation, propose edits that staff
validate, every change is kept in a history, and likely duplicates wait for a person's decision.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from maillage.directory.enums import ClaimStatus, DuplicateStatus, ProposalStatus, Source
from maillage.directory.models.organisations import Establishment, LegalUnit


class ClaimQuerySet(models.QuerySet):
    def pending(self) -> ClaimQuerySet:
        return self.filter(status=ClaimStatus.PENDING)

    def approved(self) -> ClaimQuerySet:
        return self.filter(status=ClaimStatus.APPROVED)


class Claim(models.Model):
    """A person asks to represent an organisation; once approved they may edit its entries."""

    legal_unit = models.ForeignKey(
        LegalUnit, on_delete=models.CASCADE, related_name="claims", verbose_name="organisation"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="directory_claims",
        verbose_name="demandeur",
    )
    role = models.CharField("fonction dans l’organisation", max_length=200, blank=True)
    message = models.TextField("message", blank=True)
    status = models.CharField(
        "état", max_length=10, choices=ClaimStatus.choices, default=ClaimStatus.PENDING
    )
    created_at = models.DateTimeField("demandé le", auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="décidé par",
    )
    decided_at = models.DateTimeField("décidé le", null=True, blank=True)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        verbose_name = "demande de rattachement"
        verbose_name_plural = "demandes de rattachement"
        ordering = ["-created_at"]
        constraints = [
            # One open or granted claim per person and organisation: a double submit is refused.
            models.UniqueConstraint(
                fields=["legal_unit", "user"],
                condition=Q(status__in=[ClaimStatus.PENDING, ClaimStatus.APPROVED]),
                name="one_live_claim_per_user_and_legal_unit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.legal_unit.name} ({self.get_status_display()})"


class EditProposalQuerySet(models.QuerySet):
    def pending(self) -> EditProposalQuerySet:
        return self.filter(status=ProposalStatus.PENDING)


class EditProposal(models.Model):
    """Changes a representative asks for on an establishment, applied once staff accept them."""

    establishment = models.ForeignKey(
        Establishment,
        on_delete=models.CASCADE,
        related_name="edit_proposals",
        verbose_name="établissement",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="proposé par",
    )
    changes = models.JSONField("modifications proposées")  # {field: new value}
    status = models.CharField(
        "état", max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PENDING
    )
    created_at = models.DateTimeField("proposé le", auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="décidé par",
    )
    decided_at = models.DateTimeField("décidé le", null=True, blank=True)

    objects = EditProposalQuerySet.as_manager()

    class Meta:
        verbose_name = "proposition de modification"
        verbose_name_plural = "propositions de modification"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.establishment} – {', '.join(self.changes)}"


class ChangeRecord(models.Model):
    """One field of one establishment changed: who, when, from what, to what, from which source."""

    establishment = models.ForeignKey(
        Establishment,
        on_delete=models.CASCADE,
        related_name="history",
        verbose_name="établissement",
    )
    field = models.CharField("champ", max_length=100)
    old_value = models.TextField("ancienne valeur", blank=True)
    new_value = models.TextField("nouvelle valeur", blank=True)
    source = models.CharField("source", max_length=20, choices=Source.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="modifié par",
    )
    changed_at = models.DateTimeField("modifié le", auto_now_add=True)

    class Meta:
        verbose_name = "modification"
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(fields=["establishment", "-changed_at"])]

    def __str__(self) -> str:
        return f"{self.establishment_id}.{self.field} ({self.changed_at:%d/%m/%Y})"


class DuplicateCandidateQuerySet(models.QuerySet):
    def proposed(self) -> DuplicateCandidateQuerySet:
        return self.filter(status=DuplicateStatus.PROPOSED)


class DuplicateCandidate(models.Model):
    """Two establishments that look like one organisation: staff merge or dismiss them."""

    first = models.ForeignKey(
        Establishment, on_delete=models.CASCADE, related_name="+", verbose_name="fiche A"
    )
    second = models.ForeignKey(
        Establishment, on_delete=models.CASCADE, related_name="+", verbose_name="fiche B"
    )
    reason = models.CharField("motif", max_length=200)
    status = models.CharField(
        "état", max_length=10, choices=DuplicateStatus.choices, default=DuplicateStatus.PROPOSED
    )
    created_at = models.DateTimeField("détecté le", auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="décidé par",
    )
    decided_at = models.DateTimeField("décidé le", null=True, blank=True)

    objects = DuplicateCandidateQuerySet.as_manager()

    class Meta:
        verbose_name = "doublon probable"
        verbose_name_plural = "doublons probables"
        ordering = ["-created_at"]
        constraints = [
            # Pairs are stored in one order so the same pair is never proposed twice.
            models.CheckConstraint(
                condition=Q(first__lt=F("second")), name="duplicate_pair_ordered"
            ),
            models.UniqueConstraint(fields=["first", "second"], name="duplicate_pair_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.first_id} ~ {self.second_id} ({self.reason})"
