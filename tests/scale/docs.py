"""The commands of docs/deployment.md, run as the page writes them, so that a page drifting from
the code fails the scale test.

A block is found by the words just before it. Its lines are run through bash, on a host, with
the page's own `maillage-manage` function; `sudo systemctl …` goes to the test's stand-in for
systemd (`Services`), which starts and stops the shipped units. A test host changes only the
install paths (`units.Paths`), the site's address and the certificate authority; and `sudo`,
absent from a test machine, runs the command as the user named if that account exists, else as
root. A line the test does not know fails it: the page changed, the test must follow."""

from __future__ import annotations

import re
import subprocess  # nosec B404: the test runs the documented commands
import time
from collections.abc import Callable

from tests.scale.units import ROOT, Paths

PAGE = ROOT / "docs" / "deployment.md"
# What `sudo` does on the test host.
SUDO = """sudo() {
  if [ "$1" = -u ]; then
    if id -u "$2" >/dev/null 2>&1; then runuser -u "$2" -- "${@:3}"; return; fi
    shift 2
  fi
  "$@"
}
"""
SYSTEMCTL = r"sudo systemctl (start|stop|restart|reload|enable --now) (.+)"
# Lines of the page that a test host does not run, and why.
NOT_RUN = {
    r"cd /srv/maillage/app": "the commands run in the checkout",
    r"sudo -u maillage git (fetch|pull)\b.*": "the new version is this checkout",
    r"sudo -u maillage \.tools/bin/uv sync .*": "`make install` installed the locked versions",
    r"sudo -u maillage npm ci .*": "`make install` installed the front-end packages",
    r"maillage-manage createsuperuser": "asks a person at the keyboard for a password",
    r"sudo cp /srv/maillage/app/deploy/\S+ /etc/\S+": "the test reads deploy/ where it is",
    r"sudo systemctl daemon-reload": "the test reads the units afresh at each start",
    r"sudoedit .*": "the test fills in its copies itself (environment file, Caddyfile)",
    r"sudo install -d -o caddy -g caddy /var/log/caddy": "Caddy logs in the run's folder",
}


def block_after(marker: str, language: str = "sh") -> str:
    """The first ```<language> block after the line holding `marker`."""
    text = PAGE.read_text(encoding="utf-8")
    start = text.find(marker)
    if start < 0:
        raise SystemExit(f"{PAGE.name} : « {marker} » introuvable ; le test doit suivre la page.")
    found = re.compile(rf"^```{language}\n(.*?)^```$", re.DOTALL | re.MULTILINE)
    block = found.search(text, start)
    if block is None:
        raise SystemExit(f"{PAGE.name} : aucun bloc {language} après « {marker} ».")
    return block.group(1)


def command_lines(block: str) -> list[str]:
    """Each command of a block, without its comment."""
    lines = (re.sub(r"(^|\s+)#.*$", "", line).strip() for line in block.splitlines())
    return [line for line in lines if line]


def steps(marker: str) -> list[tuple[str, str]]:
    """Each command of the block after `marker`, with what the test does with it: « skip » (a
    reason in NOT_RUN), « systemctl » (the stand-in for systemd) or « shell »."""
    planned = []
    for line in command_lines(block_after(marker)):
        if any(re.fullmatch(pattern, line) for pattern in NOT_RUN):
            planned.append(("skip", line))
        elif re.fullmatch(SYSTEMCTL, line):
            planned.append(("systemctl", line))
        elif line.startswith(("maillage-manage ", "curl ", "sudo -u ")):
            planned.append(("shell", line))
        else:
            raise SystemExit(f"{PAGE.name} : commande que le test ne sait pas suivre : {line}")
    return planned


class Runbook:
    """Runs the page's commands on `host` (a prefix such as `ip netns exec <host>`)."""

    def __init__(
        self,
        paths: Paths,
        host: list[str],
        systemctl: Callable[[str, list[str]], None],
        replace: dict[str, str],
        environment: dict[str, str],
    ) -> None:
        self.paths = paths
        self.host = host
        self.systemctl = systemctl
        self.replace = replace
        self.environment = environment
        manage = block_after("**Lancer une commande à la main**")
        self.prelude = SUDO + self.substitute(manage)

    def substitute(self, text: str) -> str:
        text = self.paths.substitute(text)
        for documented, here in self.replace.items():
            text = text.replace(documented, here)
        return text

    def follow(self, marker: str) -> list[str]:
        """Runs the block after `marker`; the outputs of its commands, in order."""
        outputs = []
        for kind, line in steps(marker):
            if kind == "systemctl":
                action, units = re.fullmatch(SYSTEMCTL, line).groups()  # steps() matched it
                self.systemctl(action, units.split())
            elif kind == "shell":
                began = time.monotonic()
                outputs.append(self.shell(self.substitute(line)))
                print(f"  {line} ({time.monotonic() - began:.0f} s)")
        return outputs

    def shell(self, line: str) -> str:
        done = subprocess.run(  # nosec B603
            [*self.host, "bash", "-c", self.prelude + line],
            cwd=ROOT,
            env=self.environment,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode:
            raise SystemExit(f"{PAGE.name} : « {line} » a échoué :\n{done.stdout}\n{done.stderr}")
        return done.stdout
