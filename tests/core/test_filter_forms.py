"""Query-string filters as forms: a repeated or overlong value is refused in French."""

from django import forms
from django.http import QueryDict

from maillage.core.filter_forms import FilterForm


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
