from django.db import models


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", "Brouillon"
    OPEN = "open", "Ouverte"
    CLOSED = "closed", "Close"


class Method(models.TextChoices):
    CONSENT = "consent", "Consentement (objections argumentées)"
    VOTE = "vote", "Vote entre des options"


class VoterScope(models.TextChoices):
    ORGANISATION = "organisation", "Une voix par structure adhérente"
    PERSON = "person", "Une voix par personne"


class Secrecy(models.TextChoices):
    RESULTS_ONLY = "results_only", "Résultats seuls"
    NOMINATIVE = "nominative", "Votes nominatifs visibles des adhérents"


class Choice(models.TextChoices):
    """A consent-method voice, or an abstention in either method (a vote's voice is its option)."""

    CONSENT = "consent", "Consentement"
    OBJECTION = "objection", "Objection"
    ABSTENTION = "abstention", "Abstention"


class Outcome(models.TextChoices):
    NO_QUORUM = "no_quorum", "Quorum non atteint"
    NO_VOICE = "no_voice", "Aucune voix exprimée"
    ADOPTED = "adopted", "Adoptée : aucune objection"
    OBJECTED = "objected", "Non adoptée : objections à lever"
    OPTION_CHOSEN = "option_chosen", "Option retenue"
    TIE = "tie", "Égalité entre plusieurs options"
