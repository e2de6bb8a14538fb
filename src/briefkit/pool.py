"""The pure step over many articles: `brief_all` yields one result per article, in order, computed
in this process (the texts of many articles batched through `nlp.pipe`) or in worker processes that
each load the spaCy model once."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from . import __version__
from .compose import compose
from .errors import ArticleError
from .extract import article_texts, extract
from .extract.nlp import load_nlp
from .model import Briefing
from .provenance import stamp
from .read import Article

CHUNK = 16  # articles sent to a worker at once: big enough to batch, small enough to balance
BATCH_SIZE = 64  # texts per nlp.pipe batch
MIN_PARALLEL = 2 * CHUNK  # fewer articles than this are not worth starting workers for

Result = Briefing | ArticleError


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def brief_all(articles: list[Article], *, default_date: dt.date | None, jobs: int = 1) -> Iterator[Result]:
    """A briefing (or the `ArticleError` that stopped it) for each article, in the order given."""
    if jobs <= 1 or len(articles) < MIN_PARALLEL:
        yield from brief_chunk(articles, default_date)
        return
    chunks = [articles[i : i + CHUNK] for i in range(0, len(articles), CHUNK)]
    # spawn, not fork: the parent may run threads (progress bars), which fork does not copy safely
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=load_nlp) as pool:
        for results in pool.map(brief_chunk, chunks, [default_date] * len(chunks)):
            yield from results


def brief_chunk(articles: list[Article], default_date: dt.date | None, nlp=None) -> list[Result]:
    """Briefings of `articles`, their texts run through spaCy together."""
    nlp = nlp or load_nlp()
    texts = [[text for _, text in article_texts(a)] for a in articles]
    flat = (text for group in texts for text in group)
    docs = iter(nlp.pipe(flat, batch_size=BATCH_SIZE))
    results: list[Result] = []
    for article, group in zip(articles, texts, strict=True):
        article_docs = [next(docs) for _ in group]  # consumed even when extraction fails, to stay aligned
        results.append(_brief(article, article_docs, default_date))
    return results


def _brief(article: Article, docs: list, default_date: dt.date | None) -> Result:
    published = article.date or default_date
    try:
        extraction = extract(article, docs, published=published)
        return stamp(compose(article, extraction, published=published), __version__)
    except ArticleError as error:
        return error
    except Exception as error:  # noqa: BLE001 - a bug on one article must not cost the rest of the batch
        return ArticleError(article.path, f"unexpected error, please report it: {type(error).__name__}: {error}")
