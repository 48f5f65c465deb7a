from functools import partial

from maillage.core import refusals

bad_request = partial(
    refusals.bad_request,
    back=(("space:home", "Revenir à votre espace"),),
)
