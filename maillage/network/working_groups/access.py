"""Who may see and do what in a working group.

- anyone: the group's name, purpose, status and plan links (the hub's visibility);
- a member of the hub (adhérent): also its facilitator, meetings, agendas and published minutes;
- a member of the group: also its members and documents;
- its facilitator and the hub's staff: also draft minutes, meetings and documents to manage;
- the hub's staff only: the group itself and its membership.
"""

from __future__ import annotations

from enum import IntEnum

from maillage.accounts.enums import Role
from maillage.accounts.models import AnyUser, User
from maillage.accounts.permissions import has_role, may_act_as_member
from maillage.network.people import mine as people_mine
from maillage.network.people.models import Person
from maillage.network.working_groups.models import WorkingGroup


class Access(IntEnum):
    PUBLIC = 0
    NETWORK = 1
    GROUP = 2
    MANAGE = 3


def person_of(user: AnyUser) -> Person | None:
    """The address-book entry of a signed-in, active account (the people app's rule), or None."""
    if not (isinstance(user, User) and user.is_active):
        return None
    return people_mine.person_of(user)


def access_to(user: AnyUser, group: WorkingGroup) -> Access:
    if has_role(user, Role.STAFF):
        return Access.MANAGE
    person = person_of(user)
    if person is not None and group.facilitator_id == person.pk:
        return Access.MANAGE
    if group.has_member(person):
        return Access.GROUP
    if may_act_as_member(user):
        return Access.NETWORK
    return Access.PUBLIC


def may_join(user: AnyUser) -> bool:
    """Current members of the hub join groups by themselves; others are added by the staff."""
    return may_act_as_member(user)
