from django.apps import AppConfig


class ServicesConfig(AppConfig):
    name = "maillage.support.services"
    label = "services"
    verbose_name = "Offre de services du territoire"

    def ready(self):
        from maillage.directory.related import register_related
        from maillage.support.services.queries import offered_by

        register_related("services", offered_by)
