"""The public's pages: the list and map of needs, a need's story, the submission form, the
confirmation link."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from maillage.core.filter_forms import FilterRefused
from maillage.core.ratelimit import limit_posts
from maillage.needs import confirmation, recording, submission, supports
from maillage.needs.enums import PATH
from maillage.needs.filters import NeedFilterForm
from maillage.needs.forms import CommentForm, HelpForm, MemberSubmissionForm, SubmissionForm
from maillage.needs.models import Need
from maillage.needs.representation import as_public, map_features, public_needs
from maillage.needs.views.common import bad_request, visible_need
from maillage.plan.links import actions_of, publics_of

LIST_MAX = 200


def _filtered(request, needs):
    form = NeedFilterForm(request.GET)
    return form, form.apply(needs)


@require_safe
@login_not_required
def need_list(request):
    needs = Need.objects.visible_to(request.user).with_counts()
    try:
        form, needs = _filtered(request, needs)
    except FilterRefused as refused:
        return bad_request(request, " ".join(refused.messages))
    needs = needs.prefetch_related("themes", "communes").order_by("-created_at", "-pk")
    context = {"form": form, "needs": needs[:LIST_MAX], "total": needs.count()}
    return render(request, "needs/list.html", context)


@require_safe
@login_not_required
def need_map(request):
    form = NeedFilterForm(request.GET)
    try:
        form.read()
    except FilterRefused as refused:
        return bad_request(request, " ".join(refused.messages))
    features = map_features(form.apply(Need.objects.public()).prefetch_related("communes"))
    rows = sorted(features["features"], key=lambda f: f["properties"]["commune"])
    context = {"form": form, "rows": rows, "query": request.GET.urlencode()}
    return render(request, "needs/map.html", context)


@require_safe
@login_not_required
def map_geojson(request):
    """Public needs only, whoever asks: the map's data is a public output."""
    form = NeedFilterForm(request.GET)
    try:
        needs = form.apply(Need.objects.public()).prefetch_related("communes")
    except FilterRefused as refused:
        return JsonResponse({"erreurs": refused.errors}, status=400)
    return JsonResponse(map_features(needs), content_type="application/geo+json")


@require_safe
@login_not_required
def export_json(request):
    needs = [as_public(need) for need in public_needs()]
    return JsonResponse({"besoins": needs}, json_dumps_params={"ensure_ascii": False})


@require_safe
@login_not_required
def detail(request, pk: int):
    need = visible_need(request.user, pk)
    if need.is_merged:
        return redirect(need.merged_into)
    user = request.user
    context = {
        "need": need,
        "steps": need.steps.select_related("decided_by"),
        "support_count": need.supports.count(),
        "supported": supports.supports(need, user),
        "comments": need.comments.published().select_related("author"),
        "help_offers": need.help_offers.select_related("legal_unit"),
        "actions": actions_of(need),
        "publics": publics_of(need),
        "merged": need.merged_needs.all(),
        "comment_form": CommentForm() if user.is_authenticated else None,
        "help_form": _help_form(user),
        "is_staff": user.is_authenticated and user.is_hub_staff,
        "path": [(status.label, status == need.status) for status in PATH],
    }
    return render(request, "needs/detail.html", context)


def _help_form(user):
    if not user.is_authenticated:
        return None
    form = HelpForm(user)
    return form if form.fields["legal_unit"].queryset.exists() else None


@login_not_required
@limit_posts(submission.SUBMISSIONS)
def submit(request):
    if request.user.is_authenticated:
        return _submit_signed_in(request)
    form = SubmissionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not form.is_robot:
            data = form.cleaned_data
            submission.submit(
                submission.Submission(
                    data["title"],
                    data["description"],
                    data["email"],
                    data["name"],
                    data["communes"],
                    data["themes"],
                ),
                data["submission"],
            )
        # A robot sees the same page as a person: nothing tells it it was caught.
        return render(request, "needs/check_email.html")
    status = 400 if request.method == "POST" else 200
    return render(request, "needs/submit.html", {"form": form}, status=status)


def _submit_signed_in(request):
    form = MemberSubmissionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        described = recording.Description(
            data["title"], data["description"], communes=data["communes"], themes=data["themes"]
        )
        need, _ = recording.record(described, data["submission"], request.user)
        messages.success(request, "Votre besoin est enregistré. Merci !")
        return redirect(need)
    status = 400 if request.method == "POST" else 200
    return render(request, "needs/submit.html", {"form": form}, status=status)


@login_not_required
def confirm(request, token: str):
    """The link shows the need and a button: opening it (a mail scanner does) confirms nothing."""
    posted = request.method == "POST"
    need = confirmation.confirm(token) if posted else confirmation.waiting(token)
    if need is None:
        return bad_request(
            request,
            "Ce lien de confirmation n’est plus valable : il a déjà servi, ou il a expiré.",
            status=404,
        )
    if request.method != "POST":
        return render(request, "needs/confirm.html", {"need": need})
    messages.success(request, "Merci : votre besoin est confirmé et publié.")
    return redirect(need)
