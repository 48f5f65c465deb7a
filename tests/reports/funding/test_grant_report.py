"""The per-grant report: the Cerfa 15059 sections, its gaps and indicators computed, never typed."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from maillage.activities.enums import ActivityKind
from maillage.plan.links import link_actions
from maillage.reports.funding.models import AgreementIndicator
from tests.activities.factories import ActivityFactory
from tests.reports.funding.factories import BudgetLineFactory, GrantFactory
from tests.reports.funding.test_grant_pages import text

pytestmark = pytest.mark.django_db


def held_on(day: date, **fields):
    start = datetime.combine(day, datetime.min.time(), timezone.get_default_timezone())
    start += timedelta(hours=9)
    return ActivityFactory(starts_at=start, ends_at=start + timedelta(hours=2), **fields)


def test_the_budget_gaps_are_computed_from_planned_and_actual(client_for, staff):
    grant = GrantFactory()
    BudgetLineFactory(
        grant=grant, label="Salaires", planned=Decimal("8000"), actual=Decimal("8600")
    )
    BudgetLineFactory(
        grant=grant,
        label="Déplacements",
        planned=Decimal("1000"),
        actual=Decimal("700"),
        explanation="Réunions tenues en visioconférence.",
    )

    page = text(client_for(staff).get(reverse("funding:grant_report", args=[grant.pk])))

    assert "600,00 €" in page  # Salaires: 8 600 − 8 000
    assert "-300,00 €" in page  # Déplacements
    assert "Réunions tenues en visioconférence." in page
    assert "9 300,00 €" in page  # actual total of the expenses


def test_a_staff_member_adds_a_budget_line_and_writes_the_qualitative_report(client_for, staff):
    grant = GrantFactory()
    client = client_for(staff)

    client.post(
        reverse("funding:add_budget_line", args=[grant.pk]),
        {"side": "income", "label": "Subvention du Département", "planned": "20 000"},
    )
    client.post(
        reverse("funding:save_report_text", args=[grant.pk]),
        {"qualitative_report": "Douze ateliers ont réuni les acteurs du territoire."},
    )

    page = text(client.get(reverse("funding:grant_report", args=[grant.pk])))
    assert "Subvention du Département" in page
    assert "Douze ateliers ont réuni les acteurs du territoire." in page


def test_the_agreement_s_indicators_count_the_grant_s_actions_within_its_period(
    client_for, staff, loaded_plan
):
    from maillage.plan.models import Action

    funded, other = Action.objects.order_by("code")[:2]
    grant = GrantFactory(starts_on=date(2026, 1, 1), ends_on=date(2026, 6, 30))
    link_actions(grant, [funded])
    AgreementIndicator.objects.create(
        grant=grant, name="Nombre d’ateliers de sensibilisation", indicator="activities", target=10
    )
    AgreementIndicator.objects.create(grant=grant, name="Satisfaction des élus")
    link_actions(held_on(date(2026, 3, 2), kind=ActivityKind.EVENT), [funded])
    link_actions(held_on(date(2026, 6, 30), kind=ActivityKind.TRAINING), [funded])
    link_actions(held_on(date(2026, 7, 1)), [funded])  # after the grant's period
    link_actions(held_on(date(2026, 3, 3)), [other])  # another action

    page = text(client_for(staff).get(reverse("funding:grant_report", args=[grant.pk])))

    assert 'Nombre d’ateliers de sensibilisation</th><td class="number">2 activités' in page
    assert 'Satisfaction des élus</th><td class="number">non compté par la plateforme' in page


def test_the_budget_csv_writes_amounts_with_a_decimal_comma(client_for, staff):
    grant = GrantFactory()
    BudgetLineFactory(
        grant=grant, label="Salaires", planned=Decimal("8000"), actual=Decimal("7500.5")
    )

    response = client_for(staff).get(reverse("funding:grant_report_csv", args=[grant.pk]))

    lines = response.content.decode().splitlines()
    assert lines[0] == "Partie;Poste;Prévu;Réalisé;Écart;Explication"
    assert lines[1] == "Charges;Salaires;8000,00;7500,50;-499,50;"


def test_the_report_downloads_as_an_odt_holding_the_same_figures(client_for, staff):
    import io

    import odfdo

    grant = GrantFactory(qualitative_report="Douze ateliers ont eu lieu.")
    BudgetLineFactory(
        grant=grant, label="Salaires", planned=Decimal("8000"), actual=Decimal("8600")
    )

    response = client_for(staff).get(reverse("funding:grant_report_odt", args=[grant.pk]))

    odt_text = odfdo.Document(io.BytesIO(response.content)).get_formatted_text()
    assert "Douze ateliers ont eu lieu." in odt_text
    assert "Salaires" in odt_text
    assert "600,00" in odt_text.replace("\u00a0", " ")


def _pdf_text(data: bytes, tmp_path) -> str:
    import subprocess

    path = tmp_path / "compte-rendu.pdf"
    path.write_bytes(data)
    command = ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"]
    out = subprocess.run(command, capture_output=True, check=True, text=True).stdout
    return " ".join(out.replace("\u00a0", " ").replace("\u202f", " ").split())


def _pdf_tagged(tmp_path) -> bool:
    import subprocess

    command = ["pdfinfo", str(tmp_path / "compte-rendu.pdf")]
    info = subprocess.run(command, capture_output=True, check=True, text=True).stdout
    return any(line.split() == ["Tagged:", "yes"] for line in info.splitlines())


def test_the_report_downloads_as_a_tagged_pdf_holding_the_cerfa_sections_and_figures(
    client_for, staff, tmp_path
):
    grant = GrantFactory(qualitative_report="Douze ateliers ont eu lieu.")
    BudgetLineFactory(
        grant=grant, label="Salaires", planned=Decimal("8000"), actual=Decimal("8600")
    )

    response = client_for(staff).get(reverse("funding:grant_report_pdf", args=[grant.pk]))

    assert response["Content-Type"] == "application/pdf"
    assert f"compte-rendu-{grant.pk}.pdf" in response["Content-Disposition"]
    pdf_text = _pdf_text(response.content, tmp_path)
    assert _pdf_tagged(tmp_path)
    for section in ("1. Bilan qualitatif", "2. Budget prévu et réalisé", "3. Indicateurs"):
        assert section in pdf_text
    assert "Douze ateliers ont eu lieu." in pdf_text
    assert "Salaires 8 000,00 8 600,00 600,00" in pdf_text


def _spaced(value: str) -> str:
    return value.replace("\u00a0", " ").replace("\u202f", " ")


def test_the_report_downloads_as_a_docx_holding_the_same_figures(client_for, staff):
    import io

    import docx

    grant = GrantFactory(qualitative_report="Douze ateliers ont eu lieu.")
    BudgetLineFactory(
        grant=grant, label="Salaires", planned=Decimal("8000"), actual=Decimal("8600")
    )

    response = client_for(staff).get(reverse("funding:grant_report_docx", args=[grant.pk]))

    read = docx.Document(io.BytesIO(response.content))
    paragraphs = [paragraph.text for paragraph in read.paragraphs]
    cells = [[_spaced(cell.text) for cell in row.cells] for t in read.tables for row in t.rows]
    assert "Douze ateliers ont eu lieu." in paragraphs
    assert ["Salaires", "8 000,00", "8 600,00", "600,00", ""] in cells


@pytest.mark.parametrize("name", ["grant_report_pdf", "grant_report_docx"])
def test_members_are_refused_the_report_files(client_for, member, name):
    grant = GrantFactory()

    assert client_for(member).get(reverse(f"funding:{name}", args=[grant.pk])).status_code == 403


def test_staff_correct_a_budget_line_and_its_gap_follows(client_for, staff):
    grant = GrantFactory()
    line = BudgetLineFactory(grant=grant, label="Salaires", planned=Decimal("8000"))
    client = client_for(staff)
    url = reverse("funding:budget_line_edit", args=[grant.pk, line.pk])

    shown = client.get(url)
    response = client.post(
        url,
        {
            "side": "expense",
            "label": "Salaires et charges",
            "planned": "8 000",
            "actual": "8 450,50",
            "explanation": "Une semaine de plus pour le Mois de l’ESS.",
        },
    )

    assert shown.status_code == 200
    assert 'value="Salaires"' in shown.content.decode()
    assert response.url == reverse("funding:grant_report", args=[grant.pk])
    page = text(client.get(response.url))
    assert "Salaires et charges" in page
    assert "450,50 €" in page  # the gap, computed
    assert "Une semaine de plus pour le Mois de l’ESS." in page


def test_a_budget_line_renamed_like_another_is_refused_in_french(client_for, staff):
    grant = GrantFactory()
    BudgetLineFactory(grant=grant, side="expense", label="Loyer", planned=Decimal("1200"))
    line = BudgetLineFactory(grant=grant, side="expense", label="Salaires", planned=Decimal("800"))
    url = reverse("funding:budget_line_edit", args=[grant.pk, line.pk])

    response = client_for(staff).post(url, {"side": "expense", "label": "Loyer", "planned": "800"})

    assert response.status_code == 400
    assert "Le budget a déjà une ligne de ce nom dans cette partie." in response.content.decode()
    assert "Modifier la ligne du budget « Salaires »" in text(response)
    line.refresh_from_db()
    assert line.label == "Salaires"


def test_a_budget_line_of_another_grant_is_not_found(client_for, staff):
    line = BudgetLineFactory(grant=GrantFactory(), planned=Decimal("800"))
    url = reverse("funding:budget_line_edit", args=[GrantFactory().pk, line.pk])

    assert client_for(staff).get(url).status_code == 404


def test_a_budget_line_form_sent_twice_adds_one_line(client_for, staff):
    grant = GrantFactory()
    client = client_for(staff)
    url = reverse("funding:add_budget_line", args=[grant.pk])
    fields = {"side": "expense", "label": "Salaires", "planned": "8 000"}

    client.post(url, fields)
    second = client.post(url, fields, follow=True)

    assert [line.label for line in grant.budget_lines.all()] == ["Salaires"]
    assert "Ce formulaire avait déjà été envoyé" in second.content.decode()
