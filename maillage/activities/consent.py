"""The consent text shown beside the registration form; its version is stored with each answer."""

CONSENT_VERSION = "2026-01"
CONSENT_TEXT = (
    "J’accepte que le pôle conserve mon nom, mon adresse e-mail et ma structure pour gérer mon "
    "inscription, m’envoyer les informations pratiques et un rappel, puis un court questionnaire "
    "de satisfaction. Ces données sont effacées deux ans après l’activité ; je peux demander à "
    "tout moment à les consulter ou à les effacer."
)
