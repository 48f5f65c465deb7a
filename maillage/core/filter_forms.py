"""Query-string filters as Django forms: the one pattern of every list's filters.

A `FilterForm` is bound to `request.GET`. A value repeated for a field that takes one, or
longer than any filter needs, is an error in French, never silently reduced or cut.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import QueryDict

VALUE_MAX = 100


class FilterForm(forms.Form):
    def __init__(self, data: QueryDict | None = None, **kwargs: Any) -> None:
        self._refused: dict[str, str] = {}
        if data is not None:
            data = data.copy()
            for name, field in self.base_fields.items():
                values = data.getlist(name)
                if len(values) > 1 and not isinstance(field, forms.MultipleChoiceField):
                    self._refused[name] = f"Le filtre « {field.label} » ne prend qu’une valeur."
                elif any(len(value) > VALUE_MAX for value in values):
                    self._refused[name] = f"La valeur du filtre « {field.label} » est trop longue."
                if name in self._refused:  # its field sees nothing; the refusal is the error
                    data.setlist(name, [])
        super().__init__(data, **kwargs)

    def clean(self) -> dict[str, Any] | None:
        for name, message in self._refused.items():
            self.add_error(name, message)
        return super().clean()

    def first_error(self) -> str:
        """The first message, for a page that answers a bad filter with one sentence."""
        for errors in self.errors.values():
            return str(errors[0])
        return ""
