"""The platform of the scale test, set up as docs/deployment.md says: PostgreSQL on its host, the
first installation (migrate, load_hub, collectstatic), two gunicorn app servers, Caddy in front
of them in HTTPS from its own local authority, two task workers and the scheduler, each process
on its host (tests/scale/hosts.py) and in its own process group, to be killed whole."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess  # nosec B404: the test starts the platform's real services
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.scale.hosts import NETWORK, Host, run

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PROXY, DATABASE = Host("proxy", 2), Host("db", 10)
APPS = [Host("app1", 11), Host("app2", 12)]
WORKERS = [Host("worker1", 21), Host("worker2", 22)]
SCHEDULER = Host("scheduler", 23)
HOSTS = (PROXY, DATABASE, *APPS, *WORKERS, SCHEDULER)
SITE = f"https://{PROXY.address}"
MAIL_PORT = 2525


def environment(work: Path, **more: str) -> dict[str, str]:
    """The production settings, as deploy/maillage.env sets them, for these hosts."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "maillage.settings.prod",
        "SECRET_KEY": (work / "secret").read_text(),
        "SITE_URL": SITE,
        "ALLOWED_HOSTS": PROXY.address,
        "CSRF_TRUSTED_ORIGINS": SITE,
        "DATABASE_URL": f"postgres://postgres@{DATABASE.address}:5432/maillage",
        "TRUSTED_PROXY_HEADER": "X-Forwarded-For",
        "TRUSTED_PROXY_COUNT": "1",
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
        "WORKING_GROUP_DOCUMENTS_ROOT": str(work / "documents"),
        "SUPPORT_DOCUMENTS_ROOT": str(work / "accompagnement"),
        "BACKUP_DIR": str(work / "sauvegardes"),
        "EMAIL_DELIVERY_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": f"{NETWORK}.1",
        "EMAIL_PORT": str(MAIL_PORT),
        "EMAIL_USE_TLS": "false",
        "WORKER_BEAT_SECONDS": "1",
        "WORKER_LEASE_SECONDS": "6",
        "GUNICORN_WORKERS": "2",
        # Small batches: the import commits often, so a worker killed mid-file leaves a
        # resume point, and the next worker carries on after it.
        "IMPORT_BATCH_ROWS": "20",
        **more,
    }


def wait_for(ready: Callable[[], bool], what: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ready():
            return
        time.sleep(0.25)
    sys.exit(f"{what} ne répond pas au bout de {seconds:.0f} s.")


class Services:
    """The processes started on the hosts; each in its own process group, to be killed whole."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.started: dict[str, subprocess.Popen] = {}

    def start(self, name: str, command: list[str], env: dict[str, str] | None = None) -> None:
        log = (self.work / f"{name}.log").open("w")
        self.started[name] = subprocess.Popen(  # nosec B603
            command,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def kill(self, name: str) -> None:
        os.killpg(self.started[name].pid, signal.SIGKILL)
        self.started[name].wait(timeout=30)

    def stop_all(self) -> None:
        for process in self.started.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=30)


def postgres_binaries() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"))
    if not found:
        sys.exit("PostgreSQL n’est pas installé (scripts/ensure-postgresql).")
    return found[-1].parent


def start_database(services: Services, work: Path) -> None:
    binaries = postgres_binaries()
    data = work / "pg"
    data.mkdir()
    shutil.chown(data, "postgres", "postgres")
    as_postgres = ("runuser", "-u", "postgres", "--")
    run(*as_postgres, str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
        "--no-sync")  # fmt: skip
    with (data / "pg_hba.conf").open("a") as hba:
        hba.write(f"host all all {NETWORK}.0/24 trust\n")
    settings = {
        "listen_addresses": DATABASE.address,
        "unix_socket_directories": str(data),
        "max_connections": "200",
    }
    options = [part for key, value in settings.items() for part in ("-c", f"{key}={value}")]
    services.start(
        "postgres",
        DATABASE.command(*as_postgres, str(binaries / "postgres"), "-D", str(data), *options),
    )

    def ready() -> bool:
        probe = ["pg_isready", "-h", DATABASE.address]
        return subprocess.run(probe, capture_output=True, check=False).returncode == 0  # nosec

    wait_for(ready, "PostgreSQL")
    run("psql", "-h", DATABASE.address, "-U", "postgres", "-c", "CREATE DATABASE maillage")


def prepare_platform(work: Path) -> None:
    """What docs/deployment.md's first installation does, then the records the load needs
    (tests/scale/fixtures.py)."""
    env = environment(work)
    for command in (
        ["manage.py", "migrate", "--no-input"],
        ["manage.py", "load_hub"],
        ["manage.py", "collectstatic", "--no-input"],
        ["-m", "tests.scale.fixtures", str(work / "fixtures.json")],
    ):
        done = subprocess.run(  # nosec B603
            [PYTHON, *command], cwd=ROOT, env=env, check=False, capture_output=True, text=True
        )
        if done.returncode:
            sys.exit(f"{' '.join(command)} a échoué :\n{done.stdout}\n{done.stderr}")


def start_platform(services: Services, work: Path) -> None:
    for app in APPS:
        env = environment(work, GUNICORN_BIND=f"{app.address}:8000")
        gunicorn = app.command(str(ROOT / ".venv/bin/gunicorn"), "-c", "gunicorn.conf.py")
        services.start(app.name, gunicorn, env)
    db_worker = ["manage.py", "db_worker", "--no-startup-delay", "--no-reload", "--interval", "0.2"]
    for worker in WORKERS:
        command = worker.command(PYTHON, *db_worker, "--worker-id", worker.name)
        services.start(worker.name, command, environment(work))
    services.start(
        SCHEDULER.name,
        SCHEDULER.command(PYTHON, "manage.py", "run_scheduler", "--interval", "2"),
        environment(work),
    )
    caddyfile = work / "Caddyfile"
    upstreams = " ".join(f"{app.address}:8000" for app in APPS)
    caddyfile.write_text(
        "{\n\tadmin off\n\tskip_install_trust\n"
        f"\tstorage file_system {work / 'caddy'}\n}}\n"
        f"{SITE} {{\n\ttls internal\n\treverse_proxy {upstreams} {{\n"
        "\t\tlb_policy round_robin\n\t\tlb_try_duration 10s\n\t\tfail_duration 30s\n\t}\n}\n"
    )
    services.start(
        PROXY.name,
        PROXY.command("caddy", "run", "--config", str(caddyfile), "--adapter", "caddyfile"),
        {**os.environ, "HOME": str(work), "XDG_DATA_HOME": str(work / "caddy-data")},
    )
