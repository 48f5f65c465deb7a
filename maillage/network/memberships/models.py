from __future__ import annotations

from django.db import models
from django.db.models import Q


class College(models.Model):
    """A college of the hub's statutes: it carries its members' voting rights and weight."""

    name = models.CharField("nom", max_length=150, unique=True)
    slug = models.SlugField("identifiant", max_length=80, unique=True)
    description = models.TextField("description", blank=True)
    voting_weight = models.DecimalField("poids des voix", max_digits=5, decimal_places=2, default=1)
    order = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "collège"
        verbose_name_plural = "collèges"
        ordering = ["order", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(voting_weight__gt=0), name="college_weight_positive")
        ]

    def __str__(self) -> str:
        return self.name


class MembershipStatus(models.TextChoices):
    PENDING = "pending", "En attente de paiement"
    PAID = "paid", "Payée"
    WAIVED = "waived", "Exonérée"
    CANCELLED = "cancelled", "Annulée"


class PaymentMethod(models.TextChoices):
    TRANSFER = "transfer", "Virement"
    CHEQUE = "cheque", "Chèque"
    CASH = "cash", "Espèces"
    CARD = "card", "Carte bancaire"
    OTHER = "other", "Autre"


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
    paid_on = models.DateField("payée le", null=True, blank=True)
    payment_method = models.CharField(
        "moyen de paiement", max_length=20, choices=PaymentMethod.choices, blank=True
    )

    class Meta:
        verbose_name = "adhésion"
        verbose_name_plural = "adhésions"
        ordering = ["-year", "pk"]
        constraints = [
            # A membership is of an organisation or of a person, never both, never neither.
            models.CheckConstraint(
                condition=Q(legal_unit__isnull=False, person__isnull=True)
                | Q(legal_unit__isnull=True, person__isnull=False),
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
        ]

    def __str__(self) -> str:
        return f"{self.member} – {self.year}"

    @property
    def member(self):
        return self.legal_unit or self.person
