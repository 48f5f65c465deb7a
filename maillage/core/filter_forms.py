"""Query-string filters as Django forms: the one pattern of every list's filters.

A `FilterForm` is bound to `request.GET` (or a plain mapping). Blank values are dropped (an
empty <select> option) and the others stripped. A value repeated for a field that takes one,
more values than a person ticks, or a value longer than any filter needs is an error in French,
never silently reduced or cut. Unknown parameters are ignored (campaign tags, cache busters).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.http import QueryDict

VALUE_MAX = 100  # a field with its own `max_length` says how long its value may be instead
VALUES_MAX = 40  # values of a repeatable field; more is not a person using a form


def _query_dict(data: Mapping[str, Any]) -> QueryDict:
    if isinstance(data, QueryDict):
        return data.copy()
    query = QueryDict(mutable=True)
    for name, value in data.items():
        query.setlist(name, list(value) if isinstance(value, list | tuple) else [value])
    return query


class FilterRefused(ValueError):
    """Filters not understood: `errors` maps each refused parameter to its French message, for
    a view that answers 400 with them."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__(" ".join(errors.values()))

    @property
    def messages(self) -> list[str]:
        return list(self.errors.values())


class FilterForm(forms.Form):
    def __init__(self, data: Mapping[str, Any] | None = None, **kwargs: Any) -> None:
        self._refused: dict[str, str] = {}
        if data is not None:
            data = _query_dict(data)
            for name, field in self.base_fields.items():
                values = [str(value).strip() for value in data.getlist(name)]
                data.setlist(name, [value for value in values if value])
                if refusal := self._refusal(field, data.getlist(name)):
                    self._refused[name] = refusal
                    data.setlist(name, [])  # its field sees nothing; the refusal is the error
        super().__init__(data, **kwargs)

    @staticmethod
    def _refusal(field: forms.Field, values: list[str]) -> str:
        repeatable = getattr(field.widget, "allow_multiple_selected", False)
        if len(values) > 1 and not repeatable:
            return f"Le filtre « {field.label} » ne prend qu’une valeur."
        if len(values) > VALUES_MAX:
            return f"Trop de valeurs pour le filtre « {field.label} » (au plus {VALUES_MAX})."
        if getattr(field, "max_length", None) is None and any(len(v) > VALUE_MAX for v in values):
            return f"La valeur du filtre « {field.label} » est trop longue."
        return ""

    def clean(self) -> dict[str, Any] | None:
        for name, message in self._refused.items():
            self.add_error(name, message)
        return super().clean()

    def read(self) -> dict[str, Any]:
        """The values of the filters, or FilterRefused naming each refused one."""
        if not self.is_valid():
            raise FilterRefused(self.messages())
        return self.cleaned_data

    def first_error(self) -> str:
        """The first message, for a page that answers a bad filter with one sentence."""
        for errors in self.errors.values():
            return str(errors[0])
        return ""

    def messages(self) -> dict[str, str]:
        """The first message of each refused filter, keyed by its parameter's name."""
        return {name: str(errors[0]) for name, errors in self.errors.items()}


# Filter fields: never required, each refusing an unknown value with its own French sentence.


def one_of(label: str, choices: Any, unknown: str) -> forms.ChoiceField:
    """One value among `choices`; `unknown` may name the refused value as `%(value)s`."""
    return forms.ChoiceField(
        label=label, choices=choices, required=False, error_messages={"invalid_choice": unknown}
    )


def some_of(label: str, choices: Any, unknown: str) -> forms.MultipleChoiceField:
    """Repeatable: any number of values among `choices` (up to VALUES_MAX)."""
    return forms.MultipleChoiceField(
        label=label, choices=choices, required=False, error_messages={"invalid_choice": unknown}
    )


def row_of(
    label: str, queryset: Any, key: str, unknown: str, empty: str
) -> forms.ModelChoiceField[Any]:
    """A row of `queryset`, named in the query string by its `key` column (a slug, a code);
    `empty` names the choice of no filter in French (« Toutes les communes »)."""
    return forms.ModelChoiceField(
        label=label,
        queryset=queryset,
        empty_label=empty,
        to_field_name=key,
        required=False,
        error_messages={"invalid_choice": unknown},
    )
