"""Each importer's parsing under the coverage-guided fuzzer atheris (`tests/fuzz/run.py`): from
a well-formed file, mutated inputs must end in the parsed rows or a documented rejection, never
in another exception. The suite runs each harness a few seconds; `make fuzz` runs FUZZ_SECONDS
(20) per harness, without a cap on runs."""

import os
import subprocess
import sys

import pytest

from tests.fuzz.harnesses import TARGETS, seeds
from tests.live_server import ROOT

SECONDS = int(os.environ.get("FUZZ_SECONDS", "3"))
# In the suite, also a number of runs (a loaded machine stops early rather than late) and a fixed
# seed, so that a run explores the same inputs each time; `make fuzz` draws new ones.
RUNS = [] if "FUZZ_SECONDS" in os.environ else ["-runs=3000", "-seed=1"]


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_no_input_crashes_the_importer(target, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number, seed in enumerate(seeds()[target]):
        (corpus / f"seed-{number}").write_bytes(seed)
    command = [sys.executable, "-m", "tests.fuzz.run", target, str(corpus)]
    command += [f"-max_total_time={SECONDS}", "-timeout=20", "-rss_limit_mb=1024", *RUNS]
    command += [f"-artifact_prefix={tmp_path}/"]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=SECONDS + 120)
    assert run.returncode == 0, run.stderr[-6000:]
    assert "Done" in run.stderr
