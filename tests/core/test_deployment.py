"""What a host installs from deploy/: the environment file lists every variable the settings
read, and with its values the production settings pass Django's deployment checks."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENV_FILE = ROOT / "deploy" / "maillage.env"
SETTINGS = [ROOT / "maillage" / "settings" / name for name in ("base.py", "prod.py")]


def documented_file() -> tuple[dict[str, str], set[str]]:
    """The values set in deploy/maillage.env, and every variable it names (set or commented)."""
    values, named = {}, set()
    for line in ENV_FILE.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(#\s?)?([A-Z][A-Z0-9_]+)=(.*)$", line.strip())
        if match:
            named.add(match.group(2))
            if not match.group(1):
                values[match.group(2)] = match.group(3)
    return values, named


def production_environment() -> dict[str, str]:
    values, _ = documented_file()
    inherited = {name: value for name, value in os.environ.items() if name in {"PATH", "HOME"}}
    # The placeholder is refused on purpose; a host puts a random key there.
    return {**inherited, **values, "SECRET_KEY": secrets.token_urlsafe(60)}


def run_check(environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_environment_file_names_every_variable_the_settings_read():
    read = set()
    for path in SETTINGS:
        read |= set(re.findall(r'env_(?:str|bool|int|list)\("([A-Z0-9_]+)"', path.read_text()))
    _, named = documented_file()
    assert read, "no variable found: the pattern no longer matches the settings"
    assert read - named == set()


def test_check_deploy_reports_nothing_with_the_documented_environment():
    environment = production_environment()
    # A real hub folder for the run (the documented one is the host's copy).
    environment["HUB_DIR"] = str(ROOT / "hubs" / "pays-de-redon")
    done = run_check(environment)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues" in done.stdout


def test_the_production_settings_refuse_the_placeholder_secret_key():
    values, _ = documented_file()
    environment = {**production_environment(), "SECRET_KEY": values["SECRET_KEY"]}
    environment["HUB_DIR"] = str(ROOT / "hubs" / "pays-de-redon")
    done = run_check(environment)
    assert done.returncode != 0
    assert "SECRET_KEY" in done.stderr


def test_check_deploy_would_report_a_weakened_setting():
    """The check above can fail: without HSTS, Django warns."""
    environment = {**production_environment(), "SECURE_HSTS_SECONDS": "0"}
    environment["HUB_DIR"] = str(ROOT / "hubs" / "pays-de-redon")
    done = run_check(environment)
    assert done.returncode != 0
    assert "security.W004" in done.stdout + done.stderr


def test_the_systemd_units_are_valid_and_run_real_commands(tmp_path):
    """systemd's own checker, on the units with the install folder pointed at this checkout."""
    units = []
    for unit in sorted((ROOT / "deploy").glob("*.service")):
        copy = tmp_path / unit.name
        copy.write_text(unit.read_text().replace("/srv/maillage/app", str(ROOT)))
        units.append(str(copy))
    assert len(units) == 3
    done = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *units],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == ""


def test_the_worker_is_stopped_gently_and_given_time_to_end_its_task():
    worker = (ROOT / "deploy" / "maillage-worker.service").read_text()
    assert "manage.py db_worker" in worker
    assert "KillSignal=SIGTERM" in worker  # db_worker ends its current task on SIGTERM
    assert "KillMode=mixed" in worker  # the signal goes to the worker only, not its children
    timeout = int(re.search(r"^TimeoutStopSec=(\d+)$", worker, re.MULTILINE).group(1))
    assert timeout >= 300
