"""What the fictitious organisations do: per ESS family, typical activities of the Pays de Redon
with their NAF code, SIRENE legal category, name stems and themes. Weights are relative."""

from __future__ import annotations

from dataclasses import dataclass

from maillage.directory.enums import EssFamily


@dataclass(frozen=True)
class Activity:
    naf_code: str
    weight: int
    stems: tuple[str, ...]  # the name's body, before "de <commune>"
    themes: tuple[str, ...]
    does: str  # "… propose …", for the description


THEMES = {
    "alimentation": "Alimentation",
    "culture": "Culture",
    "sport": "Sport et loisirs",
    "solidarite": "Solidarité",
    "insertion": "Emploi et insertion",
    "environnement": "Environnement",
    "mobilite": "Mobilité",
    "jeunesse": "Enfance et jeunesse",
    "sante": "Santé et soin",
    "habitat": "Habitat",
    "education": "Éducation et formation",
    "finance": "Finance solidaire",
    "agriculture": "Agriculture",
    "age": "Bien vieillir",
}

LEGAL_CATEGORIES: dict[str, tuple[str, ...]] = {
    EssFamily.ASSOCIATION: ("9220",),
    EssFamily.COOPERATIVE: ("5458", "5460", "5560", "6316", "6317"),
    EssFamily.MUTUELLE: ("8210",),
    EssFamily.FONDATION: ("9300",),
    EssFamily.COMMERCIAL: ("5710", "5499"),
}

PREFIXES = {
    EssFamily.ASSOCIATION: "Association fictive",
    EssFamily.COOPERATIVE: "Coopérative fictive",
    EssFamily.MUTUELLE: "Mutuelle fictive",
    EssFamily.FONDATION: "Fondation fictive",
    EssFamily.COMMERCIAL: "Entreprise solidaire fictive",
}

