"""`make scale-test`: maillage as it runs in production, on separate hosts, surviving the loss of
an app server and of a task worker under load.

Hosts (network namespaces, tests/scale/hosts.py; the platform, tests/scale/platform.py):
PostgreSQL; two gunicorn app servers; Caddy in front of them with HTTPS from its own local
authority; two task workers; the scheduler. From the test machine, each person from their own
address and all at the same moment, through the proxy:
- 60 visitors register to an activity of 20 seats (tests/scale/registrations.py);
- 30 members vote on an open proposal, each changing their mind once (tests/scale/votes.py);
- a staff member uploads a directory import of 300 rows (tests/scale/directory_import.py).
Once a third of the visitors are through and the import has committed some batches, app1 and
the worker running the import are killed (SIGKILL). A request that fails is sent again, as a
person would. Then each scenario checks that nothing was lost or doubled, and no task is left
waiting, running or failed. Run as root (namespaces).
"""

from __future__ import annotations

import http.client
import os
import secrets
import shutil
import ssl
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tests.scale import directory_import, registrations, votes
from tests.scale.client import Outcome, Visitor, p95
from tests.scale.fixtures import SLUG, VOTERS
from tests.scale.hosts import NETWORK, create_bridge, remove_all
from tests.scale.platform import (
    HOSTS,
    MAIL_PORT,
    PROXY,
    Services,
    environment,
    prepare_platform,
    start_database,
    start_platform,
    wait_for,
)
from tests.scale.smtp_stand_in import MailStandIn

VISITORS = 60
FAULT_WAIT_SECONDS = 180


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
        worker = worker or "worker1"
        for name in ("app1", worker):
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
            outcome = registrations.register(visitor, n)
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


def settle_and_check(outcomes, context, address: str, fixtures: dict, mail) -> list[str]:
    from django_tasks_db.models import DBTaskResult

    def tasks_settled() -> bool:
        return not DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists()

    wait_for(tasks_settled, "La file des tâches", seconds=180)
    visitors, voters, upload = outcomes
    closing = votes.close(Visitor(context, PROXY.address, address), fixtures)
    failures = [
        *registrations.check(visitors, mail),
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
    sent_again = sum(o.attempts for o in visitors) - len(visitors)
    print(
        f"{len(visitors)} inscriptions, {len(voters)} votants et un import en {elapsed:.1f} s ; "
        f"p95 des inscriptions {p95(visitors):.2f} s, des votes (deux voix) {p95(voters):.2f} s ; "
        f"dépôt de l’import {upload.seconds:.2f} s ; inscriptions envoyées à nouveau : "
        f"{sent_again} (charge : {os.getloadavg()[0]:.2f})"
    )


def run_platform(work: Path, services: Services) -> list[str]:
    import json

    clients = create_bridge(VISITORS + VOTERS + 1)
    for host in HOSTS:
        host.create()
    with MailStandIn(f"{NETWORK}.1", MAIL_PORT) as mail:
        start_database(services, work)
        prepare_platform(work)
        fixtures = json.loads((work / "fixtures.json").read_text())
        start_platform(services, work)
        root = work / "caddy" / "pki" / "authorities" / "local" / "root.crt"
        wait_for(root.exists, "L’autorité locale de Caddy")
        context = ssl.create_default_context(cafile=str(root))
        probe = Visitor(context, PROXY.address, f"{NETWORK}.1")

        def site_up() -> bool:
            try:
                return probe.request("GET", f"/agenda/{SLUG}/")[0].status == 200
            except (OSError, http.client.HTTPException):
                return False

        wait_for(site_up, "Le site, à travers le proxy HTTPS")
        os.environ.update(environment(work))  # the checks read the platform's database
        import django

        django.setup()
        began = time.monotonic()
        outcomes = storm(context, clients, fixtures, Faults(services))
        report_load(outcomes, time.monotonic() - began)
        return settle_and_check(outcomes, context, f"{NETWORK}.1", fixtures, mail)


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
        failures = run_platform(work, services)
    finally:
        services.stop_all()
        remove_all()
    if failures:
        print("ÉCHEC du test de montée en charge :\n- " + "\n- ".join(failures))
        print(f"journaux : {work}")
        return 1
    shutil.rmtree(work, ignore_errors=True)
    print(
        "Test de montée en charge réussi : aucune inscription, voix, ligne d’import ni aucun "
        "e-mail perdu ou doublé."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
