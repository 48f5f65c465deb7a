"""Correct French agrees with the count (`core.french.plural`, `agreed`): « 1 ligne rejetée »,
« 3 lignes rejetées », never the form-letter « ligne(s) rejetée(s) »."""

import io
import re
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "maillage"
FORM_LETTER_PLURAL = re.compile(r"[a-zàâçéèêëîïôûù]\((?:s|x|e|es)\)")
# Kept, with the reason: an admin-only column label whose change is a migration of its own.
KNOWN = {"observatory/models.py": '"fichier(s) source"'}


def texts(path: Path):
    """Template text, or the string literals of Python code (not its comments nor its code)."""
    source = path.read_text(encoding="utf-8")
    if path.suffix != ".py":
        yield from source.splitlines()
        return
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.STRING or token.type == getattr(tokenize, "FSTRING_MIDDLE", -1):
            yield token.string


def test_no_text_for_people_writes_a_plural_as_s_in_brackets():
    found = []
    for path in sorted(ROOT.rglob("*")):
        if path.suffix not in {".py", ".html", ".txt"} or "migrations" in path.parts:
            continue
        name = path.relative_to(ROOT).as_posix()
        for text in texts(path):
            if FORM_LETTER_PLURAL.search(text) and KNOWN.get(name) != text:
                found.append(f"{name}: {text}")
    assert not found, "\n".join(found)
