from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "maillage.activities"
    verbose_name = "Activités"
