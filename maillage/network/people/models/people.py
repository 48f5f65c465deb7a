"""The address book: people, their roles in directory organisations, and tags."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.utils import timezone

from maillage.core.form_tokens import token_field
from maillage.core.text import fold, query_words
from maillage.network.people.enums import AffiliationRole


class Tag(models.Model):
    name = models.CharField("nom", max_length=60, unique=True)
    slug = models.SlugField("identifiant", max_length=60, unique=True)

    class Meta:
        verbose_name = "étiquette"
        verbose_name_plural = "étiquettes"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PersonQuerySet(models.QuerySet["Person"]):
    def active(self) -> PersonQuerySet:
        return self.filter(is_erased=False)

    def matching(self, query: str) -> PersonQuerySet:
        """Every word of the query, accents and case aside, in names, e-mail or organisations."""
        queryset = self
        for word in query_words(query):
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def in_organisation(self, legal_unit_id: int) -> PersonQuerySet:
        return self.filter(
            Exists(Affiliation.objects.filter(person=OuterRef("pk"), legal_unit_id=legal_unit_id))
        )

    def with_role(self, role: str) -> PersonQuerySet:
        return self.filter(Exists(Affiliation.objects.filter(person=OuterRef("pk"), role=role)))

    def tagged(self, tag: Tag) -> PersonQuerySet:
        return self.filter(tags=tag)

    def inactive_since(self, cutoff: datetime) -> PersonQuerySet:
        return self.filter(last_active_at__lt=cutoff)


class Person(models.Model):
    """Someone the hub knows: a contact of an organisation, a member, a project holder."""

    first_name = models.CharField("prénom", max_length=100, blank=True)
    last_name = models.CharField("nom", max_length=100)
    email = models.EmailField("adresse e-mail", blank=True)
    phone = models.CharField("téléphone", max_length=30, blank=True)
    notes = models.TextField("notes de l’équipe", blank=True)
    tags = models.ManyToManyField(Tag, verbose_name="étiquettes", blank=True, related_name="people")
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
    # The one-time token of the form that created it: a replayed submit finds it.
    submission_token = token_field()
    # Last exchange with the hub: the retention job purges people inactive for too long.
    last_active_at = models.DateTimeField("dernier échange le", default=timezone.now)
    # Folded names, e-mail and organisations: search ignores accents and case on any database.
    search_text = models.TextField("texte de recherche", blank=True, editable=False)

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
        indexes = [models.Index(fields=["last_active_at"], name="person_last_active")]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.email = self.email.strip().lower()
        self.search_text = "" if self.is_erased else self.searchable_text()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def searchable_text(self) -> str:
        parts = [self.first_name, self.last_name, self.email]
        if self.pk:
            parts += [
                name
                for unit in Affiliation.objects.filter(person=self).select_related("legal_unit")
                for name in (unit.legal_unit.name, unit.legal_unit.acronym)
            ]
        return " ".join(fold(part) for part in parts if part)

    def touch(self, when: datetime) -> None:
        """Record an exchange at `when`: the last one moves forward, never back."""
        Person.objects.filter(pk=self.pk).filter(
            Q(last_active_at__lt=when) | Q(last_active_at__isnull=True)
        ).update(last_active_at=when)


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

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        self.person.save(update_fields=["search_text"])

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.person.save(update_fields=["search_text"])
        return result
