from django.core import mail
from django.urls import reverse

from maillage.directory.enums import ClaimStatus, Source
from maillage.directory.models import ChangeRecord, Claim
from maillage.directory.sources.spreadsheet import SpreadsheetImporter
from maillage.directory.stewardship import editing
from tests.directory.test_spreadsheet_import import line, sheet


def test_the_history_shows_inline_on_an_establishment(
    client_for, administrator, territory, tmp_path
):
    SpreadsheetImporter(territory).run(sheet(tmp_path, [line()]))
    site = ChangeRecord.objects.get().establishment

    page = client_for(administrator).get(
        reverse("admin:directory_establishment_change", args=[site.pk])
    )

    assert "(création)" in page.content.decode()


def test_claims_are_approved_from_the_admin_and_the_person_told(
    client_for, administrator, member, territory, tmp_path
):
    SpreadsheetImporter(territory).run(sheet(tmp_path, [line()]))
    site = ChangeRecord.objects.get().establishment
    claim = Claim.objects.create(legal_unit=site.legal_unit, user=member)

    client_for(administrator).post(
        reverse("admin:directory_claim_changelist"),
        {"action": "approve", "_selected_action": [claim.pk]},
    )

    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED
    assert mail.outbox[-1].to == [member.email]


def test_an_accepted_organisation_edit_survives_the_next_import(member, staff, territory, tmp_path):
    path = sheet(tmp_path, [line(description="Version du tableur", site_web="a.example")])
    SpreadsheetImporter(territory).run(path)
    site = ChangeRecord.objects.get().establishment
    Claim.objects.create(legal_unit=site.legal_unit, user=member, status=ClaimStatus.APPROVED)
    proposal = editing.propose_edit(member, site, {"description": "Notre texte"})
    editing.accept_proposal(proposal, staff)

    run = SpreadsheetImporter(territory).run(path)

    site.refresh_from_db()
    assert site.description == "Notre texte"
    assert site.provenance["description"]["source"] == Source.ORGANISATION
    assert run.rows_updated == 0
    assert ChangeRecord.objects.filter(field="description").count() == 1
