from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "maillage.directory"
    verbose_name = "Annuaire"

    def ready(self):
        from maillage.directory import map_clusters
        from maillage.directory.stewardship import history

        history.connect()
        map_clusters.connect()
