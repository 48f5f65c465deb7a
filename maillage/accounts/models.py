from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, PermissionsMixin
from django.db import models
from django.utils import timezone

from maillage.accounts.enums import Role

# Apps whose records the hub's staff edit in the admin without per-model grants.
STAFF_EDITABLE_APPS = frozenset(
    {
        "plan",
        "territory",
        "directory",
        "observatory",
        "activities",
        "people",
        "memberships",
        "working_groups",
        "decisions",
        "services",
        "journeys",
    }
)


class UserQuerySet(models.QuerySet["User"]):
    def active(self) -> UserQuerySet:
        return self.filter(is_active=True)

    def with_role(self, role: Role) -> UserQuerySet:
        return self.filter(role=role)


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user: User = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> User:
        fields["role"] = Role.ADMINISTRATOR
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField("adresse e-mail", unique=True)
    full_name = models.CharField("nom complet", max_length=200, blank=True)
    role = models.CharField("rôle", max_length=20, choices=Role.choices, default=Role.MEMBER)
    # Free text until the directory offers organisations to link to.
    organisation_name = models.CharField(
        "structure représentée",
        max_length=200,
        blank=True,
        help_text="Pour un adhérent ou un partenaire : la structure au nom de laquelle il agit.",
    )
    is_active = models.BooleanField("actif", default=True)
    # Derived from the role in save(); Django's admin reads it.
    is_staff = models.BooleanField("accès à l’administration", default=False, editable=False)
    date_joined = models.DateTimeField("inscrit le", default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = "utilisateur"
        verbose_name_plural = "utilisateurs"
        ordering = ["email"]

    def __str__(self):
        return self.full_name or self.email

    def save(self, *args, **kwargs):
        self.email = self.email.lower()
        self.is_staff = self.role in (Role.STAFF, Role.ADMINISTRATOR)
        self.is_superuser = self.role == Role.ADMINISTRATOR
        super().save(*args, **kwargs)

    @property
    def is_hub_staff(self) -> bool:
        return self.is_active and self.role in (Role.STAFF, Role.ADMINISTRATOR)

    @property
    def is_administrator(self) -> bool:
        """The only role shown links into the Django admin; the hub's staff work in pages."""
        return self.is_active and self.role == Role.ADMINISTRATOR

    @property
    def is_member(self) -> bool:
        """A current member of the hub: a membership that counts today, whatever the role
        (accounts.membership_access). Members-only pages and actions ask this."""
        from maillage.accounts.membership_access import is_current_member

        return is_current_member(self)

    @property
    def has_member_account(self) -> bool:
        """A member's account, current or lapsed: it follows its own memberships and
        represents its organisations; members-only access asks `is_member`."""
        return self.is_active and self.role == Role.MEMBER

    @property
    def is_partner(self) -> bool:
        return self.is_active and self.role == Role.PARTNER

    def has_perm(self, perm, obj=None):
        if self.is_hub_staff and perm.split(".", 1)[0] in STAFF_EDITABLE_APPS:
            return True
        return super().has_perm(perm, obj)

    def has_module_perms(self, app_label):
        if self.is_hub_staff and app_label in STAFF_EDITABLE_APPS:
            return True
        return super().has_module_perms(app_label)

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


# Who is behind a request: a signed-in account or the anonymous visitor.
AnyUser = User | AnonymousUser


class FailedLoginQuerySet(models.QuerySet["FailedLogin"]):
    def after(self, moment: datetime) -> FailedLoginQuerySet:
        return self.filter(attempted_at__gt=moment)

    def not_after(self, moment: datetime) -> FailedLoginQuerySet:
        return self.filter(attempted_at__lte=moment)

    def for_email(self, email: str) -> FailedLoginQuerySet:
        return self.filter(email=email)

    def counted(self) -> FailedLoginQuerySet:
        """Failures that count towards a lockout: not those refused while it already held."""
        return self.filter(during_lockout=False)

    def from_ip(self, ip_address: str) -> FailedLoginQuerySet:
        return self.filter(ip_address=ip_address)


class FailedLogin(models.Model):
    """One refused sign-in attempt; recent ones lock the e-mail or the address (see lockout.py)."""

    email = models.CharField("adresse e-mail saisie", max_length=254)
    ip_address = models.GenericIPAddressField("adresse IP", null=True, blank=True)
    attempted_at = models.DateTimeField("tentée le", default=timezone.now, db_index=True)
    # Refused without checking the password, because the lockout already held; kept so that
    # every attempt is on record, not counted so that the lock is not extended by them.
    during_lockout = models.BooleanField("pendant le verrouillage", default=False)

    objects = FailedLoginQuerySet.as_manager()

    class Meta:
        verbose_name = "échec de connexion"
        verbose_name_plural = "échecs de connexion"
        ordering = ["-attempted_at"]
        indexes = [
            models.Index(fields=["email", "attempted_at"], name="failedlogin_email_time"),
            models.Index(fields=["ip_address", "attempted_at"], name="failedlogin_ip_time"),
        ]

    def __str__(self):
        return f"{self.email} ({self.ip_address or 'adresse inconnue'})"


class LoginGate(models.Model):
    """One row per e-mail and per address being tried, locked while an attempt is counted.

    Attempts on the same e-mail or from the same address take this row's lock in turn, so each
    reads the failures of those before it: counting and locking are one step (see lockout.py).
    The key is a keyed hash, so the row holds no e-mail or address.
    """

    key = models.CharField("clé", max_length=64, unique=True)
    used_at = models.DateTimeField("utilisée le", default=timezone.now)

    class Meta:
        verbose_name = "verrou de connexion"
        verbose_name_plural = "verrous de connexion"

    def __str__(self):
        return self.key
