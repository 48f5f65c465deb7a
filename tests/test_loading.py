"""`make run` loads the hub and the demonstration data; running it again keeps what is there."""

import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from maillage.accounts.models import User
from maillage.activities.models import Activity
from maillage.directory.models import Establishment
from maillage.hub import current_hub
from maillage.network.decisions.models import Proposal
from maillage.network.memberships.models import Membership
from maillage.network.people.models import Person
from maillage.network.working_groups.models import WorkingGroup
from maillage.plan.models import Action
from maillage.support.journeys.models import SupportCase
from maillage.support.services.models import Service
from maillage.territory.models import Commune


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
