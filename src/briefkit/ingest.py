"""Ingest: article files become briefing files.

`brief` is the pure step (one `Article` in, one `Briefing` out) that the CLI, worker pools and
distributed engines all call; `ingest` adds the file system: reading (a file may hold many articles),
duplicates, slugs, edit protection and atomic writes, one `Outcome` per article so a bad file never
stops the batch.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .cache import BriefingCache, article_key
from .dedupe import Deduper, fingerprint
from .errors import ArticleError, BriefingProblem
from .model import Briefing
from .pool import brief_all, brief_chunk
from .provenance import can_merge, merge
from .read import MAX_BYTES, Article, Item, read_article, read_articles
from .store import SUFFIX, briefing_paths, dump_briefing, file_stamp, is_edited, page_slug, read_briefing, write_atomic
from .text import MAX_SLUG_LENGTH, slugify

ARTICLE_HEADING = "\n## Article\n"  # in a composed body, the article text follows this heading


@dataclass
class Outcome:
    article: str  # the input path as given
    status: str  # written | updated | merged | unchanged | kept | skipped (a duplicate) | failed
    target: Path | None = None
    message: str = ""
    warning: str | None = None

    @property
    def failed(self) -> bool:
        return self.status == "failed"


def brief(article: Article, *, default_date: dt.date | None = None, nlp=None) -> Briefing:
    """One article as a briefing, stamped with what was generated: the pure step. Raises `ArticleError`."""
    result = brief_chunk([article], default_date, nlp=nlp)[0]
    if isinstance(result, ArticleError):
        raise result
    return result


def make_briefing(path: Path, *, default_date: dt.date | None = None, nlp=None) -> Briefing:
    """The article of a one-article file as a briefing. Raises `ArticleError`."""
    return brief(read_article(path, shown_path=str(path)), default_date=default_date, nlp=nlp)


def ingest(
    paths: Iterable[Path],
    out_dir: Path,
    *,
    default_date: dt.date | None = None,
    force: bool = False,
    merge: bool = False,
    fmt: str | None = None,
    max_bytes: int = MAX_BYTES,
    jobs: int = 1,
    cache: BriefingCache | None = None,
    report: Callable[[Outcome], None] = lambda outcome: None,
    done: Callable[[Path], None] = lambda path: None,
) -> list[Outcome]:
    """Every article of `paths` as a briefing in `out_dir`: one `Outcome` per article (a feed or a
    JSON list gives several), duplicates of an article already seen (in this batch, or as a briefing
    in `out_dir`) skipped. Articles found in `cache` skip the language model; the others run on
    `jobs` processes. Outcomes come in input order; `done` is called after each file."""
    settings = json.dumps([str(default_date), fmt, max_bytes])  # what else shapes the articles of a file
    files, stamps = _read_all(paths, out_dir, settings, fmt=fmt, max_bytes=max_bytes, cache=cache)
    articles = [a for _, items in files for a in items if isinstance(a, Article)]
    keys = {id(a): article_key(a, default_date) for a in articles} if cache else {}
    if cache is not None:
        _remember_reads(cache, files, stamps, settings, keys)
    decided = {id(a): o for a in articles if (o := _from_cache(a.path, keys[id(a)], cache, out_dir))} if cache else {}
    known: dict[Path, Briefing] = {}
    sources: dict[str, Path] = {}  # the briefing each article became, by the article's path
    seen = known_briefings(out_dir, known, cache, sources) if len(decided) < len(articles) else Deduper()
    plan = [(path, [_plan_item(item, seen, decided, keys, cache) for item in items]) for path, items in files]
    cached = {id(a): b for a in articles if id(a) in keys and id(a) not in decided and (b := cache.get(keys[id(a)]))}
    pending = [a for _, items in plan for a in items if isinstance(a, Article) and id(a) not in cached]
    fresh = brief_all(pending, default_date=default_date, jobs=jobs)
    outcomes = []
    for path, items in plan:
        for item in items:
            if isinstance(item, Outcome):
                outcome = item
            else:
                result = cached.get(id(item)) or next(fresh)
                if cache is not None and isinstance(result, Briefing) and id(item) not in cached:
                    cache.put(keys[id(item)], result)
                outcome = _store(result, item, out_dir, force=force, merge=merge, known=known, previous=sources.get(source_key(item.path)))
                if cache is not None and outcome.status in ("written", "updated", "unchanged"):
                    _remember(cache, outcome.target, result, keys[id(item)])
            report(outcome)
            outcomes.append(outcome)
        done(path)
    return outcomes


def _read_all(paths: Iterable[Path], out_dir: Path, settings: str, *, fmt, max_bytes, cache: BriefingCache | None) -> tuple[list, dict]:
    """Each path with its items (articles and errors as read, or the outcomes the cache recalls for a
    file it knows unchanged), and the (mtime_ns, size) of the files read, taken before reading them."""
    files, stamps = [], {}
    for path in paths:
        if (recalled := _recall(path, settings, cache, out_dir)) is not None:
            files.append((path, recalled))
            continue
        stamps[path] = file_stamp(path)  # before reading: a file written meanwhile is read again next time
        files.append((path, _read(path, fmt=fmt, max_bytes=max_bytes)))
    return files, stamps


def _remember_reads(cache: BriefingCache, files: list, stamps: dict, settings: str, keys: dict) -> None:
    for path, items in files:
        if path in stamps and items and all(isinstance(item, Article) for item in items):
            cache.put_articles_of(path, settings, stamps[path], [(item.path, keys[id(item)]) for item in items])


def _recall(path: Path, settings: str, cache: BriefingCache | None, out_dir: Path) -> list[Outcome] | None:
    """The outcomes of an article file the cache knows unchanged, all of whose articles it can decide
    alone: then the file is not even read."""
    if cache is None or (recorded := cache.articles_of(path, settings)) is None:
        return None
    outcomes = [_from_cache(shown, key, cache, out_dir) for shown, key in recorded]
    return outcomes if outcomes and all(outcomes) else None


def _from_cache(shown: str, key: str, cache: BriefingCache, out_dir: Path) -> Outcome | None:
    """What the cache alone can tell of an article: a duplicate skipped before (whose kept article or
    briefing is still there), or a briefing written from this very article and not touched since."""
    if (skipped := cache.skipped(key)) and Path(skipped[0].split("#")[0]).exists():
        return Outcome(shown, "skipped", message=skipped[1])
    target = cache.file_of(key, out_dir)
    if target is not None and cache.file(target) is not None and cache.has(key):
        return Outcome(shown, "unchanged", target)
    return None


def _plan_item(item: Item, seen: Deduper, decided: dict, keys: dict, cache: BriefingCache | None):
    """The `Outcome` already decided for an item (unreadable, known to the cache, a duplicate of an
    article read before), or the article itself, to be briefed."""
    if isinstance(item, ArticleError):
        return Outcome(item.path, "failed", message=item.reason)
    if isinstance(item, Outcome):  # recalled from the cache without reading the file
        return item
    if id(item) in decided:
        return decided[id(item)]
    if (duplicate := seen.find(item.text, source=source_key(item.path))) is not None:
        message = f"{duplicate.describe()}, which was kept"
        if cache is not None:
            cache.put_skipped(keys[id(item)], duplicate.of, message)
        return Outcome(item.path, "skipped", message=message)
    seen.add(item.text, label=item.path, source=source_key(item.path))
    return item


def _remember(cache: BriefingCache, target: Path, briefing: Briefing, key: str) -> None:
    exact, shingles = fingerprint(dedupe_text(briefing))
    cache.put_file(target, article=key, source=_source_of(briefing), exact=exact, shingles=shingles)


def _read(path: Path, *, fmt: str | None, max_bytes: int) -> list[Item]:
    try:
        return read_articles(path, fmt=fmt, max_bytes=max_bytes)
    except ArticleError as error:
        return [error]
    except Exception as error:  # noqa: BLE001 - a reader's bug on one file must not cost the rest of the batch
        return [ArticleError(path, _unexpected(error))]


def _unexpected(error: Exception) -> str:
    return f"unexpected error, please report it: {type(error).__name__}: {' '.join(str(error).split())[:200]}"


def _store(result: Briefing | ArticleError, article: Article, out_dir: Path, *, force: bool, merge: bool, known: dict, previous: Path | None = None) -> Outcome:
    if isinstance(result, ArticleError):
        return Outcome(article.path, "failed", message=result.reason)
    try:
        outcome = store(result, Path(article.path), out_dir, force=force, merge=merge, known=known, previous=previous)
    except ArticleError as error:
        return Outcome(article.path, "failed", message=error.reason)
    if result.date is None:
        outcome.warning = "no publication date in the article: pass --date YYYY-MM-DD"
    return outcome


def known_briefings(out_dir: Path, known: dict[Path, Briefing] | None = None, cache: BriefingCache | None = None, sources: dict[str, Path] | None = None) -> Deduper:
    """The briefings already in `out_dir`, as texts to compare new articles with (and, into `known`,
    as briefings by path, so that storing does not read them again; into `sources`, by the source key
    of their article). A briefing file unchanged since the cache recorded it is not read at all."""
    seen = Deduper()
    sources = {} if sources is None else sources
    for path in briefing_paths(out_dir) if out_dir.is_dir() else []:
        if cache is not None and (record := cache.file(path)) is not None:
            seen.add_fingerprint(record.exact, record.shingles, label=str(path), source=record.source)
            if record.source:
                sources.setdefault(record.source, path)
            continue
        try:
            briefing = read_briefing(path)
        except BriefingProblem:
            continue
        if known is not None:
            known[path] = briefing
        exact, shingles = fingerprint(dedupe_text(briefing))
        seen.add_fingerprint(exact, shingles, label=str(path), source=_source_of(briefing))
        if _source_of(briefing):
            sources.setdefault(_source_of(briefing), path)
        if cache is not None:
            cache.put_file(path, article=None, source=_source_of(briefing), exact=exact, shingles=shingles)
    return seen


def dedupe_text(briefing: Briefing) -> str:
    """What a briefing is compared by: its title and the article text of its body."""
    return f"{briefing.title}\n{html.unescape(briefing.body.split(ARTICLE_HEADING, 1)[-1])}"


def _source_of(briefing: Briefing) -> str | None:
    return source_key(briefing.source.file) if briefing.source and briefing.source.file else None


def source_key(shown: str) -> str:
    """An article's path as one key however it was spelled: `a/../x.json#2` and `x.json#2` agree."""
    match = _ITEM.match(shown)
    return os.path.realpath(match["file"]) + (match["item"] or "")


