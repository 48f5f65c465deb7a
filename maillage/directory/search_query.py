"""The directory's search: which entries a query finds, and in which order.

An entry matches when each word of the query (folded: accents, case and punctuation aside)
starts one of the words of its `search_text`; the word indexes of `search_index.py` answer that
on both databases. A word that starts no indexed word is taken as a typo and replaced by the
indexed words within one edit (two for words of eight letters or more) that start with the same
letter: « coperative » finds « cooperative », « recylerie » « recyclerie ».

Relevance, the same on SQLite and PostgreSQL because it is computed from the stored texts and
not by either engine's scoring: each query word scores by where it is found, in the names
(NAME_WEIGHT), else in the commune (PLACE_WEIGHT), else in the description or the themes
(TEXT_WEIGHT); entries sort by their total, then by name. An organisation of a commune therefore
comes before one whose description only names that commune.

A broad search (« redon » is in every entry) does not score every match: `ranked(..., top=TOP)`
scores at most the TOP first matches and the TOP first whose names hold every word (a second
word index), and lists the TOP best of those. « First » is the order the index gives them in:
by id on SQLite, the table's order on PostgreSQL (`search_index.in_index_order`). A search with
TOP matches or fewer is therefore ranked exactly, the same on both databases; a broader one
still lists the entries named after its words first. When the caller has counted the matches
(`found`) and they are TOP or fewer, they are ranked directly: the matches' rows read once from
the word index, no candidates gathered first (at 20,000 entries, 13 ms down to 2 ms for 811
matches on PostgreSQL).

The words a query stands for are looked up once (`word_groups`) and given to `matching` and
`ranked`: a page counts and ranks with them.
"""

from __future__ import annotations

from functools import reduce
from operator import add, or_

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Case, Func, IntegerField, Q, QuerySet, Value, When

from maillage.core.text import query_words
from maillage.directory import search_index

NAME_WEIGHT, PLACE_WEIGHT, TEXT_WEIGHT = 4, 2, 1
# Shorter words are not corrected: too many words lie within one edit of them.
MIN_CORRECTED_LENGTH = 4
TWO_EDITS_FROM = 8
MAX_CORRECTIONS = 12
MAX_WORDS = 8
# A query word that starts more indexed words than this is asked of the indexes as a prefix.
MAX_LISTED_WORDS = 16
# How many entries a broad search ranks and lists, at most.
TOP = 1000

# Per query word, the indexed words it stands for (`word_groups`).
WordGroups = list[list[str]]


def matching(queryset: QuerySet, groups: WordGroups) -> QuerySet:
    """The entries of `queryset` that every group of `groups` finds."""
    return queryset.filter(_matches(queryset, groups)) if groups else queryset


def ranked(
    queryset: QuerySet, groups: WordGroups, top: int | None = None, found: int | None = None
) -> QuerySet:
    """`matching`, most relevant first (then by name: `sort_name`, id); with `top`, the `top`
    most relevant among a bounded set of candidates (see the module's docstring), unless the
    caller counted the matches (`found`) and they are no more than `top`."""
    if not groups:
        ordered = queryset.order_by("sort_name", "pk")
        return ordered if top is None else ordered[:top]
    if top is None or (found is not None and found <= top):
        candidates = queryset.filter(_matches(queryset, groups, joined=False))
    else:
        candidates = _candidates(queryset, groups, top)
    scores = [
        Case(
            When(_found_in("search_name", group), then=Value(NAME_WEIGHT)),
            When(_found_in("search_place", group), then=Value(PLACE_WEIGHT)),
            default=Value(TEXT_WEIGHT),
            output_field=IntegerField(),
        )
        for group in groups
    ]
    ordered = candidates.annotate(relevance=reduce(add, scores)).order_by(
        "-relevance", "sort_name", "pk"
    )
    return ordered if top is None else ordered[:top]


def _candidates(queryset: QuerySet, groups: WordGroups, top: int) -> QuerySet:
    """The `top` first matches and the `top` first whose names hold every group, in the
    index's order: what a broad search ranks."""
    vendor = connections[queryset.db].vendor
    found = queryset.filter(_matches(queryset, groups))
    named = queryset.filter(_matches(queryset, groups, names_only=True))
    first = [
        candidates.order_by(*search_index.in_index_order(vendor, names)).values("pk")[:top]
        for candidates, names in ((found, False), (named, True))
    ]
    return queryset.filter(search_index.among(vendor, *first))


def _matches(
    queryset: QuerySet, groups: WordGroups, names_only: bool = False, joined: bool = True
) -> Q | Func:
    return search_index.matches(connections[queryset.db].vendor, groups, names_only, joined)


def _found_in(field: str, group: list[str]) -> Q:
    """One of the group's words starts a word of `field` (folded words, separated by spaces)."""
    found = [
        Q(**{f"{field}__startswith": word}) | Q(**{f"{field}__contains": f" {word}"})
        for word in (word.rstrip("*") for word in group)
    ]
    return reduce(or_, found)


def word_groups(q: str, using: str = DEFAULT_DB_ALIAS) -> WordGroups:
    """Per query word, the words it stands for: the indexed words it starts (« redon » stands
    for « redon » and « redonnais »), or its corrections if it is a typo. A word ending in
    « * » stands for every word it starts: a prefix that starts too many words to list, or a
    correction.

    Listed words are found in the indexes one by one, which reads only the rows asked for;
    a prefix makes them merge all its words' entries first (`search_index.py`).
    One-letter words (« l’atelier » gives « l ») narrow nothing when longer words are there."""
    words = list(dict.fromkeys(query_words(q)))
    longer = [word for word in words if len(word) > 1]
    words = (longer or words)[:MAX_WORDS]
    connection = connections[using]
    groups: WordGroups = []
    with connection.cursor() as cursor:
        for word in words:
            started = search_index.words_with_prefix(cursor, word, MAX_LISTED_WORDS + 1)
            if len(started) > MAX_LISTED_WORDS:
                groups.append([f"{word}*"])
            elif started:
                groups.append(started)
            else:
                corrections = _corrections(cursor, word) or [word]
                groups.append([f"{correction}*" for correction in corrections])
    return groups


def _corrections(cursor, word: str) -> list[str]:
    if len(word) < MIN_CORRECTED_LENGTH:
        return []
    limit = 2 if len(word) >= TWO_EDITS_FROM else 1
    near = []
    for candidate in search_index.words_starting_with(cursor, word[0]):
        if abs(len(candidate) - len(word)) <= limit:
            distance = edit_distance(word, candidate, limit)
            if distance <= limit:
                near.append((distance, candidate))
    return [candidate for _, candidate in sorted(near)[:MAX_CORRECTIONS]]


def edit_distance(a: str, b: str, limit: int) -> int:
    """Insertions, deletions, substitutions and swaps of two neighbours that turn `a` into `b`
    (optimal string alignment); any value above `limit` is returned as `limit + 1`."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            current[j] = min(
                previous[j] + 1,
                current[j - 1] + 1,
                previous[j - 1] + (char_a != char_b),
            )
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        # A swap reads two rows back: only two rows over the limit keep all the next ones over.
        if min(current) > limit and min(previous) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)
