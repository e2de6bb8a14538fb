"""Dates, quotes, topics and summaries sections: their matching and sampling rules."""

from __future__ import annotations

from types import SimpleNamespace as NS

import spacy

from briefkit.read import Article, Block
from briefkit.taxonomy import Taxonomy, Topic

from collections import Counter

import corpora
from eval_text import _judge_timeline, article_quotes, lead_sentences, match_events, stratified, topic_root, truncate_words


def entry(date, evidence):
    return NS(date=date, evidence=evidence)


def event(date, expression):
    return NS(date=date, expression=expression)


def test_match_events_one_to_one_by_date_and_words():
    entries = [entry("2019-01-18", "on Friday"), entry("2018-06", "last June")]
    events = [event("2019-01-18", "Friday"), event("2019-01-18", "on Friday"), event("2018-06", "June"), event("2018", "last June")]
    pairs = match_events(entries, events)
    assert [(e.evidence, g.expression) for e, g in pairs] == [("on Friday", "Friday"), ("last June", "June")]


def test_a_range_entry_matches_each_of_its_ends():
    pairs = match_events([entry("2009/2010", "2009-2010")], [event("2009", "2009"), event("2010", "2010"), event("2011", "2009")])
    assert [g.date for _, g in pairs] == ["2009", "2010"]


def test_judge_timeline_against_timeml():
    timexes = [corpora.Timex("t1", "DATE", "2013-03-22", "Friday"), corpora.Timex("t2", "DATE", "2013-W11", "the last week"),
               corpora.Timex("t3", "DURATION", "P1M", "a month"), corpora.Timex("t4", "DATE", "2013-06", "June"),
               corpora.Timex("t5", "TIME", "2013-03-21T20:00", "Thursday night")]
    doc = NS(name="d", dct=None, timexes=timexes)
    entries = [entry("2013-03-22", "on Friday"), entry("2013-03", "the last week"), entry("2013-02", "a month"),
               entry("2012-12", "Christmas"), entry("2012-06", "June"), entry("2013-03-21", "Thursday")]
    missed, wrong = Counter(), Counter()
    score = _judge_timeline(doc, [timexes[0], timexes[3]], entries, missed, wrong)
    assert (score.tp, score.fp, score.found, score.fn) == (2, 3, 1, 1)
    assert list(missed) == ["'June' = 2013-06 (d, DCT None)"]
    assert "'Christmas' -> 2012-12 (d, no TIMEX3)" in wrong


def test_topic_root_follows_parents():
    taxonomy = Taxonomy({
        "sport": Topic("sport", "Sport", None, ()),
        "football": Topic("football", "Football", "sport", ()),
        "cup": Topic("cup", "Cup", "football", ()),
    })
    assert topic_root("cup", taxonomy) == ["cup", "football", "sport"]
    assert topic_root("unknown", taxonomy) == ["unknown"]


def test_stratified_is_proportional_and_repeatable():
    items = [NS(category="a", number=f"{i:03}") for i in range(80)] + [NS(category="b", number=f"{i:03}") for i in range(20)]
    first = stratified(items, 10)
    assert [i.category for i in first].count("a") == 8
    assert [i.category for i in first].count("b") == 2
    assert first == stratified(items, 10)


def test_article_quotes_skip_title_and_captions():
    article = Article(
        path="x", title='"A title in quotes here"', standfirst='"We shall see it through," she said.',
        blocks=[Block("paragraph", 'He said "this is the plan for now".'), Block("caption", '"Caption quote of many words"')],
    )
    assert article_quotes(article) == ["We shall see it through,", "this is the plan for now"]


def test_lead_sentences_and_truncation():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    article = Article(path="x", title="Title here", standfirst="One first.", blocks=[Block("paragraph", "Two here. Three now. Four later.")])
    texts = [article.title, article.standfirst, article.blocks[0].text]
    lead = lead_sentences(article, [nlp(t) for t in texts], 3)
    assert lead == "One first. Two here. Three now."
    assert truncate_words(lead, 4) == "One first. Two here."
