"""Reading official files row by row, whatever their size, and refusing those that lie.

A CSV file (optionally gzipped) is read by `csv.reader` in one streaming pass, so that each
rejected row keeps its line number; a Parquet file is read through DuckDB, filtered in SQL. In
both, only the rows whose `filter_column` is in `filter_values` are turned into dicts: a national
stock of 40 million rows never sits in memory (see docs/adr/0004-sirene-import.md).
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import zlib
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from maillage.core.french import agreed
from maillage.core.reading import (
    ENCODING_NAMES,
    Limits,
    ReadingRefused,
    csv_records,
    decoded,
    lines,
    open_binary,
    text_encoding,
)
from maillage.directory.sources.errors import ImportRefused

SAMPLE_BYTES = 256 * 1024
RAW_LIMIT = 2000


@dataclass(frozen=True)
class Row:
    line: int  # line of the CSV file where the record starts, or record number in Parquet
    values: dict[str, str]
    raw: str
    error: str = ""  # set when the row is malformed (wrong number of columns)


@dataclass
class FileSpec:
    """What a kind of file must look like."""

    label: str  # « fichier StockEtablissement »
    required: Sequence[str]
    optional: Sequence[str] = ()
    delimiter: str = ","
    encodings: Sequence[str] = ("utf-8",)
    # Header sniffing: a message for a header that belongs to another kind of file.
    impostors: dict[str, str] = field(default_factory=dict)

    @property
    def columns(self) -> list[str]:
        return [*self.required, *self.optional]


@dataclass
class Scan:
    """The rows kept from a file, with what the pass counted on the way."""

    rows_read: int = 0
    rows_filtered_out: int = 0  # read, but not kept by the filter (another commune, unit…)
    encoding: str = ""
    checksum: str = ""


def is_parquet(path: Path) -> bool:
    return path.suffix.lower() in {".parquet", ".pq"}


def check_header(header: Sequence[str], spec: FileSpec, name: str) -> None:
    present = {column.strip().lstrip("\ufeff") for column in header}
    missing = [column for column in spec.required if column not in present]
    if not missing:
        return
    for marker, message in spec.impostors.items():
        if marker in present:
            raise ImportRefused(f"« {name} » n’est pas un {spec.label} : {message}")
    raise ImportRefused(
        f"« {name} » n’est pas un {spec.label} : "
        f"{agreed(len(missing), 'colonne manquante', 'colonnes manquantes')} : "
        f"{', '.join(missing)}."
    )


def scan_csv(
    path: Path,
    spec: FileSpec,
    filter_column: str,
    keep: Callable[[str], bool],
    scan: Scan,
) -> Iterator[Row]:
    """Yield the rows whose `filter_column` passes `keep`; malformed rows come with values={}.

    Raises ImportRefused for a wrong header, encoding, a truncated file or one past a reading
    limit (`maillage/core/reading.py`): callers must write nothing before the generator is
    exhausted.
    """
    name = path.name
    scan.checksum = file_checksum(path)
    limits = Limits.from_settings()
    try:
        with open_binary(path) as handle:
            encoding = text_encoding(handle.read(SAMPLE_BYTES), name, spec.encodings)
        scan.encoding = encoding
        with open_binary(path) as raw:
            label = ENCODING_NAMES.get(encoding, encoding)
            text = decoded(
                lines(raw, name, limits),
                encoding,
                lambda line: (
                    f"« {name} » contient des octets illisibles en {label} à la ligne "
                    f"{line} : le fichier est mal encodé ou abîmé."
                ),
            )
            records = csv_records(text, spec.delimiter, name, limits)
            complete = _ends_with_newline(path)
            yield from _rows(records, spec, name, filter_column, keep, scan, complete)
    except ReadingRefused as refusal:
        raise ImportRefused(str(refusal)) from None
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        raise ImportRefused(f"« {name} » est tronqué ou abîmé ({error}).") from error


def _ends_with_newline(path: Path) -> bool:
    """A plain file cut during a download stops mid-line; a gzip stream says so itself."""
    if path.suffix.lower() == ".gz":
        return True
    with path.open("rb") as handle:
        handle.seek(-1, io.SEEK_END)
        return handle.read(1) in {b"\n", b"\r"}


def _rows(
    records: Iterator[tuple[int, list[str]]],
    spec: FileSpec,
    name: str,
    filter_column: str,
    keep: Callable[[str], bool],
    scan: Scan,
    complete: bool,
) -> Iterator[Row]:
    first = next(records, None)
    if first is None:
        raise ImportRefused(f"« {name} » est vide.")
    header = [column.strip().lstrip("\ufeff") for column in first[1]]
    check_header(header, spec, name)
    positions = {column: header.index(column) for column in spec.columns if column in header}
    filter_at = positions[filter_column]
    width = len(header)
    short: Row | None = None
    for line, fields in records:
        if not fields:
            continue
        scan.rows_read += 1
        if short is not None:  # reported only once we know it was not the truncated last line
            yield short
            short = None
        raw = spec.delimiter.join(fields)[:RAW_LIMIT]
        if len(fields) != width:
            short = Row(line, {}, raw, f"{len(fields)} colonnes au lieu de {width}")
            continue
        if keep(fields[filter_at].strip()):
            yield Row(line, {column: fields[at].strip() for column, at in positions.items()}, raw)
        else:
            scan.rows_filtered_out += 1
    if short is not None:
        if not complete:
            raise ImportRefused(
                f"« {name} » semble tronqué : sa dernière ligne ({short.line}) est incomplète."
            )
        yield short
    if scan.rows_read == 0:
        raise ImportRefused(f"« {name} » ne contient aucune ligne de données.")


def validate_csv(path: Path, spec: FileSpec) -> None:
    """Read the whole file once, keeping nothing, so that a file refused on its way (truncated,
    badly encoded, past a reading limit) is refused before any batch is written."""
    for _ in scan_csv(path, spec, spec.required[0], lambda value: False, Scan()):
        pass


def check_file(path: Path, spec: FileSpec) -> None:
    """Refuse a file whose header or encoding is wrong, reading only its beginning."""
    name = path.name
    if not path.is_file():
        raise ImportRefused(f"« {path} » n’existe pas ou n’est pas un fichier.")
    if is_parquet(path):
        import duckdb  # loaded only to read a Parquet file: every process starts without it

        connection = duckdb.connect()
        try:
            relation = connection.execute("SELECT * FROM read_parquet(?) LIMIT 0", [str(path)])
            check_header([c[0] for c in relation.description or []], spec, name)
        except duckdb.Error as error:
            raise ImportRefused(
                f"« {name} » n’est pas un fichier Parquet lisible ({error})."
            ) from error
        finally:
            connection.close()
        return
    try:
        with open_binary(path) as handle:
            sample = handle.read(SAMPLE_BYTES)
    except (EOFError, gzip.BadGzipFile, OSError) as error:
        raise ImportRefused(f"« {name} » est tronqué ou abîmé ({error}).") from error
    try:
        encoding = text_encoding(sample, name, spec.encodings)
    except ReadingRefused as refusal:
        raise ImportRefused(str(refusal)) from None
    first_line = sample.decode(encoding, errors="replace").splitlines()[0]
    check_header(next(csv.reader([first_line], delimiter=spec.delimiter)), spec, name)


def scan_parquet(
    path: Path,
    spec: FileSpec,
    filter_column: str,
    filter_values: Collection[str],
    pad: int,
    scan: Scan,
) -> Iterator[Row]:
    """Yield the rows of a Parquet file whose `filter_column` (left-padded with zeros to `pad`
    characters, in case a code was stored as a number) is in `filter_values`."""
    name = path.name
    scan.encoding = "parquet"
    scan.checksum = file_checksum(path)
    import duckdb  # loaded only to read a Parquet file: every process starts without it

    connection = duckdb.connect()
    try:
        relation = connection.execute("SELECT * FROM read_parquet(?) LIMIT 0", [str(path)])
        header = [column[0] for column in relation.description or []]
        check_header(header, spec, name)
        count = connection.execute("SELECT count(*) FROM read_parquet(?)", [str(path)]).fetchone()
        scan.rows_read = int(count[0]) if count else 0
        if scan.rows_read == 0:
            raise ImportRefused(f"« {name} » ne contient aucune ligne de données.")
        columns = [c for c in spec.columns if c in header]
        selected = ", ".join(f'CAST("{c}" AS VARCHAR) AS "{c}"' for c in columns)
        cursor = connection.execute(
            f"SELECT file_row_number, {selected} "
            "FROM read_parquet(?, file_row_number = true) "
            f"WHERE list_contains(?, lpad(CAST(\"{filter_column}\" AS VARCHAR), {pad}, '0')) "
            "ORDER BY file_row_number",
            [str(path), sorted(filter_values)],
        )
        while batch := cursor.fetchmany(5000):
            for record in batch:
                values = {c: (v or "").strip() for c, v in zip(columns, record[1:], strict=True)}
                raw = spec.delimiter.join(values.values())[:RAW_LIMIT]
                yield Row(int(record[0]) + 1, values, raw)
    except duckdb.Error as error:
        raise ImportRefused(
            f"« {name} » n’est pas un fichier Parquet lisible ({error})."
        ) from error
    finally:
        connection.close()


def file_checksum(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()
