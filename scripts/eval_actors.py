"""Actors: news prose against the gold files, CoNLL-2003 test against its tags, Reuters-21578 against
its `<PEOPLE>` and `<PLACES>` (information only)."""

from __future__ import annotations

import json
import random
from collections import Counter

from briefkit.errors import BriefkitError
from briefkit.read import read_article

import corpora
from corpora import REPO
from eval_gold import GoldArticle
from eval_metrics import Entity, Score, keys, match_actors, name_key, score_actors, score_names
from eval_run import Row, Section, make_article, run

KINDS = ("person", "organization", "place")
PLURAL = {"person": "people", "organization": "organizations", "place": "places"}
NEWS_TARGETS = {"person": 0.95, "organization": 0.85, "place": 0.90}
CONLL_TARGETS = {"person": 0.85, "organization": 0.60, "place": 0.85}
RAW_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place"}


def predicted_entities(extraction) -> list[Entity]:
    return [Entity(a.kind, [a.name, *a.aliases]) for a in extraction.actors] if extraction else []


def read_gold_articles(golds: list[GoldArticle], section: Section):
    """The articles the gold files describe, each with its publication date; missing ones noted."""
    found = []
    for gold in golds:
        if not gold.article.is_file():
            section.notes.append(f"skipped {gold.path.name}: {gold.article} is not here")
            continue
        try:
            article = read_article(gold.article)
        except BriefkitError as error:
            section.notes.append(f"skipped {gold.path.name}: {error}")
            continue
        found.append((gold, article, gold.published or article.date))
    return found


def news_actors(golds: list[GoldArticle], nlp, *, n_process: int = 1) -> tuple[Section, object]:
    """Document-level actors on the gold files; also returns the run, which quotes and dates reuse."""
    section = Section()
    items = read_gold_articles(golds, section)
    if not items:
        section.notes.append("news prose: no gold article found")
        return section, None
    result = run([a for _, a, _ in items], [d for _, _, d in items], nlp, n_process=n_process)
    section.notes += result.failures
    totals = {k: Score() for k in KINDS}
    subsets: dict[str, Score] = {}
    errors: dict[str, Counter] = {f"{k}: {e}": Counter() for k in KINDS for e in ("false positives", "missed")}
    errors["kind confusions"] = Counter()
    errors["split into two actors"] = Counter()
    credits = []
    for (gold, _, _), extraction in zip(items, result.extractions, strict=True):
        predicted = predicted_entities(extraction)
        match = match_actors(predicted, gold.actors, optional=set(gold.optional))
        subset = subsets.setdefault(gold.subset, Score())
        for kind in KINDS:
            score = score_actors(match, kind)
            totals[kind].add(score)
            subset.add(score)
        _note_errors(match, gold.name, errors)
        banned = keys(gold.not_actors)
        credits += [f"{p.name} ({p.kind}) in {gold.name}" for p in predicted if p.keys & banned]
    n_docs = len(items)
    for kind in KINDS:
        section.rows.append(Row.of("Actors, news prose", f"{PLURAL[kind]} ({n_docs} articles)", totals[kind], NEWS_TARGETS[kind]))
    section.rows.append(Row("Actors, news prose", "credits/agencies as actors (count)", n_docs, len(credits), target=0, target_label="= 0", rule="<="))
    for name, score in sorted(subsets.items()):
        section.rows.append(Row.of("Actors, news prose", f"  {name}, all kinds", score))
    section.errors = {f"news prose, {k}": [f"{n}× {e}" if n > 1 else e for e, n in c.most_common()] for k, c in errors.items() if c}
    if credits:
        section.errors["news prose, credits/agencies as actors"] = credits
    section.rows.append(Row("Speed", "news prose (full pipeline)", len(items), None, note=result.speed()))
    return section, (items, result)


def _note_errors(match, doc: str, errors: dict[str, Counter]) -> None:
    matched_gold = {id(g) for _, g in match.pairs}
    for pred in match.false_positives:
        other = next((g for g in match.false_negatives if pred.keys & g.keys), None)
        split = next((g for _, g in match.pairs if pred.keys & g.keys), None)
        if other is not None:
            errors["kind confusions"][f"{pred.name}: {pred.kind}, gold {other.kind} ({doc})"] += 1
        elif split is not None and id(split) in matched_gold:
            errors["split into two actors"][f"{pred.name} ({pred.kind}) / {split.name} ({split.kind}) ({doc})"] += 1
        else:
            errors[f"{pred.kind}: false positives"][f"{pred.name} ({doc})"] += 1
    for gold in match.false_negatives:
        if not any(p.keys & gold.keys for p in match.false_positives):
            errors[f"{gold.kind}: missed"][f"{gold.name} ({doc})"] += 1


# --- CoNLL-2003 -------------------------------------------------------------------------------


