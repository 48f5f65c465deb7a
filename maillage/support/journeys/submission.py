"""One-time submission tokens: a create form sent twice (a double click, a browser's resubmit,
a replayed request) finds the row its first submit created instead of creating a second one.

Each create form carries a fresh random token in a hidden field; the row it creates stores it
under a unique constraint, so even two submits at the same instant leave exactly one row.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.db import IntegrityError, models, transaction

from maillage.support.journeys.errors import JourneyError

EXPIRED = "Ce formulaire a expiré : rechargez la page, puis envoyez-le de nouveau."
ALREADY_SAVED = "Ce formulaire avait déjà été envoyé : il n’est enregistré qu’une fois."
ELSEWHERE = "Ce formulaire a déjà servi pour un autre dossier : rechargez la page."

Row = TypeVar("Row", bound=models.Model)


def new_token() -> str:
    return str(uuid.uuid4())


class OneTimeForm(forms.Form):
    """A create form: its hidden token is drawn each time the form is shown."""

    submission = forms.CharField(
        widget=forms.HiddenInput, required=False, max_length=36, initial=new_token
    )

    def clean(self):
        data = super().clean()
        if "submission" in self.fields:
            try:
                data["submission"] = uuid.UUID(data.get("submission") or "")
            except ValueError:
                raise forms.ValidationError(EXPIRED) from None
        return data


def _done(model: type[Row], token: uuid.UUID, case) -> Row | None:
    row = model._default_manager.filter(submission_token=token).first()
    if row is not None and case is not None and row.case_id != case.pk:
        raise JourneyError(ELSEWHERE)
    return row


def once(
    model: type[Row], token: uuid.UUID, create: Callable[[], Row], case=None
) -> tuple[Row, bool]:
    """Run `create` (which saves a `model` row carrying `token`) unless a row already carries
    it: then return that row and False. `case` is the case the row must belong to."""
    if (row := _done(model, token, case)) is not None:
        return row, False
    try:
        with transaction.atomic():
            return create(), True
    except IntegrityError:
        # Another submit of the same form won the race: the constraint refused this one.
        row = _done(model, token, case)
        if row is None:
            raise
        return row, False
