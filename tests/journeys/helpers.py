from django.core.signals import request_finished
from django.db import close_old_connections


def close_response(response) -> None:
    """Close a streamed response (its file) as the test client does: without the
    end-of-request signal closing the test database connection."""
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
