from __future__ import annotations

from django.core.validators import MinLengthValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from maillage.directory.enums import Visibility
from maillage.directory.models import Establishment
from maillage.support.services import vocabularies as vocab
from maillage.support.services.enums import (
    LegalForm,
    ProjectCarrier,
    ProjectStage,
    Sector,
    ServiceStatus,
)

__all__ = ["OrientationMiss", "Service", "ServiceQuerySet", "ServiceStatus", "SummaryRequest"]


class ServiceQuerySet(models.QuerySet["Service"]):
    def published(self) -> ServiceQuerySet:
        return self.filter(status=ServiceStatus.PUBLISHED)

    def originals(self) -> ServiceQuerySet:
        """Services themselves, without the pending revisions of published ones."""
        return self.filter(revision_of__isnull=True)

    def awaiting_validation(self) -> ServiceQuerySet:
        return self.filter(status=ServiceStatus.SUBMITTED)

    def of_public_providers(self) -> ServiceQuerySet:
        """Of an active organisation with at least one open establishment it did not hide."""
        shown = Establishment.objects.filter(
            legal_unit=OuterRef("provider"), visibility=Visibility.PUBLIC, is_open=True
        )
        return self.filter(Exists(shown), provider__is_active=True)

    def on_offer(self) -> ServiceQuerySet:
        """What the public pages and the export show."""
        return self.published().of_public_providers()

    def of_providers(self, legal_units) -> ServiceQuerySet:
        return self.filter(provider__in=legal_units)

    def serving(self, commune) -> ServiceQuerySet:
        area = Q(communes=commune) | Q(departements=commune.departement_id)
        if commune.epci_id:
            area |= Q(epcis=commune.epci_id)
        return self.filter(pk__in=self.model.objects.filter(area).values("pk"))

    def with_area(self) -> ServiceQuerySet:
        return self.select_related("provider").prefetch_related("communes", "epcis", "departements")


