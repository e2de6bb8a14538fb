"""Actors: the people, organizations, places and groups of one article.

spaCy finds entity mentions; the rules here clean them (determiners, honorifics, possessives),
read roles from the words around them, and merge the mentions of one real-world entity into one
actor whose kind is voted by all of its forms, so that the model's mistakes on single mentions
(`Trump` tagged as an organization) are outvoted by the rest of the evidence.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Actor
from ..text import name_key
from . import gazetteer
from .headlines import headline_names, in_capitals
from .names import given_names, looks_like_person
from .names import surnames as common_surnames
from .places import country_first_words, is_country, is_known_place, place_cue
from .roles import role_of
from .scorecards import person_cue, player_names

KIND_BY_LABEL = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group"}
_POSSESSIVE = re.compile(r"(?:['\u2019]s?)$")
_EDGE_JUNK = re.compile(r"^[^\w]+|[^\w.)]+$")
_DETERMINERS = {"the", "a", "an"}
_JOINERS = {"and", "of", "for", "the", "&", "de", "du"}
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
_NAME_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"}
_PLAIN_HONORIFICS = {"mr", "mrs", "ms", "miss"}
_NAME_PARTICLES = {"de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "le", "la", "bin", "bint", "ibn", "al", "el", "ben", "dos", "das", "y", "zu", "ter", "ten"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_LOCATIVE = {"in", "at", "to", "from", "near", "across", "around", "outside", "inside", "into", "towards", "toward"}
# Words around the sides of a match (`beat Norwich`, `Bolton v Norwich`, `lost to Leeds`, `Derby 1-0`)
_MATCH_BEFORE = {"beat", "beats", "beating", "defeat", "defeats", "defeated", "defeating", "thrashed", "edged", "v", "vs", "versus", "v.", "vs."}
_MATCH_AFTER = {"v", "vs", "versus", "v.", "vs."}
_RESULT_VERBS = {"lost", "lose", "losing", "loses", "drew", "draw", "draws", "drawing"}  # `lost to X`, `drew with X`
_RESULT_NOUNS = {"win", "victory", "defeat", "loss", "draw"}  # `win over X`, `defeat by X`, `draw with X`
_SCORE = re.compile(r"^\d{1,2}(?:-\d{1,2})?$")  # `2` or `2-1`, not a year


@dataclass(eq=False)
class Mention:
    name: str  # cleaned surface form
    label: str  # the model's label
    doc: object  # the spaCy Doc it is in
    start: int  # token span in that doc
    end: int
    role: str | None = None
    actor: Actor | None = None  # set once mentions are merged into actors
    cue: str | None = None  # the kind the words around say (`c Healy b Moody 5`, `the town of Kindu`)


@dataclass(eq=False)
class _Cluster:
    forms: list[str] = field(default_factory=list)  # name keys
    mentions: list[Mention] = field(default_factory=list)
    canonical: tuple[str, str] | None = None  # (name, kind) from the gazetteer

    @property
    def tokens(self) -> set[str]:
        return {t for key in self.forms for t in key.split()}


def extract_actors(parts: list[tuple[str, object]]) -> tuple[list[Mention], list[Actor]]:
    """All mentions (each linked to its actor, or to None when dropped) and the actors, most mentioned first."""
    capitals = [doc for kind, doc in parts if kind == "title" and in_capitals(doc.text)]
    mentions = [m for _, doc in parts for m in find_mentions(doc) if doc not in capitals or _acronym(m)]
    mentions[:0] = _headline_mentions(capitals, mentions)
    mentions += _table_rows([doc for _, doc in parts], mentions)
    mentions += _fixture_sides([doc for kind, doc in parts if kind == "list"], mentions)
    for _, doc in parts:
        _dateline_place(doc, mentions)
    mentions += _players([doc for _, doc in parts], mentions)
    mentions += _countries([doc for _, doc in parts], mentions)
    _read_cues(mentions)
    clusters = _merge(mentions)
    # surnames of the people the model is sure of: `Azmat Begg` tagged ORG beside `Moazzam Begg`
    surnames = {c.forms[0].split()[-1] for c in clusters if len(c.forms[0].split()) > 1 and _votes(c)[0] == "person"}
    actors = []
    for cluster in clusters:
        actor = _actor(cluster, surnames)
        if actor is None:
            continue
        for mention in cluster.mentions:
            mention.actor = actor
        actors.append(actor)
    order = {id(a): i for i, a in enumerate(actors)}
    actors.sort(key=lambda a: (-a.mentions, order[id(a)]))
    return mentions, actors


def find_mentions(doc) -> list[Mention]:
    found = []
    for ent in _split_fixtures(_repaired_entities(doc)):
        if ent.label_ not in KIND_BY_LABEL or _inside_title(ent) or not _nominal(ent) or _common_word(ent):
            continue
        ent = _trim_entity(ent)
        name, title = clean_name(ent.text, ent.label_)
        if not name:
            continue
        role = role_of(doc, ent.start, ent.end) if ent.label_ in ("PERSON", "ORG") else None
        found.append(Mention(name, ent.label_, doc, ent.start, ent.end, role=role or title))
    return found


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
            known.setdefault(words[-1], "PERSON")  # `BOWYER FINED` after `Lee Bowyer`
    covered = _covered(found)
    return [
        Mention(name, label, doc, start, end)
        for doc in headlines
        for start, end, name, label in headline_names(doc, known)
        if not any((id(doc), i) in covered for i in range(start, end))
    ]


# A row of a standings or results table: a name, then only numbers (`Sheffield Wednesday 16 6 6 4 17 18 24`)
_TABLE_ROW = re.compile(r"^[ \t]*(?P<name>[A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*){0,3})(?:[ \t]+\d+(?:[.:-]\d+)?){2,}[ \t]*$", re.MULTILINE)


# A score, a dialling code or a dateline's date ends a name (`Liverpool 0 Sheffield`, `NY ISLANDERS 7`,
# `RIO DE JANEIRO 1996-12-06`); a year does not (`Transport 2000`), nor one word's number (`Radio 4`)
_DAYS_AND_MONTHS = {d.lower() for d in (*calendar.day_name, *calendar.month_name) if d}
_NUMBERISH = re.compile(r"^\+?\d{1,3}$|^\d{4}-\d\d-\d\d$")


def _trim_entity(ent):
    """The entity without a leading `v` (`v Norwich`), cut before a score, a dialling code, a date or
    a preposition that dates it (`Commons on Thursday`)."""
    doc, start, end = ent.doc, ent.start, ent.end
    if end - start > 1 and doc[start].lower_ in _MATCH_AFTER:
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


# A wire story's dateline: the place in capitals, maybe its country or state, then the date
# (`MELBOURNE 1996-12-06`, `LONDON, Dec 6`, `TIGNES , France 1996-12-06`)
_DATELINE = re.compile(
    r"^\s*(?P<name>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}) ?,?\s+"
    r"(?:[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3} ?,?\s+)?"
    r"(?:\d{4}-\d\d-\d\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b)"
)


def _dateline_place(doc, mentions: list[Mention]) -> None:
    """The place of a dateline that opens a paragraph, added to `mentions`: whatever the model called
    it (`AMSTERDAM` tagged ORG), a place, and in place of what it tagged across it (`RIO DE`)."""
    match = _DATELINE.match(doc.text)
    span = doc.char_span(match.start("name"), match.end("name"), alignment_mode="expand") if match else None
    if span is None:
        return
    name = match["name"].title()
    tagged = [m for m in mentions if m.doc is doc and m.start < span.end and span.start < m.end]
    exact = [m for m in tagged if (m.start, m.end) == (span.start, span.end)]
    for mention in exact:
        mention.label, mention.name = "GPE", name
    if not exact:
        mentions[:] = [m for m in mentions if m not in tagged]
        mentions.append(Mention(name, "GPE", doc, span.start, span.end))


def _table_rows(docs: list, found: list[Mention]) -> list[Mention]:
    """Names heading table rows that the model left out: a team (or, when a country, its national
    side, a place; when a person's name, the person). Only in an article with two such rows or more."""
    rows = [(doc, row) for doc in docs for row in _TABLE_ROW.finditer(doc.text)]
    if len(rows) < 2:
        return []
    covered = _covered(found)
    added = []
    for doc, row in rows:
        span = _untagged(doc, row.start("name"), row.end("name"), covered)
        if span is None:
            continue
        name = row["name"]
        label = "GPE" if is_country(name) else "PERSON" if looks_like_person(name) else "ORG"
        added.append(Mention(name, label, doc, span.start, span.end))
    return added


_TITLES = {"EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"}  # `the Zimbabwe Open` names no country


def _countries(docs: list, found: list[Mention]) -> list[Mention]:
    """Countries that no mention holds (`Urska Horvat ( Slovenia )` tagged as one organization,
    `Paolo Fulci of Italy` left out): a country's name is a place wherever it stands."""
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


def _read_cues(mentions: list[Mention]) -> None:
    """The kind the words around each mention say: a person's (`c Healy b Moody 5`), a place's (`the
    town of Kindu`), or a club's, in brackets after a player (`Rui Costa ( Fiorentina )`)."""
    people = {(id(m.doc), m.end) for m in mentions if m.label == "PERSON"}
    for mention in mentions:
        doc, start, end, name = mention.doc, mention.start, mention.end, mention.name
        if person_cue(doc, start, end, name):
            mention.cue = "person"
        elif place_cue(doc, start, end, name):
            mention.cue = "place"
        elif start > 1 and doc[start - 1].text == "(" and (id(doc), start - 1) in people and not is_country(name):
            mention.cue = "organization"


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


# A line of a fixture list: `Burnley v Blackburn`, `Southampton v Brentford or Hartlepool`
_SIDE = r"[A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*){0,3}"
_VERSUS = "|".join(re.escape(w) for w in sorted(_MATCH_AFTER, key=len, reverse=True))
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


def _repaired_entities(doc):
    """The model's entities, with names it cut at a function word joined again:
    `Internet Corporation for Assigned Names and` + `Numbers`."""
    ents = list(doc.ents)
    repaired = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        while (
            i + 1 < len(ents)
            and ent.label_ == "ORG"
            and ent[-1].lower_ in _JOINERS
            and ents[i + 1].start == ent.end
            and ents[i + 1].label_ in _NAME_LABELS  # not `Commons on` + `Thursday`
        ):
            i += 1
            ent = doc[ent.start : ents[i].end]
            ent.label_ = "ORG"
        repaired.append(ent)
        i += 1
    return repaired


_CUTS = {"in", "b", "c", "st", "lbw"}  # `Lee c Moreby b Tuckwell`: a cricket scorecard's catcher and bowler


def _split_fixtures(ents):
    """`Bolton v Norwich` as one entity is two sides of a match; `Golden Temple in Amritsar`, a place
    in another; `Forwards - Ann Lee`, `Japan - Ken Sato`, a heading or a team, then a name; `Moreby b
    Tuckwell`, two players; `Ivo Marsh of Italy`, a person and his country."""
    for ent in ents:
        cut = next((t.i for t in ent[1:-1] if t.lower_ in _MATCH_AFTER or t.text in _CUTS or _spaced_dash(t)), None)
        of_country = cut is None and _person_of_country(ent)
        if of_country:
            cut = of_country
        if cut is None:
            yield ent
            continue
        first_label = "PERSON" if of_country else ent.label_
        second_label = "GPE" if ent.doc[cut].text == "in" or of_country else ent.label_
        for part, label in ((ent.doc[ent.start : cut], first_label), (ent.doc[cut + 1 : ent.end], second_label)):
            part.label_ = label
            yield part


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
    while len(words) > 1 and words[-1].casefold() in _JOINERS:  # `Sweeney Todd and`
        words.pop()
    # `the White House` -> `White House`, but `The Hague` keeps its article
    while len(words) > 1 and words[0].casefold() in _DETERMINERS and not (label in _PLACE_LABELS and len(words) == 2 and words[0] == "The"):
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
        # `President Xi`, `Defender Ian Ross`, `Croat Alen Boksic`: a title, a role or a nationality
        while len(words) > 1 and (words[0].casefold().rstrip(".") in gazetteer.honorifics() or _descriptor(words[0])):
            word = words.pop(0)
            if word.casefold() not in gazetteer.nationalities():  # a nationality is no role
                title.append(word)
        # `Luc Bondy for Cruel`: a lower-case word that is no name particle (`de`, `van`) ends a name
        cut = next((i for i, w in enumerate(words) if i and w.islower() and w not in _NAME_PARTICLES), None)
        words = words[:cut] if cut else words
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    name = " ".join(w for w in words if w)
    if len(name) < 2 or not any(c.isupper() for c in name):
        return None, None
    return name, " ".join(title) or None


def _descriptor(word: str) -> bool:
    """A role word or a nationality (`Defender`, `Russian`, `Croat`), never a given name."""
    key = word.casefold()
    return key not in given_names() and (key in gazetteer.role_words() or key in gazetteer.nationalities())


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


def _merge(mentions: list[Mention]) -> list[_Cluster]:
    by_form: dict[str, _Cluster] = {}
    unspaced: dict[str, str] = {}  # `powerpage` -> `power page`: one name, written with a space or not
    for mention in mentions:
        key = name_key(mention.name)
        known = gazetteer.canonical_names().get(key)
        if known:
            key = name_key(known[0])
        key = unspaced.setdefault(key.replace(" ", ""), key)
        cluster = by_form.setdefault(key, _Cluster(forms=[key], canonical=known))
        cluster.mentions.append(mention)

    people = [c for c in by_form.values() if _votes(c)[0] == "person" and len(c.forms[0].split()) > 1]
    people.sort(key=lambda c: -len(c.forms[0].split()))
    merged: list[_Cluster] = []
    for cluster in people:  # full names: `Donald J Trump` joins `Donald Trump`
        target = next((m for m in merged if _same_full_name(cluster.forms[0], m.forms[0])), None)
        if target:
            _absorb(target, cluster)
        else:
            merged.append(cluster)
    absorbed = {id(c) for c in people}
    result = list(merged)
    for cluster in by_form.values():
        if id(cluster) in absorbed:
            continue
        # the model tags lone surnames as anything (`Ferreira` as a place), but `in Washington` is a place
        if cluster.canonical is None and not _used_as_place(cluster):
            words = set(cluster.forms[0].split())
            matches = [p for p in merged if words < p.tokens]
            if len(matches) == 1:  # a short form of exactly one person: `Pompeo`
                _absorb(matches[0], cluster)
                continue
            if len(matches) > 1:  # `Kim`, with Kim Jong Un and Kim Yong Chol both present: no guessing
                continue
        result.append(cluster)
    return _merge_short_organizations(result)


def _merge_short_organizations(clusters: list[_Cluster]) -> list[_Cluster]:
    """`the Bank` after `the Bank of England`, `MPC` beside `Monetary Policy Committee`: a one-word
    organization that is a word or the initials of exactly one longer one. `Department of Justice`
    beside `US Department of Justice`, `Fox Entertainment` beside `Fox Entertainment Group`: a name
    that another has with only a country or a company suffix more."""
    organizations = [c for c in clusters if _votes(c)[0] == "organization" and len(c.forms[0].split()) > 1]
    result = []
    for cluster in clusters:
        words = cluster.forms[0].split()
        if len(words) == 1 and cluster.canonical is None and all(m.label == "ORG" for m in cluster.mentions):
            matches = [o for o in organizations if words[0] in o.forms[0].split() or words[0] == _initials(o.forms[0])]
            if len(matches) == 1:
                _absorb(matches[0], cluster)
                continue
        if len(words) > 1 and cluster in organizations:
            matches = [o for o in organizations if o is not cluster and _qualified(words, o.forms[0].split())]
            if len(matches) == 1:
                _absorb(matches[0], cluster)
                continue
        result.append(cluster)
    return result


_COMPANY_SUFFIXES = {"group", "inc", "corp", "corporation", "plc", "ltd", "llc", "co", "company", "holdings"}


def _qualified(short: list[str], long: list[str]) -> bool:
    """Whether `long` is `short` with a country before it or a company suffix after it."""
    if len(long) <= len(short):
        return False
    if long[-len(short) :] == short:
        extra = " ".join(long[: -len(short)])
        return is_country(extra) or gazetteer.canonical_names().get(extra, ("", ""))[1] == "place"
    return long[: len(short)] == short and all(w in _COMPANY_SUFFIXES for w in long[len(short) :])


def _used_as_place(cluster: _Cluster) -> bool:
    return any(m.label in _PLACE_LABELS and m.start > 0 and m.doc[m.start - 1].lower_ in _LOCATIVE for m in cluster.mentions)


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in _JOINERS)


