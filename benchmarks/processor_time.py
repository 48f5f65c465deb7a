"""Processor time spent on a piece of work: this process's, plus the PostgreSQL server process
that answers its queries when the server runs on this machine (SQLite works inside this
process). On a shared machine the wall time mostly measures the queue for a core; the processor
time does not move with the load."""

from __future__ import annotations

import os
import time
from pathlib import Path

from django.db import connection


def _server_seconds() -> float | None:
    """Processor time of the server process serving this connection; None: none on this machine
    (SQLite, or a PostgreSQL server elsewhere)."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    # utime and stime, the 14th and 15th fields of stat(5), counted after the name's « ) ».
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class ProcessorTime:
    """Seconds of processor time of the block: `seconds` in all, `server` the database's part."""

    def __enter__(self) -> ProcessorTime:
        self._server = _server_seconds()
        self._own = time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        own = time.process_time() - self._own
        ended = _server_seconds()
        started = self._server
        self.server = ended - started if ended is not None and started is not None else 0.0
        self.seconds = own + self.server
