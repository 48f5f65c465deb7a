"""Voices in a person's data export and erasure."""

import pytest

from maillage.network.decisions.closing import close_proposal
from maillage.network.decisions.enums import Choice
from maillage.network.decisions.models import Vote
from maillage.network.decisions.voting import cast_vote
from maillage.network.people.erasure import erase
from maillage.privacy.subject_rights import erase_person, export_person, export_person_record
from tests.decisions.factories import ProposalFactory
from tests.factories import UserFactory, make_current_member
from tests.people.factories import PersonFactory
from tests.working_groups.factories import GroupMemberFactory

pytestmark = pytest.mark.django_db


def _voices(export) -> list[dict]:
    return next(r["enregistrements"] for r in export["traitements"] if r["donnees"] == "voix")


def test_erasing_someone_who_objected_keeps_the_objection_without_what_it_said():
    person = GroupMemberFactory(person=PersonFactory(email="")).person
    proposal = ProposalFactory(group=person.group_memberships.get().group)
    Vote.objects.create(
        proposal=proposal, person=person, choice=Choice.OBJECTION, reason="Trop cher pour nous."
    )
    close_proposal(proposal)

    erase(person)

    vote = Vote.objects.get()
    assert (vote.person_id, vote.choice, vote.reason) == (person.pk, "objection", "Motif effacé")
    proposal.refresh_from_db()
    assert proposal.result["objections"] == [vote.pk]


def test_a_consent_keeps_its_empty_reason_on_erasure():
    person = GroupMemberFactory().person
    Vote.objects.create(
        proposal=ProposalFactory(group=person.group_memberships.get().group),
        person=person,
        choice=Choice.CONSENT,
    )

    erase(person)

    assert Vote.objects.get().reason == ""


def test_a_voice_cast_for_an_organisation_is_in_the_representative_s_export_and_forgets_them(
    organisation, eligible_member, open_proposal
):
    cast_vote(open_proposal, eligible_member, organisation, choice=Choice.ABSTENTION)

    (voice,) = _voices(export_person("votant@exemple.org"))
    erase_person("votant@exemple.org")

    assert voice["proposition"] == "Mutualiser un local"
    assert voice["structure votante"] == str(organisation)
    assert voice["position"] == "Abstention"
    vote = Vote.objects.get()
    assert (vote.legal_unit, vote.cast_by) == (organisation, None)


def test_a_person_without_email_finds_their_voice_in_their_export():
    user = UserFactory()
    person = GroupMemberFactory(person=PersonFactory(email="", user=user)).person
    make_current_member(user)
    proposal = ProposalFactory(group=person.group_memberships.get().group, title="Local commun")
    cast_vote(proposal, user, person, choice=Choice.CONSENT)

    (voice,) = _voices(export_person_record(person))

    assert (voice["proposition"], voice["position"]) == ("Local commun", "Consentement")
