"""Double-submit protection, in one place: a form sent twice (a double click, a browser's
resubmit, a replayed request, two tabs) leaves one row and no error page.

Two guards, both ending at a unique constraint, so that even two submits at the same instant
leave exactly one row:
- a row with a natural key (one membership a year, one vote a voter, one claim a person) is
  written by `first_write`: the twin's insert is refused by the constraint, and the caller says
  so (a message, a form error) or answers with the row the first submit wrote;
- a row without one (a note, an appointment, a case) is created from a `OneTimeForm`: the form
  carries a fresh random token in a hidden field, the row stores it in a `token_field()`, and
  `once` finds the row a replay's first submit created instead of creating a second one.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.db import IntegrityError, models, transaction
from django.http import HttpRequest

EXPIRED = "Ce formulaire a expiré : rechargez la page, puis envoyez-le de nouveau."
ALREADY_SAVED = "Ce formulaire avait déjà été envoyé : il n’est enregistré qu’une fois."
ELSEWHERE = "Ce formulaire a déjà servi ailleurs : rechargez la page."

Row = TypeVar("Row")
Model = TypeVar("Model", bound=models.Model)


class TokenUsedElsewhere(ValueError):
    """The token names a row written for another parent (a form copied between pages)."""


def first_write(write: Callable[[], Row]) -> Row | None:
    """`write()` in its own savepoint, or None when a unique constraint refused it: a twin
    submit wrote the same row first. `write` returns what it wrote (never None)."""
    try:
        with transaction.atomic():
            return write()
    except IntegrityError:
        return None


def first_save(row: models.Model) -> bool:
    """Save `row` unless a twin submit saved the same one first (see `first_write`)."""

    def save() -> models.Model:
        row.save()
        return row

    return first_write(save) is not None


def tell_saved(request: HttpRequest, created: bool, success: str) -> None:
    """The message after a one-time form: `success` when this submit wrote the row, and the
    same notice on every page when a twin submit had written it first."""
    if created:
        messages.success(request, success)
    else:
        messages.info(request, ALREADY_SAVED)


def token_field() -> models.UUIDField[Any, Any]:
    """The column of a row created from a `OneTimeForm`: the token of the submit that made it."""
    return models.UUIDField(null=True, blank=True, unique=True, editable=False)


def new_token() -> str:
    return str(uuid.uuid4())


class OneTimeForm(forms.Form):
    """A create form: its hidden token is drawn each time the form is shown. An edit form that
    inherits it deletes the field (an edit sent twice saves the same values twice)."""

    submission = forms.CharField(
        widget=forms.HiddenInput, required=False, max_length=36, initial=new_token
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "submission" in self.fields:
            try:
                data["submission"] = uuid.UUID(data.get("submission") or "")
            except ValueError:
                raise forms.ValidationError(EXPIRED) from None
        return data


def _done(model: type[Model], token: uuid.UUID, within: Mapping[str, Any]) -> Model | None:
    row = model._default_manager.filter(submission_token=token).first()
    if row is not None and any(getattr(row, name) != value for name, value in within.items()):
        raise TokenUsedElsewhere(token)
    return row


def replayed(model: type[Model], data: Mapping[str, Any]) -> Model | None:
    """The row an earlier submit of the same create form made, read from the posted `data`.
    A form with a unique field of its own (a name) refuses its replay as a duplicate: the view
    asks this when the form is invalid, and answers with the first submit's row."""
    try:
        token = uuid.UUID(str(data.get("submission") or ""))
    except ValueError:
        return None
    return model._default_manager.filter(submission_token=token).first()


def once(
    model: type[Model],
    token: uuid.UUID,
    create: Callable[[], Model],
    within: Mapping[str, Any] | None = None,
) -> tuple[Model, bool]:
    """Run `create` (which saves a `model` row carrying `token`) unless a row already carries
    it: then return that row and False. `within` holds the fields the row must have (its
    parent: `{"case_id": case.pk}`), else `TokenUsedElsewhere`."""
    within = within or {}
    if (row := _done(model, token, within)) is not None:
        return row, False
    created = first_write(create)
    if created is not None:
        return created, True
    # Another submit of the same form won the race: the constraint refused this one.
    row = _done(model, token, within)
    if row is None:
        raise IntegrityError(f"{model.__name__}: refused, yet no row carries the token")
    return row, False


class EditOnce(OneTimeForm):
    """A create form with a one-time token; the same form editing a row drops the token."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk is not None:
            del self.fields["submission"]  # an edit sent twice saves the same values twice
