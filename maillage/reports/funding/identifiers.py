"""SIRET and RNA numbers checked as the SCDL « subventions » schema requires, which its usual
validators skip: the SIRET's key (Luhn), with La Poste's exception, and the RNA's shape."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

# La Poste's establishments share one SIREN and far more sites than a Luhn key can tell apart:
# INSEE checks theirs by the sum of their digits, a multiple of 5.
LA_POSTE_SIREN = "356000000"
RNA_PATTERN = re.compile(r"W\d{9}")


def luhn_valid(digits: str) -> bool:
    """Whether `digits` pass the Luhn test (every second digit from the right doubled)."""
    total = 0
    for position, digit in enumerate(reversed(digits)):
        value = int(digit) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def siret_problem(value: str) -> str | None:
    """Why `value` is not a SIRET, in French; None when it is one."""
    if not re.fullmatch(r"\d{14}", value):
        return f"« {value} » n’est pas un SIRET : il faut 14 chiffres, sans espace."
    if value.startswith(LA_POSTE_SIREN) and sum(int(d) for d in value) % 5 == 0:
        return None
    if not luhn_valid(value):
        return f"« {value} » n’est pas un SIRET valide : sa clé de contrôle est fausse."
    return None


def rna_problem(value: str) -> str | None:
    """Why `value` is not an RNA number (W and 9 digits), in French; None when it is one."""
    if not RNA_PATTERN.fullmatch(value):
        return f"« {value} » n’est pas un numéro RNA : il commence par W, suivi de 9 chiffres."
    return None


def validate_siret(value: str) -> None:
    if value and (problem := siret_problem(value)):
        raise ValidationError(problem, code="siret")


def validate_rna(value: str) -> None:
    if value and (problem := rna_problem(value)):
        raise ValidationError(problem, code="rna")
