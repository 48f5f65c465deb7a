"""Plain text written by the hub's staff: paragraphs and links, never a markup syntax.

People read these texts on pages, in e-mails and in calendars, so the stored text is what they
read: a blank line separates paragraphs, a web or mail address becomes a link on a page.
`from_markdown()` turns a text written in Markdown (as descriptions once were) into such text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

import markdown as markdown_lib
from django.utils.html import escape, urlize
from django.utils.safestring import SafeString, mark_safe

PLAIN_TEXT_HELP = (
    "Texte simple : une ligne vide entre deux paragraphes ; une adresse web devient un lien."
)
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def render_plain_text(text: str) -> SafeString:
    """Paragraphs (<p>), line breaks (<br>) and links of a plain text, everything escaped."""
    paragraphs = [part.strip() for part in PARAGRAPH_BREAK.split((text or "").replace("\r", ""))]
    html = "".join(
        "<p>" + urlize(escape(part), nofollow=True).replace("\n", "<br>") + "</p>"
        for part in paragraphs
        if part
    )
    return mark_safe(html)  # every piece escaped above; urlize adds only <a href>


BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "table", "hr"}


class _PlainWriter(HTMLParser):
    """Markdown's HTML back to text: blocks become paragraphs, list items lines starting with
    « – », a link « text (address) » unless its text is the address."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.href = ""
        self.link_text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self.parts.append("\n\n")
        elif tag == "li":
            self.parts.append("\n– ")
        elif tag in ("br", "tr"):
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")
        elif tag == "a":
            self.href = dict(attrs).get("href") or ""
            self.link_text = ""

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self.parts.append("\n\n")
        elif tag == "a" and self.href:
            if self.href.removeprefix("mailto:") not in self.link_text:
                self.parts.append(f" ({self.href.removeprefix('mailto:')})")
            self.href = ""

    def handle_data(self, data: str) -> None:
        if not data.strip() and "\n" in data:
            return  # the line breaks Markdown writes between tags
        if self.href:
            self.link_text += data
        self.parts.append(data)


def from_markdown(text: str) -> str:
    """The plain text a reader saw of a Markdown text: no #, *, _, [](), or > left."""
    if not text:
        return text
    writer = _PlainWriter()
    writer.feed(markdown_lib.markdown(text, extensions=["sane_lists", "tables"]))
    writer.close()
    lines = "".join(writer.parts).split("\n")
    cleaned = "\n".join(line.strip() for line in lines)
    return re.sub(r"\n{3,}", "\n\n", cleaned).strip()


def converting_migration(
    app_label: str, fields: dict[str, list[str]]
) -> Callable[[Any, Any], None]:
    """A RunPython function turning the Markdown of `fields` ({model: [field, …]}) to plain text,
    for the migrations of the apps whose texts were Markdown. Only the rows it changes are
    written: a large table of empty or already plain texts costs one read."""

    def convert(apps: Any, schema_editor: Any) -> None:
        for model_name, names in fields.items():
            model = apps.get_model(app_label, model_name)
            for row in model.objects.only("pk", *names).iterator():
                values = {name: from_markdown(getattr(row, name)) for name in names}
                if any(values[name] != getattr(row, name) for name in names):
                    model.objects.filter(pk=row.pk).update(**values)

    return convert
