"""Replaces the built-in `date` filter in every template (settings: TEMPLATES builtins), so that
no page, e-mail or export can print « 1 janvier »."""

from django import template

from maillage.web.dates import french_date

register = template.Library()
register.filter("date", french_date, expects_localtime=True, is_safe=False)
