"""The ESS family follows the rule; cooperatives in commercial form wait for staff, who settle
or override a family on their page with a reason that every later import respects."""

import pytest
from django.urls import reverse

from maillage.directory import families
from maillage.directory.classification import classify
from maillage.directory.enums import EssFamily, FamilyDecision, Visibility
from maillage.directory.models import Establishment, LegalUnit
from maillage.directory.sources.sirene import SireneImporter
from tests.directory.conftest import establishment, unit
from tests.directory.factories import EstablishmentFactory, LegalUnitFactory
from tests.typeset import french

SCIC, SCOP = "666666666", "777777777"


@pytest.mark.parametrize(
    ("category", "name"),
    [
        ("5710", "SCIC DU PAYS DE REDON"),
        ("5499", "SCOP Les Menuisiers"),
        ("5710", "Coopérative d’activité et d’emploi Elan"),
        ("5499", "CAE Ouest"),
    ],
)
def test_a_commercial_company_whose_name_says_cooperative_is_to_review(category, name):
    for flag in ("O", "N", ""):
        result = classify(category, "43.21A", flag, [name])

        assert result.family is None
        assert result.needs_review
        assert "famille pressentie : coopérative" in result.reason


def test_a_word_inside_another_is_not_a_cooperative():
    assert classify("5710", "62.01Z", "O", ["SCOPELLI CONSEIL", "CAEN INFORMATIQUE"]).family == (
        EssFamily.COMMERCIAL
    )


def test_a_statutory_cooperative_or_an_association_is_not_sent_to_review():
    assert classify("5458", "43.21A", "", ["SCOP BATIMENT"]).family == EssFamily.COOPERATIVE
    assert classify("9220", "88.99B", "", ["Café coopératif"]).family == EssFamily.ASSOCIATION


@pytest.fixture
def scop_import(territory, sirene_files):
    """A SARL flagged ESS by SIRENE whose sign says SCOP, and a SAS named SCIC."""
    files = sirene_files(
        [
            establishment(f"{SCOP}00015", enseigne1Etablissement="SCOP LES MENUISIERS"),
            establishment(f"{SCIC}00011"),
        ],
        [
            unit(SCOP, category="5499", denominationUniteLegale="MENUISERIE DU PORT"),
            unit(
                SCIC,
                category="5710",
                denominationUniteLegale="SCIC ENERGIES DU PAYS",
                economieSocialeSolidaireUniteLegale="N",
            ),
        ],
    )

    def run():
        return SireneImporter(territory).run(*files)

    return run


def test_sirene_sends_cooperatives_in_commercial_form_to_review_not_to_a_family(scop_import):
    scop_import()

    for siren, word in ((SCOP, "SCOP"), (SCIC, "SCIC")):
        legal = LegalUnit.objects.get(siren=siren)
        assert legal.ess_family == ""
        assert legal.ess_needs_review
        assert f"dont le nom dit « {word} »" in legal.ess_review_reason
    assert not Establishment.objects.published().exists()


def test_staff_see_the_queue_with_the_reason(scop_import, client_for, staff):
    scop_import()

    page = client_for(staff).get(reverse("directory:staff_review"))

    assert page.status_code == 200
    assert "SCIC ENERGIES DU PAYS" in page.content.decode()
    assert french("dont le nom dit « SCIC »") in page.content.decode()


def test_a_staff_decision_is_kept_with_its_author_and_reused_at_the_next_import(
    scop_import, client_for, staff
):
    scop_import()
    scic = LegalUnit.objects.get(siren=SCIC)

    response = client_for(staff).post(
        reverse("directory:family_decision", args=[scic.pk]),
        {"family": FamilyDecision.COOPERATIVE, "reason": "Statuts de SCIC vus le 3 décembre"},
    )
    again = scop_import()

    assert response.status_code == 302
    scic.refresh_from_db()
    assert scic.ess_family == EssFamily.COOPERATIVE
    assert not scic.ess_needs_review
    assert (scic.family_decided_by, scic.family_decision_reason) == (
        staff,
        "Statuts de SCIC vus le 3 décembre",
    )
    assert not scic.has_override  # settling a unit under review is not overriding the rule
    assert Establishment.objects.published().get().siret == f"{SCIC}00011"
    assert again.units.rows_updated == 0
    history = Establishment.objects.get(siret=f"{SCIC}00011").history
    assert history.filter(field="legal_unit.ess_family", changed_by=staff).exists()


