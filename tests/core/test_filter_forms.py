"""Query-string filters as forms: a repeated or overlong value is refused in French."""

import pytest
from django import forms
from django.http import QueryDict

from maillage.core.filter_forms import VALUES_MAX, FilterForm, FilterRefused


class ColourFilter(FilterForm):
    couleur = forms.ChoiceField(
        label="Couleur", choices=[("", "Toutes"), ("vert", "Vert")], required=False
    )
    tags = forms.MultipleChoiceField(
        label="Étiquettes", choices=[("a", "A"), ("b", "B")], required=False
    )


def test_a_known_value_is_read():
    form = ColourFilter(QueryDict("couleur=vert&tags=a&tags=b"))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["couleur"] == "vert"
    assert form.cleaned_data["tags"] == ["a", "b"]


def test_a_repeated_value_for_a_single_field_is_refused_not_reduced_to_one():
    form = ColourFilter(QueryDict("couleur=vert&couleur=vert&tags=a"))
    assert not form.is_valid()
    assert form.first_error() == "Le filtre « Couleur » ne prend qu’une valeur."


def test_an_overlong_value_is_refused_in_french():
    form = ColourFilter(QueryDict("couleur=" + "x" * 500 + "&tags=a"))
    assert not form.is_valid()
    assert "trop longue" in form.errors["couleur"][0]


def test_more_values_than_a_person_ticks_are_refused():
    form = ColourFilter(QueryDict("&".join(["tags=a"] * (VALUES_MAX + 1))))
    assert not form.is_valid()
    assert form.messages() == {
        "tags": f"Trop de valeurs pour le filtre « Étiquettes » (au plus {VALUES_MAX})."
    }


def test_blank_values_are_no_filter_and_values_are_stripped():
    form = ColourFilter(QueryDict("couleur=&couleur=+vert+&tags="))
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"couleur": "vert", "tags": []}


def test_a_plain_mapping_is_read_like_a_query_string():
    form = ColourFilter({"couleur": "vert", "tags": ["a", "b"]})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"couleur": "vert", "tags": ["a", "b"]}


def test_reading_refused_filters_names_each_parameter_with_its_message():
    form = ColourFilter(QueryDict("couleur=rouge&tags=c"))

    with pytest.raises(FilterRefused) as refused:
        form.read()

    assert set(refused.value.errors) == {"couleur", "tags"}
    assert len(refused.value.messages) == 2
