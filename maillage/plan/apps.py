from django.apps import AppConfig


class PlanConfig(AppConfig):
    name = "maillage.plan"
    verbose_name = "Projet du pôle"

    def ready(self) -> None:
        from maillage.plan.indicators import discover_indicators

        discover_indicators()
