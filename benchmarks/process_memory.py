"""A process's memory as Linux counts it, read from `/proc/self/status` (in kB)."""

from __future__ import annotations

import threading
import time
from pathlib import Path


def status_kb(field: str) -> int:
    """`VmRSS` (resident now) or `VmHWM` (the peak since the process started: `exec` begins a
    new count)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    return 0


class PeakMemory:
    """Highest resident memory above the starting point while the block runs, in MB."""

    def __enter__(self):
        self.start = self.peak = status_kb("VmRSS")
        self.running = True
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()
        return self

    def _sample(self):
        while self.running:
            self.peak = max(self.peak, status_kb("VmRSS"))
            time.sleep(0.01)

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()
        self.growth_mb = (self.peak - self.start) / 1024