_ITEM = re.compile(r"^(?P<file>.*?)(?P<item>#\d+|:\d+)?$", re.DOTALL)


def store(briefing: Briefing, path: Path, out_dir: Path, *, force: bool = False, merge: bool = False, known: dict[Path, Briefing] | None = None, previous: Path | None = None) -> Outcome:
    """Write `briefing` for article `path` into `out_dir`, unless a person edited the briefing already there
    (then, with `merge`, refresh only what they did not touch). `previous`, the briefing written from
    this article before, is updated in place even when the title changed: its URL stays."""
    names = [_file_name(briefing.title, n) for n in range(1, 1000)]
    for target in ([previous] if previous is not None and previous.is_file() else []) + [out_dir / name for name in names]:
        if not target.exists():
            write_atomic(target, dump_briefing(briefing))
            return Outcome(str(path), "written", target)
        try:
            existing = known.pop(target) if known and target in known else read_briefing(target)
        except BriefingProblem:
            existing = None
        if existing is not None and not _same_article(existing, path):
            continue  # another article's briefing holds this slug
        if existing is None and not force:
            return Outcome(str(path), "kept", target, "kept: the briefing there is not valid (fix it, or use --force)")
        if existing is not None and is_edited(existing) and not force:
            return _merge(existing, briefing, path, target) if merge else Outcome(str(path), "kept", target, KEPT)
        if existing is not None and _same_stamp(existing, briefing):
            return Outcome(str(path), "unchanged", target)
        write_atomic(target, dump_briefing(briefing))
        return Outcome(str(path), "updated", target)
    raise ArticleError(path, f"too many briefings named {names[0]!r}")


