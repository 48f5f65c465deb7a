"""One demonstration account per role, so a newcomer can try every side of the platform.

For local use only: the passwords are public (they are printed in the README).
"""

from dataclasses import dataclass

from django.db import transaction

from maillage.accounts.enums import Role
from maillage.accounts.models import User
from maillage.core import demo


@dataclass(frozen=True)
class DemoAccount:
    role: Role
    email: str
    password: str
    full_name: str
    organisation_name: str = ""


DEMO_ACCOUNTS = (
    DemoAccount(Role.ADMINISTRATOR, "admin@demo.maillage.test", "demo-admin-2026", "Alix Démo"),
    DemoAccount(Role.STAFF, "equipe@demo.maillage.test", "demo-equipe-2026", "Camille Essai"),
    DemoAccount(
        Role.MEMBER,
        "adherent@demo.maillage.test",
        "demo-adherent-2026",
        "Dominique Exemple",
        "Association fictive des Jardins partagés",
    ),
    DemoAccount(
        Role.PARTNER,
        "partenaire@demo.maillage.test",
        "demo-partenaire-2026",
        "Sacha Fictif",
        "Coopérative fictive d’accompagnement",
    ),
)


@transaction.atomic
def create_demo_accounts() -> list[DemoAccount]:
    """Create the missing demonstration accounts; existing ones are left exactly as they are."""
    for account in DEMO_ACCOUNTS:
        if not User.objects.filter(email=account.email).exists():
            user = User.objects.create_user(
                account.email,
                account.password,
                role=account.role,
                full_name=account.full_name,
                organisation_name=account.organisation_name,
            )
            demo.mark(user)
    return list(DEMO_ACCOUNTS)
