"""Mentions: the model's entities, repaired and cleaned into names.

An entity the model cut at a function word is joined again (`Internet Corporation for Assigned Names
and` + `Numbers`), one it ran across two names is split (`Bolton v Norwich`, `Forwards - Ann Lee`,
`Ivo Marsh of Italy`), and its text loses what is no part of the name: determiners, honorifics and
titles, nationalities, possessives, a score or a date after it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from ..model import Actor
from ..text import name_key
from . import gazetteer
from .names import given_names
from .places import is_country, is_known_place
from .roles import role_of

KIND_BY_LABEL = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group"}
_POSSESSIVE = re.compile(r"(?:['\u2019]s?)$")
_EDGE_JUNK = re.compile(r"^[^\w]+|[^\w.)]+$")
_DETERMINERS = {"the", "a", "an"}
JOINERS = {"and", "of", "for", "the", "&", "de", "du"}
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
_NAME_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"}
_PLAIN_HONORIFICS = {"mr", "mrs", "ms", "miss"}
_NAME_PARTICLES = {"de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "le", "la", "bin", "bint", "ibn", "al", "el", "ben", "dos", "das", "y", "zu", "ter", "ten"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PLACE_LABELS_ALL = PLACE_LABELS | {"PERSON", "ORG"}  # labels whose kind the votes settle
VERSUS = {"v", "vs", "versus", "v.", "vs."}


@dataclass(eq=False)
class Mention:
    name: str  # cleaned surface form
    label: str  # the model's label
    doc: object  # the spaCy Doc it is in
    start: int  # token span in that doc
    end: int
    role: str | None = None
    actor: Actor | None = None  # set once mentions are merged into actors
    cue: str | None = None  # the kind the words around say (`c Lowe b Marsh 5`, `the town of Brelany`)


def find_mentions(doc) -> list[Mention]:
    found = []
    for ent in _split_fixtures(_repaired_entities(doc)):
        if ent.label_ not in _PLACE_LABELS_ALL and ent.text[:1].isupper() and is_known_place(ent.text):
            ent.label_ = "GPE"  # `Calcutta` tagged as a product, `Kisangani office` as a nationality
        if ent.label_ not in KIND_BY_LABEL or _inside_title(ent) or not _nominal(ent) or _common_word(ent) or _character(ent):
            continue
        ent = _trim_entity(ent)
        name, title = clean_name(ent.text, ent.label_)
        if not name:
            continue
        role = role_of(doc, ent.start, ent.end) if ent.label_ in ("PERSON", "ORG") else None
        found.append(Mention(name, ent.label_, doc, ent.start, ent.end, role=role or title))
    return found


# A score, a dialling code or a dateline's date ends a name (`Liverpool 0 Sheffield`, `NY ISLANDERS 7`,
# `RIO DE JANEIRO 1996-12-06`); a year does not (`Transport 2000`), nor one word's number (`Radio 4`)
_DAYS_AND_MONTHS = {d.lower() for d in (*calendar.day_name, *calendar.month_name) if d}
_NUMBERISH = re.compile(r"^\+?\d{1,3}$|^\d{4}-\d\d-\d\d$")


def _trim_entity(ent):
    """The entity without a leading `v` (`v Norwich`), cut before a score, a dialling code, a date or
    a preposition that dates it (`Commons on Thursday`)."""
    doc, start, end = ent.doc, ent.start, ent.end
    if end - start > 1 and doc[start].lower_ in VERSUS:
        start += 1
    for token in doc[start + 1 : end]:
        if token.text == "(":  # `Ann Lee ( Norway`: the bracket holds something else
            end = token.i
            break
        date = token.like_num and len(token) == 4 and token.i + 1 < end and doc[token.i + 1].text == "-"
        # `Commons on Thursday`: a preposition before a day or a month ends a name
        when = token.is_lower and token.i + 1 < end and doc[token.i + 1].lower_ in _DAYS_AND_MONTHS
        if when:
            end = token.i
            break
        if _NUMBERISH.match(token.text) or date:
            if not (end - start == 2 and token.i == end - 1 and len(token) == 1):
                end = token.i
            break
    if (start, end) == (ent.start, ent.end):
        return ent
    span = doc[start:end]
    span.label_ = ent.label_
    return span


def _repaired_entities(doc):
    """The model's entities, with names it cut at a function word joined again (`Internet Corporation
    for Assigned Names and` + `Numbers`, `School of Speech` + and + `Drama`)."""
    ents = list(doc.ents)
    repaired = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        while i + 1 < len(ents) and ent.label_ == "ORG" and ents[i + 1].label_ in _NAME_LABELS and _cut_at_and(ent, ents[i + 1]):
            i += 1
            ent = doc[ent.start : ents[i].end]
            ent.label_ = "ORG"
        repaired.append(ent)
        i += 1
    return repaired


def _cut_at_and(ent, following) -> bool:
    """Whether `following` goes on the name `ent` (`... Names and` + `Numbers`; not `Commons on` +
    `Thursday`), or, after an `and` between them, ends a name of the shape `X of Y and Z`."""
    if following.start == ent.end:
        return ent[-1].lower_ in JOINERS
    doc = ent.doc
    return (
        following.start == ent.end + 1
        and doc[ent.end].lower_ in ("and", "&")
        and len(following) == 1
        and any(t.lower_ == "of" for t in ent[1:])
    )


_CUTS = {"in", "b", "c", "st", "lbw"}  # `Lee c Moreby b Tuckwell`: a cricket scorecard's catcher and bowler


def _split_fixtures(ents):
    """`Bolton v Norwich` as one entity is two sides of a match; `Harbour Chapel in Portmere`, a place
    in another; `Forwards - Ann Lee`, `Norway - Ivo Marsh`, a heading or a team, then a name; `Moreby b
    Tuckwell`, two players; `Ivo Marsh of Italy` and `Ivo Marsh Italy`, a person and a country;
    `Kelso 's Halverston Oval`, a town and a place in it."""
    for ent in ents:
        cut = _cut(ent)
        if cut is None:
            yield ent
            continue
        first_end, second_start, first_label, second_label = cut
        for part, label in ((ent.doc[ent.start : first_end], first_label), (ent.doc[second_start : ent.end], second_label)):
            part.label_ = label
            yield part


