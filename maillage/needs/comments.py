"""Comments on a need: written by people with an account, published once the staff read them."""

from __future__ import annotations

import uuid
from typing import Any

from django.db import transaction
from django.utils import timezone

from maillage.core.form_tokens import once
from maillage.needs.enums import CommentStatus
from maillage.needs.errors import NeedError
from maillage.needs.models import Comment, Need

BODY_MAX = 3000


def write(need: Need, author: Any, body: str, token: uuid.UUID) -> tuple[Comment, bool]:
    body = body.strip()
    if not body:
        raise NeedError("Le commentaire est vide.")
    if len(body) > BODY_MAX:
        raise NeedError(f"Le commentaire est trop long ({BODY_MAX} caractères au plus).")
    return once(
        Comment,
        token,
        lambda: Comment.objects.create(need=need, author=author, body=body, submission_token=token),
        within={"need_id": need.pk},
    )


def moderate(comment: Comment, publish: bool) -> Comment:
    """Publish or reject a comment waiting for moderation; a decided one stays as it is."""
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        if not comment.is_pending:
            raise NeedError("Ce commentaire a déjà été modéré.")
        comment.status = CommentStatus.PUBLISHED if publish else CommentStatus.REJECTED
        comment.moderated_at = timezone.now()
        comment.save(update_fields=["status", "moderated_at"])
    return comment
