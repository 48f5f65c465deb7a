"""Import SIRENE stock files (CSV, CSV.gz or Parquet) for the hub's territory."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from maillage.directory.sources.commands import print_report, reported, territory_from
from maillage.directory.sources.sirene import SireneImporter


class Command(BaseCommand):
    help = (
        "Importe les établissements et unités légales SIRENE du territoire (stock national ou "
        "départemental géolocalisé, CSV ou Parquet)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--etablissements", type=Path, help="StockEtablissement")
        parser.add_argument("--unites", type=Path, help="StockUniteLegale")
        parser.add_argument(
            "--geolocalisation",
            type=Path,
            help="GeolocalisationEtablissement_Sirene_pour_etudes_statistiques (INSEE)",
        )
        parser.add_argument(
            "--territory", help="identifiant du territoire (défaut : celui du pôle)"
        )

    def handle(self, *args, **options):
        if not options["etablissements"] and not options["unites"]:
            raise CommandError(
                "Donnez le fichier des établissements (--etablissements), celui des unités "
                "légales (--unites) ou les deux."
            )
        importer = SireneImporter(territory_from(options["territory"]))
        with reported():
            result = importer.run(
                options["etablissements"], options["unites"], options["geolocalisation"]
            )
        if result.units is not None:
            print_report(result.units, self.stdout)
        if result.establishments is not None:
            print_report(result.establishments, self.stdout)
