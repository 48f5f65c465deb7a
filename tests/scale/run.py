"""`make scale-test`: maillage as it runs in production, on separate hosts, surviving the loss of
an app server and of a task worker under load.

Hosts (network namespaces, tests/scale/hosts.py): PostgreSQL; two gunicorn app servers; Caddy in
front of them with HTTPS from its own local authority; two task workers; the scheduler. From
the test machine, 60 visitors, each from their own address, register at the same moment through
the proxy to an activity of 20 seats; meanwhile one app server and one worker are killed
(SIGKILL). A visitor whose request fails sends it again, as a browser's user would. Then: exactly
20 confirmed, 40 on the waiting list ranked 1 to 40, nobody registered twice, every registrant's
confirmation e-mail delivered, no task left waiting, running or failed. Run as root (namespaces).
"""

from __future__ import annotations

import http.client
import os
import re
import secrets
import shutil
import signal
import ssl
import subprocess  # nosec B404: the test starts the platform's real services
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from maillage.core.french import plural
from tests.scale.hosts import NETWORK, Host, create_bridge, remove_all, run
from tests.scale.smtp_stand_in import MailStandIn

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
VISITORS = 60
SEATS = 20
SLUG = "atelier-a-forte-affluence"
PROXY, DATABASE = Host("proxy", 2), Host("db", 10)
APPS = [Host("app1", 11), Host("app2", 12)]
WORKERS = [Host("worker1", 21), Host("worker2", 22)]
SCHEDULER = Host("scheduler", 23)
SITE = f"https://{PROXY.address}"
MAIL_PORT = 2525
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
RETRIED = {502, 503, 504}


def postgres_binaries() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"))
    if not found:
        sys.exit("PostgreSQL n’est pas installé (scripts/ensure-postgresql).")
    return found[-1].parent


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
        **more,
    }


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


def start_database(services: Services, work: Path) -> None:
    binaries = postgres_binaries()
    data = work / "pg"
    data.mkdir()
    shutil.chown(data, "postgres", "postgres")
    run(
        "runuser",
        "-u",
        "postgres",
        "--",
        str(binaries / "initdb"),
        "-D",
        str(data),
        "-A",
        "trust",
        "-U",
        "postgres",
        "--no-sync",
    )
    with (data / "pg_hba.conf").open("a") as hba:
        hba.write(f"host all all {NETWORK}.0/24 trust\n")
    services.start(
        "postgres",
        DATABASE.command(
            "runuser",
            "-u",
            "postgres",
            "--",
            str(binaries / "postgres"),
            "-D",
            str(data),
            "-c",
            f"listen_addresses={DATABASE.address}",
            "-c",
            f"unix_socket_directories={data}",
            "-c",
            "max_connections=200",
        ),
    )
    wait_for(
        lambda: (
            subprocess.run(  # nosec B603 B607
                ["pg_isready", "-h", DATABASE.address], capture_output=True, check=False
            ).returncode
            == 0
        ),
        "PostgreSQL",
    )
    run("psql", "-h", DATABASE.address, "-U", "postgres", "-c", "CREATE DATABASE maillage")


