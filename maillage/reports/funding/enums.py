from django.db import models


class FunderKind(models.TextChoices):
    STATE = "state", "État et services de l’État"
    REGION = "region", "Région"
    DEPARTEMENT = "departement", "Département"
    INTERCOMMUNALITY = "intercommunality", "Intercommunalité"
    COMMUNE = "commune", "Commune"
    EUROPE = "europe", "Union européenne"
    FOUNDATION = "foundation", "Fondation"
    PUBLIC_BODY = "public_body", "Autre organisme public"
    PRIVATE = "private", "Entreprise ou autre financeur privé"


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", "En préparation"
    SUBMITTED = "submitted", "Déposée"
    GRANTED = "granted", "Accordée"
    REFUSED = "refused", "Refusée"
    WITHDRAWN = "withdrawn", "Retirée"


class Nature(models.TextChoices):
    """The SCDL « nature » of a grant: its values are the schema's, letter for letter."""

    CASH = "aide en numéraire", "Aide en numéraire"
    IN_KIND = "aide en nature", "Aide en nature"
    BOTH = "aide en numéraire;aide en nature", "Aide en numéraire et en nature"


class BudgetSide(models.TextChoices):
    """The two halves of the Cerfa 15059's budget table."""

    EXPENSE = "expense", "Charges"
    INCOME = "income", "Produits"


class BodyKind(models.TextChoices):
    CRESS = "cress", "Chambre régionale de l’ESS"
    LOCAL_COUNCIL = "local_council", "Conseil ou instance d’une collectivité"
    NETWORK = "network", "Réseau"
    PUBLIC_BODY = "public_body", "Instance publique"
    OTHER = "other", "Autre instance"
