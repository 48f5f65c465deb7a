from django.core.management.base import CommandError


class TerritoryDataError(CommandError):
    """Input data that cannot be imported; the message is French, for the person running it."""
