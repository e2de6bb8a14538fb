"""Dates, quotes, topics and summaries: TempEval-3, the gold files and BBC News."""

from __future__ import annotations

import random
import time
from collections import Counter, defaultdict

from briefkit.extract.dates import resolve
from briefkit.extract.topics import extract_topics
from briefkit.read import read_article
from briefkit.taxonomy import load_taxonomy

import corpora
from eval_metrics import (Score, comparable_value, date_ends, expression_overlaps, find_quotes, mean, name_key,
                          quote_overlap)
from eval_run import Row, Section, make_article, run

# BBC folder -> taxonomy id; a predicted subtopic counts for its ancestors (`football` is `sport`).
BBC_TOPICS = {"business": "economy-business-finance", "entertainment": "arts-culture", "politics": "politics",
              "sport": "sport", "tech": "science-technology"}


# --- dates ------------------------------------------------------------------------------------


def match_events(entries, events) -> list[tuple[object, object]]:
    """Timeline entries paired one to one with gold events (each has `.date` and an expression) of
    the same date whose words overlap; a range entry may pair with one event per end."""
    capacity = {id(e): len(date_ends(e.date)) for e in entries}
    pairs = []
    for event in events:
        for entry in entries:
            if capacity[id(entry)] and event.date in (entry.date, *date_ends(entry.date)) and expression_overlaps(entry.evidence, event.expression):
                capacity[id(entry)] -= 1
                pairs.append((entry, event))
                break
    return pairs


class _Event:
    def __init__(self, date: str, expression: str):
        self.date, self.expression = date, expression


def tempeval_dates(nlp, *, n_process: int = 1) -> Section:
    section = Section()
    if not corpora.TEMPEVAL.is_dir():
        section.notes.append(f"TempEval-3 skipped: {corpora.TEMPEVAL} is not here")
        return section
    documents = corpora.tempeval_documents()
    articles = [make_article(d.name, d.title, d.paragraphs, d.dct) for d in documents]
    result = run(articles, [d.dct for d in documents], nlp, n_process=n_process)
    section.notes += result.failures
    resolved, end_to_end = Score(), Score()
    wrong_resolve, missed, wrong_entries = Counter(), Counter(), Counter()
    for doc, extraction in zip(documents, result.extractions, strict=True):
        dated = [t for t in doc.timexes if t.type == "DATE" and corpora_iso(t.value)]
        for timex in dated:
            value = resolve(timex.text, doc.dct)
            ok = value == timex.value
            resolved.add(Score(found=int(ok), fn=int(not ok)))
            if not ok:
                wrong_resolve[f"{timex.text!r} -> {value} (gold {timex.value}, DCT {doc.dct})"] += 1
        entries = list(extraction.timeline) if extraction else []
        end_to_end.add(_judge_timeline(doc, dated, entries, missed, wrong_entries))
    s = "Timeline, TempEval-3 platinum"
    section.rows.append(Row(s, "resolver on gold DATE expressions (accuracy)", resolved.found + resolved.fn, resolved.recall,
                            note="resolve(text, DCT), past reading"))
    section.rows.append(Row(s, "DATE expressions found with right value (recall)", end_to_end.found + end_to_end.fn, end_to_end.recall, target=0.90))
    section.rows.append(Row(s, "timeline entries correct (precision)", end_to_end.tp + end_to_end.fp, end_to_end.precision, target=0.85))
    section.errors = {"TempEval, resolver wrong on gold expressions": _lines(wrong_resolve),
                      "TempEval, DATE expressions not found with the right value": _lines(missed),
                      "TempEval, wrong timeline entries": _lines(wrong_entries)}
    section.rows.append(Row("Speed", "TempEval-3 (full pipeline)", len(documents), None, note=result.speed()))
    return section


