"""How many demonstration entries of each kind: families, sizes and states, drawn as exact
quotas (then shuffled) so that the totals match the published figures, not just on average.

Targets, for the Pays de Redon, as the CADES publishes them (../shared/cades/002…, INSEE data):
319 employer establishments of the ESS, 3 042 jobs (12,7 % of salaried employment), 282
associations (88 %) and 32 coopératives (10 %). The 2011 Panorama (ORESS Bretagne, INSEE CLAP
2007, larger perimeter) gave 370 establishments and 3 400 jobs: the same order of magnitude.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from maillage.directory.demo.catalogue import (
    ACTIVITIES,
    LEGAL_CATEGORIES,
    OPENING_HOURS,
    PREFIXES,
    STREETS,
    Activity,
)
from maillage.directory.enums import EssFamily

__all__ = ["OPENING_HOURS", "PREFIXES", "STREETS"]

TARGET_EMPLOYERS = 319
TARGET_JOBS = 3042
TARGET_ASSOCIATIONS = 282
TARGET_COOPERATIVES = 32
NON_EMPLOYERS = 31  # associations without staff, a few of which are hidden or closed
DEFAULT_COUNT = TARGET_EMPLOYERS + NON_EMPLOYERS

EMPLOYER_FAMILIES = {
    EssFamily.ASSOCIATION: TARGET_ASSOCIATIONS,
    EssFamily.COOPERATIVE: TARGET_COOPERATIVES,
    EssFamily.MUTUELLE: 2,
    EssFamily.FONDATION: 2,
    EssFamily.COMMERCIAL: 1,
}
# Their midpoints (`definitions.bracket_jobs`) add up to exactly 3 042 jobs; « 00 » (staff during
# the year, none on 31 December) is an employer that counts 0 jobs. Small ones dominate, as in
# the ESS.
EMPLOYER_BRACKETS = {"00": 31, "01": 110, "02": 64, "03": 46, "11": 35, "12": 21, "21": 10, "22": 2}
NON_EMPLOYER_FAMILIES = {
    EssFamily.ASSOCIATION: 29,
    EssFamily.COOPERATIVE: 1,
    EssFamily.COMMERCIAL: 1,
}
HIDDEN, CLOSED = 3, 3  # among non-employers: never shown to the public

# Activities that employ many people get the large brackets first.
LARGE_EMPLOYERS = frozenset(
    {"88.10A", "87.30A", "88.10C", "85.20Z", "64.19Z", "65.12Z", "86.90F", "46.21Z", "10.51A"}
)
MULTI_SITE = frozenset({"88.10A", "88.99B", "64.19Z", "65.12Z", "85.59A", "47.79Z"})


@dataclass
class Slot:
    family: str
    activity: Activity
    legal_category: str
    bracket: str = "NN"
    hidden: bool = False
    closed: bool = False


def quotas(shares: dict[str, int], total: int) -> list[str]:
    """`total` keys in the proportions of `shares`, by largest remainder (exact when equal)."""
    whole = sum(shares.values())
    exact = {key: share * total / whole for key, share in shares.items()}
    counts = {key: int(value) for key, value in exact.items()}
    left = total - sum(counts.values())
    for key in sorted(exact, key=lambda k: counts[k] - exact[k])[:left]:
        counts[key] += 1
    return [key for key, count in counts.items() for _ in range(count)]


def _slot(rng: random.Random, family: str) -> Slot:
    activities = ACTIVITIES[family]
    activity = rng.choices(activities, [a.weight for a in activities])[0]
    return Slot(family, activity, rng.choice(LEGAL_CATEGORIES[family]))


def slots(rng: random.Random, count: int) -> list[Slot]:
    employers = round(count * TARGET_EMPLOYERS / DEFAULT_COUNT)
    staffed = [_slot(rng, f) for f in quotas(EMPLOYER_FAMILIES, employers)]
    unstaffed = [_slot(rng, f) for f in quotas(NON_EMPLOYER_FAMILIES, count - employers)]
    # Sort by a noisy "weight" and hand out the brackets from the largest down.
    scores = {id(s): rng.random() + (s.activity.naf_code in LARGE_EMPLOYERS) for s in staffed}
    staffed.sort(key=lambda s: scores[id(s)], reverse=True)
    brackets = sorted(quotas(EMPLOYER_BRACKETS, employers), reverse=True)
    for slot, bracket in zip(staffed, brackets, strict=True):
        slot.bracket = bracket
    hidden = round(len(unstaffed) * HIDDEN / NON_EMPLOYERS)
    closed = round(len(unstaffed) * CLOSED / NON_EMPLOYERS)
    for slot in unstaffed[:hidden]:
        slot.hidden = True
    for slot in unstaffed[hidden : hidden + closed]:
        slot.closed = True
    every = staffed + unstaffed
    rng.shuffle(every)
    return every


def joins_previous(rng: random.Random, slot: Slot, previous: Slot, sites: int) -> bool:
    """A few organisations have two or three sites (an antenna in another commune)."""
    return (
        slot.family == previous.family
        and slot.activity == previous.activity
        and slot.activity.naf_code in MULTI_SITE
        and sites < 3
        and rng.random() < 0.5
    )


def description(name: str, activity: Activity, commune: str) -> str:
    return (
        f"{name} {activity.does} à {commune} et dans le Pays de Redon.\n\n"
        "Cette fiche fait partie des données fictives de démonstration : "
        "l’organisation n’existe pas."
    )
