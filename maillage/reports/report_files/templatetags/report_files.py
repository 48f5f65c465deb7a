"""`{% report_files_panel version %}`: the files box of a frozen version, in its page."""

from __future__ import annotations

from typing import Any

from django import template

from maillage.reports.annual.models import FrozenVersion
from maillage.reports.report_files.views import panel_context

register = template.Library()


@register.inclusion_tag("report_files/partials/panel.html", takes_context=True)
def report_files_panel(context: template.Context, version: FrozenVersion) -> dict[str, Any]:
    request = context["request"]
    return {**panel_context(request, version), "csrf_token": context.get("csrf_token")}
