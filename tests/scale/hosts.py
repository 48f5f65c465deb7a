"""Hosts of the scale test: one network namespace each, joined by a bridge, on addresses reserved
for documentation and tests (198.51.100.0/24, RFC 5737; the CI machine itself sits on
192.0.2.0/24). The machine running the test is 198.51.100.1 on the bridge: the clients, and the
stand-in mail server, live there."""

from __future__ import annotations

import subprocess  # nosec B404: the test drives `ip` and the services it starts
from dataclasses import dataclass

BRIDGE = "msbr0"
NETWORK = "198.51.100"
PREFIX = "ms-"


def run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True)  # nosec B603


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
        outside, inside = f"ms{self.number}a", f"ms{self.number}b"
        run("ip", "netns", "add", self.namespace)
        run("ip", "link", "add", outside, "type", "veth", "peer", "name", inside)
        run("ip", "link", "set", outside, "master", BRIDGE, "up")
        run("ip", "link", "set", inside, "netns", self.namespace)
        run(*self.command("ip", "addr", "add", f"{self.address}/24", "dev", inside))
        run(*self.command("ip", "link", "set", inside, "up"))
        run(*self.command("ip", "link", "set", "lo", "up"))


def create_bridge(client_addresses: int) -> list[str]:
    """The bridge, with the test machine's address and one per client (distinct visitors)."""
    routes = subprocess.run(  # nosec B603 B607
        ["ip", "route"], check=True, capture_output=True, text=True
    ).stdout
    if f"{NETWORK}." in routes:
        raise SystemExit(f"{NETWORK}.0/24 sert déjà sur cette machine : test impossible ici.")
    run("ip", "link", "add", BRIDGE, "type", "bridge")
    run("ip", "addr", "add", f"{NETWORK}.1/24", "dev", BRIDGE)
    clients = [f"{NETWORK}.{100 + n}" for n in range(client_addresses)]
    for address in clients:
        run("ip", "addr", "add", f"{address}/32", "dev", BRIDGE)
    run("ip", "link", "set", BRIDGE, "up")
    return clients


def remove_all() -> None:
    """Every namespace and the bridge of this test, whatever an earlier run left."""
    listed = subprocess.run(  # nosec B603 B607
        ["ip", "-o", "netns", "list"], check=True, capture_output=True, text=True
    ).stdout
    for line in listed.splitlines():
        name = line.split()[0]
        if name.startswith(PREFIX):
            subprocess.run(["ip", "netns", "del", name], check=False)  # nosec B603 B607
    subprocess.run(  # nosec B603 B607
        ["ip", "link", "del", BRIDGE], check=False, capture_output=True
    )
