"""Words around a name that say it is a place, whatever the model tagged it."""

from __future__ import annotations

import pytest

from briefkit.extract.places import place_cue


def cue(nlp, text: str, name: str) -> bool:
    doc = nlp(text)
    start = doc.text.index(name)
    span = doc.char_span(start, start + len(name))
    return place_cue(doc, span.start, span.end, name)


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Floods hit the town of Brelany on Monday.", "Brelany", True),
        ("Aid reached the capital Mbesi by road.", "Mbesi", True),
        ("Police in Korvath province arrested two men.", "Korvath", True),
        ("The striker moved to Ostrava last year.", "Ostrava", False),  # `to`: maybe a move to its club
        ("Staff were flown out of the city and based in Kinshasa.", "Kinshasa", True),  # a known place after `in`
        ("He played in Arsenal's last match.", "Arsenal", False),  # not a known place
        ("Ohio State won the game.", "Ohio", False),  # `State` in capitals is part of a name
        ("The State of Korvath said so.", "Korvath", False),  # `State of` in capitals is a title
        ("She won in Brelany , Austria , in 1995 .", "Brelany", True),  # a town, then its country
        ("She won in Brelany, Austria.", "Brelany", True),
        ("Ivo Marsh, Austria captain, scored.", "Ivo Marsh", False),  # the country goes on into a role
        ("He was held at Korvath prison for a year.", "Korvath", True),
        ("Rain fell along the coast of Korvath overnight.", "Korvath", True),
        ("The village lies north of Brelany.", "Brelany", True),
        ("The visit was led by mayor Ivo Marsh.", "Ivo Marsh", False),  # `mayor of X` only
        ("Aid workers flew from Mbesi on Friday.", "Mbesi", True),  # a journey from or to a name
        ("Refugees were trekking west to Brelany.", "Brelany", True),
        ("Kelso face a trip to Dunmore next week.", "Dunmore", False),  # a trip in sport is to a club
        ("The striker returned to Dunmore in May.", "Dunmore", False),
    ],
)
def test_place_cue(nlp, text, name, expected):
    assert cue(nlp, text, name) is expected
