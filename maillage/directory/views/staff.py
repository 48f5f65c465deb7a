"""Staff pages: imports, claims, edit proposals, stale entries, duplicates, history."""

import csv

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from maillage.accounts.permissions import staff_required
from maillage.core import form_tokens
from maillage.core.csv_safety import escape_row
from maillage.core.french import plural
from maillage.directory import import_queue
from maillage.directory.enums import ImportStatus, RowOutcome
from maillage.directory.models import (
    Claim,
    DuplicateCandidate,
    EditProposal,
    Establishment,
    ImportRun,
    LocationCheck,
    Theme,
)
from maillage.directory.sources.spreadsheet import TEMPLATE
from maillage.directory.stewardship import claims, duplicates, editing, staleness
from maillage.directory.stewardship.errors import StewardshipError
from maillage.directory.stewardship.forms import EntryForm, ImportForm
from maillage.directory.stewardship.history import field_label
from maillage.territory.models import Territory

PAGE_SIZE = 50
OUTSIDE_SHOWN = 200  # the rest are in the CSV
RESUME = "reprendre"  # the value of the button that resumes an interrupted import


def _start(form: ImportForm, user) -> ImportRun:
    """The run of an uploaded file, queued for the task worker."""
    data = form.cleaned_data
    run = ImportRun.objects.create(
        kind=data["kind"],
        file_name=data["file"].name[:500],
        territory=Territory.objects.default(),
        status=ImportStatus.RUNNING,
        upload=data["file"],
        second_upload=data.get("units") or "",
        requested_by=user,
        submission_token=data["submission"],
    )
    import_queue.queue(run)
    return run


