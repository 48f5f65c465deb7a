"""Which entries wait for geocoding, and what the answer to a batch does to them.

A batch holds its rows for LEASE while it waits for the service; when the service cannot be
reached, its rows wait longer after each failure (up to a day) and nothing else changes. A
result below the score threshold is not taken: staff confirm it as a « lieu à confirmer ».
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from maillage.directory import map_clusters, provenance
from maillage.directory.enums import (
    GeocodingStatus,
    LocationCheckKind,
    LocationCheckStatus,
    Source,
)
from maillage.directory.exports import published
from maillage.directory.geocoding.client import Address, BanClient, GeocoderUnavailable, Result
from maillage.directory.models import Establishment, Geocoding, LocationCheck
from maillage.directory.models.organisations import LISTING_FIELDS

LEASE = timedelta(minutes=10)
LONGEST_WAIT = timedelta(days=1)


def queue_missing() -> int:
    """Ask for the geocoding of every open entry with a street but no coordinates."""
    missing = (
        Establishment.objects.filter(is_open=True, longitude__isnull=True, geocoding__isnull=True)
        .exclude(street="")
        .values_list("pk", flat=True)
    )
    queued = 0
    batch: list[Geocoding] = []
    for pk in missing.iterator(chunk_size=settings.GEOCODING_BATCH_SIZE):
        batch.append(Geocoding(establishment_id=pk))
        if len(batch) >= settings.GEOCODING_BATCH_SIZE:
            queued += len(Geocoding.objects.bulk_create(batch, ignore_conflicts=True))
            batch = []
    queued += len(Geocoding.objects.bulk_create(batch, ignore_conflicts=True))
    return queued


def forget_geocoded_position(site: Establishment) -> None:
    """A new address: the position the geocoder gave the old one goes (not one a source or a
    person gave), and the new one waits for the next geocoding. Nothing is saved."""
    geocoded = provenance.source_of(site.provenance, "longitude") == Source.GEOCODER
    if site.longitude is not None and not geocoded:
        return
    Geocoding.objects.filter(establishment=site).delete()
    site.longitude = site.latitude = None
    site.provenance.pop("longitude", None)
    site.provenance.pop("latitude", None)


def geocode_batch(client: BanClient, now: datetime | None = None) -> int:
    """Geocode the next due batch; return its size (0: nothing left). Raises
    GeocoderUnavailable after putting the batch back to wait."""
    now = now or timezone.now()
    rows = _claim(settings.GEOCODING_BATCH_SIZE, now)
    if not rows:
        return 0
    try:
        results = client.geocode(_address(row) for row in rows)
    except GeocoderUnavailable as error:
        _postpone(rows, str(error), now)
        raise
    judged = [(row, _judge(row, results[str(row.pk)])) for row in rows]
    placed = [(row, result) for row, result in judged if result is not None]
    _place(placed)
    for row in rows:
        if row.status == GeocodingStatus.TO_CONFIRM:
            _ask_staff(row, results[str(row.pk)])
    fields = ["status", "score", "label", "attempts", "last_error", "retry_after", "updated_at"]
    for row in rows:
        row.updated_at = now
    Geocoding.objects.bulk_update(rows, fields)
    return len(rows)


def next_attempt() -> datetime | None:
    waiting = Geocoding.objects.filter(status=GeocodingStatus.PENDING, retry_after__isnull=False)
    return waiting.order_by("retry_after").values_list("retry_after", flat=True).first()


def _claim(size: int, now: datetime) -> list[Geocoding]:
    with transaction.atomic():
        due = Geocoding.objects.due(now).order_by("pk").select_for_update(skip_locked=True)
        ids = list(due.values_list("pk", flat=True)[:size])
        Geocoding.objects.filter(pk__in=ids).update(retry_after=now + LEASE)
    rows = Geocoding.objects.filter(pk__in=ids).order_by("pk")
    return list(rows.select_related("establishment__commune"))


def _address(row: Geocoding) -> Address:
    site = row.establishment
    commune = site.commune
    return Address(
        key=str(row.pk),
        street=site.street,
        postcode=site.postcode,
        city=site.city_name or (commune.name if commune else ""),
        citycode=commune.code if commune else "",
    )


def _postpone(rows: list[Geocoding], message: str, now: datetime) -> None:
    for row in rows:
        row.attempts += 1
        row.last_error = message[:300]
        row.retry_after = now + min(timedelta(minutes=2**row.attempts), LONGEST_WAIT)
    Geocoding.objects.bulk_update(rows, ["attempts", "last_error", "retry_after"])


def _judge(row: Geocoding, result: Result | None) -> Result | None:
    """Set the row's status from the answer; return the result if it is to be placed."""
    row.attempts, row.last_error, row.retry_after = 0, "", None
    if result is None:
        row.status = GeocodingStatus.NOT_FOUND
        return None
    row.score, row.label = result.score, result.label
    if result.score * 100 < settings.GEOCODING_MIN_SCORE_PERCENT:
        row.status = GeocodingStatus.TO_CONFIRM
        return None
    row.status = GeocodingStatus.PLACED
    return result


def _place(placed: list[tuple[Geocoding, Result]]) -> None:
    """Coordinates only where no source gave any, never over a person's; written in bulk (the
    Geocoding row, with its score and label, is the trace of where they come from)."""
    today = timezone.localdate()
    with transaction.atomic():
        sites = (
            Establishment.objects.select_for_update(of=("self",))
            .select_related("legal_unit")
            .in_bulk([row.establishment_id for row, _ in placed])
        )
        changed = []
        for row, result in placed:
            site = sites[row.establishment_id]
            values = {"longitude": result.longitude, "latitude": result.latitude}
            if site.longitude is None and provenance.apply(site, values, Source.GEOCODER, today):
                site.fill_listing_fields()
                changed.append(site)
        fields = ["longitude", "latitude", "provenance", *LISTING_FIELDS]
        Establishment.objects.bulk_update(changed, fields, batch_size=500)
        if changed:
            map_clusters.refresh_on_commit()  # bulk_update sends no signal
            published.mark_stale()


def _ask_staff(row: Geocoding, result: Result) -> None:
    address = _address(row)
    LocationCheck.objects.update_or_create(
        establishment_id=row.establishment_id,
        kind=LocationCheckKind.ADDRESS,
        status=LocationCheckStatus.PENDING,
        defaults={
            "written": f"{address.street}, {address.postcode} {address.city}"[:300],
            "reason": f"score du géocodage {round(result.score * 100)} %, sous le seuil de "
            f"{settings.GEOCODING_MIN_SCORE_PERCENT} %",
            "longitude": result.longitude,
            "latitude": result.latitude,
            "score": result.score,
            "label": result.label,
        },
    )
