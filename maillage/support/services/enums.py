from django.db import models


class ServiceStatus(models.TextChoices):
    DRAFT = "draft", "Brouillon"
    SUBMITTED = "submitted", "À valider par l’équipe"
    PUBLISHED = "published", "Publié"
    CLOSED = "closed", "Fermé"


class ProjectStage(models.TextChoices):
    IDEA = "idee", "Idée, émergence"
    CREATION = "creation", "Création, lancement"
    DEVELOPMENT = "developpement", "Développement"
    TAKEOVER = "reprise", "Reprise ou transmission"


class ProjectCarrier(models.TextChoices):
    INDIVIDUAL = "individuel", "Projet individuel"
    COLLECTIVE = "collectif", "Projet collectif"


class LegalForm(models.TextChoices):
    ASSOCIATION = "association", "Association"
    COOPERATIVE = "cooperative", "Coopérative (SCOP, SCIC, CAE…)"
    COMPANY = "entreprise", "Entreprise individuelle ou société"
    UNDECIDED = "a-definir", "Pas encore choisie"


class Sector(models.TextChoices):
    FOOD = "alimentation", "Alimentation et agriculture"
    CRAFT = "artisanat", "Artisanat et bâtiment"
    TRADE = "commerce", "Commerce et services"
    CULTURE = "culture", "Culture, sport et loisirs"
    ENVIRONMENT = "environnement", "Environnement, réemploi, énergie"
    SOCIAL = "solidarite", "Solidarité, santé, services aux personnes"
    HOUSING = "habitat", "Habitat et tiers-lieux"
    MOBILITY = "mobilite", "Mobilité"
    DIGITAL = "numerique", "Numérique"
    TOURISM = "tourisme", "Tourisme"
