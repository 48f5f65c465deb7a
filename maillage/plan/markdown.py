"""Markdown written by the hub's staff, rendered to HTML that is safe to show.

Markdown lets raw HTML through, so its output is always cleaned by nh3 with a short allow-list:
no scripts, no event handlers, no style, links only to web, mail and relative addresses.
"""

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "abbr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text: str) -> SafeString:
    """Markdown → sanitised HTML, marked safe for templates."""
    # Lone surrogates (never valid UTF-8) would make nh3 fail: replace them.
    text = (text or "").encode("utf-8", errors="replace").decode("utf-8")
    html = markdown_lib.markdown(text, extensions=["sane_lists", "tables"])
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return mark_safe(cleaned)  # cleaned by nh3 just above
