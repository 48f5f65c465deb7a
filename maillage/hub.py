"""The hub this instance serves, read from `settings.HUB_DIR/hub.toml`.

Another pôle ESS runs maillage by pointing HUB_DIR at its own folder: identity, territory
perimeter and plan are data there, not code.
"""

import tomllib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from email.headerregistry import Address
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from maillage.core.french import of, with_article


@dataclass(frozen=True)
class HubIdentity:
    name: str
    full_name: str
    # The article the name takes in a sentence (« la » CADES, « le » Pôle, « l’ » Écopôle).
    article: str
    tagline: str
    founded: date
    address: str
    email: str
    website: str
    logo: str  # static path, e.g. "hub/logo.svg"; empty for none
    # Legal notice (LCEN): who directs the publication, who hosts the site.
    publication_director: str
    hosting: str
    # The association's identifiers, for the open data of the grants it receives (SCDL).
    siret: str = ""
    rna_id: str = ""

    @property
    def the_name(self) -> str:
        """« la CADES »."""
        return with_article(self.article, self.name)

    @property
    def of_name(self) -> str:
        """« de la CADES » (« L’équipe de la CADES »), « du Pôle »."""
        return of(self.the_name)

    @property
    def the_full_name(self) -> str:
        return with_article(self.article, self.full_name)

    @property
    def of_full_name(self) -> str:
        return of(self.the_full_name)

    @property
    def sender(self) -> str:
        """The From of its e-mails: « Pôle ESS du Val <contact@pole.example> »."""
        return str(Address(self.full_name, addr_spec=self.email)) if self.email else ""


@dataclass(frozen=True)
class TerritoryDefinition:
    name: str
    slug: str
    epci_codes: tuple[str, ...]
    commune_codes: tuple[str, ...]
    cog_dir: Path
    outline_files: tuple[Path, ...]
    source: str
    vintage: str


@dataclass(frozen=True)
class VolunteerRate:
    """What an hour of volunteering is worth in a year's report (« contributions volontaires en
    nature »): the rate in euros and the basis it comes from, as the report states it."""

    hourly: Decimal
    basis: str  # « SMIC horaire brut 2026 »


@dataclass(frozen=True)
class Hub:
    directory: Path
    identity: HubIdentity
    territory: TerritoryDefinition
    plan_file: Path
    # Year -> rate; a year without one shows its volunteer hours unvalued.
    volunteer_rates: dict[int, VolunteerRate] = field(default_factory=dict)


def _section(data: dict, name: str, path: Path) -> dict:
    try:
        return data[name]
    except KeyError:
        raise ImproperlyConfigured(f"{path}: section [{name}] is missing.") from None


def _volunteer_rates(data: dict, path: Path) -> dict[int, VolunteerRate]:
    """`[volunteer_rates]`: `2026 = { hourly = "12.02", basis = "SMIC horaire brut 2026" }`.
    The rate is written as a string so that no float rounds it."""
    rates = {}
    for year, entry in data.get("volunteer_rates", {}).items():
        try:
            hourly = Decimal(str(entry["hourly"]))
            basis = str(entry["basis"]).strip()
            rate_year = int(year)
        except (KeyError, TypeError, ValueError, InvalidOperation) as error:
            raise ImproperlyConfigured(
                f"{path}: [volunteer_rates] {year} needs a year, an hourly rate and its basis "
                f"({error})."
            ) from None
        if not hourly.is_finite() or hourly <= 0 or not basis:
            raise ImproperlyConfigured(
                f"{path}: [volunteer_rates] {year}: the rate must be positive and its basis said."
            )
        rates[rate_year] = VolunteerRate(hourly, basis)
    return rates


def load_hub(directory: Path) -> Hub:
    path = directory / "hub.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ImproperlyConfigured(f"Cannot read the hub configuration {path}: {error}") from error
    identity = _section(data, "identity", path)
    territory = _section(data, "territory", path)
    try:
        return Hub(
            directory=directory,
            identity=HubIdentity(
                name=identity["name"],
                full_name=identity.get("full_name", identity["name"]),
                article=identity.get("article", ""),
                tagline=identity.get("tagline", ""),
                founded=date.fromisoformat(identity["founded"]),
                address=identity.get("address", ""),
                email=identity.get("email", ""),
                website=identity.get("website", ""),
                logo=identity.get("logo", ""),
                publication_director=identity.get("publication_director", ""),
                hosting=identity.get("hosting", ""),
                siret=identity.get("siret", ""),
                rna_id=identity.get("rna_id", ""),
            ),
            territory=TerritoryDefinition(
                name=territory["name"],
                slug=territory["slug"],
                epci_codes=tuple(territory.get("epci", [])),
                commune_codes=tuple(territory.get("communes", [])),
                cog_dir=directory / territory["cog_dir"],
                outline_files=tuple(directory / f for f in territory.get("outlines", [])),
                source=territory["source"],
                vintage=territory["vintage"],
            ),
            plan_file=directory / _section(data, "plan", path)["file"],
            volunteer_rates=_volunteer_rates(data, path),
        )
    except (KeyError, ValueError) as error:
        raise ImproperlyConfigured(f"{path}: invalid or missing value {error}") from error


@cache
def current_hub() -> Hub:
    return load_hub(Path(settings.HUB_DIR))