A = Activity
ACTIVITIES: dict[str, tuple[Activity, ...]] = {
    EssFamily.ASSOCIATION: (
        A(
            "88.99B",
            14,
            ("Entraide", "Épicerie solidaire", "Accueil de jour", "Le Lien"),
            ("solidarite", "alimentation"),
            "accompagne les habitants en difficulté",
        ),
        A(
            "94.99Z",
            22,
            (
                "Comité des fêtes",
                "Les Amis du patrimoine",
                "Maison des jeunes",
                "L’Atelier partagé",
                "Jardins partagés",
            ),
            ("culture", "environnement", "jeunesse"),
            "anime la vie locale",
        ),
        A(
            "93.12Z",
            14,
            ("Club de football", "Canoë-kayak", "Union cycliste", "Badminton club", "Basket club"),
            ("sport",),
            "fait pratiquer le sport à tous les âges",
        ),
        A(
            "90.01Z",
            7,
            ("Compagnie théâtrale", "Bagad", "Cercle celtique", "Chorale"),
            ("culture",),
            "crée et diffuse des spectacles",
        ),
        A(
            "85.59A",
            6,
            ("Atelier savoirs de base", "Formation et insertion", "Réseau d’échanges"),
            ("education", "insertion"),
            "forme les adultes et les accompagne vers l’emploi",
        ),
        A(
            "88.10A",
            8,
            ("Aide à domicile en milieu rural", "Services à la personne"),
            ("age", "solidarite"),
            "aide les personnes âgées et fragiles à domicile",
        ),
        A(
            "87.30A",
            3,
            ("Résidence d’accueil", "Maison de retraite associative"),
            ("age", "sante"),
            "accueille des personnes âgées",
        ),
        A(
            "88.91A",
            4,
            ("Crèche parentale", "Les P’tits Loups"),
            ("jeunesse",),
            "accueille les jeunes enfants",
        ),
        A("85.20Z", 6, ("École privée", "OGEC"), ("education", "jeunesse"), "gère une école"),
        A(
            "88.10C",
            2,
            ("Établissement d’aide par le travail", "Atelier protégé"),
            ("insertion", "sante"),
            "emploie et accompagne des travailleurs handicapés",
        ),
        A(
            "55.20Z",
            2,
            ("Centre d’accueil de groupes", "Gîte d’étape"),
            ("culture", "sport"),
            "héberge des groupes et des randonneurs",
        ),
        A(
            "93.29Z",
            5,
            ("Loisirs partagés", "Foyer rural"),
            ("sport", "culture"),
            "organise des loisirs",
        ),
        A(
            "49.39A",
            1,
            ("Transport solidaire", "Mobilité partagée"),
            ("mobilite", "solidarite"),
            "organise des trajets solidaires",
        ),
        A(
            "47.79Z",
            2,
            ("Ressourcerie", "Recyclerie"),
            ("environnement", "insertion"),
            "donne une seconde vie aux objets",
        ),
    ),
    EssFamily.COOPERATIVE: (
        A("01.61Z", 8, ("CUMA",), ("agriculture",), "met du matériel agricole en commun"),
        A(
            "46.21Z",
            3,
            ("Coopérative agricole", "Union de producteurs"),
            ("agriculture",),
            "collecte et vend la production de ses adhérents",
        ),
        A(
            "10.51A",
            1,
            ("Laiterie coopérative",),
            ("agriculture", "alimentation"),
            "transforme le lait de ses associés",
        ),
        A(
            "47.29Z",
            3,
            ("Épicerie coopérative", "Magasin de producteurs"),
            ("alimentation",),
            "vend des produits locaux",
        ),
        A(
            "64.19Z",
            6,
            ("Caisse de crédit mutuel", "Banque coopérative"),
            ("finance",),
            "accompagne les projets de ses sociétaires",
        ),
        A(
            "43.32A",
            3,
            ("SCOP menuiserie", "SCOP éco-construction"),
            ("habitat", "environnement"),
            "construit et rénove avec des matériaux sains",
        ),
        A(
            "56.29A",
            2,
            ("SCIC restauration bio", "Cuisine collective"),
            ("alimentation",),
            "cuisine des repas bio et locaux pour les cantines",
        ),
        A(
            "35.11Z",
            1,
            ("SCIC énergie citoyenne",),
            ("environnement",),
            "produit une énergie renouvelable citoyenne",
        ),
    ),
    EssFamily.MUTUELLE: (
        A("65.12Z", 3, ("Mutuelle d’assurance",), ("finance",), "assure ses sociétaires"),
        A("65.11Z", 1, ("Mutuelle santé",), ("sante",), "protège la santé de ses adhérents"),
        A("86.90F", 1, ("Centre de santé mutualiste",), ("sante",), "soigne sans dépassement"),
    ),
    EssFamily.FONDATION: (
        A(
            "87.30A",
            2,
            ("Fondation pour l’accueil",),
            ("age", "sante"),
            "accueille des personnes âgées dépendantes",
        ),
        A(
            "88.99B",
            1,
            ("Fondation pour l’enfance",),
            ("jeunesse", "solidarite"),
            "soutient des enfants et leurs familles",
        ),
    ),
    EssFamily.COMMERCIAL: (
        A(
            "38.32Z",
            2,
            ("Entreprise d’insertion recyclage",),
            ("insertion", "environnement"),
            "recycle et emploie des personnes éloignées de l’emploi",
        ),
        A(
            "81.30Z",
            2,
            ("Espaces verts solidaires",),
            ("insertion", "environnement"),
            "entretient les espaces verts et forme ses salariés",
        ),
    ),
}

STREETS = (
    "rue de l’Église",
    "place du Marché",
    "rue des Écoles",
    "rue de la Gare",
    "rue du Port",
    "chemin des Prés",
    "rue de la Libération",
    "allée des Tilleuls",
    "rue du Moulin",
    "impasse des Hortensias",
    "quai de l’Oust",
    "rue de la Vilaine",
)

OPENING_HOURS = (
    "Du mardi au samedi, 9 h – 12 h 30 et 14 h – 18 h",
    "Lundi, mercredi et vendredi, 14 h – 18 h",
    "Sur rendez-vous",
    "Du lundi au vendredi, 8 h 30 – 17 h",
)
