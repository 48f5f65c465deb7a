from django.db import models


class NeedStatus(models.TextChoices):
    """The steps of a need, in the only order it may take them (SET_ASIDE ends it anywhere)."""

    SUBMITTED = "submitted", "Exprimé"
    QUALIFIED = "qualified", "Qualifié"
    PRIORITISED = "prioritised", "Priorisé"
    BUILDING = "building", "Réponse en construction"
    TESTED = "tested", "Réponse testée"
    ANSWERED = "answered", "Répondu"
    SET_ASIDE = "set_aside", "Écarté"


# The lifecycle's path; a need moves forward along it only.
PATH = (
    NeedStatus.SUBMITTED,
    NeedStatus.QUALIFIED,
    NeedStatus.PRIORITISED,
    NeedStatus.BUILDING,
    NeedStatus.TESTED,
    NeedStatus.ANSWERED,
)
CLOSED = (NeedStatus.ANSWERED, NeedStatus.SET_ASIDE)


class Visibility(models.TextChoices):
    PUBLIC = "public", "Public"
    MEMBERS = "members", "Réservé aux adhérents"
    PRIVATE = "private", "Privé (équipe du pôle)"


class ExpressedBy(models.TextChoices):
    INHABITANT = "inhabitant", "Un habitant ou une habitante"
    ORGANISATION = "organisation", "Une structure de l’annuaire"
    ELECTED = "elected", "Un ou une élue"
    WORKSHOP = "workshop", "Un atelier"
    WORKING_GROUP = "working_group", "Un groupe de travail"
    SIGNAL = "signal", "Un signal de la plateforme"


class CommentStatus(models.TextChoices):
    PENDING = "pending", "En attente de modération"
    PUBLISHED = "published", "Publié"
    REJECTED = "rejected", "Refusé"


class SignalSource(models.TextChoices):
    DIRECTORY = "directory", "Recherche sans résultat dans l’annuaire"
    ORIENTATION = "orientation", "Orientation sans service correspondant"


class CandidateDecision(models.TextChoices):
    ACCEPTED = "accepted", "Retenu comme besoin"
    DISMISSED = "dismissed", "Écarté"