def test_a_decision_without_reason_is_refused(scop_import, client_for, staff):
    scop_import()
    scic = LegalUnit.objects.get(siren=SCIC)

    response = client_for(staff).post(
        reverse("directory:family_decision", args=[scic.pk]),
        {"family": FamilyDecision.COOPERATIVE, "reason": "  "},
    )

    assert response.status_code == 200
    scic.refresh_from_db()
    assert (scic.decided_family, scic.ess_family) == ("", "")


def test_an_override_is_marked_shown_to_staff_and_survives_imports(
    territory, sirene_files, client_for, staff
):
    files = sirene_files([establishment("111111111" + "00011")], [unit("111111111")])
    SireneImporter(territory).run(*files)
    asso = LegalUnit.objects.get(siren="111111111")

    client_for(staff).post(
        reverse("directory:family_decision", args=[asso.pk]),
        {"family": FamilyDecision.OUTSIDE, "reason": "Service d’une collectivité, pas d’AG"},
    )
    SireneImporter(territory).run(*files)

    asso.refresh_from_db()
    assert asso.ess_family == ""
    assert asso.has_override
    page = client_for(staff).get(reverse("directory:staff_review")).content.decode()
    assert "contre la règle" in page
    history = client_for(staff).get(
        reverse("directory:entry_history", args=[asso.establishments.get().pk])
    )
    assert "contre la règle" in history.content.decode()


def test_withdrawing_a_decision_gives_the_unit_back_to_the_rule(scop_import, client_for, staff):
    scop_import()
    scic = LegalUnit.objects.get(siren=SCIC)
    url = reverse("directory:family_decision", args=[scic.pk])
    client = client_for(staff)
    client.post(url, {"family": FamilyDecision.COOPERATIVE, "reason": "Statuts vus"})

    client.post(url, {"withdraw": "1"})

    scic.refresh_from_db()
    assert (scic.decided_family, scic.ess_family, scic.ess_needs_review) == ("", "", True)


def test_only_staff_reach_the_family_pages(db, client_for, member):
    legal = LegalUnitFactory()

    for url in (
        reverse("directory:staff_review"),
        reverse("directory:family_decision", args=[legal.pk]),
    ):
        assert client_for(member).get(url).status_code in {302, 403}


def test_no_write_path_stores_a_family_the_rule_forbids(db):
    """The support demo's « Agence d'attractivité » (public administration) as an association."""
    saved = LegalUnit.objects.create(
        siren="123456789",
        name="Agence d’attractivité fictive",
        legal_category="9220",
        naf_code="84.13Z",
        ess_family=EssFamily.ASSOCIATION,
    )
    (bulk,) = LegalUnit.objects.bulk_create(
        [
            LegalUnit(
                siren="987654321",
                name="SARL ordinaire",
                legal_category="5499",
                ess_flag="N",
                ess_family=EssFamily.COOPERATIVE,
            )
        ]
    )
    site = EstablishmentFactory(legal_unit=saved, visibility=Visibility.PUBLIC)

    assert LegalUnit.objects.get(pk=saved.pk).ess_family == ""
    assert LegalUnit.objects.get(pk=bulk.pk).ess_family == ""
    assert not Establishment.objects.published().filter(pk=site.pk).exists()
    assert not any(families.forbidden(u) for u in LegalUnit.objects.all())


def test_a_unit_without_legal_category_keeps_the_family_its_source_gave(db):
    legal = LegalUnit.objects.create(
        source_ref="tableur:1", name="Les Amis", ess_family=EssFamily.ASSOCIATION
    )

    assert LegalUnit.objects.get(pk=legal.pk).ess_family == EssFamily.ASSOCIATION
