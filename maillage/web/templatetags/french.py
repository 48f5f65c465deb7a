"""French usage in every template (settings: TEMPLATES builtins): these filters replace
Django's `date` and `pluralize`, so that no page, e-mail or export can print « 1 janvier » or
« 0 lignes », and write numbers through the one French formatter, `maillage.core.french`:
`{{ n|count }}` « 13 700 », `{{ x|number:1 }}` « 7,5 », `{{ x|percent }}` « 12,7 % »,
`{{ gap|points }}` « −1,4 pt », `{{ year|year }}` « 2026 », `{{ amount|euros }}` « 12,00 € »;
and times through `maillage.core.dates`: `{{ start|clock }}` « 9 h 30 »,
`{{ start|time_range:end }}` « de 9 h 30 à 12 h »."""

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template

from maillage.core import french
from maillage.core.dates import clock_time, french_date, time_range
from maillage.core.plurals import pluralize

register = template.Library()
register.filter("date", french_date, expects_localtime=True, is_safe=False)
register.filter("pluralize", pluralize, is_safe=False)
register.filter("clock", clock_time, expects_localtime=True, is_safe=False)
register.filter("time_range", time_range, expects_localtime=True, is_safe=False)


def _numeric(write: Callable[..., str]) -> Callable[..., str]:
    """A missing or non-numeric value is shown as « – », never as an error on the page."""

    def wrapped(value: Any, arg: Any = None) -> str:
        if value is None or value == "":
            return french.DASH
        try:
            number = Decimal(str(value))
            return write(number) if arg is None else write(number, int(arg))
        except (InvalidOperation, ValueError, TypeError):
            return french.DASH

    wrapped.__name__ = write.__name__
    return wrapped


register.filter("count", _numeric(french.count), is_safe=True)
register.filter("number", _numeric(french.number), is_safe=True)
register.filter("percent", _numeric(french.percent), is_safe=True)
register.filter("points", _numeric(french.points), is_safe=True)
register.filter("euros", _numeric(french.euros), is_safe=True)


@register.filter("year", is_safe=True)
def year(value: Any) -> str:
    return "" if value in (None, "") else french.year(value)
