from django import template

from maillage.territory.queries import current_territory

register = template.Library()


@register.inclusion_tag("territory/partials/source_note.html")
def territory_source_note():
    """The source note of the hub's territory, for pages that do not have it in context."""
    return {"territory": current_territory()}
