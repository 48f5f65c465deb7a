"""A person's whole record: what they hold in the network (memberships, working groups, voices)
is in their export, and erasing them keeps the hub's counts while nothing names them any more."""

import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from maillage.network.decisions.closing import close_proposal, compute_result
from maillage.network.decisions.enums import Choice
from maillage.network.decisions.models import Vote
from maillage.network.memberships.counts import counts_by_year_and_category
from maillage.network.memberships.models import Membership
from maillage.network.people.erasure import erase
from maillage.network.people.exports import build_export
from tests.decisions.factories import ProposalFactory
from tests.memberships.factories import CollegeFactory, MembershipFactory
from tests.people.factories import PersonFactory
from tests.working_groups.factories import GroupMemberFactory, WorkingGroupFactory

pytestmark = pytest.mark.django_db

TRACES = ("Soazig", "Le Bihan", "soazig.lebihan@exemple.org", "un local d’abord")


@pytest.fixture
def soazig():
    """A member of the hub in her own name, in a working group, who objected to a proposal."""
    person = PersonFactory(
        first_name="Soazig", last_name="Le Bihan", email="soazig.lebihan@exemple.org"
    )
    college = CollegeFactory(name="Collège des habitants")
    MembershipFactory(person=person, legal_unit=None, year=2025, college=college, paid=True)
    MembershipFactory(of_person=True, year=2025, college=college, paid=True)
    group = WorkingGroupFactory(name="Mobilités douces")
    GroupMemberFactory(group=group, person=person)
    neighbour = GroupMemberFactory(group=group).person
    proposal = ProposalFactory(group=group, title="Acheter un vélo cargo")
    Vote.objects.create(
        proposal=proposal,
        person=person,
        choice=Choice.OBJECTION,
        reason="Soazig Le Bihan veut un local d’abord",
    )
    Vote.objects.create(proposal=proposal, person=neighbour, choice=Choice.CONSENT)
    close_proposal(proposal)
    return person


def _records(person) -> dict[str, list[dict]]:
    export = json.loads(build_export(person))
    return {record["donnees"]: record["enregistrements"] for record in export["traitements"]}


def test_the_export_holds_the_person_s_membership_group_and_voice_in_french(soazig):
    records = _records(soazig)

    (membership,) = records["adhésions"]
    assert membership["année"] == 2025
    assert membership["collège"] == "Collège des habitants"
    assert membership["statut"] == "Payée"
    assert membership["moyen de paiement"] == "Virement"
    assert records["membres du groupe"] == [
        {"groupe": "Mobilités douces", "depuis le": timezone.localdate().isoformat()}
    ]
    (voice,) = records["voix"]
    assert voice["proposition"] == "Acheter un vélo cargo"
    assert voice["position"] == "Objection"
    assert voice["motif"] == "Soazig Le Bihan veut un local d’abord"
    # Another member's rows are not hers.
    assert "Consentement" not in json.dumps(records, ensure_ascii=False)


def test_erasure_keeps_the_counts_and_removes_who_she_was(soazig, tmp_path):
    proposal = Vote.objects.get(person=soazig).proposal
    counts_before = counts_by_year_and_category(Membership.objects.all())
    result_before = compute_result(proposal)

    erase(soazig)

    assert counts_by_year_and_category(Membership.objects.all()) == counts_before
    assert Membership.objects.of_year(2025).count() == 2
    proposal.refresh_from_db()
    assert compute_result(proposal)["counts"] == result_before["counts"]
    assert proposal.votes.count() == 2
    assert proposal.group.memberships.count() == 2
    objection = Vote.objects.get(choice=Choice.OBJECTION)
    assert objection.reason == "Motif effacé"  # an objection keeps a reason, not what it said
    path = tmp_path / "dump.json"
    call_command("dumpdata", output=str(path), verbosity=0)
    text = path.read_text(encoding="utf-8")
    for trace in TRACES:
        assert trace not in text, trace
