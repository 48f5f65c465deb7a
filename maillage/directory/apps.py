from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


class DirectoryConfig(AppConfig):
    name = "maillage.directory"
    verbose_name = "Annuaire"

    def ready(self):
        from maillage.directory import map_clusters
        from maillage.directory.exports import published
        from maillage.directory.stewardship import history

        history.connect()
        map_clusters.connect()
        published.connect()
        post_migrate.connect(_install_map_triggers, sender=self)


def _install_map_triggers(sender, using, **kwargs):
    """Again after every migrate: on SQLite, rebuilding the entries' table drops them."""
    from maillage.directory import map_triggers

    connection = connections[using]
    if "directory_mapdirtytile" in connection.introspection.table_names():
        map_triggers.install(connection)
