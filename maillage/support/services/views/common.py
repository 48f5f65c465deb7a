from functools import partial

from maillage.core import refusals
from maillage.core.form_tokens import first_write

DUPLICATE = "Cette structure propose déjà un service de ce nom."


bad_request = partial(
    refusals.bad_request,
    back=(
        ("services:orientation", "Revenir aux questions"),
        ("services:offer", "Voir toute l’offre d’accompagnement"),
    ),
)


def save_new(form):
    """Save a new service; a double submit that raced past the form's check is an error on the
    name (the database's unique constraint), not a 500. None when refused."""
    service = first_write(form.save)
    if service is None:
        form.add_error("name", DUPLICATE)
    return service
