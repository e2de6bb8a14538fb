"""People in the lines of the sports pages: scorers, squads, scorecards and results by name.

The model reads `Okafor 85th` or `Ivo Marsh ( Norway )` as anything, and the match rules of `actors`
would make a name followed by a number a team. The shapes here are what a person has in such lines:
- a scorer: a name after `(`, a comma or a spaced dash, then a minute (`( Okafor 12 , Marsh 55 )`);
- a cricket scorecard: `c Lowe b Marsh 5`, `Lowe run out 7`, bowling figures `Marsh 10-2-26-0`;
- a squad list: a shirt number and a dash before the name (`19 - Ivo Marsh , 2 - ...`);
- a result by name: a country or a city in brackets after it (`Lena Osterberg ( Sweden )`);
- a list of people: a name between commas beside a name the model tagged as a person.
"""

from __future__ import annotations

import calendar
import re

from . import gazetteer
from .places import is_country, is_known_place

_DISMISSALS = {"b", "c", "st", "lbw"}  # `c Lowe b Marsh`: caught by, bowled by, stumped by
_OUT = re.compile(r"^ ?(?:(?:c|b|st|lbw) |(?:run|not) out\b|\d+(?:\.\d)?-\d+-\d+-\d+\b)")
_MINUTE = re.compile(r"^ ?\d{1,3}(?:st|nd|rd|th)?(?: ?(?:pen|penalty|own goal))?(?: ?(?:,(?!\d)|;|\))| ?\.?$| and\b)")
_SCORER_BEFORE = re.compile(r"(?:[(,;]| -| and) ?$")
_SHIRT_BEFORE = re.compile(r"(?:^|[,;:(]) ?\d{1,2} - ?$")
_ITEM_END = re.compile(r"^ ?(?:[,;()]|\.? ?$|\d)")
_BRACKETED_PLACE = re.compile(r"^ ?\( ?(?P<place>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2}) ?[),]")
_SEPARATORS = {",", ";"}
_CALENDAR = {n.casefold() for n in (*calendar.day_name, *calendar.day_abbr, *calendar.month_name, *calendar.month_abbr) if n} | {"sept"}
_ITEM_AFTER = {",", ";", ".", "and"}

# A squad list by shirt number: `19 - Ivo Marsh , 2 - Joel Mbeki ; 3 - ...`; lower-case particles inside
_NAME = r"[A-Z][\w'.-]*(?: (?:[A-Z][\w'.-]*|(?:al|el|de|da|di|du|van|von|der|den|le|la|bin)(?:-[A-Z][\w'-]*)?)){0,4}"
_SHIRT = re.compile(rf"(?:^|(?<=[,;:(] ))\d{{1,2}} - (?P<name>{_NAME})(?= [,;()]| \d| ?\.?$)")
MIN_SQUAD = 3


def person_cue(doc, start: int, end: int, name: str) -> bool:
    """Whether the words around tokens `start:end` of `doc` say the name there is a person's."""
    words = name.split()
    if any(w.casefold() in gazetteer.organization_words() for w in words) or is_country(name):
        return False  # a national side is its country; `Dynamo Moscow`, `Real Madrid` are clubs
    if is_known_place(name) or (len(words) > 1 and is_known_place(words[-1])):
        return False
    before, after = _around(doc, start, end)
    if (start > 0 and doc[start - 1].text in _DISMISSALS) or _OUT.match(after):
        return True
    if _SCORER_BEFORE.search(before) and _MINUTE.match(after):
        return True
    if _SHIRT_BEFORE.search(before) and _ITEM_END.match(after):
        return True
    place = _BRACKETED_PLACE.match(after)
    if place and (is_country(place["place"]) or is_known_place(place["place"])):
        return True
    return _listed_among_people(doc, start, end)


_WINDOW = 8  # tokens read on each side; an edge that is not the text's own reads as `\x00`


def _around(doc, start: int, end: int) -> tuple[str, str]:
    """The text just before and just after tokens `start:end` (without building the whole text)."""
    low, high = max(0, start - _WINDOW), min(len(doc), end + _WINDOW)
    before = ("\x00" if low else "") + doc[low:start].text_with_ws
    after = doc[end - 1].whitespace_ + doc[end:high].text_with_ws + (" \x00" if high < len(doc) else "")
    return before, after


def _listed_among_people(doc, start: int, end: int) -> bool:
    """`Ivo Marsh , Joel Mbeki , Lena Osterberg .`: an item of a comma list whose neighbour is a person."""
    opens = start == 0 or doc[start - 1].text in _SEPARATORS or doc[start - 1].text == "-"
    closes = end == len(doc) or doc[end].text in _ITEM_AFTER
    if not (opens and closes):
        return False
    previous = start > 1 and doc[start - 1].text in _SEPARATORS and doc[start - 2].ent_type_ == "PERSON"
    following = end + 1 < len(doc) and doc[end].text in _SEPARATORS and doc[end + 1].ent_type_ == "PERSON"
    if not (previous or following):
        return False
    others = sum(1 for ent in doc.ents if ent.label_ == "PERSON" and not start <= ent.start < end)
    return others >= 2  # a list: `HALVERSTON , Ont.` is no list


# A scorer: `( Okafor 12 , Marsh 55 )`, `Norway - Ivo Marsh 84 , Joel Mbeki 88`; a result by name:
# `Lena Osterberg ( Sweden ) 38.00`
_SCORER = re.compile(rf"(?:(?<=\()|(?<=, )|(?<=\( )|(?<= - ))(?P<name>{_NAME}) \d{{1,3}}(?:st|nd|rd|th)?(?: pen(?:alty)?)?(?![\d.:]|,\d)(?= ?[,;)]| and\b| ?\.?$)")
_RESULT = re.compile(rf"(?:^|(?<=[,;:] )|(?<=\d\. )|(?<=\d= ))(?P<name>{_NAME}) ?\( ?(?P<place>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){{0,2}}) ?\)")


def player_names(text: str) -> list[tuple[int, int]]:
    """Character spans of the people a paragraph of results names by their lines' shapes: squads by
    shirt number (three or more), scorers before their minute, and names before a bracketed country."""
    squad = [(m.start("name"), m.end("name")) for m in _SHIRT.finditer(text)]
    spans = squad if len(squad) >= MIN_SQUAD else []
    spans += [(m.start("name"), m.end("name")) for m in _SCORER.finditer(text) if _personal(m["name"])]
    spans += [
        (m.start("name"), m.end("name"))
        for m in _RESULT.finditer(text)
        if _personal(m["name"]) and (is_country(m["place"]) or is_known_place(m["place"]))
    ]
    return spans


def _personal(name: str) -> bool:
    """Whether a name found by its line's shape may be a person's: no team, place or organization."""
    words = name.split()
    return not (
        words[0] in ("The", "A", "An")
        or words[0].casefold().rstrip(".") in _CALENDAR  # `- Dec 6 .`
        or is_country(name)
        or is_known_place(name)
        or is_known_place(words[-1])
        or any(w.casefold() in gazetteer.organization_words() for w in words)
    )
