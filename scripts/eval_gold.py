"""Gold files (`eval/gold/*.json`): the facts a person read in one article, to score extraction against.

Shape (every key but `article` optional; a missing `timeline` or `quotes` means "not annotated",
an empty list means "none in the article"):

    {
      "article": "../shared/articles/x.txt",          # path from the repository root
      "published": "2019-01-18",                      # else the article's own date line
      "people": [{"name": "Donald Trump", "aliases": ["Trump", "Donald J Trump"]}],
      "organizations": [{"name": "White House"}],
      "places": [{"name": "England", "also": ["organization"]}],   # a national team may be either
      "optional": ["FA Cup"],                         # names that count neither way if predicted
      "not_actors": ["Saul Loeb", "AFP"],             # credits, bylines, agencies: never actors
      "timeline": [{"date": "2019-02", "expression": "around the end of February"},
                   {"date": "2019", "expression": "early this year", "optional": true}],
      "quotes": [{"n": 1, "speaker": "Sarah Sanders"}, {"n": 2, "speaker": null}]
    }

`n` numbers the direct quotes of four words or more in the article's standfirst and paragraphs, in
order, as `eval_metrics.find_quotes` finds them (`scripts/eval.py --list-quotes FILE` prints them);
a null speaker is a quote the text gives to no named person or organization.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from eval_metrics import Entity, name_key
from corpora import REPO

GOLD = REPO / "eval" / "gold"
KIND_KEYS = {"people": "person", "organizations": "organization", "places": "place"}
_KNOWN_KEYS = {"article", "published", "note", "optional", "not_actors", "timeline", "quotes", *KIND_KEYS}
_DATE_FORMATS = ("%Y", "%Y-%m", "%Y-%m-%d")


class GoldError(Exception):
    """A gold file that cannot be used; the message names the file and the key."""


@dataclass
class GoldEvent:
    date: str
    expression: str
    optional: bool = False


@dataclass
class GoldArticle:
    path: Path  # the gold file
    article: Path  # the article it describes
    published: dt.date | None
    actors: list[Entity]
    optional: list[str] = field(default_factory=list)
    not_actors: list[str] = field(default_factory=list)
    timeline: list[GoldEvent] | None = None
    quotes: dict[int, str | None] | None = None

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def subset(self) -> str:
        """Which part of the news prose set the article belongs to, for the report."""
        path = self.article.as_posix()
        if "/shared/articles/" in path:
            return "real article"
        if path.startswith((REPO / "articles").as_posix() + "/"):
            return "sample articles"
        return "BBC News gold"

    def speaker_keys(self, speaker: str) -> set[str]:
        """The keys of every name of the gold actor called `speaker` (just its own key if none is)."""
        for actor in self.actors:
            if name_key(speaker) in actor.keys:
                return actor.keys
        return {name_key(speaker)}


def load_gold_files(folder: Path = GOLD) -> tuple[list[GoldArticle], list[str]]:
    """Every gold file of `folder`, and one message per file that could not be read."""
    golds, problems = [], []
    for path in sorted(folder.glob("*.json")):
        try:
            golds.append(load_gold(path))
        except GoldError as error:
            problems.append(str(error))
    return golds, problems


def load_gold(path: Path) -> GoldArticle:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise GoldError(f"{path}: not readable JSON ({error})") from None
    if not isinstance(data, dict) or not isinstance(data.get("article"), str):
        raise GoldError(f"{path}: expected an object with an 'article' path")
    unknown = sorted(set(data) - _KNOWN_KEYS)
    if unknown:
        raise GoldError(f"{path}: unknown key {unknown[0]!r} (expected one of {sorted(_KNOWN_KEYS)})")
    actors = [_entity(path, key, kind, item) for key, kind in KIND_KEYS.items() for item in _list(path, data, key)]
    return GoldArticle(
        path=path,
        article=(REPO / data["article"]).resolve(),
        published=_published(path, data.get("published")),
        actors=actors,
        optional=[str(n) for n in _list(path, data, "optional")],
        not_actors=[str(n) for n in _list(path, data, "not_actors")],
        timeline=[_event(path, e) for e in data["timeline"]] if "timeline" in data else None,
        quotes=_quotes(path, data["quotes"]) if "quotes" in data else None,
    )


def _list(path: Path, data: dict, key: str) -> list:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise GoldError(f"{path}: '{key}': expected a list, got {type(value).__name__}")
    return value


def _entity(path: Path, key: str, kind: str, item) -> Entity:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
        raise GoldError(f"{path}: '{key}': expected entries like {{\"name\": ..., \"aliases\": [...]}}, got {item!r}")
    aliases = item.get("aliases", [])
    also = item.get("also", [])
    if not isinstance(aliases, list) or not isinstance(also, list):
        raise GoldError(f"{path}: '{key}': {item['name']!r}: 'aliases' and 'also' must be lists")
    bad = [k for k in also if k not in ("person", "organization", "place", "group")]
    if bad:
        raise GoldError(f"{path}: '{key}': {item['name']!r}: unknown kind {bad[0]!r} in 'also'")
    return Entity(kind, [item["name"], *map(str, aliases)], also=tuple(also))


def _published(path: Path, value) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise GoldError(f"{path}: 'published': expected YYYY-MM-DD, got {value!r}") from None


def _event(path: Path, item) -> GoldEvent:
    if not isinstance(item, dict) or not isinstance(item.get("expression"), str) or not _is_date(item.get("date")):
        raise GoldError(f"{path}: 'timeline': expected {{\"date\": \"YYYY[-MM[-DD]]\" or \"A/B\", \"expression\": ...}}, got {item!r}")
    return GoldEvent(item["date"], item["expression"], bool(item.get("optional", False)))


def _is_date(value) -> bool:
    if not isinstance(value, str):
        return False
    for end in value.split("/"):
        if not any(_parses(end, f) for f in _DATE_FORMATS) or len(end) not in (4, 7, 10):
            return False
    return True


def _parses(text: str, fmt: str) -> bool:
    try:
        dt.datetime.strptime(text, fmt)
    except ValueError:
        return False
    return True


def _quotes(path: Path, items) -> dict[int, str | None]:
    quotes = {}
    for item in items if isinstance(items, list) else [None]:
        if not isinstance(item, dict) or not isinstance(item.get("n"), int) or not isinstance(item.get("speaker"), (str, type(None))):
            raise GoldError(f"{path}: 'quotes': expected entries like {{\"n\": 1, \"speaker\": \"Name\" or null}}, got {item!r}")
        quotes[item["n"]] = item["speaker"]
    return quotes
