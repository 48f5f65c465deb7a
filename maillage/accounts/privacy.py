"""The accounts' personal data, declared to the privacy registry."""

from django.conf import settings

from maillage.privacy.registry import WITH_THE_RECORD, LegalBasis, register


def declare_personal_data() -> None:
    register(
        "accounts.User",
        fields=("email", "full_name", "organisation_name"),
        email_lookup="email",
        purpose="Compte de connexion à la plateforme",
        legal_basis=LegalBasis.CONTRACT,
        notice="Le mot de passe n’est conservé que sous une forme chiffrée irréversible.",
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
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        retention=f"{settings.LOGIN_LOCKOUT_SECONDS // 60} minutes (la période de blocage), "
        "puis purge",
        applied_by="purge_failed_logins",
    )
