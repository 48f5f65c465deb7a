"""Observatory snapshot of the hub's territory from a national-size SIRENE stock (40 million
establishments, Parquet): straight from the stock against a pandas baseline doing the same
computation, then from a prepared vintage (issue 19), all in the same run and with identical
figures (the same digest of every figure).

Each side runs in its own process (so that the peaks do not mix): the time is that of the
computation (Django already set up), the peak memory the process's own high-water resident set
(`VmHWM`, read by the process at its end). Not `wait4`'s `ru_maxrss`: Linux carries it over
`exec` from the forked parent, so after the directory benchmark had grown the pytest process,
`make bench` measured the DuckDB side at 1 933 Mo instead of about 430.

The stock comes twice, as INSEE's own files may be either (`national_stock.py`): the worst case
(commune codes, SIRET and SIREN stored plain) and every text column dictionary-encoded. On each:
- the unprepared path: the real `compute_from_sirene`, rolled back afterwards; on the worst case
  also the pandas side, which reads the needed columns (pyarrow engine, `columns=`, `filters=`
  pushdown), classifies the units with the same mapping, merges and groups;
- the preparation (`vintages.prepare`): time and peak memory printed against their aims (30 s,
  1 Go), not asserted;
- the snapshot from the prepared vintage (`compute_from_vintage`), rolled back.
Both snapshot processes load the French collator (communes sorted by name) before the clock
starts: a worker loads it once, the first time, not for each snapshot.

Targets (issue 4): ≤ 10 s and ≤ 1 GB for the unprepared DuckDB side, ≥ 5× faster and ≥ 5× less
memory than pandas. Asserted: identical figures, the memory limit and both ratios (measured: 5,3×
to 8,5× faster, 15× to 18× less memory), and the ratio of processor times.
Targets (issue 19): the prepared snapshot ≤ 1 s and ≤ 300 Mo, ≥ 10× faster than the unprepared
path of the same run. Asserted: identical figures, the memory limit and the ratio.
The wall times are printed (« atteint » or « non atteint ») rather than asserted: from one machine
and one run to the next the same computation has taken 10 to 24 s of processor time (4,7 to 10,9 s
of wall time when nothing else runs, 12,6 s under a load of 2,4), so a timed assertion would
flake; the load average is printed with them.

Run alone: `.venv/bin/pytest benchmarks/test_observatory_national.py -p no:cacheprovider -s`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.french import met
from benchmarks.process_memory import status_kb
from maillage.core.french import number as fr

ROOT = Path(__file__).resolve().parent.parent
TIME_LIMIT_S = 10
MEMORY_LIMIT_MB = 1024
MIN_SPEEDUP = 5
MIN_MEMORY_RATIO = 5
# Processor time against the pandas run's (2,8× to 4,9× measured): unlike the wall time, it does
# not drop when other work shares the two cores.
MIN_CPU_RATIO = 2.5
PREPARED_TIME_LIMIT_S = 1
PREPARED_MEMORY_LIMIT_MB = 300
MIN_PREPARED_SPEEDUP = 10
PREPARATION_AIM_S = 30
PREPARATION_AIM_MB = 1024
VINTAGE = "2026-11-01"
DIMENSIONS = ("area", "family", "section", "division", "commune", "size")
FIELDS = (
    "establishments",
    "employers",
    "jobs_low",
    "jobs_mid2",
    "jobs_high",
    "unknown_brackets",
    "all_establishments",
    "all_jobs_mid2",
)


def _require_pandas() -> None:
    try:
        import pandas  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        pytest.fail(
            "pandas et pyarrow manquent : le point de comparaison de ce banc d’essai en a "
            "besoin (groupe de dépendances « dev » : `uv add --dev pandas pyarrow`)."
        )


# --- The DuckDB side: the application's own computation -------------------------------------


def _rolled_back(compute) -> dict:
    """Time `compute()`, read its snapshot's figures, then leave the database as it was."""
    from django.db import transaction

    from maillage.core.collation import sort_key
    from maillage.observatory.figures.store import figures_digest

    class Rollback(Exception):
        pass

    sort_key("")  # the French collator loads once per process (1,7 s under load), not per snapshot
    result = {}
    try:
        with transaction.atomic():
            start = time.perf_counter()
            snapshot = compute()
            result["seconds"] = time.perf_counter() - start
            result["digest"] = figures_digest(snapshot)
            result["figures"] = {
                f"{f.dimension}|{f.key}": [
                    f.establishments,
                    f.employers,
                    f.jobs_low,
                    int(f.jobs_mid * 2),
                    f.jobs_high,
                    f.unknown_brackets,
                    f.all_establishments,
                    int(f.all_jobs * 2),
                ]
                for f in snapshot.figures.filter(dimension__in=DIMENSIONS)
            }
            raise Rollback  # leave the benchmark database as it was
    except Rollback:
        pass
    return result


