from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "maillage.directory"
    verbose_name = "Annuaire"

    def ready(self):
        from maillage.directory.stewardship import history

        history.connect()
