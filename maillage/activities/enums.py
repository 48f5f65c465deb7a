from django.db import models


class ActivityKind(models.TextChoices):
    EVENT = "event", "Événement"
    TRAINING = "training", "Formation"
    EXCHANGE = "exchange", "Temps d’échange"
    AWARENESS = "awareness", "Intervention de sensibilisation"
    WORKSHOP = "workshop", "Atelier"
    MEETING = "meeting", "Réunion"


class Visibility(models.TextChoices):
    PUBLIC = "public", "Publique"
    MEMBERS = "members", "Réservée aux adhérents"
    PRIVATE = "private", "Privée (équipe du pôle)"


class ActivityStatus(models.TextChoices):
    DRAFT = "draft", "Brouillon"
    PUBLISHED = "published", "Publiée"
    CANCELLED = "cancelled", "Annulée"


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", "Inscription confirmée"
    WAITLISTED = "waitlisted", "Sur liste d’attente"
    CANCELLED = "cancelled", "Inscription annulée"
