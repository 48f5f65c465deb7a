from django.db import models


class OldCodeKind(models.TextChoices):
    """Why a code no longer names a current commune, as the COG tells it."""

    FORMER = "former", "Ancienne commune"
    DELEGATED = "delegated", "Commune déléguée"
    ASSOCIATED = "associated", "Commune associée"
    MUNICIPAL_DISTRICT = "municipal_district", "Arrondissement municipal"
