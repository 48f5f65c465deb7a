from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "maillage.network.decisions"
    label = "decisions"
    verbose_name = "Décisions"
