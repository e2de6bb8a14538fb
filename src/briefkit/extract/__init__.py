"""Extraction: an `Article` and its spaCy docs in, the briefing's metadata out.

`extract_article` is the whole step for one article; `article_texts` and `extract` split it so that
callers can run the texts of many articles through `nlp.pipe` at once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Actor, Quote, TimelineEntry
from ..read import Article
from .actors import extract_actors
from .dates import extract_timeline
from .quotes import extract_quotes
from .summary import extract_key_points, extract_summary
from .topics import extract_topics

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class Extraction:
    actors: list[Actor]
    timeline: list[TimelineEntry]
    topics: list[str]
    quotes: list[Quote]
    summary: str
    key_points: list[str]


Part = tuple[str, "Doc"]  # (block kind: title, standfirst, paragraph or caption; its spaCy doc)


def article_texts(article: Article) -> list[tuple[str, str]]:
    """(kind, text) of what spaCy reads, one per block: the title apart (else the model runs it into
    the next paragraph), captions without their credits, subheadings and the source line left out.
    Short lines in a row are no subheadings but a list (`Kelso v Dunmore Rovers`, one fixture a
    line): read as `list` lines, for their names only."""
    texts = [("title", article.title)]
    if article.standfirst:
        texts.append(("standfirst", article.standfirst))
    blocks = article.blocks
    for i, block in enumerate(blocks):
        if block.kind != "subheading":
            texts.append((block.kind, block.text))
        elif any(0 <= j < len(blocks) and blocks[j].kind == "subheading" for j in (i - 1, i + 1)):
            texts.append(("list", block.text))
    return texts


def extract(article: Article, docs: list, *, published: dt.date | None) -> Extraction:
    """Metadata of `article`, from `docs`: the spaCy docs of `article_texts(article)`, in order."""
    parts: list[Part] = [(kind, doc) for (kind, _), doc in zip(article_texts(article), docs, strict=True)]
    mentions, actors = extract_actors(parts)
    prose = [(kind, doc) for kind, doc in parts if kind in ("standfirst", "paragraph")]
    return Extraction(
        actors=actors,
        timeline=extract_timeline(prose, published),
        topics=extract_topics(article),
        quotes=extract_quotes(prose, mentions),
        summary=extract_summary(prose, mentions),
        key_points=extract_key_points(prose, mentions),
    )


def extract_article(article: Article, nlp, *, published: dt.date | None) -> Extraction:
    docs = nlp.pipe(text for _, text in article_texts(article))
    return extract(article, list(docs), published=published)
