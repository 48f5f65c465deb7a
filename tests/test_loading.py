"""`make run` loads the hub and the demonstration data; running it again keeps what is there."""

import re
import shutil
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from maillage.accounts.models import User
from maillage.activities.models import Activity
from maillage.core import demo
from maillage.directory.models import Establishment
from maillage.hub import current_hub
from maillage.mail import is_email_task
from maillage.network.decisions.models import Proposal
from maillage.network.memberships.models import Membership
from maillage.network.people.models import Person
from maillage.network.working_groups.models import WorkingGroup
from maillage.plan.models import Action
from maillage.support.journeys.models import SupportCase
from maillage.support.services.models import Service
from maillage.territory.models import Commune
from tests.workers import DATABASE_TASKS


def _load():
    out = StringIO()
    call_command("load_hub", stdout=out)
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_loading_twice_creates_nothing_more():
    _load()
    models = (
        Commune,
        Action,
        User,
        Establishment,
        Activity,
        Person,
        Membership,
        WorkingGroup,
        Proposal,
        Service,
        SupportCase,
    )
    counts = [model.objects.count() for model in models]

    _load()

    assert counts == [model.objects.count() for model in models]
    assert counts[0] == 31
    assert counts[2] == 4
    assert counts[3] > 300
    assert all(count > 0 for count in counts[4:]), dict(zip(models, counts, strict=True))


@pytest.mark.django_db
def test_a_second_load_keeps_the_plan_edited_in_the_admin():
    _load()
    action = Action.objects.get(code="1a.1")
    action.title = "Faire découvrir l’ESS aux lycées du territoire"
    action.save()

    output = _load()

    action.refresh_from_db()
    assert action.title == "Faire découvrir l’ESS aux lycées du territoire"
    assert "déjà chargé" in output


@pytest.fixture
def hub_copy(settings, tmp_path):
    """A copy of the shipped hub folder, selected as the current hub, to break on purpose."""
    hub_dir = tmp_path / "hub"
    shutil.copytree(settings.HUB_DIR, hub_dir)
    settings.HUB_DIR = hub_dir
    current_hub.cache_clear()
    yield hub_dir
    current_hub.cache_clear()


@pytest.mark.django_db
def test_a_malformed_plan_file_stops_the_load_with_its_message(hub_copy):
    (hub_copy / "plan.yaml").write_text("valeurs: [\n")

    with pytest.raises(CommandError):
        call_command("load_hub", stdout=StringIO())


def _rows() -> dict[str, list]:
    """Every row of every table of the database, snapshots, tasks and sessions included."""
    with connection.cursor() as cursor:
        tables = {}
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)} ORDER BY 1")
            tables[table] = [tuple(map(str, row)) for row in cursor.fetchall()]
    return tables


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS)
def test_a_second_load_changes_no_row_and_no_load_sends_mail(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        _load()
    before = _rows()

    with django_capture_on_commit_callbacks(execute=True):
        _load()

    after = _rows()
    changed = {table: len(rows) for table, rows in before.items() if after[table] != rows}
    assert changed == {}
    assert len(before["observatory_snapshot"]) == 1
    queued = DBTaskResult.objects.values_list("task_path", flat=True)
    assert [path for path in queued if is_email_task(path)] == []
    assert mail.outbox == []


@pytest.mark.django_db
def test_load_demo_says_what_it_created_by_kind_in_french():
    call_command("load_hub", stdout=StringIO())
    first, second = StringIO(), StringIO()

    call_command("load_demo", stdout=first)
    call_command("load_demo", stdout=second)

    report = first.getvalue().replace("\u00a0", " ")
    assert "Groupes de travail : 8 groupes, 20 réunions et 6 documents." in report
    assert "Décisions : 3 propositions et " in report
    assert "Annuaire : 347 organisations et 350 établissements." in report
    # Two years of sessions, as many as the load day's calendar gives; with the groups' 20
    # meetings (activities too), they are every demonstration activity.
    agenda = int(re.search(r"Agenda : (\d+) activités, ", report).group(1))
    assert agenda > 40
    assert agenda + 20 == demo.only_demo(Activity.objects.all()).count()
    assert "Observatoire : 1 instantané des chiffres." in report
    assert "(s)" not in report
    assert "fictif(s)" not in report
    again = second.getvalue().replace("\u00a0", " ")
    assert "Groupes de travail : rien de nouveau." in again
    assert "Annuaire : rien de nouveau." in again
