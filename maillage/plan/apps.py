from django.apps import AppConfig


class PlanConfig(AppConfig):
    name = "maillage.plan"
    verbose_name = "Projet du pôle"
