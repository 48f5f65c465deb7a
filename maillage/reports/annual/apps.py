from django.apps import AppConfig


class AnnualConfig(AppConfig):
    name = "maillage.reports.annual"
    label = "annual"
    verbose_name = "Rapport d’activité annuel"
