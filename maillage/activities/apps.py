from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "maillage.activities"
    verbose_name = "Activités"

    def ready(self):
        from maillage.activities.queries import upcoming_in_commune
        from maillage.observatory.commune_agenda import register_upcoming

        register_upcoming(upcoming_in_commune)
