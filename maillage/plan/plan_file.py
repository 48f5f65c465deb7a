"""Read and check a hub's `plan.yaml` into plain data, before anything touches the database.

Every problem is reported as a PlanFileError whose French message names the faulty entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug

from maillage.plan.enums import PublicCategory, Scope


class PlanFileError(ValueError):
    """The plan file cannot be read or does not describe a valid plan."""


@dataclass(frozen=True)
class ValueFamilyData:
    slug: str
    title: str
    items: list[str]


@dataclass(frozen=True)
class PublicData:
    slug: str
    name: str
    category: str


@dataclass(frozen=True)
class EntryData:
    public: str
    wording: str


@dataclass(frozen=True)
class GroupData:
    label: str
    scope: str
    scope_label: str
    entries: list[EntryData]


@dataclass(frozen=True)
class ActionData:
    code: str
    title: str
    children: list[ActionData] = field(default_factory=list)


@dataclass(frozen=True)
class OperationalData:
    code: str
    title: str
    actions: list[ActionData]


@dataclass(frozen=True)
class StrategicData:
    code: str
    title: str
    short_title: str
    operational: list[OperationalData]
    groups: list[GroupData]

    def walk_actions(self) -> Iterator[tuple[OperationalData, ActionData | None, ActionData]]:
        """(operational objective, parent action or None, action), parents before children."""

        def walk(operational, parent, actions):
            for action in actions:
                yield operational, parent, action
                yield from walk(operational, action, action.children)

        for operational in self.operational:
            yield from walk(operational, None, operational.actions)


@dataclass(frozen=True)
class SectionData:
    slug: str
    title: str
    body: str


@dataclass(frozen=True)
class PlanData:
    values_intro: str
    families: list[ValueFamilyData]
    vision: str
    purpose: str
    publics: list[PublicData]
    objectives: list[StrategicData]
    identity: list[SectionData]

    def all_actions(self) -> list[tuple[OperationalData, ActionData | None, ActionData]]:
        return [found for objective in self.objectives for found in objective.walk_actions()]


# Low-level readers: each names `where` the value sits when it is wrong.


def _mapping(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise PlanFileError(f"{where} : une liste de champs « clé: valeur » est attendue.")
    return value


def _list(data: dict, key: str, where: str, required: bool = True) -> list:
    value = data.get(key)
    if value is None and not required:
        return []
    if not isinstance(value, list):
        raise PlanFileError(f"{where} : le champ « {key} » doit être une liste.")
    return value


def _text(data: dict, key: str, where: str, required: bool = True) -> str:
    value = data.get(key)
    if value is None and not required:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or (required and not value.strip()):
        raise PlanFileError(f"{where} : le champ « {key} » est manquant ou vide.")
    return value.strip()


def _slug(data: dict, where: str) -> str:
    slug = _text(data, "slug", where)
    try:
        validate_slug(slug)
    except ValidationError:
        raise PlanFileError(
            f"{where} : l’identifiant « {slug} » ne doit contenir que des lettres sans accent, "
            "des chiffres et des tirets."
        ) from None
    return slug


def _choice(data: dict, key: str, choices: type, where: str) -> str:
    value = _text(data, key, where)
    if value not in choices.values:
        allowed = ", ".join(choices.values)
        raise PlanFileError(f"{where} : « {value} » n’est pas permis pour « {key} » ({allowed}).")
    return value


def _code(data: dict, pattern: str, example: str, where: str) -> str:
    code = _text(data, "code", where)
    if not re.fullmatch(pattern, code):
        raise PlanFileError(f"{where} : le code « {code} » est mal formé (attendu : {example}).")
    return code


# The plan's parts


def _families(data: dict) -> tuple[str, list[ValueFamilyData]]:
    values = _mapping(data.get("values"), "valeurs")
    families = []
    for index, raw in enumerate(_list(values, "families", "valeurs"), start=1):
        where = f"famille de valeurs n° {index}"
        raw = _mapping(raw, where)
        items = _list(raw, "items", where)
        for position, item in enumerate(items, start=1):
            if not isinstance(item, str) or not item.strip():
                raise PlanFileError(f"{where}, valeur n° {position} : un texte est attendu.")
        families.append(
            ValueFamilyData(
                slug=_slug(raw, where),
                title=_text(raw, "title", where),
                items=[item.strip() for item in items],
            )
        )
    return _text(values, "intro", "valeurs", required=False), families


def _publics(data: dict) -> list[PublicData]:
    publics = []
    for index, raw in enumerate(_list(data, "publics", "publics"), start=1):
        where = f"public n° {index}"
        raw = _mapping(raw, where)
        slug = _slug(raw, where)
        where = f"public « {slug} »"
        publics.append(
            PublicData(
                slug=slug,
                name=_text(raw, "name", where),
                category=_choice(raw, "category", PublicCategory, where),
            )
        )
    return publics


def _entry(raw: Any, where: str) -> EntryData:
    if isinstance(raw, str):
        return EntryData(public=raw.strip(), wording="")
    raw = _mapping(raw, where)
    return EntryData(
        public=_text(raw, "public", where), wording=_text(raw, "wording", where, False)
    )


def _groups(raw: dict, where: str) -> list[GroupData]:
    groups = []
    for index, group in enumerate(_list(raw, "publics", where, required=False), start=1):
        group_where = f"{where}, groupe de publics n° {index}"
        group = _mapping(group, group_where)
        groups.append(
            GroupData(
                label=_text(group, "label", group_where, required=False),
                scope=_choice(group, "scope", Scope, group_where),
                scope_label=_text(group, "scope_label", group_where),
                entries=[
                    _entry(entry, f"{group_where}, public n° {position}")
                    for position, entry in enumerate(_list(group, "publics", group_where), 1)
                ],
            )
        )
    return groups


def _actions(raw: dict, parent_code: str, where: str) -> list[ActionData]:
    actions = []
    for index, action in enumerate(_list(raw, "actions", where, required=False), start=1):
        action = _mapping(action, f"{where}, action n° {index}")
        code = _code(
            action,
            re.escape(parent_code) + r"\.\d+",
            f"{parent_code}.1, {parent_code}.2…",
            f"{where}, action n° {index}",
        )
        action_where = f"action {code}"
        actions.append(
            ActionData(
                code=code,
                title=_text(action, "title", action_where),
                children=_actions(action, code, action_where),
            )
        )
    return actions


def _objectives(data: dict) -> list[StrategicData]:
    objectives = []
    for index, raw in enumerate(_list(data, "objectives", "objectifs"), start=1):
        raw = _mapping(raw, f"objectif stratégique n° {index}")
        code = _code(raw, r"\d+", "1, 2, 3…", f"objectif stratégique n° {index}")
        where = f"objectif {code}"
        operational = []
        for position, item in enumerate(_list(raw, "operational", where), start=1):
            item = _mapping(item, f"{where}, objectif opérationnel n° {position}")
            op_code = _code(
                item, re.escape(code) + "[a-z]", f"{code}a, {code}b…", f"{where}, n° {position}"
            )
            op_where = f"objectif {op_code}"
            operational.append(
                OperationalData(
                    code=op_code,
                    title=_text(item, "title", op_where),
                    actions=_actions(item, op_code, op_where),
                )
            )
        objectives.append(
            StrategicData(
                code=code,
                title=_text(raw, "title", where),
                short_title=_text(raw, "short_title", where, required=False),
                operational=operational,
                groups=_groups(raw, where),
            )
        )
    return objectives


def _identity(data: dict) -> list[SectionData]:
    sections = []
    for index, raw in enumerate(_list(data, "identity", "présentation", required=False), 1):
        where = f"section de présentation n° {index}"
        raw = _mapping(raw, where)
        sections.append(
            SectionData(
                slug=_slug(raw, where),
                title=_text(raw, "title", where),
                body=_text(raw, "body", where),
            )
        )
    return sections


def _check_unique(values: list[str], what: str) -> None:
    seen = set()
    for value in values:
        if value in seen:
            raise PlanFileError(f"{what} « {value} » apparaît deux fois.")
        seen.add(value)


def _check_references(plan: PlanData) -> None:
    _check_unique([family.slug for family in plan.families], "la famille de valeurs")
    _check_unique([public.slug for public in plan.publics], "le public")
    _check_unique([section.slug for section in plan.identity], "la section de présentation")
    codes = [objective.code for objective in plan.objectives]
    codes += [op.code for objective in plan.objectives for op in objective.operational]
    codes += [action.code for _, _, action in plan.all_actions()]
    _check_unique(codes, "le code")
    known = {public.slug for public in plan.publics}
    for objective in plan.objectives:
        for group in objective.groups:
            for entry in group.entries:
                if entry.public not in known:
                    raise PlanFileError(
                        f"objectif {objective.code} : le public « {entry.public} » n’est pas "
                        "déclaré dans la liste « publics »."
                    )


def parse_plan(text: str) -> PlanData:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise PlanFileError(f"le fichier n’est pas un YAML valide ({error}).") from error
    data = _mapping(data, "fichier")
    intro, families = _families(data)
    plan = PlanData(
        values_intro=intro,
        families=families,
        vision=_text(data, "vision", "vision"),
        purpose=_text(data, "purpose", "but"),
        publics=_publics(data),
        objectives=_objectives(data),
        identity=_identity(data),
    )
    _check_references(plan)
    return plan


def read_plan(path: Path) -> PlanData:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PlanFileError(f"Fichier du projet {path} illisible : {error}") from error
    try:
        return parse_plan(text)
    except PlanFileError as error:
        raise PlanFileError(f"Fichier du projet {path}, {error}") from None
