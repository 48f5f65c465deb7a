"""The scale test follows docs/deployment.md and starts the units of deploy/ (tests/scale/docs.py,
units.py): checked here without root, so that a page or a unit drifting from what the scale test
can follow fails the ordinary suite too."""

from pathlib import Path

import pytest

from tests.scale import docs, platform
from tests.scale.units import ROOT, Paths, read_unit, unit_environment

FOLLOWED = [
    "Un rôle et une base à lui",
    "**Vérifier, créer les tables",
    "**Les services et le serveur web**",
    "## 4. Mettre à jour",
]


def test_every_command_the_scale_test_follows_is_run_or_skipped_with_a_reason():
    planned = {marker: docs.steps(marker) for marker in FOLLOWED}
    run = [line for steps in planned.values() for kind, line in steps if kind == "shell"]
    assert "maillage-manage migrate --no-input" in run
    assert "maillage-manage collectstatic --no-input" in run
    assert run.count("maillage-manage check --deploy") == 2  # first install, then each upgrade
    upgrade = [line for kind, line in planned["## 4. Mettre à jour"] if kind == "systemctl"]
    assert upgrade == [
        "sudo systemctl stop maillage-scheduler maillage-worker",
        "sudo systemctl reload maillage-web",
        "sudo systemctl start maillage-worker maillage-scheduler",
    ]


def test_a_command_the_scale_test_cannot_follow_fails_it(monkeypatch, tmp_path):
    page = tmp_path / "deployment.md"
    page.write_text("**Étape**\n\n```sh\nsudo rm -rf /srv/maillage/var\n```\n")
    monkeypatch.setattr(docs, "PAGE", page)
    with pytest.raises(SystemExit, match="ne sait pas suivre"):
        docs.steps("**Étape**")


def test_the_services_start_from_their_units_with_the_test_hosts_paths(tmp_path):
    paths = Paths(srv=tmp_path / "srv", etc=tmp_path / "etc", runtime=tmp_path / "run")
    paths.etc.mkdir()
    (paths.etc / "maillage.env").write_text("# a comment\nSITE_URL='https://x.test'\nA=1\n")
    web = read_unit("maillage-web", paths)
    assert web.exec_start == [str(ROOT / ".venv/bin/gunicorn"), "-c", "gunicorn.conf.py"]
    assert web.working_directory == str(ROOT)
    assert web.environment == {"XDG_RUNTIME_DIR": str(tmp_path / "run" / "maillage-web")}
    environment = unit_environment(web, {"PATH": "/bin", "A": "0"})
    assert environment["SITE_URL"] == "https://x.test"
    assert environment["A"] == "1"  # the unit's file wins
    worker = read_unit("maillage-worker", paths)
    assert worker.exec_start[1:] == ["manage.py", "db_worker", "--no-startup-delay"]
    assert (worker.kill_signal.name, worker.stop_seconds) == ("SIGTERM", 600)


def test_the_environment_file_is_filled_in_on_the_lines_that_name_each_setting():
    documented = (ROOT / "deploy" / "maillage.env").read_text()
    filled = platform.fill_in(documented, {"GUNICORN_BIND": "10.0.0.11:8000", "EMAIL_HOST": ""})
    assert "\nGUNICORN_BIND=10.0.0.11:8000\n" in filled
    assert "# GUNICORN_BIND" not in filled
    assert "\nEMAIL_HOST=\n" in filled
    with pytest.raises(SystemExit, match="ne nomme plus"):
        platform.fill_in(documented, {"NO_SUCH_SETTING": "1"})


def test_the_test_hosts_caddyfile_keeps_the_shipped_one_but_address_authority_and_upstreams():
    work = Path("/tmp/maillage-scale-ms-x")
    shipped = (ROOT / "deploy" / "Caddyfile").read_text()
    served = platform.caddyfile(work)
    assert f"{platform.SITE} {{\n\ttls internal\n" in served
    assert "reverse_proxy 198.51.100.11:8000 198.51.100.12:8000 {" in served
    assert "/srv/maillage" not in served
    header = shipped[shipped.index("\theader {") : shipped.index("\t}\n", shipped.index("header"))]
    assert header in served
