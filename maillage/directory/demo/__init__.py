"""Fictitious demonstration directory for the hub's territory, deterministic from a seed.

Every record is clearly fictitious (« Association fictive … », `@exemple.invalid`, ARCEP's
fiction phone range 01 99 00), is marked in the demonstration registry (`core.demo`: pages show
the « données fictives de démonstration » banner when any exists) and has a SIREN in the
99xxxxxx range that passes the Luhn check. `create_demo_directory()` is idempotent.

- `plan.py`, `catalogue.py`: how many of each kind, and what they do;
- `places.py`: points inside the communes' outlines;
- `entries.py`: the entries drawn from the seed; `load.py`: their insertion.
"""

from maillage.directory.demo.entries import of_place
from maillage.directory.demo.identifiers import DemoUnavailable, luhn_complete
from maillage.directory.demo.load import create_demo_directory

__all__ = ["DemoUnavailable", "create_demo_directory", "luhn_complete", "of_place"]
