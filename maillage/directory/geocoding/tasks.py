"""The geocoding task: every waiting address, batch after batch, in the task worker."""

from __future__ import annotations

from django_tasks import task

from maillage.directory.geocoding.batches import geocode_batch, next_attempt, queue_missing
from maillage.directory.geocoding.client import BanClient, GeocoderUnavailable


@task()
def geocode_addresses() -> dict[str, int | str]:
    """Geocode what waits; if the service fails, the rest waits and the task comes back then."""
    queued = queue_missing()
    client = BanClient()
    done = 0
    while True:
        try:
            size = geocode_batch(client)
        except GeocoderUnavailable as error:
            retry = next_attempt()
            if retry is not None and geocode_addresses.get_backend().supports_defer:
                geocode_addresses.using(run_after=retry).enqueue()
            return {"queued": queued, "geocoded": done, "postponed": str(error)}
        if size == 0:
            return {"queued": queued, "geocoded": done}
        done += size
