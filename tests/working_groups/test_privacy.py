"""A person's part in the working groups, in their data export and on erasure."""

import pytest

from maillage.network.people.erasure import erase
from maillage.network.working_groups.models import Document, WorkingGroup
from maillage.privacy.subject_rights import export_person_record
from tests.working_groups.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def _records(person) -> dict[str, list[dict]]:
    export = export_person_record(person)
    return {r["donnees"]: r["enregistrements"] for r in export["traitements"]}


def test_the_export_holds_the_groups_a_person_is_in_facilitates_and_fed(facilitator, group):
    DocumentFactory(group=group, title="Charte du groupe", uploaded_by=facilitator.person)

    records = _records(facilitator.person)

    assert [m["groupe"] for m in records["membres du groupe"]] == ["Atelier éco-construction"]
    assert records["groupes de travail"] == [{"nom": "Atelier éco-construction", "statut": "Actif"}]
    (document,) = records["documents de groupe"]
    assert (document["groupe"], document["titre"]) == (
        "Atelier éco-construction",
        "Charte du groupe",
    )


def test_an_erased_facilitator_is_no_longer_named_but_the_group_keeps_its_members_and_files(
    facilitator, group, member_in_group
):
    DocumentFactory(group=group, uploaded_by=facilitator.person)

    erase(facilitator.person)

    group = WorkingGroup.objects.get(pk=group.pk)
    assert group.facilitator is None
    assert group.memberships.count() == 2
    assert Document.objects.get().uploaded_by.is_erased
