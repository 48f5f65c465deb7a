from functools import partial

from maillage.core import refusals

bad_request = partial(
    refusals.bad_request,
    back=(("people:book", "Revenir au carnet d’adresses"),),
)


def session_key_of(request) -> str:
    """The session's key, saving a new session first: export links are tied to it."""
    if request.session.session_key is None:
        request.session.save()
    return request.session.session_key
