"""The observatory keeps no personal data; its runs and prepared vintages name the staff account
that asked."""

from maillage.privacy.registry import declare_exempt


def declare_personal_data() -> None:
    declare_exempt(
        "observatory.SnapshotRun",
        "Le compte de l’équipe qui a lancé un calcul : trace du travail du pôle ; effacer le "
        "compte le rend anonyme.",
    )
    declare_exempt(
        "observatory.PreparedVintage",
        "Le compte de l’équipe qui a demandé la préparation d’un millésime : trace du travail du "
        "pôle ; effacer le compte le rend anonyme.",
    )
