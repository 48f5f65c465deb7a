"""The part of the COG a territory needs: its communes, their old codes, EPCI, départements and
régions. Unknown codes are refused here, before anything is written."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from maillage.core.french import agreed
from maillage.territory.cog import Cog, OldCode, Record
from maillage.territory.errors import TerritoryDataError
from maillage.territory.history import FormerName, current_code_of, former_names


@dataclass(frozen=True)
class Perimeter:
    communes: list[Record]
    old_codes: list[OldCode]
    epcis: list[Record]
    departements: list[Record]
    regions: list[Record]
    former_names: list[FormerName] = field(default_factory=list)

    @property
    def commune_codes(self) -> set[str]:
        return {c["code"] for c in self.communes}


def select_perimeter(
    cog: Cog, epci_codes: Sequence[str], commune_codes: Sequence[str]
) -> Perimeter:
    if not epci_codes and not commune_codes:
        raise TerritoryDataError("Indiquez au moins un code d’EPCI ou de commune.")
    unknown_epcis = sorted(set(epci_codes) - cog.epcis.keys())
    if unknown_epcis:
        raise TerritoryDataError(
            f"{agreed(len(unknown_epcis), 'EPCI inconnu', 'EPCI inconnus')} dans le COG : "
            f"{', '.join(unknown_epcis)}."
        )
    codes = {m["code"] for e in epci_codes for m in cog.epcis[e]["membres"]}
    unknown_communes = []
    for code in commune_codes:
        current = cog.resolve(code)
        if current is None:
            unknown_communes.append(code)
        else:
            codes.add(current)
    missing_members = sorted(codes - cog.communes.keys())
    if unknown_communes or missing_members:
        unknown = sorted(unknown_communes) + missing_members
        communes = agreed(len(unknown), "Commune inconnue", "Communes inconnues")
        raise TerritoryDataError(f"{communes} dans le COG : {', '.join(unknown)}.")
    return _perimeter(cog, sorted(codes))


def _perimeter(cog: Cog, codes: list[str]) -> Perimeter:
    communes = [cog.communes[code] for code in codes]
    departement_codes = sorted({c["departement"] for c in communes})
    for code in departement_codes:
        if code not in cog.departements:
            raise TerritoryDataError(f"Département {code} absent de departements.json.")
    departements = [cog.departements[code] for code in departement_codes]
    region_codes = sorted({d["region"] for d in departements})
    for code in region_codes:
        if code not in cog.regions:
            raise TerritoryDataError(f"Région {code} absente de regions.json.")
    epci_codes = sorted({cog.epci_of_commune[c] for c in codes if c in cog.epci_of_commune})
    wanted = set(codes)
    return Perimeter(
        communes=communes,
        old_codes=sorted(
            (o for o in cog.old_codes.values() if o.commune_code in wanted), key=lambda o: o.code
        ),
        epcis=[cog.epcis[code] for code in epci_codes],
        departements=departements,
        regions=[cog.regions[code] for code in region_codes],
        former_names=former_names(
            cog.history,
            current_code_of(cog.history, cog.resolve),
            {code: record["nom"] for code, record in cog.communes.items()},
            wanted,
        ),
    )
