"""The observatory keeps no personal data; its runs name the staff account that asked."""

from maillage.privacy.registry import declare_exempt


def declare_personal_data() -> None:
    declare_exempt(
        "observatory.SnapshotRun",
        "Le compte de l’équipe qui a lancé un calcul : trace du travail du pôle ; effacer le "
        "compte le rend anonyme.",
    )
