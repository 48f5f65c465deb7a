from django.apps import AppConfig
from django.db.backends.signals import connection_created


class CoreConfig(AppConfig):
    name = "maillage.core"
    verbose_name = "Socle commun"

    def ready(self) -> None:
        from django.urls import register_converter
        from django_tasks.signals import task_started

        from maillage.core import bounded_input, scheduling, worker_leases
        from maillage.core.collation import register_sqlite_collation
        from maillage.core.converters import IdConverter

        connection_created.connect(register_sqlite_collation, dispatch_uid="core-collation")
        scheduling.discover_jobs()
        scheduling.connect()
        register_converter(IdConverter, "id")
        bounded_input.install()
        task_started.connect(worker_leases.start_beating, dispatch_uid="core-worker-beat")
