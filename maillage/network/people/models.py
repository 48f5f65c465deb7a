from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone


class PersonQuerySet(models.QuerySet):
    def active(self) -> PersonQuerySet:
        return self.filter(is_erased=False)


class Person(models.Model):
    """Someone the hub knows: a contact of an organisation, a member, a project holder."""

    first_name = models.CharField("prénom", max_length=100, blank=True)
    last_name = models.CharField("nom", max_length=100)
    email = models.EmailField("adresse e-mail", blank=True)
    phone = models.CharField("téléphone", max_length=30, blank=True)
    notes = models.TextField("notes de l’équipe", blank=True)
    # The platform account of this person, when they have one (a member, a partner).
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="compte",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    is_erased = models.BooleanField("effacée", default=False, editable=False)
    created_at = models.DateTimeField("créée le", default=timezone.now, editable=False)
    # Last exchange with the hub: the retention job purges people inactive for too long.
    last_active_at = models.DateTimeField("dernier échange le", default=timezone.now)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = "personne"
        verbose_name_plural = "personnes"
        ordering = ["last_name", "first_name", "pk"]
        constraints = [
            # One address book entry per e-mail address; people without e-mail are allowed.
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="person_unique_email",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)


class AffiliationRole(models.TextChoices):
    PRESIDENT = "president", "Président ou présidente"
    BOARD_MEMBER = "board_member", "Membre du bureau ou du conseil"
    EMPLOYEE = "employee", "Salarié ou salariée"
    VOLUNTEER = "volunteer", "Bénévole"
    ELECTED_OFFICIAL = "elected_official", "Élu ou élue"
    PROJECT_HOLDER = "project_holder", "Porteur ou porteuse de projet"
    OTHER = "other", "Autre"


class Affiliation(models.Model):
    """A person's role in an organisation of the directory."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    legal_unit = models.ForeignKey(
        "directory.LegalUnit",
        verbose_name="structure",
        on_delete=models.CASCADE,
        related_name="affiliations",
    )
    role = models.CharField("rôle", max_length=20, choices=AffiliationRole.choices)
    since = models.DateField("depuis", null=True, blank=True)
    until = models.DateField("jusqu’au", null=True, blank=True)

    class Meta:
        verbose_name = "rôle dans une structure"
        verbose_name_plural = "rôles dans des structures"
        constraints = [
            models.UniqueConstraint(
                fields=["person", "legal_unit", "role"], name="affiliation_unique_role"
            ),
            models.CheckConstraint(
                condition=models.Q(until__isnull=True)
                | models.Q(since__isnull=True)
                | models.Q(until__gte=models.F("since")),
                name="affiliation_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display()} – {self.legal_unit}"
