from django.db import models


class ProjectKind(models.TextChoices):
    INDIVIDUAL = "individual", "Projet individuel"
    COLLECTIVE = "collective", "Projet collectif"
    MULTI_ACTOR = "multi_actor", "Projet multi-acteurs"
    THIRD_PLACE = "third_place", "Tiers-lieu"
    ASSOCIATION_EMPLOYMENT = "association_employment", "Emploi associatif"


class ReferralStatus(models.TextChoices):
    SENT = "sent", "Envoyée"
    ACCEPTED = "accepted", "Acceptée"
    DECLINED = "declined", "Déclinée"
    DONE = "done", "Réalisée"
    # Still open when its case closed: withdrawn, and the partner sees why.
    CANCELLED = "cancelled", "Annulée (dossier clos)"


# A referral still waiting for the partner or being carried out: one per case and service.
OPEN_REFERRAL_STATUSES = (ReferralStatus.SENT, ReferralStatus.ACCEPTED)


class LegalForm(models.TextChoices):
    ASSOCIATION = "association", "Association"
    SCOP = "scop", "SCOP"
    SCIC = "scic", "SCIC"
    OTHER_COOPERATIVE = "cooperative", "Autre coopérative"
    ESUS_COMPANY = "esus_company", "Société commerciale de l’ESS (ESUS)"
    COMPANY = "company", "Société commerciale"
    SOLE_TRADER = "sole_trader", "Entreprise individuelle ou micro-entreprise"
    ACTIVITY_COOPERATIVE = "cae", "Entrepreneur salarié d’une CAE"
    OTHER = "other", "Autre"