def _cut(ent) -> tuple[int, int, str, str] | None:
    """Where an entity that runs across two names is cut: (end of the first, start of the second,
    their labels), or None."""
    doc, label = ent.doc, ent.label_
    cut = next((t.i for t in ent[1:-1] if t.lower_ in VERSUS or t.text in _CUTS or _spaced_dash(t)), None)
    if cut is not None:
        return cut, cut + 1, label, "GPE" if doc[cut].text == "in" else label
    of = _person_of_country(ent)
    if of is not None:
        return of, of + 1, "PERSON", "GPE"
    owner = next((t.i for t in ent[1:-2] if t.lower_ in ("'s", "\u2019s") and doc[t.i + 1].is_title), None)
    # `Kelso 's Halverston Oval`: a known place, then two words at least (`People 's Fuel Lobby` is one name)
    if owner is not None and is_known_place(doc[ent.start : owner].text):
        return owner, owner + 1, "GPE", label
    if label == "PERSON" and len(ent) > 1 and is_country(ent[-1].text) and not is_country(ent.text):
        return ent.end - 1, ent.end - 1, label, "GPE"  # `Ivo Marsh Norway`, a results line without brackets
    return None


def _person_of_country(ent) -> int | None:
    """The `of` of `Ivo Marsh of Italy`: a name of two words or more, none a word of organizations,
    roles or titles (`Bank of Japan`, `Prime Minister of Japan`), then `of` and a country."""
    of = next((t.i for t in ent[2:-1] if t.lower_ == "of"), None)
    if of is None or not is_country(ent.doc[of + 1 : ent.end].text):
        return None
    words = [t.lower_ for t in ent.doc[ent.start : of]]
    plain = all(t.is_title for t in ent.doc[ent.start : of]) and not any(
        w in gazetteer.organization_words() or w in gazetteer.role_words() or w in gazetteer.honorifics() for w in words
    )
    return of if plain else None


def _spaced_dash(token) -> bool:
    return token.text in ("-", "--", "\u2013") and bool(token.whitespace_) and bool(token.nbor(-1).whitespace_)


