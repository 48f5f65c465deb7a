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


def _every_filter_form(cls=FilterForm):
    from importlib import import_module

    from django.apps import apps
    from django.utils.module_loading import module_has_submodule

    for config in apps.get_app_configs():
        for name in ("filters", "forms"):
            if module_has_submodule(config.module, name):
                import_module(f"{config.name}.{name}")
    yield from _subclasses(cls)


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


@pytest.mark.django_db
def test_no_filter_of_the_platform_offers_django_s_dashes_for_no_choice():
    from maillage.core.filter_forms import row_of
    from maillage.territory.models import Commune
    from tests.directory.factories import CommuneFactory

    CommuneFactory()

    forms_found = [form for form in _every_filter_form() if form.__module__.startswith("maillage.")]
    assert len(forms_found) >= 6  # the directory, agenda, people, cases, needs, memberships
    for form in forms_found:
        html = str(form({}))
        assert "---------" not in html, form.__name__
    # A row filter names its empty choice in French.
    field = row_of("Commune", Commune.objects.all(), "code", "Inconnue.", "Toutes")
    assert next(iter(field.choices))[1] == "Toutes"
