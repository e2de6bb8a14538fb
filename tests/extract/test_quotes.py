"""Direct quotes and their speakers."""

from __future__ import annotations

import pytest

from briefkit.extract.actors import extract_actors
from briefkit.extract.quotes import extract_quotes
from tests.conftest import parse


def quotes_of(nlp, text: str) -> list[tuple[str | None, str]]:
    parts = parse(nlp, text)
    mentions, _ = extract_actors(parts)
    return [(q.speaker, q.text) for q in extract_quotes(parts, mentions)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # speaker after the quote
            "\u201cThe bridge will be finished by the summer,\u201d Jane Smith said.",
            [("Jane Smith", "The bridge will be finished by the summer")],
        ),
        (  # inverted: said + name
            "\u201cThe bridge will be finished by the summer,\u201d said Jane Smith.",
            [("Jane Smith", "The bridge will be finished by the summer")],
        ),
        (  # speaker before, with a colon
            "Jane Smith said: \u201cThe bridge will be finished by the summer.\u201d",
            [("Jane Smith", "The bridge will be finished by the summer.")],
        ),
        (  # straight quotes
            '"The bridge will be finished by the summer," Jane Smith said.',
            [("Jane Smith", "The bridge will be finished by the summer")],
        ),
        (  # a title in front of the name
            "\u201cThe bridge will be finished by the summer,\u201d city spokeswoman Jane Smith said in a statement.",
            [("Jane Smith", "The bridge will be finished by the summer")],
        ),
        (  # several sentences; the speech verb is in the last one
            '"The bridge is late. The budget is gone. We will still finish it," Jane Smith told reporters.',
            [("Jane Smith", "The bridge is late. The budget is gone. We will still finish it")],
        ),
        (  # exactly four words is a quote
            "\u201cWe will fight on,\u201d Jane Smith said.",
            [("Jane Smith", "We will fight on")],
        ),
        (  # a quote inside a sentence with no quote marks around the verb
            'Jane Smith said "we will fight on and on" and left.',
            [("Jane Smith", "we will fight on and on")],
        ),
    ],
)
def test_quote_and_speaker(nlp, text, expected):
    assert quotes_of(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Robert Taylor called the plan \u201ca mess\u201d in a long speech.",
        'Robert Taylor called the plan "a total mess" in a long speech.',
        "Robert Taylor called the plan \u201cdeeply flawed\u201d and \u201cvery late\u201d on Monday.",
        "Robert Taylor spoke on Monday about the plan.",
    ],
)
def test_fragments_under_four_words_are_not_quotes(nlp, text):
    assert quotes_of(nlp, text) == []


def test_pronoun_speaker_is_the_last_person_of_the_previous_paragraph(nlp):
    quotes = quotes_of(nlp, "Jane Smith met Robert Taylor on Monday.\n\nHe said: \u201cThe bridge will be finished by the summer.\u201d")
    assert quotes == [("Robert Taylor", "The bridge will be finished by the summer.")]


def test_pronoun_speaker_order_matters(nlp):
    quotes = quotes_of(
        nlp, "Robert Taylor spoke first. Jane Smith replied later.\n\n\u201cThe bridge will be finished by the summer,\u201d she said."
    )
    assert quotes == [("Jane Smith", "The bridge will be finished by the summer")]


def test_pronoun_speaker_in_the_same_paragraph(nlp):
    quotes = quotes_of(nlp, "Jane Smith met Robert Taylor on Monday. \u201cThe talks went very well indeed,\u201d he said.")
    assert quotes == [("Robert Taylor", "The talks went very well indeed")]


def test_a_following_quote_continues_its_speaker(nlp):
    quotes = quotes_of(
        nlp,
        "Jane Smith opened the new bridge on Monday.\n\n"
        "\u201cThe bridge was finished ahead of time,\u201d Smith told reporters. \u201cWe will build another one next year.\u201d",
    )
    assert quotes == [
        ("Jane Smith", "The bridge was finished ahead of time"),
        ("Jane Smith", "We will build another one next year."),
    ]


def test_a_quote_after_another_person_is_named_does_not_continue(nlp):
    quotes = quotes_of(
        nlp,
        "\u201cThe bridge will be finished by the summer,\u201d Jane Smith said. Robert Taylor disagreed. "
        "\u201cIt will never be finished at all.\u201d",
    )
    assert quotes[0] == ("Jane Smith", "The bridge will be finished by the summer")
    assert quotes[1][1] == "It will never be finished at all."
    assert quotes[1][0] != "Jane Smith"


def test_surname_matched_to_the_full_name(nlp):
    quotes = quotes_of(
        nlp,
        "Jane Smith and Robert Taylor met on Monday.\n\n\u201cWe have agreed on every point today,\u201d Taylor said.",
    )
    assert quotes == [("Robert Taylor", "We have agreed on every point today")]


def test_surname_not_tagged_by_the_model_is_matched_to_a_person(nlp):
    text = (
        "Nathan Ellery and Maria Lopez inspected the bridge on Monday.\n\n"
        "\u201cThe steel is older than anyone thought,\u201d Ellery told reporters."
    )
    parts = parse(nlp, text)
    assert not any(ent.text == "Ellery" for ent in parts[1][1].ents), "the test needs a surname the model does not tag"
    mentions, _ = extract_actors(parts)
    quotes = extract_quotes(parts, mentions)
    assert [(q.speaker, q.text) for q in quotes] == [("Nathan Ellery", "The steel is older than anyone thought")]


def test_no_speaker_found(nlp):
    quotes = quotes_of(nlp, "\u201cThe bridge will be finished by the summer,\u201d the notice on the gate read.")
    assert quotes == [(None, "The bridge will be finished by the summer")]


def test_speech_verb_inside_the_quote_does_not_count(nlp):
    quotes = quotes_of(
        nlp, "Jane Smith opened the bridge.\n\n\u201cRobert Taylor said the bridge would never open,\u201d the notice read."
    )
    assert len(quotes) == 1
    assert quotes[0][0] != "Robert Taylor"


# --- quote marks -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, quoted",
    [
        ('He said: "It is done." Then he left.', ["It is done."]),
        ("\u201cOne, two,\u201d she said. \u201cThree.\u201d", ["One, two,", "Three."]),
        # a quote over two paragraphs that a saved page joined: the second mark re-opens
        ('She said: "We start today. "We finish in May." Then silence.', ["We start today.", "We finish in May."]),
        ('He said: "It never closes', ["It never closes"]),
        ('A 5" screen and a "big" one.', ["big"]),
    ],
)
def test_quote_spans(text, quoted):
    from briefkit.extract.quotes import quote_spans

    assert [text[a:b] for a, b in quote_spans(text)] == quoted


@pytest.mark.parametrize("name, pronoun", [("Jane Smith", "she"), ("Robert Taylor", "he"), ("Kim Jong Un", None), ("Smith", None)])
def test_gender_of_a_given_name(name, pronoun):
    from briefkit.extract.names import gender

    assert gender(name) == pronoun


def test_she_is_not_the_man_named_last(nlp):
    quotes = quotes_of(nlp, "Robert Taylor introduced Jane Smith to the board. \u201cThe plan will save money,\u201d she said.")
    assert quotes == [("Jane Smith", "The plan will save money")]
