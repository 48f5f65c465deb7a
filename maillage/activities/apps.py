from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "maillage.activities"
    verbose_name = "Activités"

    def ready(self):
        from maillage.activities.queries import upcoming_in_commune, upcoming_of_organisation
        from maillage.directory.related import register_related
        from maillage.observatory.commune_agenda import register_upcoming

        register_upcoming(upcoming_in_commune)
        register_related("activites", upcoming_of_organisation)
