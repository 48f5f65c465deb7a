class StewardshipError(Exception):
    """A business rule refused the action; the message (in French) is for the person."""
