"""The site's main navigation: the sections every page links to, in the issue's French URLs."""

from dataclasses import dataclass


@dataclass(frozen=True)
class NavItem:
    label: str
    path: str
    current: bool = False


# Paths rather than URL names: later issues replace the placeholder views behind these URLs,
# and the URLs themselves are the promise made to visitors.
MAIN_SECTIONS = (
    ("Annuaire", "/annuaire/"),
    ("Carte", "/carte/"),
    ("Observatoire", "/observatoire/"),
    ("Agenda", "/agenda/"),
    ("Accompagnement", "/accompagnement/"),
    ("Projet", "/projet/"),
    ("Espace membre", "/espace-membre/"),
)


def main_navigation(request_path: str) -> list[NavItem]:
    """The main sections, the one holding `request_path` marked as current."""
    return [
        NavItem(label, path, current=request_path.startswith(path)) for label, path in MAIN_SECTIONS
    ]


# The back office: the same bar on every page for the hub's staff, in the order of their day.
STAFF_SECTIONS = (
    ("Aujourd’hui", "/equipe/"),
    ("Agenda", "/agenda/equipe/"),
    ("Contacts", "/contacts/"),
    ("Adhésions", "/adhesions/"),
    ("Dossiers", "/accompagnement/dossiers/"),
    ("Services", "/accompagnement/validation/"),
    ("Décisions", "/decisions/"),
    ("Groupes", "/groupes/"),
    ("Imports", "/annuaire/imports/"),
    ("Tâches planifiées", "/taches-planifiees/"),
)


def staff_navigation(user, request_path: str) -> list[NavItem]:
    """The staff's sections for the hub's staff and administrators; nothing for anyone else."""
    if not (user is not None and user.is_authenticated and user.is_hub_staff):
        return []
    return [
        NavItem(label, path, current=request_path.startswith(path))
        for label, path in STAFF_SECTIONS
    ]
