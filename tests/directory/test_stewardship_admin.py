from html.parser import HTMLParser

from django.core import mail
from django.urls import reverse

from maillage.directory.enums import ClaimStatus, Source
from maillage.directory.models import ChangeRecord, Claim, Establishment
from maillage.directory.sources.spreadsheet import SpreadsheetImporter
from maillage.directory.stewardship import editing
from maillage.directory.stewardship.history import field_label
from tests.directory.factories import EstablishmentFactory, LegalUnitFactory, ThemeFactory
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


class _FormValues(HTMLParser):
    """What a browser would submit from a page's forms, as the admin rendered them."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in {"submit", "button", "file"}:
            if a.get("type") in {"checkbox", "radio"} and "checked" not in a:
                return
            self.data.setdefault(name, []).append(a.get("value") or "")
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select].append(a.get("value") or "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = [""]

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += data.removeprefix("\n")


def admin_form(client, url) -> dict[str, list[str]]:
    parser = _FormValues()
    parser.feed(client.get(url).content.decode())
    return parser.data


def test_a_legal_unit_edited_in_the_admin_is_in_its_establishments_history(
    client_for, administrator
):
    site = EstablishmentFactory(legal_unit=LegalUnitFactory(name="Ancien nom"))
    client = client_for(administrator)
    url = reverse("admin:directory_legalunit_change", args=[site.legal_unit_id])
    data = admin_form(client, url) | {"name": ["Nouveau nom"], "_save": ["Enregistrer"]}

    response = client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:3000]
    record = ChangeRecord.objects.get(establishment=site, field="legal_unit.name")
    assert (record.old_value, record.new_value) == ("Ancien nom", "Nouveau nom")
    assert (record.source, record.changed_by) == (Source.STAFF, administrator)
    assert field_label(record.field) == "Unité légale : dénomination"
    site.legal_unit.refresh_from_db()
    assert site.legal_unit.provenance["name"]["source"] == Source.STAFF


def test_themes_changed_in_the_admin_are_in_the_history_and_the_search(client_for, administrator):
    site = EstablishmentFactory()
    kept, added = ThemeFactory(name="Alimentation"), ThemeFactory(name="Recyclerie")
    site.themes.set([kept])
    ChangeRecord.objects.all().delete()
    client = client_for(administrator)
    url = reverse("admin:directory_establishment_change", args=[site.pk])
    data = admin_form(client, url) | {"themes": [kept.pk, added.pk], "_save": ["Enregistrer"]}

    response = client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:3000]
    record = ChangeRecord.objects.get(establishment=site, field="themes")
    assert (record.old_value, record.new_value) == ("Alimentation", "Alimentation, Recyclerie")
    assert (record.source, record.changed_by) == (Source.STAFF, administrator)
    assert list(Establishment.objects.matching("recyclerie")) == [site]
