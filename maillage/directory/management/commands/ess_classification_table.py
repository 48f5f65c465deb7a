"""Print the ESS classification rule as a Markdown table, one row per INSEE legal category."""

from django.core.management.base import BaseCommand

from maillage.directory.classification import EXCLUDED_NAF, decision_table
from maillage.directory.nomenclatures import legal_categories


def markdown_table() -> str:
    lines = [
        "| Code | Catégorie juridique | Décision | Motif |",
        "|---|---|---|---|",
    ]
    categories = ((code, c.label) for code, c in sorted(legal_categories().items()))
    for row in decision_table(categories):
        lines.append(f"| {row.code} | {row.label} | {row.outcome} | {row.reason} |")
    return "\n".join(lines)


def excluded_activities() -> str:
    lines = ["- Section O (division 84), administration publique"]
    lines += [f"- {code}, {label}" for code, label in sorted(EXCLUDED_NAF.items())]
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Affiche la table des décisions du classement ESS (Markdown)."

    def handle(self, *args, **options):
        self.stdout.write("## Activités exclues (NAF rév. 2)\n\n" + excluded_activities())
        self.stdout.write("\n## Décision par catégorie juridique\n\n" + markdown_table())
