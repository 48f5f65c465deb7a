"""The shapes a GoGoCarto map is exported in, recognised from the content, brought to one.

- **GoGoCarto's own export** (`/api/elements.json`, ontology « gogofull »): `id`, `name`,
  `geo{latitude,longitude}`, `address{streetAddress,addressLocality,postalCode,addressCountry}`,
  `categories` (names) or `categoriesFull`/`taxonomy` (ids, named by the taxonomy file).
- **Transiscope's light export** (the federation of French alternative maps, GoGoCarto based):
  `id`, `title`, `location{lat,lon}`, `address{street,city,postalCode,country}`, `categories` as
  objects `{id, name, parent}`, `summary`, `commitment`, `url` (the fiche on the source map),
  optional `website`, `email`, `telephone`, `description`.

Both become the first shape, plus `summary`, `commitment`, `sourceUrl` and a category tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from maillage.directory.sources.errors import ImportRefused

NATIVE = "gogocarto"
TRANSISCOPE = "transiscope"


@dataclass
class CategoryTree:
    """Category id → name, and name → parent name, over a whole file (a parent is often
    named only by its id, found among the other elements' categories)."""

    names: dict[str, str] = field(default_factory=dict)
    parents: dict[str, str] = field(default_factory=dict)  # child name → parent id or name

    def merge(self, other: CategoryTree) -> None:
        self.names |= other.names
        for name, parent in other.parents.items():
            self.parents.setdefault(name, parent)

    def parent_of(self, name: str) -> str | None:
        parent = self.parents.get(name)
        if parent is None:
            return None
        return self.names.get(parent, None if parent.isdigit() else parent)

    def read(self, categories: Any) -> None:
        for category in categories if isinstance(categories, list) else []:
            if not isinstance(category, dict) or not category.get("name"):
                continue
            name = str(category["name"]).strip()
            if category.get("id") not in (None, ""):
                self.names[str(category["id"])] = name
            parent = category.get("parent")
            if isinstance(parent, dict):
                self.read([parent])
                parent = parent.get("id") or parent.get("name")
            if parent not in (None, "", 0):
                self.parents[name] = str(parent)


def elements_of(document: Any) -> Any:
    """The list of elements: bare, or under `data` (GoGoCarto) or `elements`."""
    if isinstance(document, dict):
        for key in ("data", "elements"):
            if key in document:
                return document[key]
    return document


def detect(elements: list[Any], name: str) -> str:
    """NATIVE or TRANSISCOPE, by what most elements carry; refuse naming what is missing."""
    if elements and all(isinstance(e, list) for e in elements):
        raise ImportRefused(
            f"« {name} » est un export GoGoCarto compact (ontology=gogocompact) : exportez-le au "
            "format complet (ontology=gogofull)."
        )
    if not all(isinstance(e, dict) for e in elements):
        raise ImportRefused(
            f"« {name} » n’est pas un export GoGoCarto ou Transiscope : une liste d’éléments "
            "(objets JSON) attendue, seule ou sous « data »."
        )
    with_id = [e for e in elements if e.get("id") not in (None, "")]
    native = sum(1 for e in with_id if "name" in e)
    light = sum(1 for e in with_id if "title" in e)
    if not native and not light:
        missing = "d’identifiant « id »" if not with_id else "de nom"
        raise ImportRefused(
            f"« {name} » n’est ni un export GoGoCarto ni un export Transiscope : ses éléments "
            f"n’ont pas {missing} (« id » et « name » pour GoGoCarto, « id » et « title » pour "
            "Transiscope)."
        )
    return TRANSISCOPE if light > native else NATIVE


def tree_of(elements: list[dict[str, Any]]) -> CategoryTree:
    tree = CategoryTree()
    for element in elements:
        tree.read(element.get("categories"))
        tree.read(element.get("categoriesFull"))
    return tree


def nested(element: dict[str, Any], key: str) -> dict[str, Any]:
    """An element's sub-object (its address, its position), or {} where the export has none."""
    value = element.get(key)
    return value if isinstance(value, dict) else {}


def from_transiscope(element: dict[str, Any]) -> dict[str, Any]:
    """A Transiscope element in GoGoCarto's own shape (unknown keys are left as they are)."""
    location = nested(element, "location")
    address = nested(element, "address")
    categories = element.get("categories")
    native = {
        **element,
        "name": element.get("title"),
        "geo": {"latitude": location.get("lat"), "longitude": location.get("lon")},
        "address": {
            "streetAddress": address.get("street"),
            "addressLocality": address.get("city"),
            "postalCode": address.get("postalCode"),
            "addressCountry": address.get("country"),
        },
        "sourceUrl": element.get("url"),
    }
    if isinstance(categories, list):
        native["categories"] = [
            c.get("name") if isinstance(c, dict) else c for c in categories if c
        ]
    return native


def category_names(element: dict[str, Any]) -> list[str] | None:
    """The names of the element's categories when it carries them itself, else None."""
    named = element.get("categories")
    if not isinstance(named, list):
        named = element.get("categoriesFull")
    if not isinstance(named, list):
        return None
    names = [n.get("name") if isinstance(n, dict) else n for n in named]
    texts = [n for n in names if isinstance(n, str)]
    if len(texts) != len(names):
        return None
    return [n for n in texts if n.strip()]