def _judge_timeline(doc, dated, entries, missed: Counter, wrong: Counter) -> Score:
    """Recall over the document's dated expressions, precision over its timeline entries."""
    score = Score()
    gold_events = [_Event(t.value, t.text) for t in dated]
    pairs = match_events(entries, gold_events)
    found = {id(event) for _, event in pairs}
    right = {id(entry) for entry, _ in pairs}
    # any TIMEX3 with a day, month or year settles an entry (one `2008` is typed DURATION in the corpus)
    comparable = [_Event(comparable_value(t.value), t.text) for t in doc.timexes if comparable_value(t.value)]
    unjudged = [t for t in doc.timexes if t.type in ("DATE", "TIME") and not comparable_value(t.value)]
    for entry in entries:
        if id(entry) in right or match_events([entry], comparable):
            score.tp += 1
        elif not any(expression_overlaps(entry.evidence, t.text) for t in unjudged):
            # (an entry on a week, a season or `now` is not judged: TimeML gives it no day, month or year)
            score.fp += 1
            wrong[f"{entry.evidence!r} -> {entry.date} ({doc.name}{_gold_value(entry, doc)})"] += 1
    for event in gold_events:
        if id(event) in found:
            score.found += 1
        else:
            score.fn += 1
            missed[f"{event.expression!r} = {event.date} ({doc.name}, DCT {doc.dct})"] += 1
    return score


def corpora_iso(value: str) -> bool:
    return comparable_value(value) == value


def _gold_value(entry, doc) -> str:
    values = [t.value for t in doc.timexes if expression_overlaps(entry.evidence, t.text)]
    return f", gold {'/'.join(values)}" if values else ", no TIMEX3"


def gold_dates(items, result) -> Section:
    """Dated events of the gold files: found with the right date (recall), entries that are events."""
    section = Section()
    by_subset: dict[str, Score] = defaultdict(Score)
    missed, extra = Counter(), Counter()
    for (gold, _, _), extraction in zip(items, result.extractions, strict=True):
        if gold.timeline is None or extraction is None:
            continue
        required = [e for e in gold.timeline if not e.optional]
        pairs = match_events(list(extraction.timeline), required)
        optional = match_events(list(extraction.timeline), [e for e in gold.timeline if e.optional])
        matched = {id(e) for e, _ in pairs} | {id(e) for e, _ in optional}
        found = {id(ev) for _, ev in pairs}
        score = by_subset[gold.subset]
        score.found += len(found)
        score.fn += len(required) - len(found)
        score.tp += sum(1 for e in extraction.timeline if id(e) in {id(x) for x, _ in pairs})
        score.fp += sum(1 for e in extraction.timeline if id(e) not in matched)
        for event in required:
            if id(event) not in found:
                guess = [e.date for e in extraction.timeline if expression_overlaps(e.evidence, event.expression)]
                missed[f"{event.expression!r} = {event.date}, got {', '.join(guess) or 'nothing'} ({gold.name})"] += 1
        for entry in extraction.timeline:
            if id(entry) not in matched:
                extra[f"{entry.evidence!r} -> {entry.date} ({gold.name})"] += 1
    for subset, score in sorted(by_subset.items()):
        target = 0.85 if subset == "real article" else None
        section.rows.append(Row(f"Timeline, {subset}", "dated events found with right date (recall)", score.found + score.fn, score.recall, target=target))
        section.rows.append(Row(f"Timeline, {subset}", "timeline entries that are gold events (precision)", score.tp + score.fp, score.precision))
    section.errors = {"gold articles, dated events missed or wrong": _lines(missed),
                      "gold articles, timeline entries matching no gold event": _lines(extra)}
    return section


# --- quotes -----------------------------------------------------------------------------------


