from django.apps import AppConfig


class ServicesConfig(AppConfig):
    name = "maillage.support.services"
    label = "services"
    verbose_name = "Offre de services du territoire"
