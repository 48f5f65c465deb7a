"""The benchmarks' printed reports in French: whether a target is met. Numbers are written by
the observatory's `wording.number` (« 40 000 000 », « 7,56 »)."""

from __future__ import annotations


def met(done: bool) -> str:
    return "atteint" if done else "non atteint"