def conll_actors(nlp, *, n_process: int = 1) -> Section:
    section = Section()
    if not corpora.CONLL.is_file():
        section.notes.append(f"CoNLL-2003 skipped: {corpora.CONLL} is not here")
        return section
    documents = corpora.conll_documents()
    articles = [make_article(f"conll-test#{d.number}", d.lines[0], d.lines[1:]) for d in documents]
    result = run(articles, [None] * len(articles), nlp, n_process=n_process)
    section.notes += result.failures
    totals = {name: {k: Score() for k in KINDS} for name in ("briefkit", "raw spaCy")}
    errors = {f"{k}: {e}": Counter() for k in KINDS for e in ("false positives", "missed")}
    errors["kind confusions"] = Counter()
    for doc, docs, extraction in zip(documents, result.docs, result.extractions, strict=True):
        gold = {k: set() for k in KINDS}
        for label, text in doc.entities:
            if label != "MISC":
                gold[corpora.CONLL_KINDS[label]].add(name_key(text))
        misc = {name_key(t) for label, t in doc.entities if label == "MISC"}
        for name, predicted in (("briefkit", predicted_entities(extraction)), ("raw spaCy", raw_entities(docs))):
            scored = score_names(predicted, gold, ignore=misc)
            for kind, (score, wrong, missed) in scored.items():
                totals[name][kind].add(score)
                if name == "briefkit":
                    _note_conll_errors(kind, wrong, missed, gold, errors)
    for kind in KINDS:
        section.rows.append(Row.of("Actors, CoNLL-2003 test", f"{PLURAL[kind]} ({len(documents)} documents)", totals["briefkit"][kind], CONLL_TARGETS[kind]))
    for kind in KINDS:
        section.rows.append(Row.of("Actors, CoNLL-2003 test", f"  raw spaCy baseline: {PLURAL[kind]}", totals["raw spaCy"][kind]))
    section.errors = {f"CoNLL, {k}": [f"{n}× {e}" for e, n in c.most_common()] for k, c in errors.items() if c}
    section.rows.append(Row("Speed", "CoNLL-2003 test (full pipeline)", len(documents), None, note=result.speed()))
    return section


def raw_entities(docs) -> list[Entity]:
    """spaCy's entities as they come: distinct names per document, no merging, no rules."""
    seen: dict[tuple[str, str], Entity] = {}
    for doc in docs:
        for ent in doc.ents:
            kind = RAW_KINDS.get(ent.label_)
            if kind and name_key(ent.text):
                seen.setdefault((kind, name_key(ent.text)), Entity(kind, [ent.text]))
    return list(seen.values())


def _note_conll_errors(kind, wrong, missed, gold, errors) -> None:
    for pred in wrong:
        other = next((k for k in KINDS if k != kind and pred.keys & gold[k]), None)
        if other:
            errors["kind confusions"][f"{pred.name}: {kind}, gold {other}"] += 1
        else:
            errors[f"{kind}: false positives"][pred.name] += 1
    for key in missed:
        errors[f"{kind}: missed"][key] += 1


# --- Reuters-21578 ----------------------------------------------------------------------------


def reuters_sample(stories, size: int | None, seed: int = 21578):
    """Half stories with `<PEOPLE>`, half with only `<PLACES>`; every such story when `size` is None."""
    with_people = [s for s in stories if s.people]
    places_only = [s for s in stories if s.places and not s.people]
    if size is None:
        return with_people + places_only
    rng = random.Random(seed)
    half = size // 2
    return rng.sample(with_people, min(half, len(with_people))) + rng.sample(places_only, min(size - half, len(places_only)))


def place_codes() -> dict[str, str]:
    """Place name key -> Reuters code, from the codes' own words and `eval/reuters-places.json`."""
    table = json.loads((REPO / "eval" / "reuters-places.json").read_text("utf-8"))
    codes = {}
    vocabulary = corpora.REUTERS / "all-places-strings.lc.txt"
    for code in corpora.read_text(vocabulary).split():
        codes[name_key(code.replace("-", " "))] = code
    for group in ("cities", "names"):  # a country's own name wins over a city of the same name
        for code, names in table[group].items():
            for name in names:
                codes[name_key(name)] = code
    return codes


def reuters_actors(nlp, *, size: int | None = 300, n_process: int = 1) -> Section:
    section = Section()
    if not corpora.REUTERS.is_dir():
        section.notes.append(f"Reuters-21578 skipped: {corpora.REUTERS} is not here")
        return section
    stories = reuters_sample(corpora.reuters_stories(), size)
    articles = [make_article(f"reuters#{s.id}", s.title or s.paragraphs[0], _with_dateline(s), s.date) for s in stories]
    result = run(articles, [s.date for s in stories], nlp, n_process=n_process)
    section.notes += result.failures
    people_vocabulary = {c.split("-")[-1] for c in corpora.read_text(corpora.REUTERS / "all-people-strings.lc.txt").split()}
    codes = place_codes()
    people, places = Score(), Score()
    for story, extraction in zip(stories, result.extractions, strict=True):
        predicted = predicted_entities(extraction)
        surnames = [{k.split()[-1] for k in p.keys} for p in predicted if p.kind == "person"]
        in_vocabulary = [s for s in surnames if s & people_vocabulary]
        gold_people = {c.split("-")[-1] for c in story.people}
        people.add(Score(tp=sum(1 for s in in_vocabulary if s & gold_people), fp=sum(1 for s in in_vocabulary if not s & gold_people),
                         found=sum(1 for g in gold_people if any(g in s for s in surnames)), fn=sum(1 for g in gold_people if not any(g in s for s in surnames))))
        mapped = {codes[k] for p in predicted if p.kind == "place" for k in p.keys if k in codes}
        places.add(Score(tp=len(mapped & set(story.places)), fp=len(mapped - set(story.places)),
                         found=len(set(story.places) & mapped), fn=len(set(story.places) - mapped)))
    n = f"{len(stories)} stories"
    section.rows.append(Row.of("Reuters-21578 (info)", f"people ({n}, surname match)", people))
    section.rows.append(Row.of("Reuters-21578 (info)", f"places ({n}, country codes)", places))
    section.rows.append(Row("Speed", "Reuters-21578 (full pipeline)", len(stories), None, note=result.speed()))
    return section


def _with_dateline(story) -> list[str]:
    """The wire story as it ran: `TOKYO, March 3 - ` before the first paragraph."""
    paragraphs = list(story.paragraphs)
    if story.dateline:
        paragraphs[0] = f"{story.dateline} - {paragraphs[0]}"
    return paragraphs
