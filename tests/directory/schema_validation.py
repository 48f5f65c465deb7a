"""A small JSON Schema checker: the subset of draft 7 / 2020-12 the copied schemas use.

`jsonschema` is not a dependency of the project; this reads the official schema files anyway,
so the exports are checked against them rather than against a rewritten copy of their rules.
Supported: type, enum, const, required, properties, items, minItems, uniqueItems, minLength,
maxLength, pattern, format (date, uri, email), anyOf, oneOf, $ref to local $defs.
"""

import datetime
import json
import re
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
_TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "null": type(None),
}


def load(name: str) -> dict[str, Any]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _is_type(value: Any, name: str) -> bool:
    if name in ("number", "integer"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        return name == "number" or float(value).is_integer()
    return isinstance(value, _TYPES[name])


def _format_ok(value: str, name: str) -> bool:
    if name == "date":
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            return False
        return len(value) == 10
    if name == "uri":
        return re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]+$", value) is not None
    if name == "email":
        return re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", value) is not None
    return True


def errors(value: Any, schema: dict[str, Any], root: dict[str, Any], path: str = "$") -> list:
    """Every violation of `schema` by `value`, as 'path: reason' strings."""
    found: list[str] = []
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        return errors(value, root["$defs"][name], root, path)
    types = schema.get("type")
    if types is not None:
        names = types if isinstance(types, list) else [types]
        if not any(_is_type(value, name) for name in names):
            return [f"{path}: {value!r} is not of type {types}"]
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{path}: {value!r} not in enum")
    if "const" in schema and value != schema["const"]:
        found.append(f"{path}: {value!r} is not {schema['const']!r}")
    for key in ("anyOf", "oneOf"):
        if key in schema:
            passing = [s for s in schema[key] if not errors(value, s, root, path)]
            if (key == "anyOf" and not passing) or (key == "oneOf" and len(passing) != 1):
                found.append(f"{path}: {len(passing)} branches of {key} match")
    if isinstance(value, dict):
        found += [
            f"{path}: {name} is required"
            for name in schema.get("required", ())
            if name not in value
        ]
        for name, sub in schema.get("properties", {}).items():
            if name in value:
                found += errors(value[name], sub, root, f"{path}.{name}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            found.append(f"{path}: fewer than {schema['minItems']} items")
        if schema.get("uniqueItems") and len({json.dumps(v) for v in value}) != len(value):
            found.append(f"{path}: items are not unique")
        if "items" in schema:
            for index, item in enumerate(value):
                found += errors(item, schema["items"], root, f"{path}[{index}]")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            found.append(f"{path}: shorter than {schema['minLength']}")
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            found.append(f"{path}: longer than {schema['maxLength']}")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            found.append(f"{path}: does not match {schema['pattern']}")
        if "format" in schema and not _format_ok(value, schema["format"]):
            found.append(f"{path}: not a valid {schema['format']}")
    return found


def validate(value: Any, schema_file: str) -> list[str]:
    schema = load(schema_file)
    return errors(value, schema, schema)
