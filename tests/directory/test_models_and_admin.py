import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from maillage.directory.enums import EssFamily, Visibility
from maillage.directory.models import Establishment, LegalUnit
from maillage.directory.nomenclatures import employee_bracket, naf_section
from tests.directory.conftest import establishment, unit

pytestmark = pytest.mark.django_db


def make_site(siret="11111111100011", family=EssFamily.ASSOCIATION, **values):
    legal_unit, _ = LegalUnit.objects.get_or_create(
        siren=siret[:9], defaults={"name": "Les Amis du Canal", "ess_family": family}
    )
    return Establishment.objects.create(siret=siret, legal_unit=legal_unit, **values)


@pytest.mark.parametrize(("longitude", "latitude"), [(181, 47), (-2, -91), (-2, None)])
def test_impossible_coordinates_are_refused_by_the_database(longitude, latitude):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_site(longitude=longitude, latitude=latitude)


def test_a_siret_exists_once():
    make_site()

    with pytest.raises(IntegrityError), transaction.atomic():
        make_site()


def test_a_legal_unit_needs_a_siren_or_an_rna_number():
    with pytest.raises(IntegrityError), transaction.atomic():
        LegalUnit.objects.create(name="Sans identifiant")


def test_published_establishments_are_open_visible_and_in_the_ess():
    shown = make_site("11111111100011")
    make_site("11111111100029", is_open=False)
    make_site("11111111100037", visibility=Visibility.HIDDEN)
    make_site("22222222200011", family="")

    assert list(Establishment.objects.published()) == [shown]


def test_publication_follows_changes_to_the_entry_and_to_its_legal_unit():
    site = make_site()
    site.visibility = Visibility.HIDDEN
    site.save(update_fields=["visibility"])
    assert not Establishment.objects.published().exists()

    site.visibility = Visibility.PUBLIC
    site.save()
    legal_unit = LegalUnit.objects.get(pk=site.legal_unit_id)
    legal_unit.ess_family = ""
    legal_unit.save()
    assert not Establishment.objects.published().exists()

    legal_unit.ess_family = EssFamily.COOPERATIVE
    legal_unit.save()
    assert list(Establishment.objects.published()) == [site]
    assert list(Establishment.objects.filter(family=EssFamily.COOPERATIVE)) == [site]


def test_the_sort_name_is_the_folded_display_name_and_follows_the_legal_name():
    unnamed = make_site()
    signed = make_site("11111111100029", sign="L’Écluse")
    legal_unit = LegalUnit.objects.get(pk=unnamed.legal_unit_id)
    legal_unit.name = "Élan Solidaire"
    legal_unit.save()

    names = dict(Establishment.objects.values_list("pk", "sort_name"))
    assert names == {unnamed.pk: "elan solidaire", signed.pk: "l ecluse"}


def test_bracket_bounds_give_a_job_estimate():
    assert (employee_bracket("11").low, employee_bracket("11").high) == (10, 19)
    assert employee_bracket("11").mid == 14.5
    assert employee_bracket("53").mid == 10000
    assert employee_bracket("NN").mid is None
    assert employee_bracket("zz") is None


def test_naf_section_reads_both_spellings():
    assert naf_section("88.99B") == naf_section("8899B") == "Q"
    assert naf_section("99.99X") == ""


# Hub staff need "directory" in accounts.models.STAFF_EDITABLE_APPS (owned by accounts); until
# then the administrator stands in for them.
def test_staff_find_and_filter_establishments_in_the_admin(client_for, administrator, territory):
    make_site(sign="La Maison du Canal", naf_section="Q")
    make_site("22222222200011", sign="Garage Solidaire", naf_section="G")
    client = client_for(administrator)
    url = reverse("admin:directory_establishment_changelist")

    found = client.get(url, {"q": "maison"}).content.decode()
    filtered = client.get(url, {"naf_section": "G"}).content.decode()

    assert "La Maison du Canal" in found
    assert "Garage Solidaire" not in found
    assert "Garage Solidaire" in filtered
    assert "La Maison du Canal" not in filtered


def test_staff_read_an_import_report_in_the_admin(
    client_for, administrator, territory, sirene_files
):
    from maillage.directory.sources.sirene import SireneImporter

    files = sirene_files(
        [establishment("11111111100011"), establishment("1111111110002X")], [unit("111111111")]
    )
    run = SireneImporter(territory).run(*files).establishments
    client = client_for(administrator)

    page = client.get(reverse("admin:directory_importrun_change", args=[run.pk]))

    assert page.status_code == 200
    assert "SIRET invalide" in page.content.decode()
