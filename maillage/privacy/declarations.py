"""Personal data held by the ground apps (accounts). Other apps declare theirs in their own
`AppConfig.ready`."""

from maillage.privacy.registry import register

register(
    "accounts.User",
    fields=("email", "full_name", "organisation_name"),
    email_lookup="email",
    purpose="Compte de connexion à la plateforme",
    retention="Tant que le compte existe",
    replacements={
        "email": "{pk}@efface.invalid",
        "full_name": "Personne effacée",
        "is_active": False,
    },
)
register(
    "accounts.FailedLogin",
    fields=("email", "ip_address"),
    email_lookup="email",
    purpose="Sécurité : blocage temporaire après des échecs de connexion",
    retention="Jusqu’à la fin de la période de blocage, puis purge",
)
