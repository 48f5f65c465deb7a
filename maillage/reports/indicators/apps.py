from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "maillage.reports.indicators"
    label = "indicators"
    verbose_name = "Indicateurs et cibles"
