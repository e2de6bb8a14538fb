"""Actors: the people, organizations, places and groups of one article.

spaCy finds entity mentions; the rules here clean them (determiners, honorifics, possessives),
read roles from the words around them, and merge the mentions of one real-world entity into one
actor whose kind is voted by all of its forms, so that the model's mistakes on single mentions
(`Trump` tagged as an organization) are outvoted by the rest of the evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..model import Actor
from ..text import name_key
from . import gazetteer
from .roles import role_of

KIND_BY_LABEL = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group"}
_POSSESSIVE = re.compile(r"(?:['\u2019]s?)$")
_EDGE_JUNK = re.compile(r"^[^\w]+|[^\w.)]+$")
_DETERMINERS = {"the", "a", "an"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_LOCATIVE = {"in", "at", "to", "from", "near", "across", "around", "outside", "inside", "into", "towards", "toward"}


@dataclass(eq=False)
class Mention:
    name: str  # cleaned surface form
    label: str  # the model's label
    doc: object  # the spaCy Doc it is in
    start: int  # token span in that doc
    end: int
    role: str | None = None
    actor: Actor | None = None  # set once mentions are merged into actors


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
    mentions = [m for _, doc in parts for m in find_mentions(doc)]
    clusters = _merge(mentions)
    actors = []
    for cluster in clusters:
        actor = _actor(cluster)
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
    for ent in doc.ents:
        if ent.label_ not in KIND_BY_LABEL or _inside_title(ent) or not _nominal(ent):
            continue
        name, title = clean_name(ent.text, ent.label_)
        if not name:
            continue
        role = role_of(doc, ent.start, ent.end) if ent.label_ in ("PERSON", "ORG") else None
        found.append(Mention(name, ent.label_, doc, ent.start, ent.end, role=role or title))
    return found


def clean_name(text: str, label: str) -> tuple[str | None, str | None]:
    """The name in an entity's text, and an honorific/title cut from its front (`President`)."""
    if "/" in text or "[" in text:  # photo credits: "Jane Roe/AFP"
        return None, None
    words = _EDGE_JUNK.sub("", " ".join(text.split())).split()
    # `the White House` -> `White House`, but `The Hague` keeps its article
    while len(words) > 1 and words[0].casefold() in _DETERMINERS and not (label in _PLACE_LABELS and len(words) == 2 and words[0] == "The"):
        words.pop(0)
    title = []
    if label == "PERSON":
        while len(words) > 1 and words[0].casefold().rstrip(".") in gazetteer.honorifics():
            title.append(words.pop(0))
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    name = " ".join(w for w in words if w)
    if len(name) < 2 or not any(c.isupper() for c in name):
        return None, None
    return name, " ".join(title) or None


def _inside_title(ent) -> bool:
    """`State` in `Secretary of State`: part of a role, not an actor."""
    doc = ent.doc
    if name_key(ent.text) not in gazetteer.portfolios() or ent.start < 2:
        return False
    return doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in gazetteer.role_words()


def _nominal(ent) -> bool:
    """Groups count only as nouns (`the Republicans`), not as adjectives (`North Korean leader`)."""
    if ent.label_ != "NORP":
        return True
    root = ent.root
    return root.tag_ in ("NNPS", "NNS") or (root.pos_ in ("PROPN", "NOUN") and root.dep_ not in ("amod", "compound"))


def _merge(mentions: list[Mention]) -> list[_Cluster]:
    by_form: dict[str, _Cluster] = {}
    for mention in mentions:
        key = name_key(mention.name)
        known = gazetteer.canonical_names().get(key)
        if known:
            key = name_key(known[0])
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
    return result


def _used_as_place(cluster: _Cluster) -> bool:
    return any(m.label in _PLACE_LABELS and m.start > 0 and m.doc[m.start - 1].lower_ in _LOCATIVE for m in cluster.mentions)


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


def _votes(cluster: _Cluster) -> tuple[str, Counter]:
    """The kind most of the evidence says: each distinct form votes its majority label, weighted by its
    length in words, so three mentions of `Trump` tagged ORG do not outvote `Donald J Trump`."""
    if cluster.canonical:
        return cluster.canonical[1], Counter()
    by_form: dict[str, Counter] = {}
    for mention in cluster.mentions:
        by_form.setdefault(name_key(mention.name), Counter())[KIND_BY_LABEL[mention.label]] += 1
    votes: Counter = Counter()
    for form, labels in by_form.items():
        votes[labels.most_common(1)[0][0]] += len(form.split())
    # a role (`a hydrologist at ...`, `the commissioner`) is what people have: one more vote per mention
    votes["person"] += sum(2 for m in cluster.mentions if m.role and m.label in ("PERSON", "ORG"))
    return votes.most_common(1)[0][0], votes


def _actor(cluster: _Cluster) -> Actor | None:
    kind, _ = _votes(cluster)
    name = cluster.canonical[0] if cluster.canonical else _display_name(cluster, kind)
    if name_key(name) in gazetteer.not_actors():
        return None
    seen = {name_key(name)}
    aliases = []
    for mention in cluster.mentions:
        if name_key(mention.name) not in seen:
            seen.add(name_key(mention.name))
            aliases.append(mention.name)
    roles = Counter(m.role for m in cluster.mentions if m.role)
    role = roles.most_common(1)[0][0] if roles else None  # ties: the first seen
    return Actor(name=name, kind=kind, role=role, aliases=aliases, mentions=len(cluster.mentions))


def _display_name(cluster: _Cluster, kind: str) -> str:
    """The fullest plain form: for people a full name without initials, then the most used, then the longest."""
    counts = Counter(m.name for m in cluster.mentions)
    first_seen = {name: i for i, name in reversed(list(enumerate(m.name for m in cluster.mentions)))}

    def rank(name: str) -> tuple:
        words = name.split()
        full = len(words) > 1 if kind == "person" else True
        no_initials = all(len(w.rstrip(".")) > 1 for w in words)
        return (full, no_initials, counts[name], len(name), -first_seen[name])

    return max(counts, key=rank)
