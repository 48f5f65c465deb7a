"""Posting a create form as its page does: with the one-time token the page drew
(maillage.core.form_tokens)."""

from maillage.core.form_tokens import new_token


def with_token(data: dict) -> dict:
    """A create form's fields as the page sends them: with the one-time token it drew."""
    return {**data, "submission": new_token()}
