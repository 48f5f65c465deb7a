"""A small validator of a Table Schema's field constraints (type, required, pattern, enum,
maxLength, minimum, maximum), enough for the SCDL « subventions » schema the grants export
follows; every refusal is a French sentence naming the column."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

SCDL_SUBVENTIONS = Path(__file__).parent / "data" / "scdl-subventions-2.1.1.json"


@cache
def load(path: Path = SCDL_SUBVENTIONS) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


def columns(schema: Mapping[str, Any]) -> list[str]:
    return [field["name"] for field in schema["fields"]]


def _type_problem(field: Mapping[str, Any], value: str) -> str | None:
    kind = field.get("type", "string")
    if kind == "date":
        try:
            date.fromisoformat(value)
        except ValueError:
            return "n’est pas une date AAAA-MM-JJ"
        return (
            None if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else "n’est pas une date AAAA-MM-JJ"
        )
    if kind == "number":
        try:
            Decimal(value)
        except InvalidOperation:
            return "n’est pas un nombre (séparateur décimal : le point)"
        return None if re.fullmatch(r"-?\d+(\.\d+)?", value) else "n’est pas un nombre"
    if kind == "boolean":
        allowed = field.get("trueValues", ["true"]) + field.get("falseValues", ["false"])
        return None if value in allowed else f"n’est pas l’une des valeurs {', '.join(allowed)}"
    return None


def _constraint_problem(constraints: Mapping[str, Any], value: str) -> str | None:
    if "pattern" in constraints and not re.fullmatch(constraints["pattern"], value):
        return "n’a pas la forme attendue"
    if "enum" in constraints and value not in constraints["enum"]:
        return "n’est pas une valeur permise"
    if "maxLength" in constraints and len(value) > constraints["maxLength"]:
        return f"dépasse {constraints['maxLength']} caractères"
    if "minimum" in constraints and Decimal(value) < Decimal(str(constraints["minimum"])):
        return f"est inférieur à {constraints['minimum']}"
    if "maximum" in constraints and Decimal(value) > Decimal(str(constraints["maximum"])):
        return f"est supérieur à {constraints['maximum']}"
    return None


def row_problems(schema: Mapping[str, Any], row: Mapping[str, str]) -> list[str]:
    """Why `row` (column -> text as written in the CSV) breaks the schema, in French."""
    problems = []
    if set(row) != set(columns(schema)):
        problems.append("Les colonnes ne sont pas exactement celles du schéma.")
    for field in schema["fields"]:
        value = row.get(field["name"], "")
        constraints = field.get("constraints") or {}
        if value == "":
            if constraints.get("required"):
                problems.append(f"La colonne {field['name']} est obligatoire.")
            continue
        problem = _type_problem(field, value) or _constraint_problem(constraints, value)
        if problem:
            problems.append(f"La colonne {field['name']} : « {value} » {problem}.")
    return problems
