from maillage.network.people.enums import AffiliationRole
from maillage.network.people.models.exchanges import Consent, Interaction
from maillage.network.people.models.people import Affiliation, Person, PersonQuerySet, Tag
from maillage.network.people.models.rights import ContactImport, ExportLink

__all__ = [
    "Affiliation",
    "AffiliationRole",
    "Consent",
    "ContactImport",
    "ExportLink",
    "Interaction",
    "Person",
    "PersonQuerySet",
    "Tag",
]
