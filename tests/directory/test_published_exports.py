"""The whole directory's public files: written by the task worker after the directory changed,
served as files with their date, never a half-written one (`exports/published.py`)."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils.http import http_date
from odfdo import Document

from maillage.directory.enums import Visibility
from maillage.directory.exports import published
from maillage.directory.models import PublishedExportState
from maillage.privacy.subject_rights import erase_person
from tests.directory.factories import EstablishmentFactory
from tests.workers import DATABASE_TASKS, run_db_worker

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _exports_folder(settings, tmp_path):
    settings.DIRECTORY_EXPORTS_ROOT = tmp_path / "exports"


def names_in_csv(response) -> list[str]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return sorted(row["Nom"] for row in csv.DictReader(io.StringIO(text), delimiter=";"))


def test_a_first_download_is_told_to_come_back_and_asks_for_the_file(
    client, django_capture_on_commit_callbacks
):
    EstablishmentFactory(sign="La Ressourcerie")

    with django_capture_on_commit_callbacks(execute=True):  # the task runs inline here
        first = client.get(reverse("directory:export_csv"))

    assert first.status_code == 503
    assert first["Retry-After"] == "60"
    assert "en préparation : revenez dans une minute" in first.content.decode()
    second = client.get(reverse("directory:export_csv"))
    assert second.status_code == 200
    assert names_in_csv(second) == ["La Ressourcerie"]


def test_the_file_is_served_with_its_date_and_not_sent_again_unchanged(client):
    EstablishmentFactory(sign="La Ressourcerie")
    published.rebuild()
    produced = published.published_file(published.ExportFormat.CSV).modified

    response = client.get(reverse("directory:export_csv"))
    again = client.get(
        reverse("directory:export_csv"), HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]
    )
    older = client.get(
        reverse("directory:export_csv"),
        HTTP_IF_MODIFIED_SINCE=http_date((produced - timedelta(hours=1)).timestamp()),
    )

    response.close(), older.close()
    assert response["Last-Modified"] == http_date(produced.timestamp())
    assert response["Content-Disposition"] == 'attachment; filename="annuaire-ess-cades.csv"'
    assert again.status_code == 304
    assert older.status_code == 200


def test_the_open_data_page_says_when_each_file_was_produced(client):
    page = client.get(reverse("directory:api")).content.decode()
    assert "Fichier en préparation" in page

    published.rebuild()

    page = client.get(reverse("directory:api")).content.decode()
    assert "Fichier en préparation" not in page
    assert page.count("Fichier produit le ") == 4


def test_an_unlisted_organisation_leaves_the_file_at_the_rewrite_its_change_queues(
    client, django_capture_on_commit_callbacks
):
    kept = EstablishmentFactory(sign="La Ressourcerie")
    leaving = EstablishmentFactory(sign="Le Refuge")
    published.rebuild()
    assert names_in_csv(client.get(reverse("directory:export_csv"))) == [
        "La Ressourcerie",
        "Le Refuge",
    ]

    with django_capture_on_commit_callbacks(execute=True):
        leaving.visibility = Visibility.HIDDEN
        leaving.save()

    assert names_in_csv(client.get(reverse("directory:export_csv"))) == [kept.sign]


def test_an_erased_contact_leaves_the_file(client, django_capture_on_commit_callbacks):
    EstablishmentFactory(
        sign="La Ressourcerie", email="benevole@exemple.invalid", contacts_public=True
    )
    published.rebuild()
    assert (
        "benevole@exemple.invalid"
        in b"".join(client.get(reverse("directory:export_csv")).streaming_content).decode()
    )

    with django_capture_on_commit_callbacks(execute=True):
        erase_person("benevole@exemple.invalid", journal=False)

    text = b"".join(client.get(reverse("directory:export_csv")).streaming_content).decode()
    assert "benevole@exemple.invalid" not in text
    assert "La Ressourcerie" in text


def test_a_burst_of_changes_queues_one_rewrite(django_capture_on_commit_callbacks):
    sites = [EstablishmentFactory(sign=f"Structure {n}") for n in range(3)]
    published.rebuild()

    with django_capture_on_commit_callbacks() as queued, transaction.atomic():
        for site in sites:
            site.sign += " (nouveau nom)"
            site.save()
    with django_capture_on_commit_callbacks() as queued_again:
        sites[0].save()

    assert [c.__name__ for c in queued if c.__name__.startswith("_enqueue")] == ["_enqueue_settled"]
    # The rewrite is still queued: it will read this change too.
    assert not [c for c in queued_again if c.__name__.startswith("_enqueue")]
    assert PublishedExportState.objects.get().pending


def test_changes_before_any_file_queue_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as queued:
        EstablishmentFactory(sign="La Ressourcerie")

    assert not [c for c in queued if c.__name__.startswith("_enqueue")]


def test_a_download_under_way_keeps_reading_the_whole_older_file(client):
    EstablishmentFactory(sign="La Ressourcerie")
    published.rebuild()
    response = client.get(reverse("directory:export_csv"))  # opened, not read yet

    EstablishmentFactory(sign="Le Refuge")
    published.rebuild()

    assert names_in_csv(response) == ["La Ressourcerie"]
    assert names_in_csv(client.get(reverse("directory:export_csv"))) == [
        "La Ressourcerie",
        "Le Refuge",
    ]
    assert [p.name for p in published.folder().iterdir() if p.name.startswith(".")] == []


def test_the_whole_directory_as_an_ods_spreadsheet_reads_back(client, tmp_path):
    site = EstablishmentFactory(sign="=SOMME(A1)", located=True)
    published.rebuild()

    response = client.get(reverse("directory:export_ods"))
    path = tmp_path / "annuaire.ods"
    path.write_bytes(b"".join(response.streaming_content))
    rows = Document(path).body.get_table(0).get_values()

    assert response["Content-Type"] == "application/vnd.oasis.opendocument.spreadsheet"
    header, row = rows
    values = dict(zip(header, row, strict=True))
    assert (values["Identifiant"], values["Nom"]) == (site.pk, "=SOMME(A1)")  # a text, no formula
    assert float(values["Latitude"]) == pytest.approx(float(site.latitude))


def test_a_filtered_download_is_written_at_once_up_to_its_limit(client, monkeypatch):
    from maillage.directory.views import api

    EstablishmentFactory(sign="Coop 1", cooperative=True)
    EstablishmentFactory(sign="Coop 2", cooperative=True)
    EstablishmentFactory(sign="Association")

    small = client.get(reverse("directory:export_csv"), {"famille": "cooperative"})
    monkeypatch.setattr(api, "FILTERED_MAX_ROWS", 1)
    large = client.get(reverse("directory:export_csv"), {"famille": "cooperative"})

    assert names_in_csv(small) == ["Coop 1", "Coop 2"]
    assert large.status_code == 400
    assert "précisez les filtres" in large.json()["erreur"]
    assert "téléchargez le fichier complet" in large.json()["erreur"]


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_the_task_worker_writes_the_files_a_first_download_asked_for(client, settings):
    EstablishmentFactory(sign="La Ressourcerie", located=True)
    assert client.get(reverse("directory:export_geojson")).status_code == 503

    worker = run_db_worker(DIRECTORY_EXPORTS_ROOT=str(settings.DIRECTORY_EXPORTS_ROOT))

    assert worker.returncode == 0, worker.stderr
    written = sorted(p.name for p in published.folder().iterdir())
    assert written == [
        "annuaire-ess-cades-data-inclusion.json",
        "annuaire-ess-cades.csv",
        "annuaire-ess-cades.geojson",
        "annuaire-ess-cades.ods",
    ]
    assert names_in_csv(client.get(reverse("directory:export_csv"))) == ["La Ressourcerie"]
