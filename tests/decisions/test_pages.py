import pytest
from django.urls import reverse

from maillage.core.form_tokens import ALREADY_SAVED
from maillage.network.decisions.closing import close_proposal
from maillage.network.decisions.models import Proposal, Vote
from maillage.network.decisions.space import cards as decision_cards
from tests.decisions.factories import ProposalFactory
from tests.tokens import with_token
from tests.typeset import french
from tests.working_groups.factories import GroupMemberFactory

pytestmark = pytest.mark.django_db


def _vote_url(proposal):
    return reverse("decisions:vote", args=[proposal.pk])


def test_a_member_votes_then_changes_their_mind_without_javascript(
    client_for, eligible_member, organisation, open_proposal
):
    client = client_for(eligible_member)
    data = {"voter": organisation.pk, "position": "consent"}

    response = client.post(_vote_url(open_proposal), data, follow=True)
    assert "est enregistrée" in response.content.decode()
    client.post(_vote_url(open_proposal), {**data, "position": "objection", "reason": "Trop loin."})

    vote = Vote.objects.get()
    assert (vote.choice, vote.reason, vote.cast_by) == ("objection", "Trop loin.", eligible_member)
    page = client.get(open_proposal.get_absolute_url()).content.decode()
    assert french("Voix actuelle de « ") in page
    assert "Trop loin." in page


def test_an_objection_without_reason_comes_back_with_a_french_message(
    client_for, eligible_member, organisation, open_proposal
):
    response = client_for(eligible_member).post(
        _vote_url(open_proposal), {"voter": organisation.pk, "position": "objection"}
    )

    assert response.status_code == 400
    assert "Une objection doit être motivée" in response.content.decode()
    assert not Vote.objects.exists()


def test_with_htmx_the_vote_answers_with_its_section_only(
    client_for, eligible_member, organisation, open_proposal
):
    response = client_for(eligible_member).post(
        _vote_url(open_proposal),
        {"voter": organisation.pk, "position": "abstention"},
        headers={"HX-Request": "true"},
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<section id="vote"')
    assert "est enregistrée" in body


def test_a_voice_after_the_deadline_is_refused_and_says_so(
    client_for, eligible_member, organisation
):
    proposal = ProposalFactory(per_organisation=True, past_deadline=True)

    response = client_for(eligible_member).post(
        _vote_url(proposal), {"voter": organisation.pk, "position": "consent"}
    )

    assert response.status_code == 400
    assert "Le vote est clos depuis le" in response.content.decode()
    assert not Vote.objects.exists()


def test_results_name_voters_only_when_the_proposal_says_so(
    client_for, eligible_member, organisation
):
    secret = ProposalFactory(per_organisation=True)
    public = ProposalFactory(per_organisation=True, secrecy="nominative")
    for proposal in (secret, public):
        Vote.objects.create(
            proposal=proposal, legal_unit=organisation, choice="objection", reason="Pas prêt."
        )
        close_proposal(proposal)
    client = client_for(eligible_member)

    secret_page = client.get(secret.get_absolute_url()).content.decode()
    public_page = client.get(public.get_absolute_url()).content.decode()

    assert french("Non adoptée : objections à lever") in secret_page
    assert "Pas prêt." in secret_page
    assert organisation.name not in secret_page
    assert "Qui a voté quoi" in public_page
    assert organisation.name in public_page


def test_the_proposal_text_is_shown_as_typed_never_as_markup(client_for, member):
    proposal = ProposalFactory(text="**Important**\n\n<script>alert(1)</script>")

    page = client_for(member).get(proposal.get_absolute_url()).content.decode()

    assert "<p>**Important**</p>" in page
    assert "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>" in page
    assert "<script>alert" not in page


def test_a_bad_page_number_is_a_400(client_for, member):
    assert client_for(member).get(reverse("decisions:list"), {"page": "x"}).status_code == 400
    assert client_for(member).get(reverse("decisions:list"), {"page": "9"}).status_code == 400


def test_staff_write_a_vote_then_open_it(client_for, staff):
    client = client_for(staff)
    data = {
        "title": "Changer de local",
        "text": "Le bail se termine.",
        "method": "vote",
        "voter_scope": "person",
        "quorum_percent": "30",
        "secrecy": "results_only",
        "deadline": "2099-06-30T18:00",
        "options": "Rester\nDéménager\n",
    }

    response = client.post(reverse("decisions:create"), with_token({**data, "options": "Rester"}))
    assert response.status_code == 400
    assert "Un vote demande au moins deux options." in response.content.decode()

    client.post(reverse("decisions:create"), with_token(data))
    proposal = Proposal.objects.get()
    assert [o.label for o in proposal.options.all()] == ["Rester", "Déménager"]
    assert proposal.is_draft
    assert proposal.created_by == staff
    client.post(reverse("decisions:open", args=[proposal.pk]))
    proposal.refresh_from_db()
    assert proposal.accepts_votes()


def test_a_new_proposal_sent_twice_is_one_draft(client_for, staff):
    client = client_for(staff)
    data = with_token(
        {
            "title": "Changer de local",
            "text": "Le bail se termine.",
            "method": "consent",
            "voter_scope": "person",
            "quorum_percent": "0",
            "secrecy": "results_only",
            "deadline": "2099-06-30T18:00",
        }
    )

    first = client.post(reverse("decisions:create"), data)
    second = client.post(reverse("decisions:create"), data, follow=True)

    proposal = Proposal.objects.get()
    assert first.url == proposal.get_absolute_url()
    assert french(ALREADY_SAVED) in second.content.decode()


def test_a_group_proposal_cannot_be_one_voice_per_organisation(client_for, staff):
    group = GroupMemberFactory().group
    response = client_for(staff).post(
        reverse("decisions:create"),
        with_token(
            {
                "title": "T",
                "text": "T",
                "group": group.pk,
                "method": "consent",
                "voter_scope": "organisation",
                "quorum_percent": "0",
                "secrecy": "results_only",
                "deadline": "2099-06-30T18:00",
            }
        ),
    )

    assert response.status_code == 400
    assert "chaque personne membre a une voix" in response.content.decode()


def test_the_member_space_card_counts_the_proposals_awaiting_a_voice(
    eligible_member, open_proposal, member, staff
):
    ProposalFactory(per_organisation=True)  # a second one
    ProposalFactory(per_organisation=True, draft=True)

    (card,) = decision_cards(eligible_member)
    assert (card.title, card.section) == ("Décisions en cours", "Mon réseau")
    assert card.description.startswith("2 propositions attendent votre voix")
    assert "Aucune proposition" in decision_cards(member)[0].description
    assert [c.section for c in decision_cards(staff)] == ["Gestion du pôle"]


def test_a_group_page_lists_its_published_decisions(client_for, member):
    group = GroupMemberFactory().group
    shown = ProposalFactory(group=group)
    draft = ProposalFactory(group=group, draft=True)

    page = client_for(member).get(group.get_absolute_url())
    html = page.content.decode()
    assert shown.get_absolute_url() in html
    assert draft.get_absolute_url() not in html


def test_the_membership_year_of_a_decision_is_written_without_a_separator(
    client_for, eligible_member
):
    proposal = ProposalFactory(membership_year=2026)

    page = client_for(eligible_member).get(proposal.get_absolute_url()).content.decode()

    assert "<dd>2026</dd>" in page
    assert "2\u00a0026" not in page