def prepare_platform(work: Path) -> None:
    """What docs/deployment.md's first installation does, then the activity of the test."""
    env = environment(work)
    for command in (["migrate", "--no-input"], ["load_hub"], ["collectstatic", "--no-input"]):
        subprocess.run(
            [PYTHON, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,  # nosec
            capture_output=True,
        )
    script = (
        "from tests.activities.factories import ActivityFactory; "
        f"ActivityFactory(capacity={SEATS}, slug={SLUG!r})"
    )
    subprocess.run(
        [PYTHON, "-c", f"import django; django.setup(); {script}"],
        cwd=ROOT,  # nosec
        env=env,
        check=True,
        capture_output=True,
    )


def start_platform(services: Services, work: Path) -> None:
    for app in APPS:
        env = environment(work, GUNICORN_BIND=f"{app.address}:8000")
        services.start(
            app.name, app.command(str(ROOT / ".venv/bin/gunicorn"), "-c", "gunicorn.conf.py"), env
        )
    for worker in WORKERS:
        services.start(
            worker.name,
            worker.command(
                PYTHON,
                "manage.py",
                "db_worker",
                "--no-startup-delay",
                "--no-reload",
                "--interval",
                "0.2",
                "--worker-id",
                worker.name,
            ),
            environment(work),
        )
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


def wait_for(ready, what: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ready():
            return
        time.sleep(0.25)
    sys.exit(f"{what} ne répond pas au bout de {seconds:.0f} s.")


class Browser:
    """One visitor, from their own address, over HTTPS trusting only the proxy's authority."""

    def __init__(self, context: ssl.SSLContext, address: str) -> None:
        self.context = context
        self.address = address

    def request(self, method: str, path: str, body: str = "", headers=None):
        connection = http.client.HTTPSConnection(
            PROXY.address,
            443,
            context=self.context,
            timeout=120,
            source_address=(self.address, 0),
        )
        try:
            connection.request(method, path, body or None, headers or {})
            response = connection.getresponse()
            return response, response.read().decode()
        finally:
            connection.close()

    def register(self, email: str) -> tuple[int, int, float]:
        """(final status, attempts, seconds): a failed attempt is sent again, as a person would."""
        page = f"/agenda/{SLUG}/"
        began = time.monotonic()
        for attempt in range(1, 11):
            try:
                response, body = self.request("GET", page)
                if response.status in RETRIED:
                    continue
                cookie = response.getheader("Set-Cookie").split(";", 1)[0]
                form = urllib.parse.urlencode(
                    {
                        "csrfmiddlewaretoken": TOKEN.search(body).group(1),
                        "name": "Personne Test",
                        "email": email,
                        "consent": "on",
                    }
                )
                response, _ = self.request(
                    "POST",
                    f"{page}inscription/",
                    form,
                    {
                        "Cookie": cookie,
                        "Referer": SITE + page,
                        "Origin": SITE,
                        "Content-Type": "application/x-www-form-urlencoded",
                    },
                )
            except (OSError, http.client.HTTPException):
                time.sleep(0.2)
                continue
            if response.status not in RETRIED:
                return response.status, attempt, time.monotonic() - began
            time.sleep(0.2)
        return 0, 10, time.monotonic() - began


def storm(context: ssl.SSLContext, clients: list[str], on_half_way) -> list[tuple[int, int, float]]:
    start = threading.Barrier(len(clients))
    done = Counter()
    lock = threading.Lock()

    def visitor(n: int) -> tuple[int, int, float]:
        start.wait(timeout=120)
        outcome = Browser(context, clients[n]).register(f"visiteur{n}@exemple.org")
        with lock:
            done["n"] += 1
            if done["n"] == len(clients) // 3:
                threading.Thread(target=on_half_way).start()
        return outcome

    with ThreadPoolExecutor(max_workers=len(clients)) as pool:
        return list(pool.map(visitor, range(len(clients))))


def check(work: Path, outcomes, mail: MailStandIn) -> list[str]:
    """What must hold after the storm, read in the database and the mail server."""
    os.environ.update(environment(work))
    import django

    django.setup()
    from django.db.models import Count
    from django.db.models.functions import Lower
    from django_tasks_db.models import DBTaskResult

    from maillage.activities.models import Activity

    def tasks_settled() -> bool:
        return not DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists()

    wait_for(tasks_settled, "La file des tâches", seconds=180)
    activity = Activity.objects.get(slug=SLUG)
    registrations = activity.registrations
    ranks = sorted(registrations.waitlisted().values_list("waitlist_position", flat=True))
    twice = registrations.values(e=Lower("email")).annotate(n=Count("pk")).filter(n__gt=1)
    emails = {f"visiteur{n}@exemple.org" for n in range(VISITORS)}
    # A message a killed worker had sent may leave again with the same Message-ID
    # (maillage/mail.py): its recipient sees one message. Two Message-IDs would be two messages.
    deliveries = [(r, message.message_id) for message in mail.received for r in message.recipients]
    received = Counter(r for r, _ in set(deliveries))
    failures = []
    if [status for status, _, _ in outcomes] != [302] * VISITORS:
        failures.append(f"réponses finales : {Counter(s for s, _, _ in outcomes)}")
    if registrations.confirmed().count() != SEATS or ranks != list(range(1, VISITORS - SEATS + 1)):
        failures.append(f"places : {registrations.confirmed().count()} confirmées, rangs {ranks}")
    if twice.exists():
        failures.append(f"inscrits deux fois : {list(twice)}")
    if lost := sorted(emails - received.keys()):
        failures.append(f"e-mails perdus : {lost}")
    if DBTaskResult.objects.filter(status="FAILED").exists():
        failures.append("des tâches ont échoué")
    taken_over = sum(
        len(ids) > 1 for ids in DBTaskResult.objects.values_list("worker_ids", flat=True)
    )
    print(f"tâches reprises par un autre worker après la panne : {taken_over}")
    doubled = sorted(address for address, n in received.items() if n > 1)
    repeated = len(deliveries) - len(set(deliveries))
    print(
        f"e-mails : {plural(len(deliveries), 'remise', 'remises')} pour {len(received)} "
        f"personnes, dont {plural(repeated, 'remise répétée', 'remises répétées')} d’un même "
        "message (même Message-ID)"
    )
    if doubled:
        failures.append(f"e-mails en double : {doubled}")
    return failures


def main() -> int:
    if os.geteuid() != 0:
        sys.exit("Le test de montée en charge crée des espaces réseau : lancez-le en root.")
    for tool in ("ip", "caddy", "runuser", "pg_isready", "psql"):
        if shutil.which(tool) is None:
            sys.exit(f"« {tool} » manque (scripts/scale-test l’installe).")
    remove_all()
    work = Path(tempfile.mkdtemp(prefix="maillage-scale-"))
    work.chmod(0o755)
    (work / "secret").write_text(secrets.token_urlsafe(64))
    services = Services(work)
    try:
        clients = create_bridge(VISITORS)
        for host in (PROXY, DATABASE, *APPS, *WORKERS, SCHEDULER):
            host.create()
        with MailStandIn(f"{NETWORK}.1", MAIL_PORT) as mail:
            start_database(services, work)
            prepare_platform(work)
            start_platform(services, work)
            root = work / "caddy" / "pki" / "authorities" / "local" / "root.crt"
            wait_for(root.exists, "L’autorité locale de Caddy")
            context = ssl.create_default_context(cafile=str(root))
            probe = Browser(context, f"{NETWORK}.1")

            def site_up() -> bool:
                try:
                    return probe.request("GET", f"/agenda/{SLUG}/")[0].status == 200
                except (OSError, http.client.HTTPException):
                    return False

            wait_for(site_up, "Le site, à travers le proxy HTTPS")

            def faults() -> None:
                services.kill("app1")
                services.kill("worker1")
                print("panne : app1 et worker1 arrêtés net (SIGKILL)")

            began = time.monotonic()
            outcomes = storm(context, clients, faults)
            elapsed = time.monotonic() - began
            p95 = sorted(seconds for _, _, seconds in outcomes)[int(0.95 * VISITORS)]
            print(
                f"{VISITORS} visiteurs en {elapsed:.1f} s ; p95 {p95:.2f} s ; "
                f"envois répétés : {sum(attempts - 1 for _, attempts, _ in outcomes)} "
                f"(charge : {os.getloadavg()[0]:.2f})"
            )
            failures = check(work, outcomes, mail)
    finally:
        services.stop_all()
        remove_all()
    if failures:
        print("ÉCHEC du test de montée en charge :\n- " + "\n- ".join(failures))
        print(f"journaux : {work}")
        return 1
    shutil.rmtree(work, ignore_errors=True)
    print("Test de montée en charge réussi : aucune inscription ni aucun e-mail perdu ou doublé.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