def _same_full_name(a: str, b: str) -> bool:
    def core(key: str) -> list[str]:
        return [t for t in key.split() if len(t) > 1]  # middle initials do not tell people apart

    ca, cb = core(a), core(b)
    if not ca or not cb:
        return False
    if ca[0] == cb[0] and ca[-1] == cb[-1]:
        return True
    shorter, longer = sorted((ca, cb), key=len)
    return len(shorter) > 1 and _is_subsequence(shorter, longer)


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    remaining = iter(long)
    return all(word in remaining for word in short)


def _absorb(target: _Cluster, other: _Cluster) -> None:
    target.forms += other.forms
    target.mentions += other.mentions


def _votes(cluster: _Cluster, surnames: set[str] = frozenset()) -> tuple[str, Counter]:
    """The kind most of the evidence says: each distinct form votes its majority label, weighted by its
    length in words, so three mentions of `Trump` tagged ORG do not outvote `Donald J Trump`."""
    if cluster.canonical:
        return cluster.canonical[1], Counter()
    by_form: dict[str, Counter] = {}
    for mention in cluster.mentions:
        by_form.setdefault(name_key(mention.name), Counter())[KIND_BY_LABEL[mention.label]] += 1
    votes: Counter = Counter()
    for form, labels in by_form.items():
        votes[_form_kind(form, labels.most_common(1)[0][0], surnames)] += len(form.split())
    # a role (`a hydrologist at ...`, `the commissioner`) is what people have: one more vote per mention
    votes["person"] += sum(2 for m in cluster.mentions if m.role and m.label in ("PERSON", "ORG"))
    # `Newcastle manager`, `Juve boss`: a one-word name before a role word is who employs the person
    if all(len(form.split()) == 1 for form in by_form):
        votes["organization"] += sum(2 for m in cluster.mentions if _employer(m))
    # `beat Chelsea 2-1`, `Leeds v Derby`: a town in a match is its club, whatever the model said of
    # the form (`Leicester City` tagged GPE); a country, its national side, stays a place, as news and
    # CoNLL-2003 both have it, and a person's name a person's (`Fish beat Tommy Robredo 7-6`)
    if not any(is_country(form) or _personal_name(form) for form in by_form):
        votes["organization"] += sum(len(m.name.split()) + 1 for m in cluster.mentions if _in_fixture(m) and m.cue != "person")
    # `( Zola 12 , Vialli 55 )`, `c Healy b Moody 5`: players; `the town of Kindu`: a place
    for mention in cluster.mentions:
        if mention.cue:
            votes[mention.cue] += len(mention.name.split()) + 1
    return votes.most_common(1)[0][0], votes