def _file_name(title: str, n: int) -> str:
    """The n-th file name for a title: `slug.md`, then `slug-2.md`... The slug is cut short enough
    for its suffix, so that the file name is its page's slug too: `<80 characters>-2` would be cut
    back to the first briefing's page."""
    suffix = "" if n == 1 else f"-{n}"
    base = page_slug(Path(slugify(title, max_length=MAX_SLUG_LENGTH - len(suffix))))  # `index`, a year: `-briefing`
    return f"{base}{suffix}{SUFFIX}"


KEPT = "kept edited briefing (use --merge to refresh what nobody edited, or --force to overwrite)"


def _merge(existing: Briefing, fresh: Briefing, path: Path, target: Path) -> Outcome:
    if not can_merge(existing):
        return Outcome(str(path), "kept", target, "kept edited briefing: it records no per-field provenance to merge with (use --force to overwrite)")
    merged = merge(existing, fresh)
    kept = f"kept edited {', '.join(merged.kept)}" if merged.kept else "nothing edited kept"
    if merged.briefing.front_matter() == existing.front_matter() and merged.briefing.body.strip() == existing.body.strip():
        return Outcome(str(path), "unchanged", target, kept)
    write_atomic(target, dump_briefing(merged.briefing))
    return Outcome(str(path), "merged", target, f"{kept}; refreshed {', '.join(merged.refreshed) or 'nothing'}")


def _same_stamp(existing: Briefing, fresh: Briefing) -> bool:
    """The same content was generated, and is recorded the same way (older stamps get the per-field record)."""
    old, new = existing.briefkit, fresh.briefkit
    return old is not None and new is not None and old.model_dump(exclude={"extractor"}) == new.model_dump(exclude={"extractor"})


def _same_article(briefing: Briefing, path: Path) -> bool:
    recorded = briefing.source.file if briefing.source else None
    if not recorded:
        return False
    return recorded == str(path) or Path(recorded).resolve() == path.resolve()
