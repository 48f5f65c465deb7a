from functools import partial

from django.http import Http404
from django.shortcuts import get_object_or_404

from maillage.core import refusals
from maillage.needs.models import Need

bad_request = partial(refusals.bad_request, back=(("needs:list", "Revenir aux besoins"),))


def visible_need(user, pk: int) -> Need:
    """The need if this person may see it; 404 otherwise (never saying it exists)."""
    need = get_object_or_404(Need.objects.select_related("merged_into"), pk=pk)
    if need.is_merged:
        return need  # the page sends them to the need it was merged into
    if not Need.objects.visible_to(user).filter(pk=pk).exists():
        raise Http404
    return need
