"""Text folding: compare words as people type them, whatever their accents, case and punctuation."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """'Économie  solidaire, l’Atelier' -> 'economie solidaire l atelier'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    ascii_text = ascii_text.replace("œ", "oe").replace("æ", "ae")
    return _NOT_WORD.sub(" ", ascii_text).strip()


def query_words(query: str) -> list[str]:
    return fold(query).split()
