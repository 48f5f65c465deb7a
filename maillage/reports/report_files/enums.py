from django.db import models


class GenerationStatus(models.TextChoices):
    QUEUED = "queued", "En attente"
    RUNNING = "running", "En préparation"
    DONE = "done", "Prêts"
    FAILED = "failed", "Échec"


class FileFormat(models.TextChoices):
    """Each file of a frozen version, in the order they are written; the value is the model's
    field and the URL's last part."""

    PDF = "pdf", "PDF accessible"
    ODT = "odt", "Texte modifiable (ODT, LibreOffice)"
    DOCX = "docx", "Texte modifiable (DOCX, Word)"
    ANNEXES = "annexes", "Tableaux en CSV (archive ZIP)"

    @property
    def extension(self) -> str:
        return "zip" if self is FileFormat.ANNEXES else self.value

    @property
    def content_type(self) -> str:
        return {
            FileFormat.PDF: "application/pdf",
            FileFormat.ODT: "application/vnd.oasis.opendocument.text",
            FileFormat.DOCX: (
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            ),
            FileFormat.ANNEXES: "application/zip",
        }[self]
