"""Who funds the hub, and what it asked them for."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse

from maillage.core.form_tokens import token_field
from maillage.core.storage import PrivateStorage
from maillage.reports.funding.enums import ApplicationStatus, FunderKind
from maillage.reports.funding.identifiers import validate_siret

SIRET_SHAPE = Q(siret="") | Q(siret__regex=r"^[0-9]{14}$")


class Funder(models.Model):
    """A local authority, the State, a foundation…: whoever signs a grant agreement with the
    hub. Linked to its directory entry when it has one."""

    name = models.CharField("nom", max_length=200, unique=True)
    kind = models.CharField("type de financeur", max_length=20, choices=FunderKind.choices)
    siret = models.CharField(
        "SIRET",
        max_length=14,
        blank=True,
        validators=[validate_siret],
        help_text="14 chiffres, sans espace ; nécessaire à la publication des subventions.",
    )
    legal_unit = models.ForeignKey(
        "directory.LegalUnit",
        verbose_name="structure de l’annuaire",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    notes = models.TextField("notes", blank=True)
    # PNG or JPEG, checked by content when uploaded (`logos.py`); served to staff only, and
    # copied into the frozen report that shows it.
    logo = models.FileField(
        "logo", blank=True, max_length=200, storage=PrivateStorage("FUNDER_LOGOS_ROOT")
    )
    required_mention = models.TextField(
        "mention obligatoire",
        blank=True,
        help_text="Le texte que la convention demande de faire figurer, par exemple « Action "
        "soutenue par le Département ». Il paraît, avec le logo, dans les annexes du rapport "
        "d’activité.",
    )

    class Meta:
        verbose_name = "financeur"
        verbose_name_plural = "financeurs"
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=SIRET_SHAPE,
                name="funder_siret_is_14_digits",
                violation_error_message="Le SIRET compte 14 chiffres.",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("funding:funder", args=[self.pk])


class ApplicationQuerySet(models.QuerySet["Application"]):
    def pending(self) -> ApplicationQuerySet:
        return self.filter(status__in=[ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED])


class Application(models.Model):
    """A request for funding sent (or about to be sent) to a funder."""

    funder = models.ForeignKey(
        Funder, verbose_name="financeur", on_delete=models.PROTECT, related_name="applications"
    )
    title = models.CharField("objet de la demande", max_length=256)
    requested_amount = models.DecimalField("montant demandé", max_digits=12, decimal_places=2)
    submitted_on = models.DateField("déposée le", null=True, blank=True)
    status = models.CharField(
        "état",
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    notes = models.TextField("notes", blank=True)
    submission_token = token_field()

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = "demande de subvention"
        verbose_name_plural = "demandes de subvention"
        ordering = ["-submitted_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(requested_amount__gte=0),
                name="application_amount_not_negative",
                violation_error_message="Le montant demandé ne peut pas être négatif.",
            ),
            models.CheckConstraint(
                condition=Q(submitted_on__isnull=False) | Q(status=ApplicationStatus.DRAFT),
                name="application_sent_has_a_date",
                violation_error_message="Une demande déposée a une date de dépôt.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.funder})"

    @property
    def is_granted(self) -> bool:
        return self.status == ApplicationStatus.GRANTED
