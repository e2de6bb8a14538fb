"""Actors: the people, organizations, places and groups of one article.

spaCy finds entity mentions and `mentions` cleans them (determiners, honorifics, possessives), `layout`
adds those the shape of lines shows; the rules here read roles and cues from the words around them,
and merge the mentions of one real-world entity into one actor whose kind is voted by all of its
forms, so that the model's mistakes on single mentions (`Trump` tagged as an organization) are
outvoted by the rest of the evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..model import Actor
from ..text import name_key
from . import gazetteer
from .layout import read_mentions
from .mentions import JOINERS, KIND_BY_LABEL, PLACE_LABELS, VERSUS, Mention
from .names import given_names, looks_like_person
from .names import surnames as common_surnames
from .places import is_country, is_known_place, place_cue
from .scorecards import person_cue

_LOCATIVE = {"in", "at", "to", "from", "near", "across", "around", "outside", "inside", "into", "towards", "toward"}
# Words around the sides of a match (`beat Norwich`, `Bolton v Norwich`, `lost to Leeds`, `Derby 1-0`)
_MATCH_BEFORE = {"beat", "beats", "beating", "defeat", "defeats", "defeated", "defeating", "thrashed", "edged", "v", "vs", "versus", "v.", "vs."}
_RESULT_VERBS = {"lost", "lose", "losing", "loses", "drew", "draw", "draws", "drawing"}  # `lost to X`, `drew with X`
_RESULT_NOUNS = {"win", "victory", "defeat", "loss", "draw"}  # `win over X`, `defeat by X`, `draw with X`
_SCORE = re.compile(r"^\d{1,2}(?:-\d{1,2})?$")  # `2` or `2-1`, not a year


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
    mentions = read_mentions(parts)
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


def _read_cues(mentions: list[Mention]) -> None:
    """The kind the words around each mention say: a person's (`c Lowe b Marsh 5`), a place's (`the
    town of Brelany`), or a club's, in brackets after a player (`Ivo Marsh ( Kelsoria )`)."""
    people = {(id(m.doc), m.end) for m in mentions if m.label == "PERSON"}
    for mention in mentions:
        doc, start, end, name = mention.doc, mention.start, mention.end, mention.name
        if mention.cue:  # a dateline's place
            continue
        if person_cue(doc, start, end, name):
            mention.cue = "person"
        elif _club_of_player(mention, people):
            mention.cue = "organization"  # `Ivo Marsh ( Kelsoria , Spain )`: his club first, then its country
        elif place_cue(doc, start, end, name):
            mention.cue = "place"
        elif _transfer(mention):
            mention.cue = "organization"


def _club_of_player(mention: Mention, people: set[tuple[int, int]]) -> bool:
    """`Ivo Marsh ( Kelsoria )`: a name in brackets right after a person's, neither a country nor a
    person's name itself (`Norway II ( Lena Osterberg , ... )` names a crew)."""
    doc, start, words = mention.doc, mention.start, mention.name.split()
    if start < 2 or doc[start - 1].text != "(" or (id(doc), start - 1) not in people or is_country(mention.name):
        return False
    return not (len(words) > 1 and words[0].casefold() in given_names())


_TRANSFERS = {"joined", "joins", "joining", "signed", "signs", "signing", "loan", "transfer", "transferred", "bought", "recruited"}


def _transfer(mention: Mention) -> bool:
    """`joined Dunmore from Kelsoria`, `on loan from Kelsoria`: a player's former club (not a country)."""
    doc, start = mention.doc, mention.start
    if start < 2 or doc[start - 1].lower_ != "from" or is_country(mention.name):
        return False
    return any(t.lower_ in _TRANSFERS for t in doc[max(doc[start].sent.start, start - 5) : start - 1])


