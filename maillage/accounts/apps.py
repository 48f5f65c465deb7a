from django.apps import AppConfig


def account_cards(user):
    from django.urls import reverse

    from maillage.accounts.space import SpaceCard

    cards = [
        SpaceCard(
            "Changer mon mot de passe",
            reverse("accounts:password_change"),
            "Choisir un nouveau mot de passe pour votre compte.",
        )
    ]
    if user.is_hub_staff:
        cards.append(
            SpaceCard(
                "Administration",
                reverse("admin:index"),
                "Gérer les comptes, le territoire et les données du pôle.",
                section="Gestion du pôle",
            )
        )
    return cards


class AccountsConfig(AppConfig):
    name = "maillage.accounts"
    verbose_name = "Comptes"

    def ready(self):
        from maillage.accounts.space import register_cards

        register_cards(account_cards)
