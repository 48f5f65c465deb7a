from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "maillage.reports.funding"
    label = "funding"
    verbose_name = "Financements et mandats"