class Service(models.Model):
    """A support service a partner organisation offers to the territory's project holders.

    A published service a partner edits gets a *revision*: a second row pointing to it that
    staff validate; the public keeps seeing the published row until then (`revise.py`).
    """

    provider = models.ForeignKey(
        "directory.LegalUnit",
        verbose_name="structure qui le propose",
        on_delete=models.PROTECT,
        related_name="services",
    )
    # What
    name = models.CharField("nom", max_length=150, validators=[MinLengthValidator(3)])
    description = models.TextField(
        "description", max_length=10000, validators=[MinLengthValidator(5)]
    )
    kind = models.CharField(
        "type de service", max_length=30, blank=True, choices=vocab.choices(vocab.TYPES)
    )
    themes = models.JSONField("thématiques", default=list, blank=True)
    # For whom: an empty list means « all ».
    publics = models.JSONField("publics", default=list, blank=True)
    publics_details = models.TextField("précisions sur les publics", blank=True)
    stages = models.JSONField("étapes du projet", default=list, blank=True)
    carriers = models.JSONField("projets individuels ou collectifs", default=list, blank=True)
    legal_forms = models.JSONField("formes juridiques", default=list, blank=True)
    sectors = models.JSONField("secteurs d’activité", default=list, blank=True)
    access_conditions = models.TextField("conditions d’accès", blank=True)
    # How to reach it
    reception_modes = models.JSONField("modes d’accueil", default=list, blank=True)
    contact_modes = models.JSONField("modes de mobilisation", default=list, blank=True)
    contact_by = models.JSONField("mobilisable par", default=list, blank=True)
    contact_details = models.TextField("précisions sur la mobilisation", blank=True)
    contact_link = models.URLField("lien de mobilisation", max_length=2000, blank=True)
    contact_name = models.CharField("nom de la personne à contacter", max_length=200, blank=True)
    email = models.EmailField("courriel de contact", blank=True)
    phone = models.CharField("téléphone de contact", max_length=30, blank=True)
    contacts_public = models.BooleanField(
        "publier le contact",
        default=False,
        help_text="Le nom, le courriel et le téléphone ne sont montrés au public que si coché.",
    )
    # Cost
    fee = models.CharField("frais", max_length=10, blank=True, choices=vocab.choices(vocab.FRAIS))
    fee_details = models.TextField("précisions sur les frais", blank=True)
    # Area served (data·inclusion's « zone d’éligibilité »)
    communes = models.ManyToManyField(
        "territory.Commune", verbose_name="communes", blank=True, related_name="+"
    )
    epcis = models.ManyToManyField(
        "territory.Epci", verbose_name="intercommunalités", blank=True, related_name="+"
    )
    departements = models.ManyToManyField(
        "territory.Departement", verbose_name="départements", blank=True, related_name="+"
    )
    # Workflow
    status = models.CharField(
        "statut", max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.DRAFT
    )
    review_comment = models.TextField("remarque de l’équipe", blank=True)
    revision_of = models.OneToOneField(
        "self",
        verbose_name="modification en attente de",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="revision",
    )
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    updated_at = models.DateTimeField("mis à jour le", auto_now=True)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        verbose_name = "service d’accompagnement"
        verbose_name_plural = "services d’accompagnement"
        ordering = ["name", "pk"]
        constraints = [
            # A double submit of the same new service is refused (revisions copy the name).
            models.UniqueConstraint(
                fields=["provider", "name"],
                condition=Q(revision_of__isnull=True),
                name="one_service_of_a_name_per_provider",
                violation_error_message="Cette structure propose déjà un service de ce nom.",
            ),
            # A revision waits for validation: it is never published or closed itself.
            models.CheckConstraint(
                condition=Q(revision_of__isnull=True)
                | Q(status__in=[ServiceStatus.DRAFT, ServiceStatus.SUBMITTED]),
                name="service_revision_is_draft_or_submitted",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("services:detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == ServiceStatus.PUBLISHED

    @property
    def is_draft(self) -> bool:
        return self.status == ServiceStatus.DRAFT

    @property
    def is_submitted(self) -> bool:
        return self.status == ServiceStatus.SUBMITTED

    @property
    def is_closed(self) -> bool:
        return self.status == ServiceStatus.CLOSED

    @property
    def is_revision(self) -> bool:
        return self.revision_of_id is not None

    @property
    def pending_revision(self) -> Service | None:
        try:
            return self.revision
        except Service.DoesNotExist:
            return None

    @property
    def comment_to_read(self) -> str:
        """The staff comment its representatives should read: on the pending revision if any."""
        revision = self.pending_revision
        return revision.review_comment if revision is not None else self.review_comment

    def serves(self, commune) -> bool:
        """Uses the prefetched area (`with_area()`)."""
        return (
            commune.pk in {c.pk for c in self.communes.all()}
            or commune.epci_id in {e.pk for e in self.epcis.all()}
            or commune.departement_id in {d.pk for d in self.departements.all()}
        )

    def area_labels(self) -> list[str]:
        return [
            *(str(d) for d in self.departements.all()),
            *(str(e) for e in self.epcis.all()),
            *(str(c) for c in self.communes.all()),
        ]

    # French labels of the chosen values, for pages and e-mails.
    def theme_labels(self) -> list[str]:
        return vocab.labels(vocab.THEMATIQUES, self.themes)

    def public_labels(self) -> list[str]:
        return vocab.labels(vocab.PUBLICS, self.publics)

    def reception_labels(self) -> list[str]:
        return vocab.labels(vocab.MODES_ACCUEIL, self.reception_modes)

    def contact_mode_labels(self) -> list[str]:
        return vocab.labels(vocab.MODES_MOBILISATION, self.contact_modes)

    def stage_labels(self) -> list[str]:
        return [label for value, label in ProjectStage.choices if value in self.stages]

    def carrier_labels(self) -> list[str]:
        return [label for value, label in ProjectCarrier.choices if value in self.carriers]

    def legal_form_labels(self) -> list[str]:
        return [label for value, label in LegalForm.choices if value in self.legal_forms]

    def sector_labels(self) -> list[str]:
        return [label for value, label in Sector.choices if value in self.sectors]


class SummaryRequest(models.Model):
    """A visitor's « par où commencer » to e-mail: held only until the worker sends it (the
    sending task deletes the row, sent or not), so that the task itself carries only this id."""

    email = models.EmailField("adresse e-mail")
    query = models.CharField("réponses au questionnaire", max_length=2000)
    created_at = models.DateTimeField("demandé le", auto_now_add=True)

    class Meta:
        verbose_name = "récapitulatif à envoyer"
        verbose_name_plural = "récapitulatifs à envoyer"

    def __str__(self) -> str:
        return f"Récapitulatif {self.pk}"


class OrientationMiss(models.Model):
    """Answers to the orientation that no published service fitted: a need the offer leaves
    uncovered. Only the answers that describe the project are kept (the need's theme, the
    sector, the commune), never who asked, their address or the time of day."""

    theme = models.CharField("besoin", max_length=80, blank=True)
    sector = models.CharField("secteur", max_length=40, blank=True)
    commune_code = models.CharField("commune (code INSEE)", max_length=5, blank=True)
    asked_on = models.DateField("date", auto_now_add=True)

    class Meta:
        verbose_name = "orientation sans service"
        verbose_name_plural = "orientations sans service"
        indexes = [models.Index(fields=["asked_on"], name="orientation_miss_asked_on")]

    def __str__(self) -> str:
        return f"{self.theme or 'sans besoin'} / {self.commune_code or 'sans commune'}"
