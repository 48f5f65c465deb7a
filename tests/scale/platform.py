"""The platform of the scale test, installed as docs/deployment.md says, from the shipped files:
PostgreSQL on its host, set up by the page's commands; the environment file copied from
deploy/maillage.env and filled in; the first installation's commands (check --deploy, migrate,
collectstatic, load_hub) run as written; then each service started from its unit in deploy/
(two app servers, two task workers, the scheduler) and Caddy from deploy/Caddyfile, in HTTPS
from its own local authority. Each host is a network namespace (tests/scale/hosts.py)."""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess  # nosec B404: the test starts the platform's real services
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.scale.docs import Runbook, block_after
from tests.scale.hosts import NETWORK, Host, run
from tests.scale.services import Services
from tests.scale.units import DEPLOY, ROOT, Paths, read_environment_file

PYTHON = str(ROOT / ".venv" / "bin" / "python")
PROXY, DATABASE = Host("proxy", 2), Host("db", 10)
APPS = [Host("app1", 11), Host("app2", 12)]
WORKERS = [Host("worker1", 21), Host("worker2", 22)]
SCHEDULER = Host("scheduler", 23)
HOSTS = (PROXY, DATABASE, *APPS, *WORKERS, SCHEDULER)
SITE = f"https://{PROXY.address}"
MAIL_PORT = 2525
DOCUMENTED_SITE = "maillage.example.org"
# What the test sets in the environment file, as a host fills it in (« sudoedit »).
TEST_SETTINGS = {
    "SITE_URL": SITE,
    "ALLOWED_HOSTS": PROXY.address,
    "CSRF_TRUSTED_ORIGINS": SITE,
    "DATABASE_URL": f"postgres://maillage@{DATABASE.address}:5432/maillage",
    "EMAIL_HOST": f"{NETWORK}.1",
    "EMAIL_PORT": str(MAIL_PORT),
    "EMAIL_HOST_USER": "",
    "EMAIL_HOST_PASSWORD": "",
    "EMAIL_USE_TLS": "false",
    # Short periods, so the faults are noticed in seconds rather than minutes.
    "WORKER_BEAT_SECONDS": "1",
    "WORKER_LEASE_SECONDS": "6",
    "SCHEDULER_INTERVAL_SECONDS": "2",
    "GUNICORN_WORKERS": "2",
    # Small batches: the import commits often, so a worker killed mid-file leaves a
    # resume point, and the next worker carries on after it.
    "IMPORT_BATCH_ROWS": "20",
}


def wait_for(ready: Callable[[], bool], what: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ready():
            return
        time.sleep(0.25)
    sys.exit(f"{what} ne répond pas au bout de {seconds:.0f} s.")


def paths_of(work: Path, host: Host) -> Paths:
    """The shared folders (a network file system in real life), each host's own /etc and /run."""
    return Paths(srv=work / "srv", etc=work / "etc" / host.name, runtime=work / "run" / host.name)


def fill_in(documented: str, values: dict[str, str]) -> str:
    """deploy/maillage.env with `values` set, each on the line that names it (set or in a
    comment); a name the file no longer holds fails the test."""
    for name, value in values.items():
        line = re.compile(rf"^(# ?)?{name}=.*$", re.MULTILINE)
        if not line.search(documented):
            sys.exit(f"deploy/maillage.env ne nomme plus {name}.")
        quoted = f"'{value}'" if re.search(r"[\s$'\"]", value) else value
        documented = line.sub(f"{name}={quoted}".replace("\\", "\\\\"), documented, count=1)
    return documented


def install(work: Path) -> None:
    """The folders, the hub's folder and each host's environment file (§ 3 of the page)."""
    srv = work / "srv"
    for folder in ("static", "media", "documents", "accompagnement", "var", "log"):
        (srv / folder).mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "hubs" / "pays-de-redon", srv / "hub")
    documented = (DEPLOY / "maillage.env").read_text(encoding="utf-8")
    common = fill_in(documented, {**TEST_SETTINGS, "SECRET_KEY": secrets.token_urlsafe(60)})
    for host in HOSTS:
        paths = paths_of(work, host)
        paths.etc.mkdir(parents=True)
        paths.runtime.mkdir(parents=True)
        # Each app server listens on its own address, for the proxy on another host.
        bind = {"GUNICORN_BIND": f"{host.address}:8000"} if host in APPS else {}
        (paths.etc / "maillage.env").write_text(paths.substitute(fill_in(common, bind)))


def environment(work: Path) -> dict[str, str]:
    """The platform's settings, as app1 reads them (the checks read its database)."""
    return read_environment_file(paths_of(work, APPS[0]).etc / "maillage.env")


