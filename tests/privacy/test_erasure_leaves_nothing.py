"""The « Done when » of erasure: a person registers to an activity, receives e-mails through the
real worker, is in a rejected line of a directory import, is brought into the address book by a
contacts import that rejects her second line, is searched for in the directory, and is erased.
Then no text column of any table and no file of the media folder holds her name or e-mail
address, on SQLite as on PostgreSQL."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from maillage.activities import notifications
from maillage.activities.registration import register
from maillage.core.text import fold
from maillage.directory.enums import ImportKind
from maillage.directory.models import ImportRejection, ImportRun, SearchLog
from maillage.network.people.models import Person
from maillage.privacy.subject_rights import erase_person_record
from tests.activities.factories import ActivityFactory
from tests.directory.conftest import territory  # noqa: F401  (fixture)
from tests.people.factories import PersonFactory
from tests.people.sheets import confirm_data, sheet, upload
from tests.tokens import with_token
from tests.workers import DATABASE_TASKS, run_db_worker

FIRST, LAST = "Clémence", "Jaouen"
EMAIL = "clemence.jaouen@exemple.org"
TRACES = (EMAIL, f"{FIRST} {LAST}", LAST, fold(f"{FIRST} {LAST}"))
# Her line is rejected (a commune nobody knows); the other one is imported.
SHEET = (
    "nom;code_postal;commune;courriel;description\n"
    "La Recyclerie;35600;Redon;contact@recyclerie.example;Réemploi\n"
    f"Atelier de {FIRST} {LAST};35600;Atlantide;{EMAIL};Contact : {FIRST} {LAST}\n"
)
FILESYSTEM = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def text_of_every_table() -> str:
    """Every value of every column of every table, as text: the database as a dump shows it."""
    values = []
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                values += [
                    value.decode("utf-8", "replace")
                    if isinstance(value, bytes | memoryview)
                    else str(value)
                    for value in (bytes(v) if isinstance(v, memoryview) else v for v in row)
                ]
    return "\n".join(values)


def text_of_every_file(root: Path) -> str:
    return "\n".join(
        path.read_bytes().decode("utf-8", "replace") for path in root.rglob("*") if path.is_file()
    )


def holds_her(text: str) -> list[str]:
    return [trace for trace in TRACES if trace.lower() in text.lower()]


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("territory")
def test_after_erasure_no_table_and_no_file_holds_her_name_or_address(client_for, staff, tmp_path):
    media = tmp_path / "media"
    client = client_for(staff)

    # She registers, and the worker sends her the confirmation and the reminder.
    with override_settings(TASKS=DATABASE_TASKS):
        activity = ActivityFactory(title="Atelier compostage")
        registration = register(activity, name=f"{FIRST} {LAST}", email=EMAIL, consent=True)
        notifications.reminder(registration)
    worker = run_db_worker(
        EMAIL_DELIVERY_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path / "mailbox"),
    )
    assert worker.returncode == 0, worker.stderr
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 2
    assert EMAIL in text_of_every_file(tmp_path / "mailbox")

    # Her organisation's line of a directory import is rejected; the file stays in the media.
    with override_settings(STORAGES=FILESYSTEM, MEDIA_ROOT=media):
        structures = SimpleUploadedFile("structures.csv", SHEET.encode(), content_type="text/csv")
        client.post(
            reverse("directory:imports"),
            with_token({"kind": ImportKind.SPREADSHEET, "file": structures}),
        )
    assert ImportRun.objects.get().rows_rejected == 1
    assert EMAIL in ImportRejection.objects.get().raw

    # Someone looks for her in the directory.
    client.get("/annuaire/", {"q": f"{FIRST} {LAST}"})
    assert SearchLog.objects.filter(query=fold(f"{FIRST} {LAST}")).exists()

    # Staff import her into the address book from a sheet where her second line is rejected.
    contacts = upload(
        client,
        sheet(f"{LAST};{FIRST};{EMAIL};;;;;", f"{LAST};{FIRST};{EMAIL};02 99 00 00 01;;12AB;;"),
    )
    client.post(f"/contacts/import/{contacts.pk}/", confirm_data())
    contacts.refresh_from_db()
    assert EMAIL in contacts.report
    person = Person.objects.get(email=EMAIL)
    assert holds_her(text_of_every_table())
    assert holds_her(text_of_every_file(media))
    with override_settings(STORAGES=FILESYSTEM, MEDIA_ROOT=media):
        response = client.post(reverse("people:erase", args=[person.pk]), {"confirmation": "oui"})
    assert response.status_code == 302

    assert holds_her(text_of_every_table()) == []
    assert holds_her(text_of_every_file(media)) == []
    # What the hub counts stays: the registration, the import's report, the activity.
    registration.refresh_from_db()
    assert registration.name == "Personne effacée"
    assert ImportRun.objects.get().rows_rejected == 1


@pytest.mark.django_db
def test_erasure_deletes_searches_for_the_person_s_full_name_only():
    for query in ("clemence jaouen", "jaouen clemence", "redon", "jaouen"):
        SearchLog.objects.create(query=query, result_count=0)
    erase_person_record(PersonFactory(first_name="Clémence", last_name="Jaouen"))
    erase_person_record(PersonFactory(first_name="", last_name="Redon"))

    assert sorted(SearchLog.objects.values_list("query", flat=True)) == ["jaouen", "redon"]
