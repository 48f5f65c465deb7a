"""Running a mapped import row by row, in the task worker: each row in its own transaction, so
a bad row is reported and the others are kept. People are matched by e-mail, organisations by
SIRET or SIREN (else by exact name) among the directory's; an unknown organisation is reported,
never created."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from maillage.directory.models import LegalUnit
from maillage.network.people.enums import ImportField, ImportStatus
from maillage.network.people.importing.mapping import role_from
from maillage.network.people.models import Affiliation, ContactImport, Person, Tag
from maillage.network.people.organisations import BadNumber, by_name, by_number, clean_number

UNKNOWN = "structure inconnue de l’annuaire"
# Rows committed together with the progress: between two updates of the staff page.
PROGRESS_EVERY = 50
# An import running with no progress for this long was interrupted: staff may resume it.
STALE_AFTER = timedelta(minutes=10)


class ImportAlreadyRun(Exception):
    """This sheet was already handed to the worker (a double submit): nothing more is queued."""


class RowRejected(ValueError):
    """The row is set aside with this reason, in French."""


@dataclass
class ImportReport:
    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    organisations_matched: int = 0
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    unknown_organisations: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(default_factory=list)
    header: list[str] = field(default_factory=list)


def _split_name(full: str) -> tuple[str, str]:
    words = full.split()
    return (" ".join(words[:-1]), words[-1]) if words else ("", "")


def _values(row: list[str], mapping: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for column, target in zip(mapping, row, strict=True):
        if column and target:
            values[column] = target.strip()
    if ImportField.FULL_NAME in values:
        first, last = _split_name(values.pop(ImportField.FULL_NAME))
        values.setdefault(ImportField.FIRST_NAME, first)
        values.setdefault(ImportField.LAST_NAME, last)
    return values


def _organisation(values: dict[str, str]) -> tuple[LegalUnit | None, str]:
    """The directory organisation named by the row, and the name to report when unknown."""
    name = values.get(ImportField.ORGANISATION, "")
    number = values.get(ImportField.SIRET, "")
    if not (name or number):
        return None, ""
    unit = None
    if number:
        try:
            unit = by_number(clean_number(number))
        except BadNumber as error:
            raise RowRejected(str(error)) from None
    if unit is None and name:
        unit = by_name(name)
    return unit, name or number


def _check_person(values: dict[str, str]) -> str:
    email = values.get(ImportField.EMAIL, "").lower()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise RowRejected(f"adresse e-mail invalide : « {email} »") from None
    if not values.get(ImportField.LAST_NAME):
        raise RowRejected("nom manquant" if email else "ni nom ni adresse e-mail")
    for key, longest in ((ImportField.LAST_NAME, 100), (ImportField.FIRST_NAME, 100)):
        if len(values.get(key, "")) > longest:
            raise RowRejected(f"{ImportField(key).label.lower()} trop long")
    if len(values.get(ImportField.PHONE, "")) > 30:
        raise RowRejected("téléphone trop long")
    return email


class Runner:
    def __init__(self, mapping: list[str]) -> None:
        self.mapping = mapping
        self.report = ImportReport()
        self.first_line_of: dict[str, int] = {}

    def run_row(self, line: int, row: list[str]) -> None:
        self.report.read += 1
        try:
            with transaction.atomic():
                self._import(line, _values(row, self.mapping))
        except RowRejected as rejection:
            self.report.rejected.append({"line": line, "reason": str(rejection), "values": row})
        except IntegrityError:
            reason = "conflit avec une fiche existante (réessayez l’import de cette ligne)"
            self.report.rejected.append({"line": line, "reason": reason, "values": row})

    def _import(self, line: int, values: dict[str, str]) -> None:
        unit, organisation_name = _organisation(values)
        has_person = values.get(ImportField.LAST_NAME) or values.get(ImportField.EMAIL)
        if not has_person and organisation_name:
            self._count_organisation(line, unit, organisation_name)
            return
        email = _check_person(values)
        person = self._person(line, email, values)
        self._count_organisation(line, unit, organisation_name)
        if unit is not None:
            role = role_from(values.get(ImportField.ROLE, ""))
            Affiliation.objects.get_or_create(person=person, legal_unit=unit, role=role)
        for name in values.get(ImportField.TAGS, "").replace(";", ",").split(","):
            if slugify(name.strip()):
                slug = slugify(name.strip())[:60]
                tag = Tag.objects.get_or_create(slug=slug, defaults={"name": name.strip()[:60]})[0]
                person.tags.add(tag)

    def _count_organisation(self, line: int, unit: LegalUnit | None, name: str) -> None:
        if unit is not None:
            self.report.organisations_matched += 1
        elif name:
            self.report.unknown_organisations.append({"line": line, "name": name, "note": UNKNOWN})

    def _person(self, line: int, email: str, values: dict[str, str]) -> Person:
        fields = {
            "first_name": values.get(ImportField.FIRST_NAME, ""),
            "last_name": values[ImportField.LAST_NAME],
            "phone": values.get(ImportField.PHONE, ""),
            "notes": values.get(ImportField.NOTES, ""),
        }
        existing = (
            Person.objects.select_for_update().filter(email__iexact=email).first()
            if email
            else None
        )
        if existing is None:
            person = Person.objects.create(email=email, **fields)
            self.report.created += 1
            if email:
                self.first_line_of[email] = line
            return person
        self._note_duplicate(line, email, existing)
        blanks = {
            name: value for name, value in fields.items() if value and not getattr(existing, name)
        }
        if blanks:
            for name, value in blanks.items():
                setattr(existing, name, value)
            existing.save()
            self.report.updated += 1
        else:
            self.report.unchanged += 1
        return existing

    def _note_duplicate(self, line: int, email: str, person: Person) -> None:
        earlier = self.first_line_of.get(email)
        where = f"qu’à la ligne {earlier}" if earlier else f"que la fiche « {person} »"
        self.report.duplicates.append(
            {"line": line, "reason": f"même adresse e-mail {where}", "person": person.pk}
        )


class Superseded(Exception):
    """Staff resumed this import in another task: this one stops, its last batch undone."""


def _checkpoint(runner: Runner) -> str:
    return json.dumps(
        {"report": runner.report.__dict__, "first_line_of": runner.first_line_of},
        ensure_ascii=False,
    )


def _resumed(contact_import: ContactImport, header: list[str]) -> Runner:
    """A runner carrying on from the last checkpoint, or a new one."""
    runner = Runner(contact_import.mapping)
    if contact_import.rows_done and contact_import.report:
        saved = json.loads(contact_import.report)
        runner.report = ImportReport(**saved["report"])
        runner.first_line_of = saved["first_line_of"]
    runner.report.header = header
    return runner


def _record_progress(pk: int, lease: datetime | None, **fields: Any) -> datetime:
    """Update the import if this task still holds it (`lease`: the progress time it last
    wrote); the new progress time is the next lease."""
    now = timezone.now()
    held = ContactImport.objects.filter(
        pk=pk, status=ImportStatus.RUNNING, progressed_at=lease
    ).update(progressed_at=now, **fields)
    if not held:
        raise Superseded
    return now


def run_queued_import(pk: int) -> ImportReport | None:
    """Import the rows of a queued import, PROGRESS_EVERY rows at a time. Each batch is
    committed with the progress and the report so far, so a worker stopped mid-way leaves an
    import that resumes after its last committed row, importing no row twice (and SQLite's one
    write lock is never held for the whole sheet). None when the import is not waiting for the
    worker (the same task delivered twice), or when it was resumed elsewhere."""
    lease = timezone.now()
    started = ContactImport.objects.filter(pk=pk, status=ImportStatus.QUEUED).update(
        status=ImportStatus.RUNNING, progressed_at=lease
    )
    if not started:
        return None
    contact_import = ContactImport.objects.get(pk=pk)
    waiting = json.loads(contact_import.rows)
    runner = _resumed(contact_import, waiting["header"])
    done = contact_import.rows_done
    try:
        while done < len(waiting["rows"]):
            batch = waiting["rows"][done : done + PROGRESS_EVERY]
            with transaction.atomic():
                for line, row in batch:
                    runner.run_row(line, row)
                rows_done = done + len(batch)
                lease = _record_progress(pk, lease, rows_done=rows_done, report=_checkpoint(runner))
            done = rows_done
        _record_progress(
            pk,
            lease,
            status=ImportStatus.DONE,
            rows="",
            finished_at=timezone.now(),
            report=json.dumps(runner.report.__dict__, ensure_ascii=False),
        )
    except Superseded:
        return None
    except Exception:
        rest = waiting["rows"][done:]
        _stopped(pk, rest[0][0] if rest else 0, done)
        raise
    return runner.report


def _stopped(pk: int, line: int, done: int) -> None:
    """Record an import an unexpected error stopped: the rows before `line` are committed."""
    ContactImport.objects.filter(pk=pk).update(
        status=ImportStatus.FAILED,
        rows_done=done,
        finished_at=timezone.now(),
        message=f"L’import s’est interrompu sur une erreur inattendue à la ligne {line} du "
        "fichier : les lignes précédentes sont enregistrées. La reprise repart de cette ligne ; "
        "si l’erreur se reproduit, prévenez la personne qui administre la plateforme.",
    )


def load_report(contact_import: ContactImport) -> ImportReport:
    return ImportReport(**json.loads(contact_import.report))


def _quiet_too_long(contact_import: ContactImport) -> bool:
    """No progress (or, never started, no move since it was queued) for over STALE_AFTER."""
    last = contact_import.progressed_at or contact_import.queued_at or contact_import.created_at
    return last < timezone.now() - STALE_AFTER


def is_interrupted(contact_import: ContactImport) -> bool:
    """Stopped before its end, so staff may resume it: an unexpected error stopped it (its
    waiting rows are kept), or it is still running with no progress for longer than
    STALE_AFTER (the worker stopped)."""
    if contact_import.status == ImportStatus.FAILED:
        return True
    return contact_import.status == ImportStatus.RUNNING and _quiet_too_long(contact_import)


def is_waiting_too_long(contact_import: ContactImport) -> bool:
    """Waiting to be read, or queued, for longer than STALE_AFTER and never started: no
    worker is taking tasks."""
    return (
        contact_import.status in {ImportStatus.READING, ImportStatus.QUEUED}
        and contact_import.rows_done == 0
        and _quiet_too_long(contact_import)
    )


def waiting_rows(contact_import: ContactImport) -> tuple[list[str], list[list[str]]]:
    waiting = json.loads(contact_import.rows)
    return waiting["header"], waiting["rows"]
