from django.apps import AppConfig


class ObservatoryConfig(AppConfig):
    name = "maillage.observatory"
    verbose_name = "Observatoire"

    def ready(self):
        from maillage.accounts.space import register_cards
        from maillage.observatory.space import observatory_cards
        from maillage.privacy.registry import declare_exempt

        register_cards(observatory_cards)
        declare_exempt(
            "observatory.SnapshotRun",
            "Le compte de l’équipe qui a lancé un calcul : trace du travail du pôle ; effacer le "
            "compte le rend anonyme.",
        )
