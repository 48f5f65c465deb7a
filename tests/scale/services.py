"""systemd's part in the scale test: each host's service started with its unit's command, folder
and environment (tests/scale/units.py), stopped with the unit's signal and given its time,
reloaded by its ExecReload; `systemctl start|stop|reload|restart|enable --now` over every host
that runs the unit. Each service runs in its own process group: `kill` loses a whole host at
once (SIGKILL), as a crashed machine would."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess  # nosec B404: the test starts the platform's real services
from dataclasses import dataclass
from pathlib import Path

from tests.scale.hosts import Host
from tests.scale.units import Paths, read_unit, unit_environment

# What systemd gives a service (no login shell's variables), before its unit's own.
BASE_ENVIRONMENT = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                    "LANG": "C.UTF-8"}  # fmt: skip


@dataclass(frozen=True)
class Launch:
    host: Host
    unit: str
    command: list[str]
    environment: dict[str, str]
    directory: str
    stop_signal: signal.Signals = signal.SIGTERM
    stop_seconds: float = 90
    reload: tuple[str, ...] = ()


class Services:
    def __init__(self, work: Path) -> None:
        self.work = work
        self.launches: dict[str, Launch] = {}  # by host
        self.running: dict[str, subprocess.Popen] = {}

    def assign(self, host: Host, name: str, paths: Paths) -> None:
        """`host` runs the unit deploy/<name>.service. The unit's User= is not applied: a test
        machine's interpreter may sit where that account cannot read (/root)."""
        unit = read_unit(name, paths)
        for folder in unit.runtime_directories:
            (paths.runtime / folder).mkdir(parents=True, exist_ok=True)
        self.launches[host.name] = Launch(
            host,
            name,
            host.command(*unit.exec_start),
            unit_environment(unit, {**BASE_ENVIRONMENT, "PATH": os.environ["PATH"]}),
            unit.working_directory,
            unit.kill_signal,
            unit.stop_seconds,
            tuple(unit.exec_reload),
        )

    def assign_process(self, host: Host, name: str, command: list[str], env: dict) -> None:
        self.launches[host.name] = Launch(host, name, host.command(*command), env, str(self.work))

    def start_process(self, host: Host, name: str, command: list[str]) -> None:
        self.assign_process(host, name, command, {**os.environ})
        self.start(host.name)

    def log(self, host: str) -> Path:
        return self.work / f"{host}.log"

    def start(self, host: str) -> None:
        if self.is_running(host):
            return
        launch = self.launches[host]
        with self.log(host).open("a") as log:
            self.running[host] = subprocess.Popen(  # nosec B603
                launch.command,
                cwd=launch.directory,
                env=launch.environment,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def is_running(self, host: str) -> bool:
        return host in self.running and self.running[host].poll() is None

    def killed_hosts(self) -> list[str]:
        """The hosts whose service has ended without being stopped."""
        return [host for host in self.running if not self.is_running(host)]

    def stop(self, host: str) -> None:
        """KillMode=mixed: the unit's signal to the main process, then SIGKILL to what is left
        of its group once it has ended or its TimeoutStopSec has passed."""
        if not self.is_running(host):
            return
        launch, process = self.launches[host], self.running[host]
        process.send_signal(launch.stop_signal)
        try:
            process.wait(timeout=launch.stop_seconds)
        finally:
            self.kill(host)
            del self.running[host]

    def reload(self, host: str) -> None:
        launch = self.launches[host]
        if not self.is_running(host):  # Debian's package started Caddy when it was installed
            self.start(host)
            return
        main = str(self.running[host].pid)
        subprocess.run(  # nosec B603
            [part.replace("$MAINPID", main) for part in launch.reload], check=True
        )

    def systemctl(self, action: str, units: list[str]) -> None:
        if unknown := set(units) - {launch.unit for launch in self.launches.values()}:
            raise SystemExit(f"systemctl {action} : unités inconnues du test : {unknown}")
        hosts = [host for host, launch in self.launches.items() if launch.unit in units]
        for host in hosts:
            if action in {"stop", "restart"}:
                self.stop(host)
            if action in {"start", "restart", "enable --now"}:
                self.start(host)
            if action == "reload":
                self.reload(host)

    def kill(self, host: str) -> None:
        """The host is lost: its whole process group, at once."""
        process = self.running[host]
        with contextlib.suppress(ProcessLookupError):  # already gone, with its group
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)

    def stop_all(self) -> None:
        for host in list(self.running):
            self.kill(host)

    def worker_host(self, worker_id: str) -> str | None:
        """The host whose task worker announced `worker_id` in its log (db_worker picks a
        random id when the unit names none)."""
        said = re.compile(rf"worker_id={re.escape(worker_id)}\b")
        for host, launch in self.launches.items():
            if launch.unit == "maillage-worker" and said.search(self.log(host).read_text()):
                return host
        return None
