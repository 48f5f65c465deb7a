"""Loading a group with the visitor's access, and refusing what that access does not allow."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from maillage.network.working_groups.access import Access, access_to
from maillage.network.working_groups.models import WorkingGroup


def group_with_access(request, slug: str, needed: Access = Access.PUBLIC):
    """The group and the visitor's access to it; 403 (or the login page) below `needed`."""
    group = get_object_or_404(WorkingGroup.objects.select_related("facilitator"), slug=slug)
    access = access_to(request.user, group)
    if access < needed:
        raise PermissionDenied
    return group, access
