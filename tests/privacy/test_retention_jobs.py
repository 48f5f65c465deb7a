"""Every retention the registry declares is applied by a scheduled job the README lists, and
each job applies its retention: rows past it go, rows within it stay."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import get_commands
from django.utils import timezone

from maillage.activities.models import Registration, SatisfactionAnswer
from maillage.activities.retention import purge_old_registrations
from maillage.core.scheduling import all_jobs
from maillage.directory.enums import ImportKind
from maillage.directory.models import ImportRejection, ImportRun, SearchLog
from maillage.directory.retention import purge_directory_records
from maillage.privacy.registry import WITH_THE_RECORD, declared
from maillage.support.services.enums import ServiceStatus
from maillage.support.services.models import Service
from maillage.support.services.retention import purge_services
from tests.activities.factories import ActivityFactory, RegistrationFactory
from tests.services.factories import ServiceFactory

README = Path(__file__).resolve().parents[2] / "README.md"
# A retention that says how long (« 2 ans », « trente jours », « 24 heures ») needs a job.
DURATION = re.compile(r"\d|\b(an|ans|mois|jours?|heures?|semaines?|trente|deux|un)\b")


def test_every_declared_retention_names_the_job_that_applies_it():
    commands = get_commands()
    readme = README.read_text()
    for entry in declared():
        if entry.applied_by == WITH_THE_RECORD:
            assert not DURATION.search(entry.retention.lower()), (
                f"{entry.model_label}: « {entry.retention} » has a duration and no job"
            )
            continue
        assert entry.applied_by in commands, entry.model_label
        assert entry.applied_by in {job.name for job in all_jobs()}, entry.applied_by
        assert f"| `manage.py {entry.applied_by}` |" in readme, entry.applied_by


@pytest.mark.django_db
def test_registrations_and_answers_are_anonymised_two_years_after_their_activity():
    ended = timezone.now() - timedelta(days=2 * 365 + 1)
    old = RegistrationFactory(
        activity=ActivityFactory(starts_at=ended - timedelta(hours=3), ends_at=ended),
        name="Ewen Le Goff",
        email="ewen@exemple.org",
    )
    SatisfactionAnswer.objects.create(
        registration=old, rating=5, usefulness=4, would_recommend=True, comment="Merci, Ewen"
    )
    recent = RegistrationFactory(activity=ActivityFactory(past=True), name="Anna Guillou")

    assert purge_old_registrations() == 1
    assert purge_old_registrations() == 0

    old.refresh_from_db()
    assert (old.name, old.email.endswith(".invalid")) == ("Personne effacée", True)
    assert SatisfactionAnswer.objects.get().comment == ""
    assert SatisfactionAnswer.objects.get().rating == 5
    assert Registration.objects.get(pk=recent.pk).name == "Anna Guillou"


def _import_run(started_at) -> ImportRun:
    run = ImportRun.objects.create(kind=ImportKind.SPREADSHEET, file_name="contacts.csv")
    run.upload.save("contacts.csv", ContentFile(b"nom;email\nEwen;ewen@exemple.org\n"))
    ImportRun.objects.filter(pk=run.pk).update(started_at=started_at)
    ImportRejection.objects.create(
        run=run, line=2, reason="Commune inconnue", raw="Ewen;ewen@exemple.org"
    )
    return run


@pytest.mark.django_db
def test_an_import_report_goes_with_its_rejected_lines_and_file_after_its_retention():
    old = _import_run(timezone.now() - timedelta(days=366))
    kept = _import_run(timezone.now() - timedelta(days=10))
    storage, old_file = old.upload.storage, old.upload.name

    report = purge_directory_records()

    assert report.imports_deleted == 1
    assert not storage.exists(old_file)
    assert list(ImportRun.objects.all()) == [kept]
    assert ImportRejection.objects.get().run == kept
    assert storage.exists(kept.upload.name)


@pytest.mark.django_db
def test_searches_are_kept_no_longer_than_the_longest_period_of_their_report():
    today = timezone.localdate()
    for days_ago in (364, 366):
        log = SearchLog.objects.create(query=f"recherche {days_ago}", result_count=0)
        SearchLog.objects.filter(pk=log.pk).update(searched_on=today - timedelta(days=days_ago))

    assert purge_directory_records().searches_deleted == 1
    assert list(SearchLog.objects.values_list("query", flat=True)) == ["recherche 364"]


@pytest.mark.django_db
def test_a_closed_service_s_contact_is_anonymised_a_year_after_its_closing():
    closed = ServiceFactory(contact_name="Lou Riou", email="lou@exemple.org", phone="0299")
    Service.objects.filter(pk=closed.pk).update(
        status=ServiceStatus.CLOSED, updated_at=timezone.now() - timedelta(days=366)
    )
    open_one = ServiceFactory(contact_name="Jo Briand")

    assert purge_services().contacts_anonymised == 1

    closed.refresh_from_db()
    assert (closed.contact_name, closed.email, closed.phone) == ("", "", "")
    assert Service.objects.get(pk=open_one.pk).contact_name == "Jo Briand"
