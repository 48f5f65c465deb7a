"""`make scale-test`: maillage installed by docs/deployment.md from the files of deploy/, on
separate hosts, surviving the loss of an app server and of a task worker under load, then
upgraded as the page says without losing a queued task.

Hosts (network namespaces, tests/scale/hosts.py; the platform, tests/scale/platform.py):
PostgreSQL; two gunicorn app servers; Caddy in front of them with HTTPS from its own local
authority; two task workers; the scheduler; each service started from its systemd unit
(tests/scale/services.py), the page's commands run as written (tests/scale/docs.py). Through the
proxy, first the Caddyfile's security headers and static files (tests/scale/front.py), then, each
person from their own address and all at the same moment:
- 60 visitors register to an activity of 20 seats, one of them sending the form twice
  (tests/scale/registrations.py);
- 30 members vote on an open proposal, each changing their mind once (tests/scale/votes.py);
- a staff member uploads a directory import of 300 rows (tests/scale/directory_import.py).
Once a third of the visitors are through and the import has committed some batches, app1 and
the worker running the import are killed (SIGKILL). A request that fails is sent again, as a
person would. Then each scenario checks that nothing was lost or doubled, and no task is left
waiting, running or failed. Last, the page's upgrade: visitors register while the workers are
stopped, and their e-mails leave once the workers are started again; the health page reports
the database, the scheduler and the workers alive. Run as root (namespaces).
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import ssl
import subprocess  # nosec B404: the test runs itself inside its lab
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from tests.scale import directory_import, registrations, votes
from tests.scale.client import Outcome, Visitor, p95
from tests.scale.fixtures import SLUG, VOTERS
from tests.scale.front import access_log_faults, check_front, health_faults
from tests.scale.hosts import NETWORK, TAG, create_lab, in_lab, remove_all
from tests.scale.platform import (
    APPS,
    HOSTS,
    MAIL_PORT,
    PROXY,
    PYTHON,
    assign_services,
    environment,
    install,
    prepare_platform,
    runbook,
    start_database,
    wait_for,
)
from tests.scale.services import Services
from tests.scale.smtp_stand_in import MailStandIn

VISITORS = 60
AGAIN = VISITORS - 1  # the visitor who sends the form twice
UPGRADE_VISITORS = 8  # register while the workers are stopped for the upgrade
FAULT_WAIT_SECONDS = 180
PAGE = f"/agenda/{SLUG}/"


@dataclass
class Faults:
    """Kills app1 and the worker running the import, once a third of the visitors are through
    and the import is half-way; says what it killed."""

    services: Services
    visitors_through: threading.Event = field(default_factory=threading.Event)
    killed: list[str] = field(default_factory=list)

    def watch(self) -> None:
        deadline = time.monotonic() + FAULT_WAIT_SECONDS
        worker = None
        while time.monotonic() < deadline:
            worker = directory_import.worker_midway()
            if self.visitors_through.is_set() and (worker or directory_import.finished()):
                break  # an import finished too early is reported by its check
            time.sleep(0.1)
        host = (worker and self.services.worker_host(worker)) or "worker1"
        for name in (APPS[0].name, host):
            self.services.kill(name)
            self.killed.append(name)
        print(f"panne : {' et '.join(self.killed)} arrêtés net (SIGKILL)")


def storm(context: ssl.SSLContext, clients: list[str], fixtures: dict, faults: Faults):
    """Everyone at once: the visitors, the voters, the staff member's upload."""
    people = len(clients)
    start = threading.Barrier(people)
    through = 0
    lock = threading.Lock()

    def person(n: int) -> Outcome:
        visitor = Visitor(context, PROXY.address, clients[n])
        start.wait(timeout=120)
        if n < VISITORS:
            outcome = registrations.register(visitor, n, again=n == AGAIN)
            nonlocal through
            with lock:
                through += 1
                if through == VISITORS // 3:
                    faults.visitors_through.set()
            return outcome
        if n < VISITORS + VOTERS:
            return votes.vote(visitor, fixtures, n - VISITORS)
        return directory_import.upload(visitor, fixtures)

    watcher = threading.Thread(target=faults.watch)
    watcher.start()
    with ThreadPoolExecutor(max_workers=people) as pool:
        outcomes = list(pool.map(person, range(people)))
    watcher.join()
    return outcomes[:VISITORS], outcomes[VISITORS : VISITORS + VOTERS], outcomes[-1]


def tasks_settled() -> bool:
    from django_tasks_db.models import DBTaskResult

    return not DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists()


def settle_and_check(outcomes, context, address: str, fixtures: dict, mail) -> list[str]:
    from django_tasks_db.models import DBTaskResult

    wait_for(tasks_settled, "La file des tâches", seconds=180)
    visitors, voters, upload = outcomes
    closing = votes.close(Visitor(context, PROXY.address, address), fixtures)
    failures = [
        *registrations.check(visitors, mail, AGAIN),
        *votes.check(voters, closing, fixtures),
        *directory_import.check(upload),
    ]
    if DBTaskResult.objects.filter(status="FAILED").exists():
        failures.append("des tâches ont échoué")
    taken_over = sum(
        len(ids) > 1 for ids in DBTaskResult.objects.values_list("worker_ids", flat=True)
    )
    print(f"tâches reprises par un autre worker après la panne : {taken_over}")
    return failures


