from django.apps import AppConfig


class ObservatoryConfig(AppConfig):
    name = "maillage.observatory"
    verbose_name = "Observatoire"

    def ready(self):
        from maillage.accounts.space import register_cards
        from maillage.observatory.space import observatory_cards

        register_cards(observatory_cards)
