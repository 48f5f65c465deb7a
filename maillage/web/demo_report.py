"""What each step of `load_demo` created, by kind of object, in French: « Groupes de travail :
8 groupes, 20 réunions et 6 documents. » Counted before and after the step, so a step's own
return value (a sum of unlike things) never stands for them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model

from maillage.core.french import plural, typography


@dataclass(frozen=True)
class Kind:
    singular: str
    plural: str
    model: type[Model]


@dataclass(frozen=True)
class Step:
    label: str
    create: Callable[[], object]
    kinds: tuple[Kind, ...]


def _counts(kinds: tuple[Kind, ...]) -> list[int]:
    return [kind.model._default_manager.count() for kind in kinds]


def enumeration(parts: list[str]) -> str:
    """« a », « a et b », « a, b et c »."""
    if len(parts) < 2:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} et {parts[-1]}"


def run(step: Step) -> str:
    """Run the step; return its line of the report."""
    before = _counts(step.kinds)
    step.create()
    created = [after - was for after, was in zip(_counts(step.kinds), before, strict=True)]
    parts = [
        plural(amount, kind.singular, kind.plural)
        for amount, kind in zip(created, step.kinds, strict=True)
        if amount
    ]
    return typography(f"{step.label} : {enumeration(parts) or 'rien de nouveau'}.")
