"""Read access to the territory for other apps."""

from django.db.models import QuerySet

from maillage.core.collation import by_name
from maillage.territory.models import Commune, Territory


def current_territory() -> Territory | None:
    """The hub's territory, or None while it has not been loaded."""
    return Territory.objects.default()


def territory_communes() -> QuerySet[Commune]:
    """The communes of the hub's territory by name (every commune while none is loaded)."""
    territory = current_territory()
    communes = Commune.objects.order_by(by_name(), "code")
    return communes.in_territory(territory) if territory else communes
