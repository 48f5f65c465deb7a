"""Documents of a group: uploaded by its facilitator or the staff, read by its members."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from maillage.network.working_groups import documents as document_actions
from maillage.network.working_groups.access import Access, person_of
from maillage.network.working_groups.errors import WorkingGroupRefused
from maillage.network.working_groups.forms import DocumentForm
from maillage.network.working_groups.views.common import group_with_access
from maillage.network.working_groups.views.groups import page_context


@require_POST
def upload(request, slug: str):
    group, access = group_with_access(request, slug, Access.MANAGE)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            document_actions.add_document(
                group,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["upload"],
                uploaded_by=person_of(request.user),
            )
        except WorkingGroupRefused as error:
            form.add_error("upload", str(error))
        else:
            messages.success(request, "Le document est ajouté au groupe.")
            return redirect(group)
    context = page_context(request, group, access, document_form=form)
    return render(request, "working_groups/detail.html", context, status=400)


def download(request, slug: str, pk: int):
    group, _ = group_with_access(request, slug, Access.GROUP)
    document = get_object_or_404(group.documents, pk=pk)
    file_type = document_actions.file_type_of(document.file.name)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404("Le fichier de ce document est introuvable.") from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.original_name,
        content_type=file_type.content_type if file_type else "application/octet-stream",
    )
    # Members' files: never kept by a shared cache.
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def delete(request, slug: str, pk: int):
    group, _ = group_with_access(request, slug, Access.MANAGE)
    document = get_object_or_404(group.documents, pk=pk)
    document_actions.delete_document(document)
    messages.success(request, f"Le document « {document.title} » est supprimé.")
    return redirect(group)