def report_load(outcomes, elapsed: float) -> None:
    visitors, voters, upload = outcomes
    sent_again = sum(o.attempts for o in visitors) - len(visitors) - 1  # AGAIN's second send
    print(
        f"{len(visitors)} inscriptions, {len(voters)} votants et un import en {elapsed:.1f} s ; "
        f"p95 des inscriptions {p95(visitors):.2f} s, des votes (deux voix) {p95(voters):.2f} s ; "
        f"dépôt de l’import {upload.seconds:.2f} s ; inscriptions envoyées à nouveau après une "
        f"panne : {sent_again} (charge : {os.getloadavg()[0]:.2f})"
    )


def upgrade(work: Path, services: Services, context, clients: list[str], mail) -> list[str]:
    """docs/deployment.md § 4, command by command, with visitors registering while the
    scheduler and the workers are stopped; then their e-mails leave, each once."""
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    for host in services.killed_hosts():  # the lost hosts are back (systemd starts their units)
        services.start(host)
    queued: list[Outcome] = []

    def systemctl(action: str, units: list[str]) -> None:
        services.systemctl(action, units)
        if action == "stop" and "maillage-worker" in units:
            with ThreadPoolExecutor(max_workers=UPGRADE_VISITORS) as pool:
                queued.extend(pool.map(register_late, range(UPGRADE_VISITORS)))
            waiting = DBTaskResult.objects.filter(status="READY").count()
            print(f"mise à jour : workers arrêtés, {waiting} tâches attendent dans la base")

    def register_late(n: int) -> Outcome:
        visitor = Visitor(context, PROXY.address, clients[n])
        return registrations.register(visitor, VISITORS + n)

    began = time.monotonic()
    answers = runbook(work, services, APPS[0], systemctl=systemctl).follow("## 4. Mettre à jour")
    wait_for(tasks_settled, "La file des tâches après la mise à jour", seconds=180)
    print(f"mise à jour suivie en {time.monotonic() - began:.1f} s")
    failures = registrations.check_queued(VISITORS, queued, mail)
    failures += health_faults(answers[-1], timezone.now(), timedelta(minutes=10))
    probe = Visitor(context, PROXY.address, f"{NETWORK}.1")
    _, body = probe.request("GET", "/sante/")
    failures += health_faults(body, timezone.now(), timedelta(seconds=60))
    if DBTaskResult.objects.filter(status="FAILED").exists():
        failures.append("des tâches ont échoué pendant la mise à jour")
    return failures


def run_platform(work: Path, services: Services, mail: MailStandIn) -> list[str]:
    clients = [f"{NETWORK}.{100 + n}" for n in range(VISITORS + VOTERS + 1)]
    install(work)
    start_database(services, work)
    prepare_platform(work, services)
    fixtures = json.loads((work / "fixtures.json").read_text())
    assign_services(services, work)
    runbook(work, services, APPS[0]).follow("**Les services et le serveur web**")
    root = work / "caddy-data" / "caddy" / "pki" / "authorities" / "local" / "root.crt"
    wait_for(root.exists, "L’autorité locale de Caddy")
    context = ssl.create_default_context(cafile=str(root))
    probe = Visitor(context, PROXY.address, f"{NETWORK}.1")

    def site_up() -> bool:
        try:
            return probe.request("GET", PAGE)[0].status == 200
        except (OSError, http.client.HTTPException):
            return False

    wait_for(site_up, "Le site, à travers le proxy HTTPS")
    os.environ.update(environment(work))  # the checks read the platform's database
    import django

    django.setup()
    failures = check_front(probe, PAGE)
    failures += access_log_faults(probe, PAGE, work / "srv" / "log" / "maillage.log")
    began = time.monotonic()
    faults = Faults(services)
    outcomes = storm(context, clients, fixtures, faults)
    report_load(outcomes, time.monotonic() - began)
    failures += settle_and_check(outcomes, context, f"{NETWORK}.1", fixtures, mail)
    return failures + upgrade(work, services, context, clients, mail)


def in_lab_main(work: Path) -> int:
    """Inside the lab: the platform, the load, the checks."""
    services = Services(work)
    try:
        with MailStandIn(f"{NETWORK}.1", MAIL_PORT) as mail:
            failures = run_platform(work, services, mail)
    finally:
        services.stop_all()
    if failures:
        print("ÉCHEC du test de montée en charge :\n- " + "\n- ".join(failures))
        return 1
    return 0


def main() -> int:
    if os.geteuid() != 0:
        sys.exit("Le test de montée en charge crée des espaces réseau : lancez-le en root.")
    for tool in ("ip", "caddy", "runuser", "pg_isready", "psql", "curl"):
        if shutil.which(tool) is None:
            sys.exit(f"« {tool} » manque (scripts/scale-test l’installe).")
    remove_all()
    work = Path(tempfile.mkdtemp(prefix=f"maillage-scale-{TAG}-"))
    work.chmod(0o755)
    try:
        create_lab(VISITORS + VOTERS + 1)
        for host in HOSTS:
            host.create()
        command = in_lab(PYTHON, "-m", "tests.scale.run", "--in-lab", str(work))
        status = subprocess.run(command, check=False).returncode  # nosec B603
    finally:
        remove_all()
    if status:
        print(f"journaux : {work}")
        return status
    shutil.rmtree(work, ignore_errors=True)
    print(
        "Test de montée en charge réussi : aucune inscription, voix, ligne d’import ni aucun "
        "e-mail perdu ou doublé, ni pendant les pannes, ni pendant la mise à jour."
    )
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--in-lab"]:
        sys.exit(in_lab_main(Path(sys.argv[2])))
    sys.exit(main())
