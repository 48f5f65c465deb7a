"""Creating and editing a group with its plan links, as the staff do from their form."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from maillage.network.working_groups.membership import add_member
from maillage.network.working_groups.models import WorkingGroup
from maillage.plan.links import set_links
from maillage.plan.models import Action, TargetPublic


@transaction.atomic
def save_group(
    group: WorkingGroup, actions: Iterable[Action], publics: Iterable[TargetPublic]
) -> WorkingGroup:
    """Save `group`, link it to exactly these actions and publics; its facilitator is a member."""
    group.save()
    set_links(group, actions, publics)
    if group.facilitator is not None:
        add_member(group, group.facilitator)
    return group
