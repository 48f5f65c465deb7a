from pathlib import Path

from django.core.management.base import BaseCommand

from maillage.backups.archive import write_backup
from maillage.core.french import count


class Command(BaseCommand):
    help = "Sauvegarde la base de données et les fichiers déposés dans une archive (BACKUP_DIR)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dossier", type=Path, help="dossier de l’archive (défaut : BACKUP_DIR)"
        )

    def handle(self, *args, dossier=None, **options):
        archive = write_backup(dossier)
        size = count(archive.stat().st_size // 1024)
        self.stdout.write(f"Sauvegarde écrite : {archive} ({size} Kio).")
