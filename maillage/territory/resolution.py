"""Find the commune of the territory a row means: by coordinates (inside a commune's outline), by
INSEE code (current or old), by name (current, former, déléguée, with the spellings people use).

A match that needs a guess (a typo, an article the commune does not have) is only proposed:
the caller shows it to staff and never takes it silently. A row that is clearly elsewhere is
« outside », not « unknown », so that importers can set it aside and list it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from maillage.territory.enums import CommuneNameKind, OldCodeKind, Resolution
from maillage.territory.models import Commune, CommuneName, OldCommuneCode, Territory
from maillage.territory.names import commune_key

CLOSE_ENOUGH = 0.85  # difflib ratio of a typo worth proposing (« Prahec » for Prahecq)
CURRENT, DELEGATED, FORMER = 0, 1, 2  # a current name wins over an old one that sounds alike


@dataclass(frozen=True)
class Place:
    commune_id: int
    code: str
    name: str
    postcodes: tuple[str, ...]


@dataclass(frozen=True)
class Name:
    place: Place
    written: str  # as the COG writes it
    article: str
    rank: int
    kind: str  # French, for the reason: "ancienne commune"


@dataclass(frozen=True)
class Match:
    outcome: Resolution
    place: Place | None = None
    reason: str = ""  # French, for the import report and for staff

    @property
    def commune_id(self) -> int | None:
        return self.place.commune_id if self.place else None


class CommuneResolver:
    """Built once per import from the territory's communes, their old codes and names, and the
    names of the communes the database knows elsewhere."""

    def __init__(self, territory: Territory) -> None:
        communes = Commune.objects.in_territory(territory)
        rows = communes.values_list(
            "id", "code", "name", "postcodes", "outline", "departement__code"
        )
        self.places = {row[0]: Place(row[0], row[1], row[2], tuple(row[3] or ())) for row in rows}
        self.codes = {place.code: place for place in self.places.values()}
        self.names: dict[str, list[Name]] = {}
        for place in self.places.values():
            self._add_name(place, place.name, CURRENT, "")
        fields = ("code", "name", "kind", "commune_id")
        old = OldCommuneCode.objects.filter(commune__in=communes).values_list(*fields)
        for code, name, kind, commune_id in old:
            self.codes.setdefault(code, self.places[commune_id])
            if name:
                label = OldCodeKind(kind).label.lower()
                self._add_name(self.places[commune_id], name, DELEGATED, label)
        former = CommuneName.objects.filter(commune__in=communes).values_list(*fields)
        for code, name, kind, commune_id in former:
            self.codes.setdefault(code, self.places[commune_id])
            self._add_name(self.places[commune_id], name, FORMER, CommuneNameKind(kind).label)
        self.postcodes = {code for place in self.places.values() for code in place.postcodes}
        # Corsica's 2A and 2B share the postcodes 20xxx
        self.postal_prefixes = {row[5][:2].replace("2A", "20").replace("2B", "20") for row in rows}
        others = Commune.objects.exclude(pk__in=self.places).values_list("name", flat=True)
        self.elsewhere = {commune_key(name)[0] for name in others.iterator()}
        # Loaded only to resolve rows: the task worker registers this module at start-up.
        from shapely import STRtree
        from shapely.geometry import shape

        outlined = [(row[0], shape(row[4])) for row in rows if row[4]]
        self.outline_ids = [commune_id for commune_id, _ in outlined]
        self.outlines = STRtree([geometry for _, geometry in outlined])

    def _add_name(self, place: Place, written: str, rank: int, kind: str) -> None:
        key, article = commune_key(written)
        names = self.names.setdefault(key, [])
        if not any(n.place == place and n.article == article for n in names):
            names.append(Name(place, written, article, rank, kind))

    def resolve(
        self,
        *,
        name: str = "",
        code: str = "",
        postcode: str = "",
        longitude: float | None = None,
        latitude: float | None = None,
    ) -> Match:
        name, code, postcode = name.strip(), code.strip().upper(), postcode.strip()
        if code:
            return self.by_code(code)
        if longitude is not None and latitude is not None and self.outline_ids:
            located = self.by_point(longitude, latitude)
            if located.outcome == Resolution.FOUND:
                return located
            named = self.by_name(name, postcode) if name else None
            return named if named and named.outcome == Resolution.FOUND else located
        if not name:
            return Match(Resolution.UNKNOWN, reason="commune manquante")
        return self.by_name(name, postcode)

    def by_code(self, code: str) -> Match:
        place = self.codes.get(code)
        if place is None:
            return Match(Resolution.OUTSIDE, reason=f"code commune {code} hors du territoire")
        if place.code == code:
            return Match(Resolution.FOUND, place)
        return Match(
            Resolution.FOUND, place, f"ancien code {code}, aujourd’hui {place.name} ({place.code})"
        )

    def by_point(self, longitude: float, latitude: float) -> Match:
        from shapely.geometry import Point

        hits = self.outlines.query(Point(longitude, latitude), predicate="intersects")
        if len(hits) == 0:
            return Match(Resolution.OUTSIDE, reason="coordonnées hors du territoire")
        place = min((self.places[self.outline_ids[i]] for i in hits), key=lambda p: p.code)
        return Match(Resolution.FOUND, place)

    def by_name(self, written: str, postcode: str = "") -> Match:
        key, article = commune_key(written)
        names = self.names.get(key, [])
        if names:
            return self._choose(written, article, names, postcode)
        if key in self.elsewhere or (postcode and self.is_elsewhere(postcode)):
            reason = f"« {written} » ({postcode}) hors du territoire"
            return Match(Resolution.OUTSIDE, reason=reason)
        close = difflib.get_close_matches(key, self.names, n=1, cutoff=CLOSE_ENOUGH)
        places = {n.place for n in self.names[close[0]]} if close else set()
        if len(places) == 1:
            place = places.pop()
            return Match(Resolution.PROPOSED, place, f"« {written} » ressemble à « {place.name} »")
        return Match(Resolution.UNKNOWN, reason=f"commune inconnue du territoire : « {written} »")

    def is_elsewhere(self, postcode: str) -> bool:
        """A postcode of none of the territory's communes (or, when their postcodes are not
        known, of none of its départements)."""
        if self.postcodes:
            return postcode not in self.postcodes
        return postcode[:2] not in self.postal_prefixes

    def _choose(self, written: str, article: str, names: list[Name], postcode: str) -> Match:
        best = min(n.rank for n in names)
        names = [n for n in names if n.rank == best]
        if postcode and len({n.place for n in names}) > 1:
            names = [n for n in names if postcode in n.place.postcodes] or names
        places = {n.place for n in names}
        if len(places) > 1:
            listed = ", ".join(sorted(f"{p.name} ({p.code})" for p in places))
            return Match(Resolution.AMBIGUOUS, reason=f"« {written} » peut être {listed}")
        chosen = names[0]
        place = chosen.place
        if article and all(n.article != article for n in names):
            return Match(
                Resolution.PROPOSED,
                place,
                f"« {written} » ressemble à « {place.name} », dont le nom n’a pas cet article",
            )
        if best == CURRENT:
            return Match(Resolution.FOUND, place)
        return Match(
            Resolution.FOUND,
            place,
            f"« {chosen.written} », {chosen.kind}, aujourd’hui {place.name} ({place.code})",
        )
