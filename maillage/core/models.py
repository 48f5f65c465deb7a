"""The ground's own tables: rate-limit counters (ratelimit.py), the runs of periodic jobs
(scheduling.py) and the heartbeats of long-running processes (health.py)."""

from django.db import models


class RateCounter(models.Model):
    # "<scope>:<keyed hash>" — never the address or e-mail counted (see ratelimit.bucket_for).
    bucket = models.CharField("compteur", max_length=150, unique=True)
    window_start = models.DateTimeField("début de la période")
    hits = models.PositiveIntegerField("demandes", default=0)
    # Serves the purge of finished windows.
    expires_at = models.DateTimeField("expire le", db_index=True)

    class Meta:
        verbose_name = "compteur de limite de demandes"
        verbose_name_plural = "compteurs de limite de demandes"

    def __str__(self) -> str:
        return f"{self.bucket} : {self.hits}"


class JobStatus(models.TextChoices):
    QUEUED = "queued", "en file d’attente"
    RUNNING = "running", "en cours"
    SUCCEEDED = "succeeded", "réussie"
    FAILED = "failed", "en échec"


class JobRun(models.Model):
    """One period of a periodic job (core/scheduling.py): unique, so that it runs once."""

    job = models.CharField("tâche", max_length=100)
    period_start = models.DateTimeField("début de la période")
    enqueued_at = models.DateTimeField("mise en file le", auto_now_add=True)
    task_result_id = models.CharField("identifiant de la tâche", max_length=64, blank=True)
    status = models.CharField(
        "état", max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    finished_at = models.DateTimeField("terminée le", null=True, blank=True)
    # The exception's class only: its message could quote what the task was working on.
    error = models.CharField("erreur", max_length=200, blank=True)

    class Meta:
        verbose_name = "passage d’une tâche planifiée"
        verbose_name_plural = "passages des tâches planifiées"
        constraints = [
            models.UniqueConstraint(fields=["job", "period_start"], name="one_run_per_period")
        ]
        ordering = ["-period_start"]

    def __str__(self) -> str:
        return f"{self.job} ({self.period_start:%Y-%m-%d %H:%M})"


class Heartbeat(models.Model):
    """The last pass of a long-running process (the scheduler), read by the health page."""

    process = models.CharField("processus", max_length=30, unique=True)
    beat_at = models.DateTimeField("dernier signe de vie")

    class Meta:
        verbose_name = "signe de vie d’un processus"
        verbose_name_plural = "signes de vie des processus"

    def __str__(self) -> str:
        return f"{self.process} ({self.beat_at:%Y-%m-%d %H:%M:%S})"


class DemoRow(models.Model):
    """A row the demonstration created (core/demo.py): the registry that tells fictitious data
    from real data without a column in the apps' tables."""

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, verbose_name="type de ligne"
    )
    object_id = models.BigIntegerField("identifiant de la ligne")
    loaded_on = models.DateField("chargée le")
    # Removed and created again when the demo is loaded on a later day (upcoming activities,
    # this year's memberships…), so that its dates follow the day of loading.
    renewed = models.BooleanField("recréée chaque jour de chargement", default=False)

    class Meta:
        verbose_name = "ligne de démonstration"
        verbose_name_plural = "lignes de démonstration"
        # Also the index of « is there any demo row of this kind? » (its first column).
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="one_demo_row")
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id}"
