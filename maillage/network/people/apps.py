from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "maillage.network.people"
    label = "people"
    verbose_name = "Carnet d’adresses"
