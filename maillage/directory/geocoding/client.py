"""Client of the Base Adresse Nationale's API, as documented: `GET /search/?q=…` answers a
GeoCodeJSON FeatureCollection; `POST /search/csv/` takes a CSV file (`data`) and the names of
the columns that make the query (`columns`, repeated) or filter it (`postcode`, `citycode`), and
answers the same CSV with `latitude`, `longitude`, `result_label`, `result_score`,
`result_citycode`, `result_status`… added.

Anything but a well-formed answer (no connection, a timeout, an HTTP error, garbage) raises
GeocoderUnavailable with a French message: the caller keeps its rows and tries again later.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.error import URLError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

from django.conf import settings

COLUMNS = ("id", "adresse", "code_postal", "commune", "code_insee")
ANSWER_COLUMNS = {"id", "latitude", "longitude", "result_score"}
FOUND = "ok"


class GeocoderUnavailable(Exception):
    """The service could not be reached or did not answer as documented."""


@dataclass(frozen=True)
class Address:
    key: str  # our id, echoed back in the answer
    street: str
    postcode: str
    city: str
    citycode: str = ""


@dataclass(frozen=True)
class Result:
    longitude: float
    latitude: float
    score: float
    label: str
    citycode: str


class BanClient:
    def __init__(self, base_url: str | None = None, timeout: float | None = None) -> None:
        self.base_url = (base_url or settings.BAN_API_URL).rstrip("/")
        self.timeout = timeout or settings.BAN_API_TIMEOUT_SECONDS

    def geocode(self, addresses: Iterable[Address]) -> dict[str, Result | None]:
        """One batch through /search/csv/: each key to its result, None where not found."""
        sent = list(addresses)
        body, content_type = _multipart(_csv_of(sent))
        answer = self._call(
            Request(
                f"{self.base_url}/search/csv/",
                data=body,
                method="POST",
                headers={"Content-Type": content_type},
            )
        )
        results = _read_results(answer)
        if set(results) != {a.key for a in sent}:
            raise GeocoderUnavailable("réponse du service d’adresses incomplète")
        return results

    def search(self, text: str, limit: int = 5) -> list[dict[str, Any]]:
        """Suggestions for address completion: label, postcode, city, citycode, coordinates."""
        query = urlencode({"q": text, "limit": limit, "autocomplete": 1})
        answer = self._call(Request(f"{self.base_url}/search/?{query}"))
        try:
            features = json.loads(answer)["features"]
            return [_suggestion(feature) for feature in features]
        except (ValueError, KeyError, TypeError, IndexError):
            raise GeocoderUnavailable("réponse illisible du service d’adresses") from None

    def _call(self, request: Request) -> bytes:
        try:
            with urlopen(request, timeout=self.timeout) as response:
                return bytes(response.read())
        except TimeoutError:
            raise GeocoderUnavailable("le service d’adresses ne répond pas à temps") from None
        except URLError as error:
            reason = getattr(error, "code", None) or error.reason
            raise GeocoderUnavailable(f"service d’adresses injoignable ({reason})") from None
        except OSError as error:
            raise GeocoderUnavailable(f"service d’adresses injoignable ({error})") from None


def _csv_of(addresses: list[Address]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for a in addresses:
        writer.writerow([a.key, a.street, a.postcode, a.city, a.citycode])
    return out.getvalue().encode("utf-8")


def _multipart(data: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    fields = [("columns", "adresse"), ("columns", "commune"), ("postcode", "code_postal")]
    fields.append(("citycode", "code_insee"))
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="data"; filename="adresses.csv"'
        f"\r\nContent-Type: text/csv\r\n\r\n".encode()
        + data
        + b"\r\n"
    )
    return b"".join(
        parts
    ) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def _read_results(answer: bytes) -> dict[str, Result | None]:
    try:
        reader = csv.DictReader(io.StringIO(answer.decode("utf-8-sig")))
        if not ANSWER_COLUMNS.issubset(reader.fieldnames or ()):
            raise ValueError("not the documented CSV")
        return {row["id"]: _result(row) for row in reader}
    except (UnicodeDecodeError, csv.Error, KeyError, ValueError, TypeError):
        raise GeocoderUnavailable("réponse illisible du service d’adresses") from None


def _result(row: dict[str, str]) -> Result | None:
    status = row.get("result_status") or (FOUND if row.get("result_score") else "not-found")
    if status != FOUND:
        return None
    return Result(
        longitude=float(row["longitude"]),
        latitude=float(row["latitude"]),
        score=float(row["result_score"]),
        label=row.get("result_label", "")[:300],
        citycode=row.get("result_citycode", ""),
    )


def _suggestion(feature: dict[str, Any]) -> dict[str, Any]:
    properties = feature["properties"]
    longitude, latitude = feature["geometry"]["coordinates"]
    return {
        "label": str(properties["label"]),
        "name": str(properties.get("name", "")),
        "postcode": str(properties.get("postcode", "")),
        "city": str(properties.get("city", "")),
        "citycode": str(properties.get("citycode", "")),
        "longitude": float(longitude),
        "latitude": float(latitude),
    }
