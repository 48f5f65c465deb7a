class WorkingGroupRefused(Exception):
    """An action on a working group that cannot be done; the message is French, for people."""
