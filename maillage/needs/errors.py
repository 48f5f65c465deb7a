class NeedError(Exception):
    """A refused action on a need; its message is French and shown as is."""
