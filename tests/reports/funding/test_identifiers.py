import pytest

from maillage.reports.funding.identifiers import rna_problem, siret_problem


@pytest.mark.parametrize(
    "siret",
    [
        "22350001800013",  # a département
        "35600000000048",  # La Poste's head office: its key is a Luhn key
        "35600000010000",  # a post office: digits adding up to a multiple of 5, no Luhn key
    ],
)
def test_a_real_siret_passes(siret):
    assert siret_problem(siret) is None


def test_a_siret_with_a_wrong_key_is_refused_with_a_french_reason():
    assert siret_problem("22350001800014") == (
        "« 22350001800014 » n’est pas un SIRET valide : sa clé de contrôle est fausse."
    )


def test_la_poste_s_exception_does_not_pass_any_number_of_its_siren():
    assert siret_problem("35600000010001") is not None


@pytest.mark.parametrize("siret", ["2235000180001", "2235 0001800013", "2235000180001A", ""])
def test_a_siret_must_be_fourteen_digits(siret):
    assert "il faut 14 chiffres" in siret_problem(siret)


def test_an_rna_number_is_w_and_nine_digits():
    assert rna_problem("W353001234") is None
    assert "commence par W" in rna_problem("353001234")
