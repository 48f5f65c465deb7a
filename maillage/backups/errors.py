class RestoreRefused(Exception):
    """An archive restore must not use; the message, in French, says why. Nothing was changed."""
