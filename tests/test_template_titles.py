"""A page's title block is one line of text: markup there would show in the browser's tab and
in search results, and a section pasted there by mistake would be sent twice."""

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "maillage"
TITLE_BLOCK = re.compile(r"\{%\s*block title\s*%\}(.*?)\{%\s*endblock", re.S)


def markup_in_titles(template: str) -> list[str]:
    return [title for title in TITLE_BLOCK.findall(template) if "<" in title or "\n" in title]


def test_no_title_block_holds_markup_or_several_lines():
    found = [
        f"{path.relative_to(PACKAGE)}: {title[:80]!r}"
        for path in sorted(PACKAGE.rglob("templates/**/*.html"))
        for title in markup_in_titles(path.read_text(encoding="utf-8"))
    ]
    assert not found, "\n".join(found)


def test_the_scan_catches_a_section_left_in_the_title():
    assert markup_in_titles("{% block title %}Subvention{% endblock %}") == []
    assert markup_in_titles("{% block title %}Subvention\n<h2>Part</h2>\n{% endblock %}") != []
