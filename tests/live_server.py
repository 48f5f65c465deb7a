"""A real server for concurrency tests: gunicorn in another process on the test database.

Two workers of eight threads each, SQLite or PostgreSQL, whichever the suite runs on. Clients
are plain HTTP connections from many threads, as browsers would be.
"""

import contextlib
import http.client
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[1]


def database_url() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    host = settings["HOST"] or "127.0.0.1"
    port = settings["PORT"] or 5432
    return f"postgres://{settings['USER']}{password}@{host}:{port}/{settings['NAME']}"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(port: int, server: subprocess.Popen) -> None:
    # Generous: at a load of 15 on two cores, gunicorn's first answers took 40 s; a probe
    # that gives up sooner only queues one more request behind them.
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopped before answering")
        probe = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            probe.request("GET", "/agenda/")
            response = probe.getresponse()
            response.read()
            if response.status == 200:
                return
        except OSError:
            time.sleep(0.2)
        finally:
            probe.close()
    raise RuntimeError("gunicorn did not answer in time")


@contextlib.contextmanager
def gunicorn(
    log_dir: Path, app: str = "maillage.wsgi:application", **environment: str
) -> Iterator[int]:
    """Run gunicorn on the test database until the block ends; yields its port.

    `app` is the WSGI application, `environment` adds settings; the server's log must hold no
    traceback."""
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "maillage.settings.test",
        **environment,
    }
    command = [sys.executable, "-m", "gunicorn", app]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "8"]
    command += ["--backlog", "512", "--log-level", "warning"]
    # The server's log goes to a file: an unread pipe would fill up and stall the server.
    log = log_dir / "stderr.log"
    with log.open("w") as stderr:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stderr=stderr)
        try:
            _wait_until_up(port, process)
            yield port
        finally:
            process.terminate()
            process.wait(timeout=30)
    assert "Traceback" not in log.read_text(), log.read_text()
