from django.db import models


class AffiliationRole(models.TextChoices):
    PRESIDENT = "president", "Président ou présidente"
    BOARD_MEMBER = "board_member", "Membre du bureau ou du conseil"
    EMPLOYEE = "employee", "Salarié ou salariée"
    VOLUNTEER = "volunteer", "Bénévole"
    ELECTED_OFFICIAL = "elected_official", "Élu ou élue"
    PROJECT_HOLDER = "project_holder", "Porteur ou porteuse de projet"
    OTHER = "other", "Autre"


class InteractionChannel(models.TextChoices):
    MEETING = "meeting", "Rencontre"
    PHONE = "phone", "Téléphone"
    EMAIL = "email", "Courriel"
    VIDEO = "video", "Visioconférence"
    EVENT = "event", "Événement du pôle"
    OTHER = "other", "Autre"


class ConsentPurpose(models.TextChoices):
    NEWSLETTER = "newsletter", "Recevoir la lettre d’information"
    CONTACT = "contact", "Figurer dans le carnet d’adresses du pôle"
    PHOTOS = "photos", "Être photographié·e lors des activités"
    DIRECTORY = "directory", "Apparaître comme contact public dans l’annuaire"


class ConsentMethod(models.TextChoices):
    ONLINE_FORM = "online_form", "Formulaire en ligne"
    MEMBER_SPACE = "member_space", "Espace membre"
    PAPER = "paper", "Formulaire papier signé"
    ORAL = "oral", "Accord oral noté par l’équipe"
    EMAIL = "email", "Courriel de la personne"
    IMPORT = "import", "Import d’un fichier"


class ImportStatus(models.TextChoices):
    READING = "reading", "Lecture du fichier"
    REFUSED = "refused", "Refusé"
    PENDING = "pending", "En attente de l’association des colonnes"
    QUEUED = "queued", "En file d’attente"
    RUNNING = "running", "En cours"
    DONE = "done", "Terminé"
    FAILED = "failed", "Interrompu"


# The worker has the import in hand: the page follows it until it ends.
IMPORT_UNDER_WAY = (ImportStatus.READING, ImportStatus.QUEUED, ImportStatus.RUNNING)


class ImportField(models.TextChoices):
    """What a column of an imported sheet holds."""

    IGNORE = "", "Ne pas importer"
    LAST_NAME = "last_name", "Nom"
    FIRST_NAME = "first_name", "Prénom"
    FULL_NAME = "full_name", "Prénom et nom"
    EMAIL = "email", "Adresse e-mail"
    PHONE = "phone", "Téléphone"
    ORGANISATION = "organisation", "Structure (nom)"
    SIRET = "siret", "SIRET ou SIREN"
    ROLE = "role", "Rôle dans la structure"
    TAGS = "tags", "Étiquettes"
    NOTES = "notes", "Notes"
