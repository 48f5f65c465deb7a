"""A process's memory as Linux counts it, read from `/proc/self/status` (in kB)."""

from __future__ import annotations

from pathlib import Path


def status_kb(field: str) -> int:
    """`VmRSS` (resident now) or `VmHWM` (the peak since the process started: `exec` begins a
    new count)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    return 0
