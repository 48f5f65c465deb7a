"""Hosts of the scale test: one network namespace each, joined by a bridge, on addresses reserved
for documentation and tests (198.51.100.0/24, RFC 5737).

The bridge itself lives in a namespace of its own, the « lab », where the test runs too (its
clients and the stand-in mail server are 198.51.100.1): nothing is added to the machine's own
network, so two runs at once, or a machine already on these addresses, do not meet. Every name
carries the run's tag (SCALE_TEST_TAG, « ms » by default; at most 8 characters): a run removes
only what carries its own tag."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess  # nosec B404: the test drives `ip` and the services it starts
from dataclasses import dataclass

NETWORK = "198.51.100"
TAG = os.environ.get("SCALE_TEST_TAG", "ms")
if not re.fullmatch(r"[a-z][a-z0-9]{0,7}", TAG):
    raise SystemExit("SCALE_TEST_TAG : de 1 à 8 lettres minuscules ou chiffres.")
PREFIX = f"{TAG}-"
LAB = f"{PREFIX}lab"
BRIDGE = f"{TAG}br0"


def run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True)  # nosec B603


def in_lab(*command: str) -> list[str]:
    return ["ip", "netns", "exec", LAB, *command]


@dataclass(frozen=True)
class Host:
    name: str
    number: int

    @property
    def namespace(self) -> str:
        return PREFIX + self.name

    @property
    def address(self) -> str:
        return f"{NETWORK}.{self.number}"

    def command(self, *command: str) -> list[str]:
        """`command`, run inside this host."""
        return ["ip", "netns", "exec", self.namespace, *command]

    def create(self) -> None:
        """The host's namespace, wired to the lab's bridge by a veth pair."""
        outside, inside = f"{TAG}{self.number}a", f"{TAG}{self.number}b"
        run("ip", "netns", "add", self.namespace)
        run("ip", "-n", LAB, "link", "add", outside, "type", "veth", "peer", "name", inside)
        run("ip", "-n", LAB, "link", "set", outside, "master", BRIDGE, "up")
        run("ip", "-n", LAB, "link", "set", inside, "netns", self.namespace)
        run("ip", "-n", self.namespace, "addr", "add", f"{self.address}/24", "dev", inside)
        run("ip", "-n", self.namespace, "link", "set", inside, "up")
        run("ip", "-n", self.namespace, "link", "set", "lo", "up")


def create_lab(client_addresses: int) -> list[str]:
    """The lab and its bridge, with the test machine's address and one per client (distinct
    visitors)."""
    run("ip", "netns", "add", LAB)
    run("ip", "-n", LAB, "link", "set", "lo", "up")
    run("ip", "-n", LAB, "link", "add", BRIDGE, "type", "bridge")
    run("ip", "-n", LAB, "addr", "add", f"{NETWORK}.1/24", "dev", BRIDGE)
    clients = [f"{NETWORK}.{100 + n}" for n in range(client_addresses)]
    for address in clients:
        run("ip", "-n", LAB, "addr", "add", f"{address}/32", "dev", BRIDGE)
    run("ip", "-n", LAB, "link", "set", BRIDGE, "up")
    return clients


def namespaces() -> list[str]:
    listed = subprocess.run(  # nosec B603 B607
        ["ip", "-o", "netns", "list"], check=True, capture_output=True, text=True
    ).stdout
    return [line.split()[0] for line in listed.splitlines() if line.startswith(PREFIX)]


def remove_all() -> None:
    """Every namespace of this tag, with what still runs inside (an earlier run cut short)."""
    for name in namespaces():
        pids = subprocess.run(  # nosec B603 B607
            ["ip", "netns", "pids", name], check=False, capture_output=True, text=True
        ).stdout.split()
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(pid), signal.SIGKILL)
        subprocess.run(["ip", "netns", "del", name], check=False)  # nosec B603 B607
