"""Read access to the territory for other apps."""

from maillage.territory.models import Territory


def current_territory() -> Territory | None:
    """The hub's territory, or None while it has not been loaded."""
    return Territory.objects.default()