@staff_required
def imports(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["submission"]
        run, created = form_tokens.once(ImportRun, token, lambda: _start(form, request.user))
        told = f"Fichier « {run.file_name} » reçu : l’import est lancé."
        form_tokens.tell_saved(request, created, told)
        return redirect("directory:import_run", pk=run.pk)
    import_queue.reap_stale()
    runs = Paginator(ImportRun.objects.latest_first(), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "runs": runs,
        "polling": any(r.is_running and not r.is_interrupted for r in runs),
    }
    if request.htmx:
        return render(request, "directory/staff/imports.html#runs", context)
    return render(request, "directory/staff/imports.html", context)


@staff_required
def import_run(request, pk: int):
    import_queue.reap_stale()
    run = get_object_or_404(ImportRun, pk=pk)
    if request.method == "POST" and request.POST.get("action") == RESUME:
        try:
            import_queue.resume(run)
        except import_queue.AlreadyResumed as error:
            messages.info(request, str(error))
        else:
            messages.success(request, "L’import reprend après le dernier lot enregistré.")
        return redirect("directory:import_run", pk=run.pk)
    rejected = run.rejections.filter(outcome=RowOutcome.REJECTED)
    rejections = Paginator(rejected, PAGE_SIZE).get_page(request.GET.get("page"))
    outside = run.rejections.filter(outcome=RowOutcome.OUTSIDE)
    context = {
        "run": run,
        "rejections": rejections,
        "outside": outside[:OUTSIDE_SHOWN],
        "outside_count": outside.count(),
        "checks_count": LocationCheck.objects.pending().filter(run=run).count(),
        "resume": RESUME,
    }
    if request.htmx:
        return render(request, "directory/staff/import_run.html#report", context)
    return render(request, "directory/staff/import_run.html", context)


@staff_required
def import_rejections_csv(request, pk: int):
    run = get_object_or_404(ImportRun, pk=pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="import-{run.pk}-rejets.csv"'
    response.write("\ufeff")  # so that spreadsheets read UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow(["ligne", "issue", "motif", "contenu de la ligne"])
    rows = run.rejections.values_list("line", "outcome", "reason", "raw").order_by("line")
    for line, outcome, reason, raw in rows.iterator():
        writer.writerow(escape_row([line, RowOutcome(outcome).label, reason, raw]))
    return response


@staff_required
def spreadsheet_template(request):
    return FileResponse(TEMPLATE.open("rb"), as_attachment=True, filename="modele-annuaire.csv")


@staff_required
def claim_list(request):
    pending = Claim.objects.pending().select_related("legal_unit", "user").order_by("created_at")
    return render(request, "directory/staff/claims.html", {"claims": pending})


@require_POST
@staff_required
def decide_claim(request, pk: int):
    claim = get_object_or_404(Claim, pk=pk)
    decide = claims.approve_claim if request.POST.get("decision") == "approve" else None
    decide = decide or (claims.reject_claim if request.POST.get("decision") == "reject" else None)
    if decide is None:
        return HttpResponse("Décision inconnue.", status=400)
    try:
        decide(claim, request.user)
    except StewardshipError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Décision enregistrée ; la personne est prévenue par courriel.")
    return redirect("directory:staff_claims")


@staff_required
def proposal_list(request):
    pending = (
        EditProposal.objects.pending()
        .select_related("establishment__legal_unit", "proposed_by")
        .order_by("created_at")
    )
    themes = dict(Theme.objects.values_list("pk", "name"))
    rows = [(proposal, _readable(proposal, themes)) for proposal in pending]
    return render(request, "directory/staff/proposals.html", {"rows": rows})


def _readable(proposal: EditProposal, themes: dict[int, str]) -> list[tuple[str, str, str]]:
    site = proposal.establishment
    current = editing.current_values(site)
    lines = []
    for name, value in proposal.changes.items():
        before, after = current.get(name), value
        if name == "themes":
            before = ", ".join(themes.get(pk, "?") for pk in before or [])
            after = ", ".join(themes.get(pk, "?") for pk in value or [])
        elif isinstance(value, bool):
            before, after = ("oui" if before else "non"), ("oui" if after else "non")
        lines.append((field_label(name), str(before or "—"), str(after or "—")))
    return lines


@require_POST
@staff_required
def decide_proposal(request, pk: int):
    proposal = get_object_or_404(EditProposal, pk=pk)
    decision = request.POST.get("decision")
    if decision not in {"accept", "reject"}:
        return HttpResponse("Décision inconnue.", status=400)
    decide = editing.accept_proposal if decision == "accept" else editing.reject_proposal
    try:
        decide(proposal, request.user)
    except StewardshipError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Décision enregistrée ; la personne est prévenue par courriel.")
    return redirect("directory:staff_proposals")


@staff_required
def edit_entry(request, pk: int):
    site = get_object_or_404(Establishment.objects.select_related("legal_unit"), pk=pk)
    form = EntryForm(request.POST or None, request.FILES or None, instance=site)
    if request.method == "POST" and form.is_valid():
        changed = editing.staff_edit(site, form.wanted(), request.user)
        messages.success(request, f"{plural(len(changed), 'champ modifié', 'champs modifiés')}.")
        return redirect("directory:entry_history", pk=site.pk)
    return render(request, "directory/staff/edit_entry.html", {"site": site, "form": form})


@staff_required
def entry_history(request, pk: int):
    site = get_object_or_404(Establishment.objects.select_related("legal_unit"), pk=pk)
    records = Paginator(site.history.select_related("changed_by"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rows = [(record, field_label(record.field)) for record in records]
    return render(
        request,
        "directory/staff/history.html",
        {"site": site, "records": records, "rows": rows},
    )


@staff_required
def stale_list(request):
    entries = (
        staleness.stale_entries()
        .select_related("legal_unit", "commune")
        .order_by("last_confirmed_on", "created_at")
    )
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "directory/staff/stale.html",
        {"page": page, "max_age_days": staleness.max_age().days},
    )


@staff_required
def duplicate_list(request):
    pairs = DuplicateCandidate.objects.proposed().select_related(
        "first__legal_unit", "first__commune", "second__legal_unit", "second__commune"
    )
    page = Paginator(pairs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "directory/staff/duplicates.html", {"page": page})


@require_POST
@staff_required
def decide_duplicate(request, pk: int):
    candidate = get_object_or_404(DuplicateCandidate, pk=pk)
    decision = request.POST.get("decision")
    try:
        if decision == "merge":
            kept = duplicates.merge(candidate, request.user)
            messages.success(request, f"Fiches fusionnées dans « {kept.display_name} ».")
        elif decision == "dismiss":
            duplicates.dismiss(candidate, request.user)
            messages.success(request, "Fiches marquées comme distinctes.")
        else:
            raise Http404
    except StewardshipError as error:
        messages.error(request, str(error))
    return redirect("directory:staff_duplicates")
