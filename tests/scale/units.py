"""The shipped systemd units (deploy/*.service), read as systemd reads them, so the scale test
starts each service with the unit's own command, folder, user, environment and stop signal.

Only what a test host must change is changed, by `Paths`: the install folders (/srv/maillage,
/etc/maillage, systemd's runtime folder) become folders of the run."""

from __future__ import annotations

import shlex
import signal
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


@dataclass(frozen=True)
class Paths:
    """Where a test host puts what a real host puts under /srv/maillage, /etc and /run."""

    srv: Path
    etc: Path
    runtime: Path

    def substitute(self, text: str) -> str:
        for real, test in (
            ("/srv/maillage/app", str(ROOT)),  # the checkout is the installed code
            ("/srv/maillage", str(self.srv)),
            ("/etc/maillage", str(self.etc)),
            ("%t", str(self.runtime)),  # systemd's runtime folder (/run)
        ):
            text = text.replace(real, test)
        return text


@dataclass(frozen=True)
class Unit:
    name: str
    exec_start: list[str]
    exec_reload: list[str]
    working_directory: str
    user: str
    environment: dict[str, str]
    environment_files: list[str]
    runtime_directories: list[str]
    kill_signal: signal.Signals
    stop_seconds: float


def service_section(text: str) -> dict[str, list[str]]:
    """The [Service] section's settings, each with every value given (systemd keeps all of a
    repeated Environment=); continued lines joined."""
    settings: dict[str, list[str]] = {}
    section = ""
    for line in text.replace("\\\n", " ").splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line.strip("[]")
        elif section == "Service":
            key, _, value = line.partition("=")
            settings.setdefault(key.strip(), []).append(value.strip())
    return settings


def read_unit(name: str, paths: Paths) -> Unit:
    settings = service_section(paths.substitute((DEPLOY / f"{name}.service").read_text()))

    def one(key: str, default: str = "") -> str:
        return settings.get(key, [default])[-1]

    environment: dict[str, str] = {}
    for assignments in settings.get("Environment", []):
        for assignment in shlex.split(assignments):
            key, _, value = assignment.partition("=")
            environment[key] = value
    return Unit(
        name=name,
        exec_start=shlex.split(one("ExecStart")),
        exec_reload=shlex.split(one("ExecReload")),
        working_directory=one("WorkingDirectory", str(ROOT)),
        user=one("User", "root"),
        environment=environment,
        environment_files=settings.get("EnvironmentFile", []),
        runtime_directories=one("RuntimeDirectory").split(),
        kill_signal=signal.Signals[one("KillSignal", "SIGTERM")],
        stop_seconds=float(one("TimeoutStopSec", "90")),
    )


def read_environment_file(path: Path) -> dict[str, str]:
    """NAME=value lines, as systemd's EnvironmentFile= reads them: comments skipped, a value in
    single or double quotes unquoted."""
    values = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        key, _, value = line.partition("=")
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[key.strip()] = value
    return values


def unit_environment(unit: Unit, base: dict[str, str]) -> dict[str, str]:
    """`base` (PATH and the like), then Environment=, then the files: systemd lets the files'
    values win over Environment=."""
    environment = {**base, **unit.environment}
    for file in unit.environment_files:
        environment.update(read_environment_file(Path(file.removeprefix("-"))))
    return environment
