"""Running briefkit's own extraction over many articles, as ingest does: every text through one
`nlp.pipe`, then `extract` per article. Also the report rows that every section returns."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field

from briefkit.extract import Extraction, article_texts, extract
from briefkit.read import Article, Block

from eval_metrics import Score


@dataclass
class Run:
    """The articles of one run, their spaCy docs and extractions (None where extraction failed)."""

    articles: list[Article]
    docs: list[list]
    extractions: list[Extraction | None]
    seconds: float
    failures: list[str] = field(default_factory=list)

    @property
    def words(self) -> int:
        return sum(a.word_count for a in self.articles)

    def speed(self) -> str:
        if not self.seconds:
            return "-"
        return f"{len(self.articles) / self.seconds:,.1f} articles/s, {self.words / self.seconds:,.0f} words/s"


def make_article(path: str, title: str, paragraphs: list[str], date: dt.date | None = None) -> Article:
    """An `Article` from a corpus document that is not a briefkit text file."""
    return Article(path=path, title=title, blocks=[Block("paragraph", p) for p in paragraphs], date=date)


def run(articles: list[Article], published: list[dt.date | None], nlp, *, n_process: int = 1) -> Run:
    started = time.perf_counter()
    texts = [[text for _, text in article_texts(a)] for a in articles]
    flat = (text for group in texts for text in group)
    docs_iter = nlp.pipe(flat, n_process=n_process, batch_size=64)
    docs, extractions, failures = [], [], []
    for article, group, date in zip(articles, texts, published, strict=True):
        article_docs = [next(docs_iter) for _ in group]
        docs.append(article_docs)
        try:
            extractions.append(extract(article, article_docs, published=date))
        except Exception as error:  # the extraction code is being worked on: report, go on
            extractions.append(None)
            failures.append(f"{article.path}: extraction failed: {error.__class__.__name__}: {error}")
    return Run(articles, docs, extractions, time.perf_counter() - started, failures)


@dataclass
class Row:
    """One line of the report. `value` is the F1 or the accuracy; `target` the issue's minimum for it
    (or a baseline to beat, with `target_label` saying so); None where the line is information only."""

    section: str
    measure: str
    n: int | str
    value: float | None
    precision: float | None = None
    recall: float | None = None
    target: float | None = None
    target_label: str | None = None  # how the target reads in the report, default `>= target`
    note: str = ""
    rule: str = ">="  # the value passes when `value <rule> target`: ">=", ">" or "<="

    @classmethod
    def of(cls, section: str, measure: str, score: Score, target: float | None = None, note: str = "") -> Row:
        n = score.found + score.fn
        return cls(section, measure, n, score.f1, score.precision, score.recall, target, note=note)

    @property
    def result(self) -> str:
        if self.target is None:
            return "info"
        if self.value is None:
            return "n/a"
        passed = {">=": self.value >= self.target, ">": self.value > self.target, "<=": self.value <= self.target}[self.rule]
        return "PASS" if passed else "FAIL"


@dataclass
class Section:
    """What one part of the evaluation gives back: report rows, error examples and notes."""

    rows: list[Row] = field(default_factory=list)
    errors: dict[str, list[str]] = field(default_factory=dict)  # heading -> example lines
    notes: list[str] = field(default_factory=list)
    tables: list[tuple[str, list[str], list[list]]] = field(default_factory=list)  # (title, header, rows)
