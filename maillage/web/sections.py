"""Sections of the platform announced in the navigation but not built yet.

One generic placeholder page reads this table; a later issue replaces an entry by a real view.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class UpcomingSection:
    title: str
    summary: str
    promises: tuple[str, ...]


UPCOMING_SECTIONS = {
    "directory": UpcomingSection(
        title="Annuaire",
        summary=(
            "L’annuaire présentera les structures de l’économie sociale et solidaire du "
            "territoire : associations, coopératives, mutuelles, fondations et entreprises "
            "solidaires."
        ),
        promises=(
            "chercher une structure par nom, commune, secteur d’activité ou famille de l’ESS ;",
            "consulter sa fiche : activité, coordonnées, lieu ;",
            "pour les adhérents, tenir à jour la page de leur structure ;",
            "réutiliser la liste en données ouvertes.",
        ),
    ),
    "map": UpcomingSection(
        title="Carte",
        summary=(
            "La carte situera les structures de l’économie sociale et solidaire dans les "
            "communes du territoire."
        ),
        promises=(
            "voir les structures proches de chez vous, commune par commune ;",
            "filtrer par secteur d’activité ou famille de l’ESS ;",
            "ouvrir la fiche d’une structure depuis la carte.",
        ),
    ),
    "observatory": UpcomingSection(
        title="Observatoire",
        summary=(
            "L’observatoire donnera les chiffres clés de l’économie sociale et solidaire du "
            "territoire, calculés à partir des données publiques des établissements."
        ),
        promises=(
            "le nombre d’établissements employeurs et d’emplois de l’ESS ;",
            "leur part dans l’emploi salarié du territoire ;",
            "la répartition entre associations, coopératives, mutuelles et fondations ;",
            "la source et la date de chaque chiffre.",
        ),
    ),
    "agenda": UpcomingSection(
        title="Agenda",
        summary=(
            "L’agenda annoncera les événements, formations et temps d’échange organisés par le "
            "pôle et ses adhérents."
        ),
        promises=(
            "voir les prochains rendez-vous sur le territoire ;",
            "s’inscrire en ligne à un événement ou à une formation ;",
            "ajouter l’agenda à votre calendrier.",
        ),
    ),
}
