"""Form input the database and the calendar can hold, whatever a visitor types.

Installed once at start-up (CoreConfig.ready) on Django's own form fields, so that every form of
every app, the admin's included, is covered without each one remembering to:
- a model choice, single or multiple, keyed by an integer refuses a number no integer column
  holds (10**23 made SQLite raise OverflowError: a 500 on eleven forms);
- a date (or date and time) must fall between the years 1000 and 2999, so that the end of a
  period plus one day, or a week's start, never leaves the calendar (9999-12-31 gave a 500).
Each refusal is a form error in French, as any other invalid value.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

SMALLEST_INTEGER, LARGEST_INTEGER = -(2**63), 2**63 - 1
FIRST_DAY, LAST_DAY = date(1000, 1, 1), date(2999, 12, 31)
DATE_OUT_OF_RANGE = "Saisissez une date comprise entre l’an 1000 et l’an 2999."


def _out_of_range(value: Any) -> bool:
    """An integer (or its text) that no 64-bit integer column holds."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return False
    try:
        number = int(value)
    except ValueError:
        return False
    return not SMALLEST_INTEGER <= number <= LARGEST_INTEGER


def _integer_keyed(field: forms.ModelChoiceField[Any]) -> bool:
    if field.queryset is None:
        return False
    meta = field.queryset.model._meta
    key = meta.get_field(field.to_field_name) if field.to_field_name else meta.pk
    return isinstance(key, models.IntegerField)


def _guard_single_choice() -> None:
    original = forms.ModelChoiceField.to_python

    def to_python(self: forms.ModelChoiceField[Any], value: Any) -> Any:
        if _integer_keyed(self) and _out_of_range(value):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return original(self, value)

    forms.ModelChoiceField.to_python = to_python  # type: ignore[method-assign]


def _guard_multiple_choice() -> None:
    original = forms.ModelMultipleChoiceField._check_values  # type: ignore[attr-defined]

    def _check_values(self: forms.ModelMultipleChoiceField[Any], value: Any) -> Any:
        if _integer_keyed(self):
            for key in value:
                if _out_of_range(key):
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": key},
                    )
        return original(self, value)

    forms.ModelMultipleChoiceField._check_values = _check_values  # type: ignore[attr-defined]


def _guard_dates(field_class: type[forms.Field]) -> None:
    original = field_class.to_python

    def to_python(self: forms.Field, value: Any) -> Any:
        result = original(self, value)
        day = result.date() if isinstance(result, datetime) else result
        if day is not None and not FIRST_DAY <= day <= LAST_DAY:
            raise ValidationError(DATE_OUT_OF_RANGE, code="invalid")
        return result

    field_class.to_python = to_python  # type: ignore[method-assign]


def install() -> None:
    _guard_single_choice()
    _guard_multiple_choice()
    _guard_dates(forms.DateField)
    _guard_dates(forms.DateTimeField)