def _merge(mentions: list[Mention]) -> list[_Cluster]:
    by_form: dict[str, _Cluster] = {}
    unspaced: dict[str, str] = {}  # `macbeacon` -> `mac beacon`: one name, written with a space or not
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
        if cluster.canonical is None and not _used_as_place(cluster) and not is_country(cluster.forms[0]):
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
    beside `US Department of Justice`, `Harwood Entertainment` beside `Harwood Entertainment Group`: a name
    that another has with only a country or a company suffix more."""
    organizations = [c for c in clusters if _votes(c)[0] == "organization" and len(c.forms[0].split()) > 1]
    venues = [c for c in clusters if len(c.forms[0].split()) > 1 and c.forms[0].split()[-1] in _VENUES]
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
        if cluster not in organizations and _short_form(cluster):
            matches = [o for o in organizations if _opens(words, o.forms[0].split()) and any(" " in m.name for m in o.mentions)]
            if not matches and _votes(cluster)[0] != "place":  # `Halverston` tagged ORG beside `Halverston Stadium`
                matches = [v for v in venues if v is not cluster and _opens(words, v.forms[0].split())]
            if len(matches) == 1:  # `Kelso` beside `Kelso Athletic`, `West Harwick` beside `West Harwickton Albion`
                for mention in cluster.mentions:  # short for the other, whatever the model said of it alone
                    mention.label = matches[0].mentions[0].label
                _absorb(matches[0], cluster)
                continue
        result.append(cluster)
    return result


def _short_form(cluster: _Cluster) -> bool:
    """A name that may be short for a longer one: no gazetteer name, no country, not used as a place
    (`in Kelso`), and nothing around it that says a person (`Kelso 55`)."""
    return (
        cluster.canonical is None
        and len(cluster.forms) == 1
        and not is_country(cluster.forms[0])
        and not _used_as_place(cluster)
        and not any(m.cue for m in cluster.mentions)
    )


def _opens(short: list[str], long: list[str]) -> bool:
    """Whether `long` opens with `short`, whose last word may be cut after another (`west harwick`, `west
    harwickton albion`; `europe` is no cut `european`)."""
    n = len(short)
    if n >= len(long) or short[:-1] != long[: n - 1]:
        return False
    return short[-1] == long[n - 1] or (n > 1 and len(short[-1]) >= 3 and long[n - 1].startswith(short[-1]))


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
    return any(m.label in PLACE_LABELS and m.start > 0 and m.doc[m.start - 1].lower_ in _LOCATIVE for m in cluster.mentions)


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in JOINERS)


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
    # CoNLL-2003 both have it, and a person's name a person's (`Holm beat Tommy Bergen 7-6`)
    if not any(is_country(form) or _personal_name(form, labels) for form, labels in by_form.items()):
        votes["organization"] += sum(len(m.name.split()) + 1 for m in cluster.mentions if _in_fixture(m) and m.cue != "person")
    # `( Okafor 12 , Marsh 55 )`, `c Lowe b Marsh 5`: players; `the town of Brelany`: a place
    for mention in cluster.mentions:
        if mention.cue:
            votes[mention.cue] += len(mention.name.split()) + 1
    return votes.most_common(1)[0][0], votes


def _personal_name(form: str, labels: Counter) -> bool:
    """A name of two words or more that opens with a given name and that the model tagged as a person
    or ends on a surname (`tommy bergen`, not `aston villa` nor `crystal lagoon` tagged a place)."""
    words = form.split()
    return (
        len(words) > 1
        and words[0] in given_names()
        and ("person" in labels or words[-1] in common_surnames())
        and not any(w in gazetteer.organization_words() for w in words)
    )


def _employer(mention: Mention) -> bool:
    """`Newcastle manager`: a name before a role word; a country's is its national side's, a place
    (`Norway coach`), and a town's only a club's role makes it a club (`Lisbon judge` is the town's)."""
    doc = mention.doc
    if mention.end >= len(doc) or doc[mention.end].pos_ != "NOUN" or is_country(mention.name):
        return False
    role = doc[mention.end].lower_
    return role in gazetteer.role_words() and (role in _CLUB_ROLES or not is_known_place(mention.name))


_CLUB_ROLES = {
    "manager", "coach", "boss", "captain", "chairman", "owner", "player", "striker", "goalkeeper", "midfielder",
    "defender", "winger", "forward", "keeper", "skipper", "playmaker", "prop", "flanker", "quarterback", "pitcher",
}


def _in_fixture(mention: Mention) -> bool:
    """Whether a mention names a side in a match: after `beat` or `v`, before `v`, or followed by a
    score (`Leeds 2 Chelsea 1`, `Derby 1-0`); a league position in brackets between does not count
    (`Kelso ( 4 ) v Dunmore ( 13 )`)."""
    doc, start, end = mention.doc, mention.start, mention.end
    if end + 3 < len(doc) and doc[end].text == "(" and doc[end + 1].like_num and doc[end + 2].text == ")":
        end += 3
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end].text if end < len(doc) else ""
    if before in _MATCH_BEFORE or after.lower() in VERSUS or _SCORE.match(after):
        return True
    if start < 2:
        return False
    two_before = doc[start - 2].lower_
    return (before in ("to", "with") and two_before in _RESULT_VERBS) or (
        before in ("over", "by", "to", "with", "against") and two_before in _RESULT_NOUNS
    )


_ROMAN = {"i", "ii", "iii", "iv", "v"}
_VENUES = {"stadium", "ground", "oval", "arena", "racecourse", "circuit", "velodrome", "airport"}


def _form_kind(form: str, kind: str, surnames: set[str]) -> str:
    """The model's kind for one form, corrected by what the words say: `Harwood Partners` is an
    organization; `Sophie Laurent`, or `Azmat Begg` beside Moazzam Begg, a person."""
    words = form.split()
    if len(words) > 1 and words[-1] in _VENUES:
        return "place"  # `Kelso Cricket Ground`, `Dunmore Oval`: where a match is played
    if len(words) > 1 and words[-1] == "city" and is_known_place(" ".join(words[:-1])) and not is_known_place(form):
        return "organization"  # `York City` is the club, `Mexico City` the place
    if any(w in gazetteer.organization_words() for w in words[1:] or words):
        return "organization" if kind in ("person", "organization") else kind
    if kind == "organization" and len(words) > 1 and (looks_like_person(form) or words[-1] in surnames):
        return "person"
    if len(words) > 1 and words[-1] in _ROMAN and is_country(" ".join(words[:-1])):
        return "organization"  # `Norway II`: a country's second crew or team
    if kind == "organization" and is_country(form):
        return "place"  # `Norway` tagged ORG: a country, or its national side, is a place
    if kind == "person" and is_known_place(form):
        return "place"  # `Ostrava` tagged PERSON (an ORG-tagged city is often its football club)
    return kind


def _actor(cluster: _Cluster, surnames: set[str]) -> Actor | None:
    kind, _ = _votes(cluster, surnames)
    if kind == "person" and _lone_unknown_word(cluster):
        kind = "organization"  # `Petrobras`, `Corvane`: news names a person in full at least once
    name = cluster.canonical[0] if cluster.canonical else _display_name(cluster, kind)
    if name_key(name) in gazetteer.not_actors() or (kind in ("person", "place") and any(c.isdigit() for c in name)):
        return None  # agencies, weekdays; `Xbox 2` is a product, not a person, `Kelsoware 2000` not a place
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