def run_duckdb(etab: str, units: str) -> dict:
    from datetime import date

    from maillage.observatory.figures.compute import compute_from_sirene

    day = date.fromisoformat(VINTAGE)
    return _rolled_back(lambda: compute_from_sirene([Path(etab)], [Path(units)], day))


def run_prepare(etab: str, units: str) -> dict:
    """Prepare the vintage, kept (committed) for the prepared snapshot's process."""
    from datetime import date

    from maillage.observatory.vintages import prepare, request_preparation

    start = time.perf_counter()
    vintage = request_preparation(Path(etab), Path(units), date.fromisoformat(VINTAGE))
    prepare(vintage)
    return {"seconds": time.perf_counter() - start, "vintage": vintage.pk}


def run_prepared(vintage_id: str, _: str = "") -> dict:
    from maillage.observatory.figures.compute import compute_from_vintage
    from maillage.observatory.models import PreparedVintage

    vintage = PreparedVintage.objects.get(pk=int(vintage_id))
    return _rolled_back(lambda: compute_from_vintage(vintage))


# --- The pandas baseline: the same computation, written the usual pandas way ----------------


def _territory_tables() -> dict:
    from maillage.directory.definitions import bracket_is_employer
    from maillage.directory.nomenclatures import employee_brackets, naf_codes
    from maillage.observatory.sources.areas import REGION_DEPARTEMENTS
    from maillage.territory.models import Commune, OldCommuneCode
    from maillage.territory.queries import current_territory

    territory = current_territory()
    communes = list(
        Commune.objects.in_territory(territory).select_related("epci", "departement__region")
    )
    current = {c.code: c.code for c in communes}
    for old in OldCommuneCode.objects.filter(commune__in=communes).select_related("commune"):
        current.setdefault(old.code, old.commune.code)
    brackets = {}
    for code, bracket in employee_brackets().items():
        low = bracket.low or 0
        high = bracket.high if bracket.high is not None else low
        # The directory's definition: « NN » employs nobody, « 00 » (no salaried staff at the
        # year's end) still counts as an employer.
        brackets[code] = (low, low + high, high, bracket_is_employer(code))
    regions = sorted({c.departement.region.code for c in communes})
    return {
        "slug": territory.slug,
        "current": current,
        "communes": [c.code for c in communes],
        "departements": sorted({c.departement.code for c in communes}),
        "regions": {r: REGION_DEPARTEMENTS[r] for r in regions if r in REGION_DEPARTEMENTS},
        "brackets": brackets,
        "naf": {c.code: (c.section, c.division) for c in naf_codes().values()},
    }


def _counts(frame, key: str, brackets) -> dict[str, list[int]]:
    """Counts per `key` of open establishments, as `aggregate.grouped` computes them."""
    frame = frame[frame["open"]].merge(brackets, how="left", left_on="bracket", right_index=True)
    ess = frame["family"] != ""
    parts = frame.assign(
        ess=ess,
        ess_employer=ess & frame["employer"].fillna(False).astype(bool),
        ess_low=frame["low"].where(ess, 0).fillna(0),
        ess_mid2=frame["mid2"].where(ess, 0).fillna(0),
        ess_high=frame["high"].where(ess, 0).fillna(0),
        ess_unknown=ess & frame["low"].isna(),
        one=1,
        mid2_all=frame["mid2"].fillna(0),
    )
    columns = ["ess", "ess_employer", "ess_low", "ess_mid2", "ess_high", "ess_unknown", "one"]
    grouped = parts.groupby(key)[[*columns, "mid2_all"]].sum()
    return {
        str(k): [int(v) for v in row] for k, row in zip(grouped.index, grouped.values, strict=True)
    }


