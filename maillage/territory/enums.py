from django.db import models


class OldCodeKind(models.TextChoices):
    """Why a code no longer names a current commune, as the COG tells it."""

    FORMER = "former", "Ancienne commune"
    DELEGATED = "delegated", "Commune déléguée"
    ASSOCIATED = "associated", "Commune associée"
    MUNICIPAL_DISTRICT = "municipal_district", "Arrondissement municipal"


class CommuneNameKind(models.TextChoices):
    """What a name that is not the commune's current name was, for the people who still use it."""

    FORMER = "former", "ancienne commune"
    FORMER_NAME = "former_name", "ancien nom"
    DELEGATED = "delegated", "commune déléguée"
    ASSOCIATED = "associated", "commune associée"


class Resolution(models.TextChoices):
    """What became of a commune as a file wrote it."""

    FOUND = "found", "trouvée"
    PROPOSED = "proposed", "à confirmer par l’équipe"
    OUTSIDE = "outside", "hors du territoire"
    AMBIGUOUS = "ambiguous", "ambiguë"
    UNKNOWN = "unknown", "inconnue"
