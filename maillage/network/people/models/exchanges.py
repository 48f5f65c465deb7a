"""What happened between the hub and a person: interactions, and consents given or withdrawn."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from maillage.core.form_tokens import token_field
from maillage.network.people.enums import ConsentMethod, ConsentPurpose, InteractionChannel


class Interaction(models.Model):
    """A member of staff met, called or wrote to a person."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="interactions"
    )
    staff_member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="membre de l’équipe",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    occurred_on = models.DateField("date")
    channel = models.CharField("moyen", max_length=20, choices=InteractionChannel.choices)
    subject = models.CharField("objet", max_length=200)
    notes = models.TextField("compte rendu", blank=True)
    legal_unit = models.ForeignKey(
        "directory.LegalUnit",
        verbose_name="structure concernée",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField("enregistré le", default=timezone.now, editable=False)
    # The one-time token of the form that noted it: a replayed submit finds it.
    submission_token = token_field()

    class Meta:
        verbose_name = "échange"
        verbose_name_plural = "échanges"
        ordering = ["-occurred_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.occurred_on:%d/%m/%Y} – {self.subject}"


class ConsentQuerySet(models.QuerySet):
    def current(self) -> ConsentQuerySet:
        """The latest record of each (person, purpose): what the person wants today."""
        later = ConsentQuerySet(self.model).filter(
            person=models.OuterRef("person"),
            purpose=models.OuterRef("purpose"),
            pk__gt=models.OuterRef("pk"),
        )
        return self.filter(~models.Exists(later))


class Consent(models.Model):
    """One consent given or withdrawn; withdrawing adds a record, the history stays."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField("finalité", max_length=20, choices=ConsentPurpose.choices)
    given = models.BooleanField("accordé")
    recorded_at = models.DateTimeField("date", default=timezone.now)
    # The text the person was shown, kept as it was then: the wording may change later.
    text_version = models.CharField("version du texte", max_length=20)
    text = models.TextField("texte présenté")
    method = models.CharField("recueilli par", max_length=20, choices=ConsentMethod.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="enregistré par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.CharField("précision", max_length=300, blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        verbose_name = "consentement"
        verbose_name_plural = "consentements"
        ordering = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        state = "accordé" if self.given else "retiré"
        return f"{self.get_purpose_display()} : {state}"
