"""Guessing what each column holds from its French header."""

from __future__ import annotations

from maillage.core.text import fold
from maillage.network.people.enums import AffiliationRole, ImportField

HEADERS = {
    ImportField.LAST_NAME: ("nom", "nom de famille", "last name", "nom du contact"),
    ImportField.FIRST_NAME: ("prenom", "first name"),
    ImportField.FULL_NAME: ("prenom et nom", "nom et prenom", "nom complet", "contact"),
    ImportField.EMAIL: ("courriel", "e mail", "email", "mail", "adresse e mail", "adresse mail"),
    ImportField.PHONE: ("telephone", "tel", "portable", "mobile", "numero de telephone"),
    ImportField.ORGANISATION: (
        "structure",
        "organisation",
        "organisme",
        "association",
        "entreprise",
        "raison sociale",
        "nom de la structure",
    ),
    ImportField.SIRET: ("siret", "siren", "n siret", "numero siret"),
    ImportField.ROLE: ("role", "fonction", "poste", "qualite"),
    ImportField.TAGS: ("etiquettes", "etiquette", "tags", "mots cles"),
    ImportField.NOTES: ("notes", "note", "commentaire", "commentaires", "remarques"),
}
_BY_HEADER = {header: field for field, headers in HEADERS.items() for header in headers}

ROLE_WORDS = {
    AffiliationRole.PRESIDENT: ("president", "presidente", "co president", "co presidente"),
    AffiliationRole.BOARD_MEMBER: (
        "tresorier",
        "tresoriere",
        "secretaire",
        "vice president",
        "vice presidente",
        "administrateur",
        "administratrice",
        "membre du bureau",
        "membre du ca",
    ),
    AffiliationRole.EMPLOYEE: (
        "salarie",
        "salariee",
        "directeur",
        "directrice",
        "coordinateur",
        "coordinatrice",
        "charge de mission",
        "chargee de mission",
        "gerant",
        "gerante",
    ),
    AffiliationRole.VOLUNTEER: ("benevole",),
    AffiliationRole.ELECTED_OFFICIAL: ("elu", "elue", "maire", "adjoint", "adjointe"),
    AffiliationRole.PROJECT_HOLDER: ("porteur de projet", "porteuse de projet", "porteur"),
}
_ROLE_BY_WORD = {word: role for role, words in ROLE_WORDS.items() for word in words}


def guess_mapping(header: list[str]) -> list[str]:
    """One ImportField value per column; a field is guessed for one column at most."""
    taken: set[str] = set()
    mapping = []
    for title in header:
        field = _BY_HEADER.get(fold(title), ImportField.IGNORE)
        if field in taken:
            field = ImportField.IGNORE
        taken.add(field)
        mapping.append(str(field))
    return mapping


def role_from(text: str) -> AffiliationRole:
    """'Trésorière' -> BOARD_MEMBER; a role word not known -> OTHER; a role value as is."""
    if text in AffiliationRole.values:
        return AffiliationRole(text)
    folded = fold(text)
    for label_value, label in AffiliationRole.choices:
        if fold(label) == folded:
            return AffiliationRole(label_value)
    return _ROLE_BY_WORD.get(folded, AffiliationRole.OTHER)
