"""Summary and key points, chosen from the article's own sentences."""

from __future__ import annotations

import pytest

from briefkit.extract.actors import extract_actors
from briefkit.extract.summary import KEY_POINTS, _ranked, MAX_SUMMARY_WORDS, SUMMARY_SENTENCES, extract_key_points, extract_summary
from tests.conftest import parse

LEAD = "The city council approved a new bridge over the river on Tuesday."
RICH = "Construction firm Harper and Sons will start work in June, and Robert Taylor of the transport board will oversee it."
ARTICLE = f"""{LEAD}

Mayor Jane Smith said the vote followed a long debate. {RICH}

The old bridge was built in 1952. It has been closed to lorries since 2019.

Residents in Millbrook and Eastfield welcomed the decision. Some shop owners worried about the noise.

“This is the best news our town has had in years,” said Anna Lopez, who runs a bakery.

The council will publish the full plans next month."""

CAPTION = "Mayor Jane Smith and Robert Taylor of London greet Anna Lopez in Paris on Monday in 2020."


@pytest.fixture
def article_parts(nlp):
    parts = parse(nlp, ARTICLE)
    parts.insert(2, ("caption", nlp(CAPTION)))  # a caption full of facts, between paragraphs
    mentions, _ = extract_actors(parts)
    return parts, mentions


def sentences_of(parts) -> list[str]:
    return [" ".join(s.text.split()) for kind, doc in parts if kind == "paragraph" for s in doc.sents]


def test_summary_starts_with_the_lead_sentence(article_parts):
    parts, mentions = article_parts
    assert extract_summary(parts, mentions).startswith(LEAD)


def test_summary_is_the_lead_and_the_richest_sentences_of_the_next_few(article_parts):
    parts, mentions = article_parts
    summary = extract_summary(parts, mentions)
    chosen = [s for s in sentences_of(parts) if s in summary]
    assert chosen[0] == LEAD and RICH in chosen
    assert 2 <= len(chosen) <= SUMMARY_SENTENCES
    assert summary == " ".join(chosen)  # in article order
    assert len(summary.split()) <= MAX_SUMMARY_WORDS


def test_summary_has_no_caption_text(article_parts):
    parts, mentions = article_parts
    summary = extract_summary(parts, mentions)
    assert CAPTION not in summary
    assert "Paris" not in summary and "Monday" not in summary


def test_key_points_exclude_the_summary_and_keep_article_order(article_parts):
    parts, mentions = article_parts
    summary = extract_summary(parts, mentions)
    points = extract_key_points(parts, mentions)
    sentences = sentences_of(parts)
    assert 1 <= len(points) <= KEY_POINTS
    assert all(p in sentences for p in points)  # whole sentences of the article's paragraphs
    assert not any(p in summary for p in points)
    positions = [sentences.index(p) for p in points]
    assert positions == sorted(positions)
    assert CAPTION not in points


def test_quoted_sentences_rank_below_plain_facts(nlp):
    text = (
        "The council approved a new bridge on Tuesday.\n\n"
        "“Jane Smith pushed the bridge plan through the council,” said Robert Taylor.\n\n"
        "Robert Taylor said Jane Smith pushed the bridge plan through the council.\n\n"
        "Nothing else happened."
    )
    parts = parse(nlp, text)
    mentions, _ = extract_actors(parts)
    scores = dict(_ranked(parts, mentions))
    quoted = "“Jane Smith pushed the bridge plan through the council,” said Robert Taylor."
    plain = "Robert Taylor said Jane Smith pushed the bridge plan through the council."
    assert scores[plain] > scores[quoted]  # the same facts, later in the article, but not a quote


def test_short_fragments_are_not_the_lead(nlp):
    parts = parse(nlp, "Breaking news.\n\nThe council approved a new bridge over the river on Tuesday.")
    mentions, _ = extract_actors(parts)
    assert extract_summary(parts, mentions) == "The council approved a new bridge over the river on Tuesday."
    assert extract_key_points(parts, mentions) == []


def test_standfirst_only_article_summarises_the_standfirst(nlp):
    doc = nlp("The city council approved a new bridge over the river on Tuesday.")
    parts = [("standfirst", doc)]
    mentions, _ = extract_actors(parts)
    assert extract_summary(parts, mentions) == "The city council approved a new bridge over the river on Tuesday."


def test_a_standfirst_leads_the_summary(nlp):
    # a standfirst is the writer's own one-sentence summary (and where saved pages put a lead sentence)
    parts = [
        ("standfirst", nlp("A bridge for the town at last, after many years of waiting.")),
        ("paragraph", nlp("The city council approved a new bridge over the river on Tuesday.")),
    ]
    mentions, _ = extract_actors(parts)
    assert extract_summary(parts, mentions).startswith("A bridge for the town at last")


def test_nothing_to_summarise(nlp):
    assert extract_summary([], []) == ""
    assert extract_key_points([], []) == []
    parts = parse(nlp, "Too short.")
    assert extract_summary(parts, []) == ""
