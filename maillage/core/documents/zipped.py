"""Zip archives whose bytes depend on their content only: every entry gets the same date.

Word-processor files are zip archives; their libraries stamp each entry with the current time,
so the same document would give different bytes at each generation.
"""

from __future__ import annotations

import datetime
import io
import zipfile

# The zip format cannot store dates before 1980.
EARLIEST = datetime.datetime(1980, 1, 1)


def _stamp(when: datetime.datetime | None) -> tuple[int, int, int, int, int, int]:
    moment = max((when or EARLIEST).replace(tzinfo=None), EARLIEST)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def restamped(archive: bytes, when: datetime.datetime | None) -> bytes:
    """The same archive, entries in the same order (an ODT's `mimetype` first, stored), dated
    `when`."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as source, zipfile.ZipFile(output, "w") as target:
        for entry in source.infolist():
            copy = zipfile.ZipInfo(entry.filename, _stamp(when))
            copy.compress_type = entry.compress_type
            copy.external_attr = entry.external_attr
            target.writestr(copy, source.read(entry))
    return output.getvalue()


def archive(files: dict[str, bytes], when: datetime.datetime | None) -> bytes:
    """A new zip of these files, in this order, dated `when`."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in files.items():
            entry = zipfile.ZipInfo(name, _stamp(when))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, data)
    return output.getvalue()
