"""The site's main navigation: the sections every page links to."""

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    path: str
    current: bool = False


# Each section by its URL name; a page is in the section whose path starts its own.
MAIN_SECTIONS = (
    ("Annuaire", "directory:list"),
    ("Carte", "directory:map"),
    ("Observatoire", "observatory:overview"),
    ("Agenda", "activities:agenda"),
    ("Accompagnement", "services:orientation"),
    ("Besoins", "needs:list"),
    ("Projet", "plan:project"),
    ("Espace membre", "space:home"),
)


def _items(sections, request_path: str) -> list[NavItem]:
    paths = [(label, reverse(name)) for label, name in sections]
    return [NavItem(label, path, current=request_path.startswith(path)) for label, path in paths]


def main_navigation(request_path: str) -> list[NavItem]:
    """The main sections, the one holding `request_path` marked as current."""
    return _items(MAIN_SECTIONS, request_path)


# The back office: the same bar on every page for the hub's staff, in the order of their day.
STAFF_SECTIONS = (
    ("Aujourd’hui", "web:staff_home"),
    ("Agenda", "activities:staff_list"),
    ("Contacts", "people:book"),
    ("Adhésions", "memberships:list"),
    ("Dossiers", "journeys:case_list"),
    ("Besoins", "needs:queue"),
    ("Services", "services:validation"),
    ("Décisions", "decisions:list"),
    ("Groupes", "working_groups:list"),
    ("Financements", "funding:funders"),
    ("Mandats", "funding:mandates"),
    ("Imports", "directory:imports"),
    ("Tâches planifiées", "web:periodic_jobs"),
)


def staff_navigation(user, request_path: str) -> list[NavItem]:
    """The staff's sections for the hub's staff and administrators; nothing for anyone else."""
    if not (user is not None and user.is_authenticated and user.is_hub_staff):
        return []
    return _items(STAFF_SECTIONS, request_path)
