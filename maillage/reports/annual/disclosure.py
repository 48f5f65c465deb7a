"""No count under 5 shown where it could identify a project holder.

The support of project holders is reported in aggregates only, and a count from 1 to 4 is
replaced by « moins de 5 ». When a single cell of a breakdown is hidden, the next smallest one
is hidden too, so that no hidden count can be found back from the total minus the others.
"""

from __future__ import annotations

from maillage.plan.indicators import Number

THRESHOLD = 5
HIDDEN = "moins de 5"
RULE = (
    "Accompagnement des porteurs de projet : pour qu’aucune personne ne puisse être reconnue, "
    "tout effectif de 1 à 4 est remplacé par « moins de 5 » ; quand une seule valeur d’une "
    "répartition est ainsi masquée, la plus petite des autres l’est aussi."
)

Shown = Number | str


def is_small(value: Number) -> bool:
    return 0 < value < THRESHOLD


def shown(value: Number) -> Shown:
    return HIDDEN if is_small(value) else value


def shown_breakdown(values: list[Number]) -> list[Shown]:
    """The values of one breakdown, small ones hidden, and one more if a single one is."""
    hidden = {index for index, value in enumerate(values) if is_small(value)}
    if len(hidden) == 1:
        others = [
            (value, index) for index, value in enumerate(values) if value and index not in hidden
        ]
        if others:
            hidden.add(min(others)[1])
    return [HIDDEN if index in hidden else value for index, value in enumerate(values)]
