from django.apps import AppConfig


class NeedsConfig(AppConfig):
    name = "maillage.needs"
    label = "needs"
    verbose_name = "Besoins du territoire"