def gold_quotes(items, result) -> Section:
    """Direct quotes of the gold files attributed to the right speaker."""
    section = Section()
    by_subset: dict[str, Score] = defaultdict(Score)
    wrong = []
    for (gold, article, _), extraction in zip(items, result.extractions, strict=True):
        if gold.quotes is None or extraction is None:
            continue
        spans = article_quotes(article)
        unknown = sorted(set(gold.quotes) - set(range(1, len(spans) + 1)))
        if unknown:
            section.notes.append(f"{gold.path.name}: quote {unknown[0]} does not exist (the article has {len(spans)})")
        score = by_subset[gold.subset]
        for n, speaker in sorted(gold.quotes.items()):
            if n > len(spans):
                continue
            text = spans[n - 1]
            candidates = [q for q in extraction.quotes if quote_overlap(q.text, text) >= 0.6]
            predicted = max(candidates, key=lambda q: quote_overlap(q.text, text)) if candidates else None
            ok = predicted is not None and _same_speaker(gold, speaker, predicted.speaker)
            score.found += ok
            score.fn += not ok
            if not ok:
                got = "quote not found" if predicted is None else f"got {predicted.speaker}"
                wrong.append(f"quote {n} of {gold.name}: gold {speaker}, {got}")
    total = Score()
    for subset, score in sorted(by_subset.items()):
        total.add(score)
        section.rows.append(Row("Quotes", f"  {subset}: right speaker", score.found + score.fn, score.recall))
    section.rows.insert(0, Row("Quotes", "quotes (4+ words) with the right speaker", total.found + total.fn, total.recall, target=0.85))
    section.errors = {"quotes attributed wrongly": wrong}
    return section


def article_quotes(article) -> list[str]:
    """The text of each direct quote of four words or more, numbered in order from 1 by the caller."""
    texts = ([article.standfirst] if article.standfirst else []) + article.paragraphs
    return [text[a:b] for text in texts for a, b in find_quotes(text)]


def _same_speaker(gold, expected: str | None, got: str | None) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    return name_key(got) in gold.speaker_keys(expected)


# --- topics -----------------------------------------------------------------------------------


def topic_root(topic: str, taxonomy) -> list[str]:
    """The topic and its ancestors, nearest first."""
    chain = [topic]
    while chain[-1] in taxonomy.topics and taxonomy.topics[chain[-1]].parent and len(chain) < 10:
        chain.append(taxonomy.topics[chain[-1]].parent)
    return chain


def bbc_topics() -> Section:
    """Top-1 accuracy on every BBC article. Error examples come from the odd-numbered half only, so
    that the even-numbered half stays held out from anyone tuning the taxonomy on them."""
    section = Section()
    if not corpora.BBC.is_dir():
        section.notes.append(f"BBC News skipped: {corpora.BBC} is not here")
        return section
    taxonomy = load_taxonomy()
    missing = sorted(t for t in BBC_TOPICS.values() if t not in taxonomy.topics)
    if missing:
        section.notes.append(f"topics skipped: the taxonomy has no topic {missing[0]!r}")
        return section
    items = corpora.bbc_items()
    started = time.perf_counter()
    confusion: dict[str, Counter] = {c: Counter() for c in corpora.BBC_CATEGORIES}
    halves = {"odd": Score(), "even": Score()}
    examples: dict[str, list[str]] = defaultdict(list)  # "folder read as topic" -> articles
    for item in items:
        topics = extract_topics(read_article(item.path), taxonomy)
        chain = topic_root(topics[0], taxonomy) if topics else []
        ok = BBC_TOPICS[item.category] in chain
        half = "odd" if int(item.number) % 2 else "even"
        halves[half].add(Score(found=int(ok), fn=int(not ok)))
        confusion[item.category][chain[-1] if chain else "(none)"] += 1
        if not ok and half == "odd":
            examples[f"BBC topics (odd-numbered half), {item.category} read as {chain[-1] if chain else '(none)'}"].append(
                f"{item.name}: {', '.join(topics[:3]) or '(none)'}")
    seconds = time.perf_counter() - started
    total = Score()
    for score in halves.values():
        total.add(score)
    section.rows.append(Row("Topics, BBC News", "top-1 accuracy (5 categories)", len(items), total.recall, target=0.92))
    section.rows.append(Row("Topics, BBC News", "  odd-numbered half (error examples listed)", halves["odd"].fn + halves["odd"].found, halves["odd"].recall))
    section.rows.append(Row("Topics, BBC News", "  even-numbered half (held out: no examples)", halves["even"].fn + halves["even"].found, halves["even"].recall))
    section.rows.append(Row("Speed", "topics only (no spaCy)", len(items), None, note=f"{len(items) / seconds:,.0f} articles/s"))
    predicted = sorted({t for c in confusion.values() for t in c}, key=lambda t: (t == "(none)", t))
    section.tables.append(("Topics, BBC News: top-level of the first topic (rows) by BBC folder (columns)",
                           ["first topic", *corpora.BBC_CATEGORIES],
                           [[t, *(confusion[c][t] for c in corpora.BBC_CATEGORIES)] for t in predicted]))
    section.errors = {f"{heading} (article: its first topics)": lines for heading, lines in sorted(examples.items(), key=lambda e: -len(e[1]))}
    return section


