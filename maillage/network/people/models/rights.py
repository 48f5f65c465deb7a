"""Single-use links to a person's data export, and contact imports in progress."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from maillage.core.form_tokens import token_field
from maillage.network.people.enums import IMPORT_UNDER_WAY, ImportStatus


class ExportLink(models.Model):
    """A link to download one person's data once, by the user who asked for it, in the same
    session, before it expires. Only a hash of the token is stored."""

    token_hash = models.CharField("empreinte du jeton", max_length=64, unique=True)
    session_hash = models.CharField("empreinte de la session", max_length=64)
    person = models.ForeignKey(
        "people.Person",
        verbose_name="personne",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="demandé par", on_delete=models.CASCADE
    )
    created_at = models.DateTimeField("créé le", default=timezone.now)
    expires_at = models.DateTimeField("expire le")
    used_at = models.DateTimeField("utilisé le", null=True, blank=True)

    class Meta:
        verbose_name = "lien d’export de données"
        verbose_name_plural = "liens d’export de données"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Export demandé le {self.created_at:%d/%m/%Y %H:%M}"


class ContactImport(models.Model):
    """A sheet of contacts between its upload and its report.

    The task worker reads the uploaded file first (or refuses it, saying why). The rows wait
    here while staff map the columns, then while the task worker imports them (the import is
    the worker's job: queued once, run once); once imported they are dropped and only the
    report stays (with the rejected rows, so that nothing is lost).
    """

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="importé par",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField("déposé le", default=timezone.now)
    # The one-time token of the upload form: the same upload sent twice is one import.
    submission_token = token_field()
    filename = models.CharField("fichier", max_length=200)
    status = models.CharField(
        "état", max_length=20, choices=ImportStatus.choices, default=ImportStatus.PENDING
    )
    # The uploaded file, until the task worker reads it (never the web process: a small file
    # may unfold into gigabytes); emptied once read, whatever the outcome.
    sheet = models.BinaryField("fichier déposé", blank=True, editable=False)
    # JSON text (not a JSONField): the registry's matcher searches it for an e-mail address.
    rows = models.TextField("lignes en attente", blank=True)
    row_count = models.PositiveIntegerField("lignes du fichier", default=0)
    # What each column holds, as chosen by staff: one ImportField value per column.
    mapping = models.JSONField("association des colonnes", default=list, blank=True)
    rows_done = models.PositiveIntegerField("lignes traitées", default=0)
    # When the worker last recorded progress: an import still running with no progress for long
    # was interrupted (the worker was stopped) and staff may resume it.
    progressed_at = models.DateTimeField("dernière avancée", null=True, blank=True, editable=False)
    # The worker's task that imports it: one task per import, never two.
    task_id = models.CharField(
        "tâche", max_length=64, unique=True, null=True, blank=True, editable=False
    )
    queued_at = models.DateTimeField("lancé le", null=True, blank=True)
    finished_at = models.DateTimeField("terminé le", null=True, blank=True)
    message = models.TextField("message", blank=True)
    report = models.TextField("compte rendu", blank=True)

    class Meta:
        verbose_name = "import de contacts"
        verbose_name_plural = "imports de contacts"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.created_at:%d/%m/%Y})"

    @property
    def is_reading(self) -> bool:
        return self.status == ImportStatus.READING

    @property
    def is_under_way(self) -> bool:
        return self.status in IMPORT_UNDER_WAY

    @property
    def percent_done(self) -> int:
        return round(100 * self.rows_done / self.row_count) if self.row_count else 0
