"""Publishing the open-data file of grants: staff check the file, then publish it as it stands;
the public page and its download read that published file until staff publish again."""

from __future__ import annotations

import uuid

from maillage.core import form_tokens
from maillage.reports.funding.models import GrantsPublication
from maillage.reports.funding.scdl import Party, build


def publish(hub: Party, token: uuid.UUID) -> tuple[GrantsPublication, bool]:
    """The file of today's checked rows, published once per submit of the form (a second
    submit of the same form gives the first one's publication and False)."""

    def create() -> GrantsPublication:
        export = build(hub)
        return GrantsPublication.objects.create(
            content=export.csv(), rows=len(export.rows), submission_token=token
        )

    return form_tokens.once(GrantsPublication, token, create)


def latest() -> GrantsPublication | None:
    return GrantsPublication.objects.latest_first().first()
