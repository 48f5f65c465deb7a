from django.apps import AppConfig
from django.db.backends.signals import connection_created


class CoreConfig(AppConfig):
    name = "maillage.core"
    verbose_name = "Socle commun"

    def ready(self) -> None:
        from maillage.core import scheduling
        from maillage.core.collation import register_sqlite_collation

        connection_created.connect(register_sqlite_collation, dispatch_uid="core-collation")
        scheduling.discover_jobs()
        scheduling.connect()