def _personal_name(form: str) -> bool:
    """A name of two words or more that opens with a given name (`tommy robredo`, not `aston villa`)."""
    words = form.split()
    return len(words) > 1 and words[0] in given_names() and not any(w in gazetteer.organization_words() for w in words)


def _employer(mention: Mention) -> bool:
    doc = mention.doc
    return mention.end < len(doc) and doc[mention.end].lower_ in gazetteer.role_words() and doc[mention.end].pos_ == "NOUN"


def _in_fixture(mention: Mention) -> bool:
    """Whether a mention names a side in a match: after `beat` or `v`, before `v`, or followed by a
    score (`Leeds 2 Chelsea 1`, `Derby 1-0`)."""
    doc, start, end = mention.doc, mention.start, mention.end
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end].text if end < len(doc) else ""
    if before in _MATCH_BEFORE or after.lower() in _MATCH_AFTER or _SCORE.match(after):
        return True
    if start < 2:
        return False
    two_before = doc[start - 2].lower_
    return (before in ("to", "with") and two_before in _RESULT_VERBS) or (
        before in ("over", "by", "to", "with", "against") and two_before in _RESULT_NOUNS
    )


_VENUES = {"stadium", "ground", "oval", "arena", "racecourse", "circuit", "velodrome", "airport"}


