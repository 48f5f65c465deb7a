"""French usage in every template (settings: TEMPLATES builtins): these filters replace
Django's `date` and `pluralize`, so that no page, e-mail or export can print « 1 janvier » or
« 0 lignes »."""

from django import template

from maillage.core.dates import french_date
from maillage.core.plurals import pluralize

register = template.Library()
register.filter("date", french_date, expects_localtime=True, is_safe=False)
register.filter("pluralize", pluralize, is_safe=False)