def clean_name(text: str, label: str) -> tuple[str | None, str | None]:
    """The name in an entity's text, and an honorific/title cut from its front (`President`)."""
    if "/" in text or "[" in text:  # photo credits: "Jane Roe/AFP"
        return None, None
    text = " ".join(text.split())
    if "(" in text and ")" not in text:  # `Transport and General Workers Union (TGWU`: the name before
        text = text.split("(")[0]
    words = _EDGE_JUNK.sub("", text).split()
    while len(words) > 1 and words[-1].casefold() in JOINERS:  # `Harbour Lights and`
        words.pop()
    # `the White House` -> `White House`, but `The Hague` keeps its article
    while len(words) > 1 and words[0].casefold() in _DETERMINERS and not (label in PLACE_LABELS and len(words) == 2 and words[0] == "The"):
        words.pop(0)
    for i in range(len(words) - 2, 0, -1):  # `GDC Mr Allard`: the name starts after an inner honorific
        if words[i].casefold().rstrip(".") in _NAME_HONORIFICS and words[i + 1][:1].isupper():
            words = words[i:]
            break
    title = []
    while len(words) > 1 and words[0].casefold().rstrip(".") in _NAME_HONORIFICS:  # `Mr Allard`, whatever the label
        honorific = words.pop(0)
        if honorific.casefold().rstrip(".") not in _PLAIN_HONORIFICS:
            title.append(honorific)  # `Dr`, `Sir` say something; `Mr` does not
    if label == "PERSON":
        # `President Xi`, `Defender Ivo Marsh`, `Croat Ivo Marsh`: a title, a role or a nationality
        while len(words) > 1 and (words[0].casefold().rstrip(".") in gazetteer.honorifics() or _descriptor(words[0])):
            word = words.pop(0)
            if word.casefold() not in gazetteer.nationalities():  # a nationality is no role
                title.append(word)
        # `Ada Osei for Hamlet`: a lower-case word that is no name particle (`de`, `van`) ends a name
        cut = next((i for i, w in enumerate(words) if i and w.islower() and w not in _NAME_PARTICLES), None)
        words = words[:cut] if cut else words
    if label in PLACE_LABELS:  # `east Zaire`, `Kelso county`: a direction or a common noun around a place's name
        while len(words) > 1 and words[0].isalpha() and words[0].islower() and words[0] not in _DETERMINERS:
            words.pop(0)
        while len(words) > 1 and words[-1].isalpha() and words[-1].islower() and words[-1] not in _FEATURES:
            words.pop()
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    name = " ".join(w for w in words if w)
    if len(name) < 2 or not any(c.isupper() for c in name):
        return None, None
    return name, " ".join(title) or None


# Common nouns that are part of a place's name when they follow it (`Sudeten mountains`)
_FEATURES = {"mountains", "mountain", "river", "sea", "lake", "islands", "island", "valley", "hills", "bay", "coast", "peninsula", "desert", "gulf"}


def _descriptor(word: str) -> bool:
    """A role word or a nationality (`Defender`, `Russian`, `Croat`), never a given name."""
    key = word.casefold()
    return key not in given_names() and (key in gazetteer.role_words() or key in gazetteer.nationalities())


_PLAYS = {"as", "played", "plays", "playing", "portrayed", "portrays", "portraying"}
_STAGE = {
    "stage", "film", "films", "movie", "production", "musical", "play", "series", "show", "drama", "sitcom",
    "role", "roles", "character", "cast", "starred", "starring", "appearance", "version", "opera", "soap",
}


def _character(ent) -> bool:
    """`played Mrs Potts in the stage version`, `her last appearance was as Mrs Pearce in the
    production`: a part in a play or a film, not a person in the news (`Agassi played Moya` is)."""
    doc = ent.doc
    if ent.label_ != "PERSON" or ent.start == 0 or doc[ent.start - 1].lower_ not in _PLAYS:
        return False
    return any(t.lower_ in _STAGE for t in ent.sent)


def _inside_title(ent) -> bool:
    """`State` in `Secretary of State`: part of a role, not an actor."""
    doc = ent.doc
    if name_key(ent.text) not in gazetteer.portfolios() or ent.start < 2:
        return False
    return doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in gazetteer.role_words()


def _common_word(ent) -> bool:
    """`Turnout was high`: one capitalised word the tagger reads as a common noun is no name."""
    return len(ent) == 1 and ent.label_ in ("PERSON", "ORG") and ent[0].tag_ in ("NN", "NNS", "JJ", "VB", "VBG", "RB")


def _nominal(ent) -> bool:
    """Groups count only as nouns (`the Republicans`), not as adjectives (`North Korean leader`)."""
    if ent.label_ != "NORP":
        return True
    root = ent.root
    return root.tag_ in ("NNPS", "NNS") or (root.pos_ in ("PROPN", "NOUN") and root.dep_ not in ("amod", "compound"))
