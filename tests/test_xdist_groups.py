"""`make test` keeps the concurrency tests on one worker through xdist's `--dist loadgroup`. A
pytest release that xdist does not follow ignores the groups silently (pytest 9.2 did): this runs
a tiny suite of two grouped tests and checks they ran together, on one worker."""

import re
import subprocess  # nosec B404: runs this interpreter's pytest on a generated suite
import sys

GROUPED_SUITE = """
import pytest

@pytest.mark.xdist_group("storm")
@pytest.mark.parametrize("n", range(4))
def test_grouped(n):
    pass
"""


def test_tests_of_one_group_run_on_one_worker(tmp_path):
    (tmp_path / "test_grouped.py").write_text(GROUPED_SUITE)
    (tmp_path / "none.ini").write_text("[pytest]\n")
    run = subprocess.run(  # nosec B603: fixed arguments
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:django",
            "-p",
            "no:cacheprovider",
            "-c",
            str(tmp_path / "none.ini"),
            "--rootdir",
            str(tmp_path),
            "-n",
            "2",
            "--dist",
            "loadgroup",
            "-v",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    workers = re.findall(r"\[(gw\d)\] .*PASSED .*test_grouped\[\d\]@storm", run.stdout)
    assert len(workers) == 4, run.stdout
    assert len(set(workers)) == 1
