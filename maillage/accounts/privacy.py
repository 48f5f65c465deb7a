"""The accounts' personal data, declared to the privacy registry."""

from maillage.privacy.registry import WITH_THE_RECORD, register


def declare_personal_data() -> None:
    register(
        "accounts.User",
        fields=("email", "full_name", "organisation_name"),
        email_lookup="email",
        purpose="Compte de connexion à la plateforme",
        retention="Tant que le compte existe",
        applied_by=WITH_THE_RECORD,
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
        applied_by="purge_failed_logins",
    )
