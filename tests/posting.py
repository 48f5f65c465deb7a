"""Posting one form from several browsers at the same instant: real threads, each with its own
client and database connection (tests marked `django_db(transaction=True)`)."""

import threading
from concurrent.futures import ThreadPoolExecutor

from django.db import connection
from django.test import Client

THREADS = 6


def post_at_once(user, url: str, data) -> list[int]:
    """POST the same form from THREADS clients released together; their response codes.
    `data` is the form's fields, or a function drawing them (a file is read once)."""
    start = threading.Barrier(THREADS)

    def post(_):
        client = Client()
        client.force_login(user)
        body = data() if callable(data) else data
        start.wait(timeout=60)
        try:
            return client.post(url, body).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(THREADS) as pool:
        return list(pool.map(post, range(THREADS)))
