"""Actor sections: the raw spaCy baseline, the Reuters sample and its place codes."""

from __future__ import annotations

from types import SimpleNamespace as NS

import spacy
from spacy.tokens import Span

import corpora
import eval_actors


def test_raw_entities_are_distinct_names_with_mapped_kinds():
    nlp = spacy.blank("en")
    first = nlp("Trump met Kim in Hanoi")
    first.ents = [Span(first, 0, 1, "PERSON"), Span(first, 2, 3, "PERSON"), Span(first, 4, 5, "GPE")]
    second = nlp("Trump 's team and Euro 96")
    second.ents = [Span(second, 0, 1, "ORG"), Span(second, 4, 6, "EVENT")]
    found = [(e.kind, e.name) for e in eval_actors.raw_entities([first, second])]
    assert found == [("person", "Trump"), ("person", "Kim"), ("place", "Hanoi"), ("organization", "Trump")]


def test_reuters_sample_halves_people_and_places():
    stories = [NS(people=["reagan"], places=["usa"]) for _ in range(10)] + [NS(people=[], places=["uk"]) for _ in range(10)] + [NS(people=[], places=[])]
    sample = eval_actors.reuters_sample(stories, 6)
    assert sum(1 for s in sample if s.people) == 3 and len(sample) == 6
    assert len(eval_actors.reuters_sample(stories, None)) == 20


def test_place_codes_from_the_vocabulary_and_the_table(tmp_path, monkeypatch):
    (tmp_path / "all-places-strings.lc.txt").write_text("usa\nwest-germany\nluxembourg\n")
    monkeypatch.setattr(corpora, "REUTERS", tmp_path)
    codes = eval_actors.place_codes()
    assert codes["west germany"] == "west-germany"
    assert codes["us"] == codes["united states"] == codes["new york"] == "usa"
    assert codes["luxembourg"] == "luxembourg"


def test_the_dateline_opens_the_first_paragraph():
    story = NS(dateline="TOKYO, March 3", paragraphs=["Prices rose.", "More."])
    assert eval_actors._with_dateline(story) == ["TOKYO, March 3 - Prices rose.", "More."]


def test_absent_corpora_are_skipped_with_a_message(tmp_path, monkeypatch):
    import eval_text

    for name in ("CONLL", "REUTERS", "TEMPEVAL", "BBC"):
        monkeypatch.setattr(corpora, name, tmp_path / "absent")
    sections = [eval_actors.conll_actors(None), eval_actors.reuters_actors(None), eval_text.tempeval_dates(None),
                eval_text.bbc_topics(), eval_text.bbc_summaries(None)]
    for section in sections:
        assert section.rows == []
        assert len(section.notes) == 1 and "skipped" in section.notes[0] and "absent" in section.notes[0]


def test_a_gold_file_whose_article_is_absent_is_skipped(tmp_path):
    from eval_gold import GoldArticle

    gold = GoldArticle(path=tmp_path / "x.json", article=tmp_path / "x.txt", published=None, actors=[])
    section, news_run = eval_actors.news_actors([gold], None)
    assert news_run is None
    assert section.notes[0] == f"skipped x.json: {tmp_path / 'x.txt'} is not here"
