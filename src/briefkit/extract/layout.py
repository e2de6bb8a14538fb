"""Mentions that the shape of lines shows, where the model left them out or read them wrong.

Wire copy and the sports pages are full of lines that are no prose: a headline in capitals, a
dateline, standings and results tables, fixture lists, squads, scorers. Their names are found by the
lines' shape; the model's own mentions come from `mentions`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import name_key
from . import gazetteer
from .headlines import headline_names, in_capitals
from .mentions import VERSUS, Mention, find_mentions
from .names import looks_like_person
from .places import country_first_words, is_country
from .scorecards import player_names


def read_mentions(parts: list[tuple[str, object]]) -> list[Mention]:
    """The mentions of an article's parts: the model's, cleaned, in place of its entities in a headline
    set in capitals the body's names there; then the names that the shape of lines shows, where the
    model left them out: table rows, fixture lists, datelines, squads and scorers, countries."""
    capitals = [doc for kind, doc in parts if kind == "title" and in_capitals(doc.text)]
    mentions = [m for _, doc in parts for m in find_mentions(doc) if doc not in capitals or _acronym(m)]
    mentions[:0] = _headline_mentions(capitals, mentions)
    _table_rows([doc for _, doc in parts], mentions)
    mentions += _fixture_sides([doc for kind, doc in parts if kind == "list"], mentions)
    for _, doc in parts:
        _dateline_place(doc, mentions)
    mentions += _players([doc for _, doc in parts], mentions)
    mentions += _countries([doc for _, doc in parts], mentions)
    return mentions


def _acronym(mention: Mention) -> bool:
    """`NHL`, `IBF`: a short word of capitals, the one kind of name the model reads right in a headline."""
    return mention.end - mention.start == 1 and len(mention.name) <= 5 and mention.name.isupper()


def _headline_mentions(headlines: list, found: list[Mention]) -> list[Mention]:
    """The names of headlines set in capitals, read from the names of the body (and its countries)."""
    if not headlines:
        return []
    known: dict[str, str] = {}
    for mention in found:
        words = name_key(mention.name).split()
        known.setdefault(" ".join(words), mention.label)
        if mention.label == "PERSON" and len(words) > 1:
            known.setdefault(words[-1], "PERSON")  # `MARSH FINED` after `Ivo Marsh`
    covered = _covered(found)
    return [
        Mention(name, label, doc, start, end)
        for doc in headlines
        for start, end, name, label in headline_names(doc, known)
        if not any((id(doc), i) in covered for i in range(start, end))
    ]


# A row of a standings or results table: a name, then only numbers (`Sheffield Wednesday 16 6 6 4 17 18 24`,
# `KELSO 14 4 .778 -`, `DUNMORE 11 8 .579 3 1/2`)
_TABLE_ROW = re.compile(r"^[ \t]*(?P<name>[A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*){0,3})(?: ?\( ?[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2} ?\))?(?:[ \t]+(?:\d+(?:[.:/-]\d+)?|\.\d+|-)){2,}[ \t]*$", re.MULTILINE)

# A wire story's dateline: the place in capitals, maybe its country or state, then the date
# (`MELBOURNE 1996-12-06`, `LONDON, Dec 6`, `KELSOWAY , Norway 1996-12-06`)
_DATELINE = re.compile(
    r"^\s*(?P<name>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}) ?,?\s+"
    r"(?:[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3} ?,?\s+)?"
    r"(?:\d{4}-\d\d-\d\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b)"
)


def _dateline_place(doc, mentions: list[Mention]) -> None:
    """The place of a dateline that opens a paragraph, added to `mentions`: whatever the model called
    it (`HALVERSTON` tagged ORG), a place, and in place of what it tagged across it (`RIO DE` of `RIO DE KELSO`)."""
    match = _DATELINE.match(doc.text)
    span = doc.char_span(match.start("name"), match.end("name"), alignment_mode="expand") if match else None
    if span is None:
        return
    name = match["name"].title()
    tagged = [m for m in mentions if m.doc is doc and m.start < span.end and span.start < m.end]
    exact = [m for m in tagged if (m.start, m.end) == (span.start, span.end)]
    for mention in exact:
        mention.label, mention.name, mention.cue = "GPE", name, "place"
    if not exact:
        mentions[:] = [m for m in mentions if m not in tagged]
        mentions.append(Mention(name, "GPE", doc, span.start, span.end, cue="place"))


def _table_rows(docs: list, mentions: list[Mention]) -> None:
    """Names heading table rows, added to `mentions` where the model left them out or tagged only a
    part (`LA` of `LA KELSOS 13 7 2 28`): a team (or, when a country, its national side, a place;
    when a person's name, the person). Only in an article with two such rows or more."""
    rows = [(doc, row) for doc in docs for row in _TABLE_ROW.finditer(doc.text)]
    if len(rows) < 2:
        return
    for doc, row in rows:
        span = doc.char_span(row.start("name"), row.end("name"), alignment_mode="expand")
        if span is None:
            continue
        inside = [m for m in mentions if m.doc is doc and m.start < span.end and span.start < m.end]
        name = row["name"]
        label = "GPE" if is_country(name) else "PERSON" if looks_like_person(name) else "ORG"
        for mention in inside:
            if (mention.start, mention.end) == (span.start, span.end) and label == "ORG":
                mention.cue = "organization"  # the model's `Charleroi`, a place, heads a row: a team
        if any(m.start < span.start or m.end > span.end or (m.start, m.end) == (span.start, span.end) for m in inside):
            continue  # the model's mention is the row's name, or runs beyond it
        mentions[:] = [m for m in mentions if m not in inside]
        mentions.append(Mention(name, label, doc, span.start, span.end))


_TITLES = {"EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"}  # `the Norway Open` names no country


def _countries(docs: list, found: list[Mention]) -> list[Mention]:
    """Countries that no mention holds (`Mila Dravec ( Slovenia )` tagged as one organization,
    `EU-Japan summit` left out): a country's name is a place wherever it stands."""
    covered = _covered(found)
    first_words = _place_first_words()
    added = []
    for doc in docs:
        i = 0
        while i < len(doc):
            token = doc[i]
            if not (token.text[:1].isupper() and name_key(token.text) in first_words):
                i += 1
                continue
            n = next((n for n in (3, 2, 1) if _country_at(doc, i, n, covered)), 0)
            if n:
                added.append(Mention(doc[i : i + n].text, "GPE", doc, i, i + n))
            i += n or 1
    return added


@lru_cache(maxsize=1)
def _place_first_words() -> frozenset[str]:
    """First words of countries and of the gazetteer's places: a cheap test before `_country_at`."""
    aliases = (key.split()[0] for key, (_, kind) in gazetteer.canonical_names().items() if kind == "place")
    return country_first_words() | frozenset(aliases)


def _country_at(doc, start: int, n: int, covered: set[tuple[int, int]]) -> bool:
    span = doc[start : start + n]
    if len(span) < n or not span[0].is_title and not span[0].is_upper or not span[-1].is_alpha:
        return False
    if any((id(doc), t.i) in covered or t.ent_type_ in _TITLES for t in span):
        return False
    known = gazetteer.canonical_names().get(name_key(span.text))
    return is_country(span.text) or (known is not None and known[1] == "place" and len(span.text) > 2)


def _players(docs: list, found: list[Mention]) -> list[Mention]:
    """The players of squad lists, scorers and results by name that the model left out."""
    covered = _covered(found)
    added = []
    for doc in docs:
        for start, end in player_names(doc.text):
            span = _untagged(doc, start, end, covered)
            if span is not None:
                added.append(Mention(doc.text[start:end], "PERSON", doc, span.start, span.end))
    return added


def _covered(found: list[Mention]) -> set[tuple[int, int]]:
    """(document, token) pairs inside the mentions found so far."""
    return {(id(m.doc), i) for m in found for i in range(m.start, m.end)}


def _untagged(doc, start: int, end: int, covered: set[tuple[int, int]]):
    """The tokens of characters `start:end`, unless a mention found already holds any of them."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or any((id(doc), i) in covered for i in range(span.start, span.end)):
        return None
    return span


# A line of a fixture list: `Kelso v Dunmore`, `Brevik Town v Ostra or Halvik`
_SIDE = r"[A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*){0,3}"
_VERSUS = "|".join(re.escape(w) for w in sorted(VERSUS, key=len, reverse=True))
_FIXTURE_LINE = re.compile(rf"^\W*(?P<home>{_SIDE}(?: or {_SIDE})*) (?:{_VERSUS}) (?P<away>{_SIDE}(?: or {_SIDE})*)\W*$")


def _fixture_sides(docs: list, found: list[Mention]) -> list[Mention]:
    """The sides of a fixture list's lines that the model left out: teams (a country, its national
    side, a place)."""
    covered = _covered(found)
    added = []
    for doc in docs:
        line = _FIXTURE_LINE.match(doc.text)
        if not line:
            continue
        for group in ("home", "away"):
            offset = line.start(group)
            for name in line[group].split(" or "):
                span = _untagged(doc, offset, offset + len(name), covered)
                offset += len(name) + len(" or ")
                if span is not None:
                    added.append(Mention(name, "GPE" if is_country(name) else "ORG", doc, span.start, span.end))
    return added
