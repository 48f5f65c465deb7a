from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from maillage.backups.errors import RestoreRefused
from maillage.backups.restore import restore_backup
from maillage.core.french import plural


class Command(BaseCommand):
    help = (
        "Restaure une sauvegarde (base et fichiers) à la place des données actuelles, puis refait "
        "les effacements de personnes faits depuis. Arrêter le site, le worker et le "
        "planificateur avant."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument("--oui", action="store_true", help="ne pas demander de confirmation")

    def handle(self, *args, archive, oui=False, **options):
        if (
            not oui
            and input(
                "Les données actuelles seront remplacées par celles de la sauvegarde. Continuer ? "
                "(oui/non) "
            )
            .strip()
            .lower()
            != "oui"
        ):
            raise CommandError("Restauration annulée : rien n’a changé.")
        try:
            restored = restore_backup(archive)
        except RestoreRefused as refusal:
            raise CommandError(str(refusal)) from None
        manifest = restored.manifest
        self.stdout.write(
            f"Sauvegarde du {manifest.created_at[:16].replace('T', ' à ')} restaurée."
        )
        if restored.differing_tables:
            self.stdout.write(
                "Attention : tables différentes de la sauvegarde : "
                + ", ".join(restored.differing_tables)
            )
        if restored.migrated:
            self.stdout.write("La base a été mise à jour vers cette version de maillage.")
        count = restored.erasures_replayed
        self.stdout.write(
            f"{plural(count, 'effacement refait', 'effacements refaits')} "
            "depuis le journal des effacements."
        )
