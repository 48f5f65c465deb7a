from django.apps import AppConfig


class JourneysConfig(AppConfig):
    name = "maillage.support.journeys"
    label = "journeys"
    verbose_name = "Accompagnement des porteurs de projet"

    def ready(self):
        from maillage.support.journeys import signals

        signals.connect()
