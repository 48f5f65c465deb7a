from django.db import models


class Role(models.TextChoices):
    """What a signed-in person may do; an anonymous visitor has no account."""

    MEMBER = "member", "Adhérent"
    PARTNER = "partner", "Partenaire"
    STAFF = "staff", "Équipe salariée"
    ADMINISTRATOR = "administrator", "Administrateur"
