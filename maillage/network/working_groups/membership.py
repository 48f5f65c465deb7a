"""Joining and leaving a group: by oneself (a member of the hub) or by the staff.

The unique constraint on (group, person) is the guard against duplicates; each addition is a
`first_write`, so a double submit or two tabs racing end with one row and no error page.
"""

from __future__ import annotations

from maillage.core.form_tokens import first_write
from maillage.network.people.models import Person
from maillage.network.working_groups.errors import WorkingGroupRefused
from maillage.network.working_groups.models import GroupMember, WorkingGroup


def _add(group: WorkingGroup, person: Person) -> bool:
    """Add `person` to `group`; False if they already were a member."""
    added = first_write(lambda: GroupMember.objects.get_or_create(group=group, person=person))
    return added is not None and added[1]  # None: added at the same instant by another request


def join(group: WorkingGroup, person: Person) -> bool:
    if not group.is_joinable:
        raise WorkingGroupRefused(
            f"Le groupe « {group.name} » ne prend pas de nouveaux membres "
            f"({group.get_status_display().lower()})."
        )
    return _add(group, person)


def leave(group: WorkingGroup, person: Person) -> bool:
    if group.facilitator_id is not None and group.facilitator_id == person.pk:
        raise WorkingGroupRefused(
            "Vous animez ce groupe : demandez à l’équipe du pôle de confier l’animation à une "
            "autre personne avant de le quitter."
        )
    deleted, _ = GroupMember.objects.filter(group=group, person=person).delete()
    return deleted > 0


def add_member(group: WorkingGroup, person: Person) -> bool:
    """The staff add someone, whatever the group's status."""
    return _add(group, person)


def remove_member(group: WorkingGroup, person: Person) -> bool:
    if group.facilitator_id is not None and group.facilitator_id == person.pk:
        raise WorkingGroupRefused(
            f"{person} anime ce groupe : confiez d’abord l’animation à une autre personne."
        )
    deleted, _ = GroupMember.objects.filter(group=group, person=person).delete()
    return deleted > 0
