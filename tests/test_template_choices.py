"""Templates ask a model what it is (`registration.is_confirmed`), never compare a choice with a
raw string or an enum passed in the context (docs/app-wiring.md)."""

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "maillage"
CONDITION = re.compile(r"\{%-?\s*(?:if|elif)\s(.*?)-?%\}", re.S)
# An attribute compared with a quoted value or with an enum member (`statuses.SENT`).
CHOICE_COMPARISON = re.compile(
    r"""\b([a-z_]\w*(?:\.\w+)+)\s*(?:==|!=)\s*(?:['"]|[a-z_]\w*\.[A-Z][A-Z_]+\b)"""
    r"""|(?:['"][^'"]*['"]|[a-z_]\w*\.[A-Z][A-Z_]+\b)\s*(?:==|!=)\s*([a-z_]\w*(?:\.\w+)+)"""
)
# A form field's own name and widget are not choices.
FORM_PLUMBING = {"field.name", "field.widget_type"}


def choice_comparisons(template: str) -> list[str]:
    found = []
    for condition in CONDITION.findall(template):
        for match in CHOICE_COMPARISON.finditer(condition):
            if (match.group(1) or match.group(2)) not in FORM_PLUMBING:
                found.append(match.group(0))
    return found


def test_no_template_compares_a_choice_with_a_string_or_an_enum():
    found = [
        f"{path.relative_to(PACKAGE)}: {comparison}"
        for path in sorted(PACKAGE.rglob("templates/**/*"))
        if path.suffix in {".html", ".txt"}
        for comparison in choice_comparisons(path.read_text(encoding="utf-8"))
    ]
    assert not found, "Use a model property (is_confirmed…):\n" + "\n".join(found)


def test_the_scan_catches_strings_and_enums_and_leaves_form_plumbing():
    template = (
        '{% if registration.status == "confirmed" %}a{% endif %}'
        "{% elif 'draft' != activity.status %}b{% endif %}"
        "{% if referral.status == statuses.SENT %}c{% endif %}"
        '{% if field.name == "consent" %}d{% endif %}'
        "{% if key != 'page' %}e{% endif %}"
        "{% if registration.is_confirmed %}f{% endif %}"
    )

    assert choice_comparisons(template) == [
        'registration.status == "',
        "'draft' != activity.status",
        "referral.status == statuses.SENT",
    ]