def stratified(items, size: int, seed: int = 2225):
    """`size` items spread over the categories in proportion, the same ones every run."""
    rng = random.Random(seed)
    by_category = defaultdict(list)
    for item in items:
        by_category[item.category].append(item)
    chosen = []
    for category, group in sorted(by_category.items()):
        share = max(1, round(size * len(group) / len(items)))
        chosen += sorted(rng.sample(group, min(share, len(group))), key=lambda i: i.number)
    return chosen


# --- summaries --------------------------------------------------------------------------------


def bbc_summaries(nlp, *, size: int | None = 300, n_process: int = 1) -> Section:
    section = Section()
    if not corpora.BBC.is_dir():
        section.notes.append(f"BBC News skipped: {corpora.BBC} is not here")
        return section
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        section.notes.append("summaries skipped: rouge-score is not installed (pip install -r requirements.txt)")
        return section
    items = corpora.bbc_items()
    if size is not None:
        items = stratified(items, size)
    articles = [read_article(i.path) for i in items]
    result = run(articles, [None] * len(articles), nlp, n_process=n_process)
    section.notes += result.failures
    scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    scores = defaultdict(list)
    for item, article, docs, extraction in zip(items, articles, result.docs, result.extractions, strict=True):
        if extraction is None:
            continue
        reference = corpora.bbc_summary(item)
        summary = extraction.summary
        lead = lead_sentences(article, docs, 3)
        for name, text in (("briefkit", summary), ("lead-3 at briefkit's length", truncate_words(lead, len(summary.split()))), ("lead-3", lead)):
            scores[name].append(scorer.score(reference, text)["rouge2"].fmeasure)
    ours, baseline, lead3 = (mean(scores[k]) for k in ("briefkit", "lead-3 at briefkit's length", "lead-3"))
    n = len(scores["briefkit"])
    section.rows.append(Row("Summaries, BBC News", "ROUGE-2 F1 of briefkit's summary", n, ours, target=baseline, target_label="lead-3 cut", rule=">"))
    section.rows.append(Row("Summaries, BBC News", "  first three sentences, cut to the same length", n, baseline))
    section.rows.append(Row("Summaries, BBC News", "  first three sentences (lead-3)", n, lead3))
    section.rows.append(Row("Speed", "BBC summaries (full pipeline)", len(items), None, note=result.speed()))
    return section


def lead_sentences(article, docs, count: int) -> str:
    """The first `count` sentences of the standfirst and paragraphs, as spaCy splits them."""
    from briefkit.extract import article_texts

    sentences = []
    for (kind, _), doc in zip(article_texts(article), docs, strict=True):
        if kind in ("standfirst", "paragraph"):
            sentences += [" ".join(s.text.split()) for s in doc.sents if s.text.strip()]
        if len(sentences) >= count:
            break
    return " ".join(sentences[:count])


def truncate_words(text: str, words: int) -> str:
    return " ".join(text.split()[:words])


def _lines(counter: Counter) -> list[str]:
    return [f"{n}× {e}" if n > 1 else e for e, n in counter.most_common()]