def _families(units: str):
    """The active units the classification places in the ESS: (siren, family)."""
    import pandas as pd

    from maillage.observatory.sources.reference_tables import family_of

    values = ["category", "flag", "nomenclature", "unit_naf"]
    unit = pd.read_parquet(
        units,
        engine="pyarrow",
        columns=[
            "siren",
            "categorieJuridiqueUniteLegale",
            "economieSocialeSolidaireUniteLegale",
            "nomenclatureActivitePrincipaleUniteLegale",
            "activitePrincipaleUniteLegale",
        ],
        filters=[("etatAdministratifUniteLegale", "==", "A")],
    )
    unit.columns = ["siren", *values]
    unit[values] = unit[values].fillna("")
    combos = unit[values].drop_duplicates()
    combos["family"] = [family_of(*row) for row in combos.itertuples(index=False)]
    unit = unit.merge(combos[combos["family"] != ""], on=values)
    return unit[["siren", "family"]]


def _departement(code):
    code = code.fillna("").str.strip().str.upper()
    return code.str[:3].where(code.str.startswith("97"), code.str[:2])


def run_pandas(etab: str, units: str) -> dict:
    """Read only the needed columns, let pyarrow filter the open establishments and the
    territory's communes while reading (filters=), then merge and group: the usual pandas way."""
    import pandas as pd

    tables = _territory_tables()
    start = time.perf_counter()
    brackets = pd.DataFrame.from_dict(
        tables["brackets"], orient="index", columns=["low", "mid2", "high", "employer"]
    )
    families = _families(units)

    sites = pd.read_parquet(
        etab,
        engine="pyarrow",
        columns=["siren", "codeCommuneEtablissement", "trancheEffectifsEtablissement"],
        filters=[("etatAdministratifEtablissement", "==", "A")],
    )
    sites = pd.DataFrame(
        {
            "siren": sites["siren"],
            "departement": _departement(sites["codeCommuneEtablissement"]),
            "bracket": sites["trancheEffectifsEtablissement"].fillna("").str.strip(),
            "open": True,
        }
    ).merge(families, on="siren", how="left")
    sites["family"] = sites["family"].fillna("")
    figures = {}
    area = _counts(sites, "departement", brackets)
    del sites
    present = {d for d, counts in area.items() if counts[6]}
    for departement in tables["departements"]:
        if departement in present:
            figures[f"area|departement:{departement}"] = area[departement]
    for region, members in tables["regions"].items():
        if set(members) <= present:
            figures[f"area|region:{region}"] = _sum(area[d] for d in members)
    figures["area|france:FR"] = _sum(area.values())

    local = pd.read_parquet(
        etab,
        engine="pyarrow",
        columns=[
            "siren",
            "siret",
            "codeCommuneEtablissement",
            "etatAdministratifEtablissement",
            "trancheEffectifsEtablissement",
            "activitePrincipaleEtablissement",
            "nomenclatureActivitePrincipaleEtablissement",
        ],
        filters=[("codeCommuneEtablissement", "in", list(tables["current"]))],
    )
    if local["siret"].duplicated().any():
        raise ValueError("SIRET en double dans le fichier")
    local = local.merge(families, on="siren", how="left")
    local["family"] = local["family"].fillna("")
    local["commune"] = local["codeCommuneEtablissement"].map(tables["current"])
    local["open"] = local["etatAdministratifEtablissement"] == "A"
    local["bracket"] = local["trancheEffectifsEtablissement"].fillna("").str.strip()
    activity = local["activitePrincipaleEtablissement"].fillna("").str.strip().str.upper()
    dotted = activity.str[:2] + "." + activity.str[2:]
    normalised = activity.where(
        (activity.str.len() != 5) | activity.str.contains(".", regex=False), dotted
    )
    nomenclature = local["nomenclatureActivitePrincipaleEtablissement"].fillna("")
    naf = normalised.where(nomenclature.isin(["NAFRev2", ""]), None)
    local["section"] = naf.map(lambda c: tables["naf"].get(c, ("", ""))[0]).fillna("")
    local["division"] = naf.map(lambda c: tables["naf"].get(c, ("", ""))[1]).fillna("")
    local["all"] = "all"
    figures[f"area|{tables['slug']}"] = _counts(local, "all", brackets)["all"]
    for dimension, key in [
        ("family", "family"),
        ("section", "section"),
        ("division", "division"),
        ("size", "bracket"),
    ]:
        for value, counts in _counts(local, key, brackets).items():
            if counts[0] and (dimension != "family" or value):
                figures[f"{dimension}|{value}"] = counts
    by_commune = _counts(local, "commune", brackets)
    for commune in tables["communes"]:
        figures[f"commune|{commune}"] = by_commune.get(commune, [0] * len(FIELDS))
    return {"seconds": time.perf_counter() - start, "figures": figures}


