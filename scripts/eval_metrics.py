"""The measures of `scripts/eval.py`: name matching, set precision/recall/F1, quote spans, date matching.

Pure functions on plain values, so that each rule is tested on inputs written in the test.

Name matching: two names match when their keys are equal; the key casefolds, straightens typographic
quotes and dashes, drops a trailing possessive (`'s`, `'`), turns hyphens into spaces, drops every
other punctuation character (`U.S.` -> `us`) and a leading `the`, and folds whitespace. A predicted
actor matches a gold one when its name or any of its aliases has the key of the gold name or of any
gold alias.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_STRAIGHT = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
_POSSESSIVE = re.compile(r"(?:'s|')$")
_PUNCTUATION = re.compile(r"[^\w\s]")


def name_key(name: str) -> str:
    text = unicodedata.normalize("NFC", name).translate(_STRAIGHT).casefold().strip()
    words = text.split()
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    text = _PUNCTUATION.sub("", " ".join(words).replace("-", " "))
    words = text.split()
    if len(words) > 1 and words[0] == "the":
        words.pop(0)
    return " ".join(words)


def keys(names) -> set[str]:
    return {k for k in (name_key(n) for n in names) if k}


@dataclass
class Score:
    """Counts for one field; precision and recall are None when nothing was predicted or expected."""

    tp: int = 0  # predictions that are right (precision's numerator)
    fp: int = 0
    found: int = 0  # gold items found (recall's numerator)
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.found += other.found
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.found / (self.found + self.fn) if self.found + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(eq=False)
class Entity:
    """A gold or predicted actor: its kind, its names (the first is the display name) and the other
    kinds it may also be counted as (a national team: a place that may be predicted as an organization)."""

    kind: str
    names: list[str]
    also: tuple[str, ...] = ()
    keys: set[str] = field(init=False)

    def __post_init__(self) -> None:
        self.keys = keys(self.names)

    @property
    def name(self) -> str:
        return self.names[0]

    def accepts(self, kind: str) -> bool:
        return kind == self.kind or kind in self.also


@dataclass
class ActorMatch:
    """One document's actors matched one to one: gold entities each take at most one prediction."""

    pairs: list[tuple[Entity, Entity]]  # (predicted, gold)
    false_positives: list[Entity]  # matched nothing (a split duplicate of a matched entity included)
    false_negatives: list[Entity]
    ignored: list[Entity]  # matched an optional name or a kind not scored


def match_actors(predicted: list[Entity], gold: list[Entity], *, optional: set[str] = frozenset(),
                 kinds: tuple[str, ...] = ("person", "organization", "place")) -> ActorMatch:
    """Greedy one-to-one matching in three rounds: same display names, then a predicted display name
    that is a gold alias, then any shared name. Predictions of kinds not scored (groups) count only
    where a gold entity accepts them."""
    pairs: list[tuple[Entity, Entity]] = []
    free_gold = list(gold)
    free_pred = list(predicted)
    rounds = (lambda p, g: name_key(p.name) == name_key(g.name), lambda p, g: name_key(p.name) in g.keys,
              lambda p, g: bool(p.keys & g.keys))
    for same in rounds:
        for pred in list(free_pred):
            target = next((g for g in free_gold if g.accepts(pred.kind) and same(pred, g)), None)
            if target is not None:
                pairs.append((pred, target))
                free_gold.remove(target)
                free_pred.remove(pred)
    optional_keys = keys(optional)
    ignored = [p for p in free_pred if p.kind not in kinds or p.keys & optional_keys]
    false_positives = [p for p in free_pred if p not in ignored]
    return ActorMatch(pairs, false_positives, free_gold, ignored)


def score_actors(match: ActorMatch, kind: str) -> Score:
    """Per kind: a prediction of `kind` is right when paired; a gold entity of `kind` is found when paired."""
    return Score(
        tp=sum(1 for p, _ in match.pairs if p.kind == kind),
        fp=sum(1 for p in match.false_positives if p.kind == kind),
        found=sum(1 for _, g in match.pairs if g.kind == kind),
        fn=sum(1 for g in match.false_negatives if g.kind == kind),
    )


def score_names(predicted: list[Entity], gold: dict[str, set[str]], *, ignore: set[str] = frozenset()) -> dict[str, tuple[Score, list, list]]:
    """CoNLL-style, per kind: `gold` maps a kind to its distinct name keys in the document. A gold
    name is found when a predicted actor of that kind has it as name or alias; a predicted actor is
    right when it has at least one gold name of its kind. Predictions matching `ignore` (keys of names
    tagged MISC) count neither way. Returns (score, false positives, missed gold keys) per kind."""
    result = {}
    for kind, gold_keys in gold.items():
        preds = [p for p in predicted if p.kind == kind and not (p.keys & ignore and not p.keys & gold_keys)]
        right = [p for p in preds if p.keys & gold_keys]
        covered = set().union(*(p.keys for p in preds)) if preds else set()
        missed = sorted(gold_keys - covered)
        wrong = [p for p in preds if not p.keys & gold_keys]
        result[kind] = (Score(tp=len(right), fp=len(wrong), found=len(gold_keys) - len(missed), fn=len(missed)), wrong, missed)
    return result


# Direct quotes: text in double quote marks, straight or curly, of at least four words. A straight
# mark that opens (after a space, before a word) while a quote is open starts a new quote: news
# copy leaves out the closing mark when a quotation goes on in a new sentence (`...here. "Then...`).
# A quote still open at the end of its paragraph ends there.
MIN_QUOTE_WORDS = 4
_MARKS = re.compile(r"[\"\u201c\u201d]")


def find_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the direct quotes of four words or more in one paragraph."""
    spans = []
    start = None
    for match in _MARKS.finditer(text):
        i, mark = match.start(), match.group()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opening = mark == "\u201c" or (mark == '"' and (before.isspace() or before in "([{-:\u2014\u2013") and not after.isspace())
        if start is None:
            if opening:
                start = i + 1
        elif opening and (mark == "\u201c" or before.isspace()):
            spans.append((start, i))
            start = i + 1
        else:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return [(a, b) for a, b in spans if len(text[a:b].split()) >= MIN_QUOTE_WORDS]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.translate(_STRAIGHT).casefold())


def quote_overlap(a: str, b: str) -> float:
    """The share of the shorter text's words that the other has: 1.0 when one quote contains the other."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    shorter, longer = sorted((wa, wb), key=len)
    pool = set(longer)
    return sum(1 for w in shorter if w in pool) / len(shorter)


def expression_overlaps(evidence: str | None, expression: str) -> bool:
    """Whether a timeline entry's evidence and a gold expression are the same words, or one holds the other."""
    if not evidence:
        return False
    a, b = " ".join(_words(evidence)), " ".join(_words(expression))
    if not a or not b:
        return False
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


def date_ends(date: str) -> tuple[str, ...]:
    """The one or two ends of a timeline date (`1950/1953` -> both)."""
    return tuple(date.split("/"))


ISO_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def comparable_value(value: str) -> str | None:
    """A TimeML value as a timeline date: `2013-03-22`, `2013-03`, `2013`; a time keeps its day
    (`2013-03-22T10:00` -> `2013-03-22`); weeks, seasons, `PRESENT_REF` and `XXXX` have none."""
    day = value.split("T", 1)[0]
    return day if ISO_VALUE.match(day) else None


def mean(values) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None
