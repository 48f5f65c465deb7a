class JourneyError(Exception):
    """A refused action on a support case; the message (in French) is shown as is."""
