"""Names in a headline set in capitals, read from the body's names."""

from __future__ import annotations

import pytest

from briefkit.extract.actors import extract_actors
from briefkit.extract.headlines import headline_names, in_capitals


@pytest.mark.parametrize(
    "text, expected",
    [
        ("TENNIS - OSTERBERG CRUSHES DASCALU TO REACH FINAL .", True),
        ("Osterberg crushes Dascalu to reach final", False),
        ("EU", False),  # too short to tell
        ("NHL ICE HOCKEY - Results", False),
    ],
)
def test_in_capitals(text, expected):
    assert in_capitals(text) is expected


def test_headline_words_that_spell_a_body_name_or_a_country_are_names(nlp):
    doc = nlp("SOCCER - NEW KELSO COACH QUITS AFTER SWEDEN DEFEAT")
    found = headline_names(doc, {"new kelso": "ORG", "quits": None})
    assert [(name, label) for _, _, name, label in found] == [("New Kelso", "ORG"), ("Sweden", "GPE")]


def test_a_capitalised_headline_names_the_people_of_the_body(nlp):
    parts = [
        ("title", nlp("TENNIS - OSTERBERG CRUSHES DASCALU TO REACH SWEDEN FINAL .")),
        ("paragraph", nlp("Lena Osterberg beat Mirela Dascalu 6-3 6-4 in Stockholm on Friday to reach the final of the Swedish Open.")),
    ]
    mentions, actors = extract_actors(parts)
    in_title = {m.name: m.actor.name for m in mentions if m.doc is parts[0][1]}
    assert in_title["Osterberg"] == "Lena Osterberg"  # a surname of the body's person
    assert in_title["Sweden"] == "Sweden"
    assert set(in_title) <= {"Osterberg", "Dascalu", "Sweden"}  # no `CRUSHES` or `FINAL`