def _sum(rows) -> list[int]:
    return [sum(values) for values in zip(*rows, strict=True)]


# --- Each side in its own process -------------------------------------------------------------


def _measure(kind: str, etab: Path | str, units: Path | str, database_url: str, out: Path) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "maillage.settings.test",
        "OBSERVATORY_VINTAGES_DIR": str(out.parent / "millesimes"),
    }
    command = [sys.executable, "-m", "benchmarks.test_observatory_national", kind]
    process = subprocess.Popen([*command, str(etab), str(units), str(out)], cwd=ROOT, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    assert process.returncode == 0, f"{kind} a échoué ({process.returncode})"
    result = json.loads(out.read_text())
    # Processor time of the whole process (Django set-up included): unlike the wall time, it
    # does not grow when other work shares the two cores.
    result["cpu_s"] = usage.ru_utime + usage.ru_stime
    return result


def _prepare_database(target: Path) -> str:
    """A database of its own with the hub loaded, made by a child process, so that the measured
    processes never wait on the lock of the test database."""
    url = f"sqlite:///{target}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "maillage.settings.test"}
    for command in (["migrate", "--verbosity", "0"], ["load_hub"]):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
    return url


def _line(name: str, measured: dict) -> str:
    return (
        f"  {name:28} {fr(measured['seconds'], 2):>7} s {fr(measured['peak_mb']):>9} Mo "
        f"{fr(measured['cpu_s'], 1):>9} s"
    )


def _load() -> str:
    return fr(os.getloadavg()[0], 1)


STOCKS = {
    "pire cas": "national_stock",
    "dictionnaire": "dictionary_stock",
}


@pytest.mark.parametrize("encoding", list(STOCKS))
def test_national_stock_snapshot_prepared_and_against_pandas(tmp_path, capsys, encoding):
    _require_pandas()
    from benchmarks import national_stock as stocks

    etab, units = getattr(stocks, STOCKS[encoding])()
    with_pandas = encoding == "pire cas"
    url = _prepare_database(tmp_path / "hub.sqlite3")
    duck = _measure("duckdb", etab, units, url, tmp_path / "duckdb.json")
    loads = {"sans préparation": _load()}
    if with_pandas:
        baseline = _measure("pandas", etab, units, url, tmp_path / "pandas.json")
        loads["pandas"] = _load()
    preparation = _measure("prepare", etab, units, url, tmp_path / "prepare.json")
    loads["préparation"] = _load()
    prepared = _measure("prepared", str(preparation["vintage"]), "", url, tmp_path / "snap.json")
    loads["instantané préparé"] = _load()

    territory = next(
        v for k, v in duck["figures"].items() if k.startswith("area|") and ":" not in k
    )
    prepared_speedup = duck["seconds"] / prepared["seconds"]
    with capsys.disabled():
        print(
            f"\nobservatoire, stock SIRENE national généré ({encoding}) : "
            f"{fr(stocks.ESTABLISHMENTS)} établissements (Parquet), {fr(territory[6])} "
            f"établissements ouverts dans le territoire\n"
            f"  {'':28} {'temps':>9} {'mémoire max':>12} {'temps processeur':>17}\n"
            + _line("DuckDB sans préparation", duck)
            + (f"\n{_line('pandas sans préparation', baseline)}" if with_pandas else "")
            + f"\n{_line('préparation du millésime', preparation)}"
            f"\n{_line('instantané du millésime', prepared)}\n"
        )
        if with_pandas:
            speedup = baseline["seconds"] / duck["seconds"]
            memory_ratio = baseline["peak_mb"] / duck["peak_mb"]
            print(
                f"  sans préparation, DuckDB contre pandas : {fr(speedup, 1)}× plus rapide "
                f"(objectif {MIN_SPEEDUP}× : {met(speedup >= MIN_SPEEDUP)}), "
                f"{fr(memory_ratio, 1)}× moins de mémoire (objectif {MIN_MEMORY_RATIO}× : "
                f"{met(memory_ratio >= MIN_MEMORY_RATIO)}), "
                f"{fr(baseline['cpu_s'] / duck['cpu_s'], 1)}× moins de temps processeur"
            )
        print(
            f"  objectifs sans préparation : {TIME_LIMIT_S} s "
            f"({met(duck['seconds'] <= TIME_LIMIT_S)}), {fr(MEMORY_LIMIT_MB)} Mo "
            f"({met(duck['peak_mb'] <= MEMORY_LIMIT_MB)})\n"
            f"  préparation : {PREPARATION_AIM_S} s "
            f"({met(preparation['seconds'] <= PREPARATION_AIM_S)}), {fr(PREPARATION_AIM_MB)} Mo "
            f"({met(preparation['peak_mb'] <= PREPARATION_AIM_MB)})\n"
            f"  instantané préparé : {PREPARED_TIME_LIMIT_S} s "
            f"({met(prepared['seconds'] <= PREPARED_TIME_LIMIT_S)}), "
            f"{fr(PREPARED_MEMORY_LIMIT_MB)} Mo "
            f"({met(prepared['peak_mb'] <= PREPARED_MEMORY_LIMIT_MB)}), "
            f"{fr(prepared_speedup, 1)}× plus rapide que sans préparation (objectif "
            f"{MIN_PREPARED_SPEEDUP}× : {met(prepared_speedup >= MIN_PREPARED_SPEEDUP)}); "
            f"mêmes chiffres : {'oui' if prepared['digest'] == duck['digest'] else 'NON'}\n"
            "  charge de la machine (moyenne sur 1 min, après chaque mesure) : "
            + ", ".join(f"{name} {load}" for name, load in loads.items())
        )
    assert territory[0] > 0, "le territoire doit compter des établissements de l’ESS"
    assert prepared["figures"] == duck["figures"]
    assert prepared["digest"] == duck["digest"]
    assert prepared["peak_mb"] <= PREPARED_MEMORY_LIMIT_MB
    assert prepared_speedup >= MIN_PREPARED_SPEEDUP
    assert duck["peak_mb"] <= MEMORY_LIMIT_MB
    if with_pandas:
        assert duck["figures"] == baseline["figures"]
        assert memory_ratio >= MIN_MEMORY_RATIO
        assert baseline["cpu_s"] / duck["cpu_s"] >= MIN_CPU_RATIO
        assert speedup >= MIN_SPEEDUP


if __name__ == "__main__":
    import django

    django.setup()
    kind, etab_path, units_path, out_path = sys.argv[1:5]
    runner = {
        "duckdb": run_duckdb,
        "pandas": run_pandas,
        "prepare": run_prepare,
        "prepared": run_prepared,
    }[kind]
    measured = runner(etab_path, units_path)
    measured["peak_mb"] = status_kb("VmHWM") / 1024
    Path(out_path).write_text(json.dumps(measured))
