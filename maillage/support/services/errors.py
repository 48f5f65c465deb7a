class ServiceActionRefused(Exception):
    """A workflow step that does not apply to the service as it is now; the message is French."""
