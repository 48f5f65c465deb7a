"""What a visitor and the host's monitoring see through Caddy: the security headers that
deploy/Caddyfile promises, on a page and on a static file (served by Caddy itself, cached a year,
sent precompressed), and the health page's report (docs/deployment.md, § 5)."""

from __future__ import annotations

import json
import re
import time
from datetime import datetime, timedelta
from pathlib import Path

from tests.scale.client import Visitor
from tests.scale.units import DEPLOY

HASHED_STATIC = re.compile(r'"(/static/[^"]+\.[0-9a-f]{12}\.css)"')
IMMUTABLE = "public, max-age=31536000, immutable"


def promised_headers() -> tuple[dict[str, str], set[str]]:
    """The `header { … }` block of the shipped Caddyfile: the headers set, the ones removed."""
    text = (DEPLOY / "Caddyfile").read_text()
    block = re.search(r"^\theader \{\n(.*?)^\t\}", text, re.DOTALL | re.MULTILINE)
    if block is None:
        raise SystemExit("deploy/Caddyfile n’a plus de bloc « header { … } ».")
    set_, removed = {}, set()
    for line in block.group(1).splitlines():
        if match := re.fullmatch(r'\s*(\S+) "(.*)"', line):
            set_[match.group(1)] = match.group(2)
        elif match := re.fullmatch(r"\s*-(\S+)", line):
            removed.add(match.group(1))
    return set_, removed


def header_faults(where: str, response) -> list[str]:
    promised, removed = promised_headers()
    faults = [
        f"{where} : {name} vaut {response.getheader(name)!r} au lieu de {value!r}"
        for name, value in promised.items()
        if response.getheader(name) != value
    ]
    faults += [f"{where} : l’en-tête {name} est encore envoyé" for name in removed
               if response.getheader(name) is not None]  # fmt: skip
    return faults


def check_front(visitor: Visitor, page: str) -> list[str]:
    response, body = visitor.request("GET", page)
    if response.status != 200:
        return [f"{page} : réponse {response.status} à travers Caddy"]
    faults = header_faults(page, response)
    static = HASHED_STATIC.search(body)
    if static is None:
        return [*faults, f"{page} ne lie aucune feuille de style à l’empreinte de son contenu"]
    response, _ = visitor.request("GET", static.group(1), headers={"Accept-Encoding": "br"})
    faults += header_faults(static.group(1), response)
    served = (response.status, response.getheader("Cache-Control"),
              response.getheader("Content-Encoding"))  # fmt: skip
    if served != (200, IMMUTABLE, "br"):
        faults.append(f"{static.group(1)} : (statut, Cache-Control, Content-Encoding) = {served}")
    print(
        f"en-têtes de sécurité du Caddyfile présents sur {page} et {static.group(1)} "
        "(servi par Caddy, précompressé, en cache un an)"
    )
    return faults


def access_log_faults(visitor: Visitor, page: str, log: Path) -> list[str]:
    """A visit whose address carries an e-mail, with its session cookie: the proxy's access log
    keeps the page, neither the e-mail nor the cookie (deploy/Caddyfile, `log`)."""
    secret = "personne-cherchee@exemple.org"
    logged = f'"uri":"{page}"'
    before = log.read_text().count(logged)
    visitor.cookies["sessionid"] = "cookie-de-session-secret"
    visitor.request("GET", f"{page}?email={secret}")
    del visitor.cookies["sessionid"]
    deadline = time.monotonic() + 30  # Caddy logs once the answer has left
    while (kept := log.read_text()).count(logged) == before and time.monotonic() < deadline:
        time.sleep(0.2)
    faults = [f"le journal de Caddy garde « {leak} »" for leak in (secret, "cookie-de-session")
              if leak in kept]  # fmt: skip
    if kept.count(logged) == before:
        faults.append(f"le journal de Caddy ne garde pas la page visitée ({page})")
    return faults


def health_faults(answer: str, now: datetime, fresh: timedelta) -> list[str]:
    """The health page's JSON: everything ok, the scheduler and a worker beating since
    `now - fresh`."""
    report = json.loads(answer)
    faults = []
    if report["status"] != "ok" or report["failing"]:
        faults.append(f"/sante/ : {report['status']}, en panne : {report['failing']}")
    for part in ("database", "scheduler", "worker"):
        if not report[part]["ok"]:
            faults.append(f"/sante/ : {part} en panne ({report[part]['detail']})")
    for part in ("scheduler", "worker"):
        beat = report[part].get("last_beat")
        if beat is None or datetime.fromisoformat(beat) < now - fresh:
            faults.append(f"/sante/ : dernier signe de vie de {part} : {beat}")
    print(
        f"/sante/ : {report['status']} ; planificateur {report['scheduler']['last_beat']}, "
        f"worker {report['worker']['last_beat']}"
    )
    return faults
