"""Members and staff: the proposals, a proposal with its vote form, and the result."""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from maillage.accounts.permissions import members_only
from maillage.core import refusals
from maillage.directory.models import LegalUnit
from maillage.network.decisions import eligibility, voting
from maillage.network.decisions.enums import Outcome, ProposalStatus
from maillage.network.decisions.forms import VoteForm
from maillage.network.decisions.models import Proposal
from maillage.network.people.models import Person

PAGE_SIZE = 30
members_and_staff = members_only


bad_request = partial(
    refusals.bad_request,
    back=(("decisions:list", "Retour aux décisions"),),
)


def _page(request, proposals):
    number = request.GET.get("page", "1")
    if not number.isdigit():
        raise ValueError("Le numéro de page doit être un nombre.")
    paginator = Paginator(proposals, PAGE_SIZE)
    if not 1 <= int(number) <= paginator.num_pages:
        raise ValueError("Cette page n’existe pas.")
    return paginator.page(int(number))


def _awaiting(user, proposals) -> list[dict]:
    rows = []
    for proposal in proposals:
        voters = eligibility.voters_for(user, proposal)
        voted = sum(proposal.votes.of_voter(voter).exists() for voter in voters)
        rows.append({"proposal": proposal, "voters": len(voters), "voted": voted})
    return rows


@members_and_staff
def proposal_list(request):
    visible = Proposal.objects.visible_to(request.user).select_related("group")
    try:
        closed = _page(request, visible.closed().order_by("-closed_at", "-pk"))
    except ValueError as error:
        return bad_request(request, str(error))
    context = {
        "open_rows": _awaiting(request.user, visible.open().order_by("deadline", "pk")),
        "closed": closed,
        "drafts": visible.filter(status=ProposalStatus.DRAFT) if request.user.is_hub_staff else [],
    }
    return render(request, "decisions/list.html", context)


def _my_votes(proposal: Proposal, voters: list) -> list[dict]:
    return [
        {"voter": voter, "vote": proposal.votes.of_voter(voter).select_related("option").first()}
        for voter in voters
    ]


def _result_context(proposal: Proposal) -> dict:
    if not proposal.is_closed:
        return {}
    result = proposal.result
    objections = proposal.votes.filter(pk__in=result["objections"]).select_related(
        "person", "legal_unit"
    )
    nominative = (
        proposal.votes.select_related("person", "legal_unit", "option").order_by("pk")
        if proposal.is_nominative
        else []
    )
    return {
        "result": result,
        "outcome": Outcome(result["outcome"]).label,
        "objections": objections,
        "nominative": nominative,
    }


def _initial(my_votes: list[dict]) -> dict:
    """The form starts from the voice already cast, when there is one voter to speak for."""
    if len(my_votes) != 1 or my_votes[0]["vote"] is None:
        return {}
    vote = my_votes[0]["vote"]
    position = f"option-{vote.option_id}" if vote.option_id else vote.choice
    return {"position": position, "reason": vote.reason}


def _detail_context(request, proposal: Proposal, form: VoteForm | None = None) -> dict:
    voters = eligibility.voters_for(request.user, proposal)
    my_votes = _my_votes(proposal, voters)
    accepting = proposal.accepts_votes()
    if form is None and voters and accepting:
        form = VoteForm(proposal, voters, initial=_initial(my_votes))
    return {
        "proposal": proposal,
        "voters": voters,
        "my_votes": my_votes,
        "accepting": accepting,
        "ended": proposal.status == ProposalStatus.OPEN and timezone.now() >= proposal.deadline,
        "form": form if accepting else None,
        "voices": proposal.votes.count(),
        "is_member": request.user.is_member,
        **_result_context(proposal),
    }


def _visible(request, pk: int) -> Proposal:
    queryset = Proposal.objects.visible_to(request.user).select_related("group")
    return get_object_or_404(queryset, pk=pk)


@members_and_staff
def proposal_detail(request, pk: int):
    proposal = _visible(request, pk)
    return render(request, "decisions/detail.html", _detail_context(request, proposal))


def _voter(request, proposal: Proposal, form: VoteForm):
    """Whom the voice is for; `cast_vote` then checks that the user may speak for them."""
    if not proposal.per_organisation:
        person = Person.objects.active().filter(user=request.user).first()
        if person is None:
            raise voting.NotEligible(
                "Votre compte n’est relié à aucune fiche du carnet d’adresses du pôle : "
                "demandez-le à l’équipe."
            )
        return person
    organisation = LegalUnit.objects.filter(pk=form.cleaned_data["voter"]).first()
    if organisation is None:
        raise voting.NotEligible("Cette structure n’existe pas.")
    return organisation


def _refused(request, proposal, form, error: voting.VoteRefused):
    context = {**_detail_context(request, proposal, form), "error": str(error)}
    if request.htmx:
        return render(request, "decisions/detail.html#vote", context)
    status = 403 if isinstance(error, voting.NotEligible) else 400
    return render(request, "decisions/detail.html", context, status=status)


@members_and_staff
@require_POST
def vote(request, pk: int):
    proposal = _visible(request, pk)
    voters = eligibility.voters_for(request.user, proposal)
    form = VoteForm(proposal, voters, request.POST)
    if not form.is_valid():
        return _refused(request, proposal, form, voting.VoteRefused("Votre voix est incomplète."))
    try:
        voter = _voter(request, proposal, form)
        voting.cast_vote(
            proposal, request.user, voter, **form.chosen(), reason=form.cleaned_data["reason"]
        )
    except voting.VoteRefused as error:
        return _refused(request, proposal, form, error)
    whose = f"La voix de « {voter} »" if proposal.per_organisation else "Votre voix"
    done = f"{whose} est enregistrée : vous pouvez la changer jusqu’à la date limite."
    if request.htmx:
        context = _detail_context(request, proposal)
        context["done"] = done
        return render(request, "decisions/detail.html#vote", context)
    messages.success(request, done)
    return redirect(proposal)
