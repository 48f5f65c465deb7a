class ImportRefused(Exception):
    """The file is not what it claims to be; nothing was written. The message is for people."""


class RowError(Exception):
    """One row cannot be imported; the message (in French) goes to the report."""


class OutsideTerritory(Exception):
    """The row is about a place outside the territory: set aside, and listed in the report."""