def start_database(services: Services, work: Path) -> None:
    """PostgreSQL on its host, then the role, the database and pg_trgm by the page's § 2."""
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
        # A database thrown away after the run: no waiting on the disk (migrate goes 3× faster).
        "fsync": "off",
        "synchronous_commit": "off",
        "full_page_writes": "off",
    }
    options = [part for key, value in settings.items() for part in ("-c", f"{key}={value}")]
    command = [*as_postgres, str(binaries / "postgres"), "-D", str(data), *options]
    services.start_process(DATABASE, "postgres", command)

    def ready() -> bool:
        probe = ["pg_isready", "-h", DATABASE.address]
        return subprocess.run(probe, capture_output=True, check=False).returncode == 0  # nosec

    wait_for(ready, "PostgreSQL")
    # Trust on the test network: no password to type.
    runbook(work, services, DATABASE, {"--pwprompt ": ""}, PGHOST=str(data)).follow(
        "Un rôle et une base à lui"
    )


def postgres_binaries() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"))
    if not found:
        sys.exit("PostgreSQL n’est pas installé (scripts/ensure-postgresql).")
    return found[-1].parent


def runbook(
    work: Path,
    services: Services,
    host: Host,
    replace: dict[str, str] | None = None,
    systemctl: Callable[[str, list[str]], None] | None = None,
    **env: str,
) -> Runbook:
    """The page's commands, on `host`, as its administrator types them; `systemctl` by default
    the test's stand-in for systemd."""
    ca = work / "caddy-data" / "caddy" / "pki" / "authorities" / "local" / "root.crt"
    # The administrator reads the health page until it says « ok »: the scheduler just started
    # may not have passed yet (a 503 after a long upgrade).
    curl = f"curl --fail --retry 20 --retry-all-errors --retry-delay 3 --cacert {ca} "
    here = {"https://<domaine>": SITE, "curl ": curl, **(replace or {})}
    base = {"PATH": os.environ["PATH"], "LANG": "C.UTF-8", **env}
    control = systemctl or services.systemctl
    return Runbook(paths_of(work, host), host.command(), control, here, base)


def caddyfile(work: Path) -> str:
    """deploy/Caddyfile for the test host: its address instead of the domain, the local
    authority instead of Let's Encrypt, the app servers of the page's § 7, the run's folders."""
    shipped = (DEPLOY / "Caddyfile").read_text()
    upstreams = block_after("reverse_proxy 127.0.0.1:8000` devient", "caddyfile")
    example = re.findall(r"\d+\.\d+\.\d+\.\d+:8000", upstreams)
    for documented, app in zip(example, APPS, strict=True):
        upstreams = upstreams.replace(documented, f"{app.address}:8000")
    changes = {
        "{\n": "{\n\tskip_install_trust\n",
        f"{DOCUMENTED_SITE} {{\n": f"{SITE} {{\n\ttls internal\n",
        "reverse_proxy 127.0.0.1:8000\n": upstreams.strip().replace("\n", "\n\t\t") + "\n",
        "/var/log/caddy/": str(work / "srv" / "log") + "/",
    }
    for documented, here in changes.items():
        if documented not in shipped:
            sys.exit(f"deploy/Caddyfile ne contient plus « {documented.strip()} ».")
        shipped = shipped.replace(documented, here, 1)
    return paths_of(work, PROXY).substitute(shipped)


def assign_services(services: Services, work: Path) -> None:
    """Which host runs which unit, and Caddy on the proxy (Debian's caddy.service command)."""
    for hosts, unit in (
        (APPS, "maillage-web"),
        (WORKERS, "maillage-worker"),
        ([SCHEDULER], "maillage-scheduler"),
    ):
        for host in hosts:
            services.assign(host, unit, paths_of(work, host))
    config = work / "Caddyfile"
    config.write_text(caddyfile(work))
    services.assign_process(
        PROXY,
        "caddy",
        ["caddy", "run", "--environ", "--config", str(config), "--adapter", "caddyfile"],
        {
            "PATH": os.environ["PATH"],
            "HOME": str(work),
            "XDG_DATA_HOME": str(work / "caddy-data"),
            "XDG_CONFIG_HOME": str(work / "caddy-config"),
        },
    )


def prepare_platform(work: Path, services: Services) -> None:
    """The page's first installation on app1, then the records the load needs
    (tests/scale/fixtures.py)."""
    runbook(work, services, APPS[0]).follow("**Vérifier, créer les tables")
    command = [PYTHON, "-m", "tests.scale.fixtures", str(work / "fixtures.json")]
    done = subprocess.run(  # nosec B603
        command,
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], **environment(work)},
        check=False,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        sys.exit(f"tests.scale.fixtures a échoué :\n{done.stdout}\n{done.stderr}")