def _form_kind(form: str, kind: str, surnames: set[str]) -> str:
    """The model's kind for one form, corrected by what the words say: `Harwood Partners` is an
    organization; `Sophie Laurent`, or `Azmat Begg` beside Moazzam Begg, a person."""
    words = form.split()
    if len(words) > 1 and words[-1] in _VENUES:
        return "place"  # `Melbourne Cricket Ground`, `Bellerive Oval`: where a match is played
    if any(w in gazetteer.organization_words() for w in words[1:] or words):
        return "organization" if kind in ("person", "organization") else kind
    if kind == "organization" and len(words) > 1 and (looks_like_person(form) or words[-1] in surnames):
        return "person"
    if kind == "person" and is_known_place(form):
        return "place"  # `Ostrava` tagged PERSON (an ORG-tagged city is often its football club)
    return kind


def _actor(cluster: _Cluster, surnames: set[str]) -> Actor | None:
    kind, _ = _votes(cluster, surnames)
    if kind == "person" and _lone_unknown_word(cluster):
        kind = "organization"  # `Petrobras`, `Corvane`: news names a person in full at least once
    name = cluster.canonical[0] if cluster.canonical else _display_name(cluster, kind)
    if name_key(name) in gazetteer.not_actors() or (kind == "person" and any(c.isdigit() for c in name)):
        return None  # agencies, weekdays; `Xbox 2` is a product, not a person
    seen = {name_key(name)}
    aliases = []
    for mention in cluster.mentions:
        if name_key(mention.name) not in seen:
            seen.add(name_key(mention.name))
            aliases.append(mention.name)
    roles = Counter(m.role for m in cluster.mentions if m.role)
    role = roles.most_common(1)[0][0] if roles else None  # ties: the first seen
    return Actor(name=name, kind=kind, role=role, aliases=aliases, mentions=len(cluster.mentions))


def _lone_unknown_word(cluster: _Cluster) -> bool:
    """Only ever one word, never with a role or title, and not a known given name or surname."""
    words = {w for form in cluster.forms for w in form.split()}
    return (
        len(words) == 1
        and not any(m.role or m.cue == "person" for m in cluster.mentions)
        and not (words & given_names() or words & common_surnames())
    )


def _display_name(cluster: _Cluster, kind: str) -> str:
    """The fullest plain form: for people a full name without initials, then the most used, then the longest."""
    counts = Counter(m.name for m in cluster.mentions)
    first_seen = {name: i for i, name in reversed(list(enumerate(m.name for m in cluster.mentions)))}

    def rank(name: str) -> tuple:
        words = name.split()
        full = len(words) > 1 if kind in ("person", "organization") else True  # `Icann` is an alias
        no_initials = all(len(w.rstrip(".")) > 1 for w in words)
        return (full, no_initials, counts[name], len(name), -first_seen[name])

    return max(counts, key=rank)
