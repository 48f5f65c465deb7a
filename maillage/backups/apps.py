from django.apps import AppConfig


class BackupsConfig(AppConfig):
    name = "maillage.backups"
    verbose_name = "Sauvegardes"
