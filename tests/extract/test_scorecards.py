"""People in the sports pages' lines: scorers, scorecards, squads and results by name."""

from __future__ import annotations

import pytest

from briefkit.extract.actors import extract_actors
from briefkit.extract.scorecards import person_cue, player_names
from tests.conftest import parse


def kinds_of(nlp, text: str) -> dict[str, str]:
    return {a.name: a.kind for a in extract_actors(parse(nlp, text))[1]}


@pytest.mark.parametrize(
    "text, name",
    [
        ("Kelso 2 ( Brannigan 12 , Okafor 55 ) Dunmore 1", "Okafor"),  # a scorer and his minute
        ("Dunmore - Ivo Pettersen 80 , Joel Mbeki 84", "Ivo Pettersen"),
        ("R. Castellan c Moreby b Tuckwell 12", "Moreby"),  # caught by
        ("Tom Ashdown not out 41", "Tom Ashdown"),
        ("Bowling : Tuckwell 10-2-26-0 , Moreby 8-1-31-2", "Tuckwell"),  # bowling figures
        ("Dunmore : 1 - Amir Halvorsen , 2 - Tomasz Brede", "Tomasz Brede"),  # a shirt number
        ("Lena Osterberg ( Sweden ) beat Mirela Dascalu ( Romania ) 6-3 6-4 .", "Mirela Dascalu"),
    ],
)
def test_the_words_around_a_player_say_a_person(nlp, text, name):
    doc = parse(nlp, text)[0][1]
    start = doc.text.index(name)
    span = doc.char_span(start, start + len(name))
    assert person_cue(doc, span.start, span.end, name)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Sporting Lisbon ( Portugal ) 3 Dynamo Kelso ( Ukraine ) 1", "Sporting Lisbon"),  # a club of a known city
        ("Spain 2 ( Ruiz 12 ) Italy 1", "Italy"),  # a national side is its country
        ("Kelso Rovers ( Scotland ) won the cup", "Kelso Rovers"),  # an organization word
        ("The club beat Norwich 2-1 at home", "Norwich"),
        ("El Salvador 160,553 , Kenya 63,969", "El Salvador"),  # a number with a comma is no minute
    ],
)
def test_teams_and_places_get_no_person_cue(nlp, text, name):
    doc = parse(nlp, text)[0][1]
    start = doc.text.index(name)
    span = doc.char_span(start, start + len(name))
    assert not person_cue(doc, span.start, span.end, name)


def test_scorers_in_a_results_line_are_people_not_teams(nlp):
    kinds = kinds_of(nlp, "Arsenal 2 ( Okafor 12 , Brannigan 55 ) Chelsea 2 ( Pettersen 17 , Halvorsen 80 ) .")
    assert all(kinds.get(name, "person") == "person" for name in ("Okafor", "Brannigan", "Pettersen", "Halvorsen"))
    assert "person" in kinds.values()


def test_a_squad_list_by_shirt_number_names_people_the_model_missed(nlp):
    kinds = kinds_of(nlp, "Dunmore : 1 - Amir Halvorsen , 2 - Tomasz Brede , 3 - Ilya Varnakov , 4 - Joel Mbeki .")
    assert {kinds.get(n) for n in ("Amir Halvorsen", "Tomasz Brede", "Ilya Varnakov", "Joel Mbeki")} == {"person"}


def names_in(text: str) -> list[str]:
    return [text[start:end] for start, end in player_names(text)]


def test_two_numbered_names_are_no_squad():
    assert names_in("Results : 1 - Kelso Rovers , 2 - Dunmore Athletic") == []
    assert names_in("Kelso : 1 - Ann Lee , 2 - Joe Mbeki ; 3 - Nihad al-Boushi .") == ["Ann Lee", "Joe Mbeki", "Nihad al-Boushi"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kelso 2 ( Brannigan 12 , Okafor 55 pen ) Dunmore 1 ( Ivo Pettersen 80 ) .", ["Brannigan", "Okafor", "Ivo Pettersen"]),
        ("Dunmore - Joel Mbeki 84 , Amir Halvorsen 88 .", ["Joel Mbeki", "Amir Halvorsen"]),
        ("Kelso (Brannigan 12, Okafor 55) Dunmore (Pettersen 80)", ["Brannigan", "Okafor", "Pettersen"]),  # prose spacing
        ("3. Lena Osterberg ( Sweden ) 38.00 ; 4. Mirela Dascalu ( Romania ) 38.12", ["Lena Osterberg", "Mirela Dascalu"]),
        ("Weather at the airports - Dec 6 .", []),  # a date, not a scorer
        ("El Salvador 160,553 , Kenya 63,969 .", []),  # countries and their figures
        ("Kelso Rovers ( Scotland ) 3 , Dunmore ( Kelso Rovers ) .", []),  # a club, and no country in brackets
        ("He was hurt in the match ( Brannigan said 12 players were ) .", []),
    ],
)
def test_scorers_and_results_by_name_are_found_by_their_shape(text, expected):
    assert names_in(text) == expected


def test_a_name_in_a_list_of_people_is_a_person(nlp):
    kinds = kinds_of(nlp, "Defenders - Jan Kowal , Pieter Brandsma , Olek Wisny , Tariq Hanlon .")
    assert kinds.get("Pieter Brandsma") == kinds.get("Tariq Hanlon") == "person"
    assert not any(name.startswith("Defenders") for name in kinds)  # the heading before the dash is cut off


def test_a_result_by_name_keeps_the_country_a_place(nlp):
    kinds = kinds_of(nlp, "Lena Osterberg ( Sweden ) beat Mirela Dascalu ( Romania ) 6-3 6-4 .")
    assert kinds["Lena Osterberg"] == kinds["Mirela Dascalu"] == "person"
    assert kinds["Sweden"] == "place"


def test_a_scorecard_entity_is_cut_at_the_bowler(nlp):
    kinds = kinds_of(nlp, "R. Castellan c Moreby b Tuckwell 12")
    assert kinds.get("Moreby") == "person"
    assert not any(" b " in name for name in kinds)
