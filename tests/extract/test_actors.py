"""Actors: spaCy mentions cleaned, given roles and merged into one actor per real-world entity."""

from __future__ import annotations

import pytest

import spacy
from spacy.tokens import Span

from briefkit.extract.actors import _form_kind, _initials, extract_actors
from briefkit.extract.mentions import _repaired_entities, clean_name
from briefkit.extract.names import looks_like_person
from tests.conftest import parse


def actors_of(nlp, text: str):
    return extract_actors(parse(nlp, text))[1]


def by_name(actors) -> dict:
    return {a.name: a for a in actors}


# --- clean_name --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, label, expected",
    [
        ("Jane Smith", "PERSON", ("Jane Smith", None)),
        ("Jane  Smith", "PERSON", ("Jane Smith", None)),
        ("Jane Smith’s", "PERSON", ("Jane Smith", None)),
        ("Jane Smith's", "PERSON", ("Jane Smith", None)),
        ("Chris Jones’", "PERSON", ("Chris Jones", None)),
        ("Chris Jones", "PERSON", ("Chris Jones", None)),  # a final s without apostrophe stays
        ("GDC Mr Allard", "ORG", ("Allard", None)),  # the name starts after an inner honorific
        ("Sir Ian Blair", "PERSON", ("Ian Blair", "Sir")),
        ("Mr. Smith", "PERSON", ("Smith", None)),  # `Mr` is no role
        ("Dr Helen Ward", "PERSON", ("Helen Ward", "Dr")),
        ("President Xi Jinping", "PERSON", ("Xi Jinping", "President")),
        ("Vice President Mike Pence", "PERSON", ("Mike Pence", "Vice President")),
        ("President", "PERSON", ("President", None)),  # an honorific alone is left as it is
        ("President Hotel", "ORG", ("President Hotel", None)),  # honorifics are cut from people only
        ("Defender Ivo Marsh", "PERSON", ("Ivo Marsh", "Defender")),  # a role word before a person's name
        ("Russian Ivo Marsh", "PERSON", ("Ivo Marsh", None)),  # a nationality: cut, and no role
        ("Croat Ivo Marsh", "PERSON", ("Ivo Marsh", None)),
        ("Jordan Marsh", "PERSON", ("Jordan Marsh", None)),  # a given name is never cut
        ("east Korvath", "GPE", ("Korvath", None)),  # a direction before a place
        ("Kelso county", "GPE", ("Kelso", None)),  # a common noun after it
        ("Korvath mountains", "LOC", ("Korvath mountains", None)),  # but a feature is part of the name
        ("the United Nations", "ORG", ("United Nations", None)),
        ("U.S.", "GPE", ("U.S.", None)),  # the final dot of an abbreviation is kept
        ("“Smith,", "PERSON", ("Smith", None)),
        ("Jane Roe/AFP", "PERSON", (None, None)),  # a photo credit
        ("Saul Loeb [AFP]", "PERSON", (None, None)),
        ("smith", "PERSON", (None, None)),  # no capital: not a name
        ("X", "PERSON", (None, None)),
        ("the", "ORG", (None, None)),
        ("’s", "PERSON", (None, None)),
        pytest.param(
            "The Hague",
            "GPE",
            ("The Hague", None),
        ),
    ],
)
def test_clean_name(text, label, expected):
    assert clean_name(text, label) == expected


# --- merging -----------------------------------------------------------------------------------


def test_short_and_titled_forms_merge_into_the_fullest_name(nlp):
    actors = actors_of(
        nlp,
        "President Donald J Trump met the mayor on Tuesday.\n\n"
        "Donald Trump later said the talks went well.\n\n"
        "Mr Trump flew home in the evening, and Trump said he was tired.",
    )
    people = [a for a in actors if a.kind == "person"]
    assert [p.name for p in people] == ["Donald Trump"]
    trump = people[0]
    assert set(trump.aliases) == {"Donald J Trump", "Trump"}
    assert trump.mentions == 4
    assert trump.role == "President"


def test_middle_initials_do_not_make_another_person(nlp):
    actors = actors_of(nlp, "Governor Robert J Miller met Robert Miller's staff. Miller was angry.\n\nMiller said the budget was late.")
    assert [(a.name, a.kind) for a in actors] == [("Robert Miller", "person")]
    assert actors[0].mentions == 4
    assert "Robert J Miller" in actors[0].aliases


@pytest.mark.parametrize("apostrophe", ["’", "'"])
def test_possessives_are_stripped(nlp, apostrophe):
    actors = actors_of(nlp, f"Sarah Johnson{apostrophe}s plan was approved on Monday.\n\nSarah Johnson said she was pleased.")
    people = [a for a in actors if a.kind == "person"]
    assert [p.name for p in people] == ["Sarah Johnson"]
    assert people[0].mentions == 2
    assert all(apostrophe not in alias for alias in people[0].aliases)


def test_mixed_possessives_are_one_actor(nlp):
    actors = actors_of(nlp, "Kevin Hughes’s team won. Kevin Hughes's coach was happy.")
    assert [(a.name, a.mentions, a.aliases) for a in actors] == [("Kevin Hughes", 2, [])]


def test_ambiguous_surname_is_not_merged(nlp):
    parts = parse(nlp, "Michael Brown and David Brown both spoke at the meeting.\n\nBrown left early, and Michael Brown stayed.")
    mentions, actors = extract_actors(parts)
    assert sorted((a.name, a.mentions) for a in actors) == [("David Brown", 1), ("Michael Brown", 2)]
    assert all(a.aliases == [] for a in actors)
    lone = [m for m in mentions if m.name == "Brown"]
    assert lone, "the model should tag the lone surname for this test to mean anything"
    assert all(m.actor is None for m in lone)


def test_unambiguous_surname_merges(nlp):
    parts = parse(nlp, "Michael Brown and David Green both spoke at the meeting.\n\nBrown left early.")
    mentions, actors = extract_actors(parts)
    brown = by_name(actors)["Michael Brown"]
    assert brown.mentions == 2 and brown.aliases == ["Brown"]
    assert all(m.actor is brown for m in mentions if m.name == "Brown")


def test_place_aliases_are_canonicalised(nlp):
    actors = actors_of(nlp, "Officials in the U.S. welcomed the deal. The US economy grew. Washington was pleased.")
    places = by_name(actors)
    assert places["United States"].kind == "place"
    assert places["United States"].mentions == 2
    assert places["United States"].aliases and set(places["United States"].aliases) <= {"U.S.", "US"}
    assert places["Washington"].kind == "place"  # a capital stays its own place
    assert places["Washington"].mentions == 1
    assert "US" not in places and "U.S." not in places


def test_a_city_under_its_former_name_is_one_place(nlp):
    places = by_name(actors_of(nlp, "Floods hit Mumbai on Monday. Bombay, as many still call it, was cut off."))
    assert places["Mumbai"].kind == "place" and places["Mumbai"].mentions == 2
    assert "Bombay" not in places


def test_organization_aliases_are_canonicalised(nlp):
    actors = actors_of(nlp, "The EU and the UN issued a statement. The European Union later added details.")
    names = by_name(actors)
    assert names["European Union"].kind == "organization"
    assert names["European Union"].mentions == 2
    assert names["United Nations"].kind == "organization"


def test_place_is_not_merged_into_a_person_who_shares_its_name(nlp):
    actors = actors_of(
        nlp,
        "Lawmakers in Washington voted on Monday. Officials in Washington said the vote was close.\n\n"
        "A portrait of George Washington hangs in the hall.",
    )
    names = by_name(actors)
    assert names["Washington"].kind == "place"
    assert names["George Washington"].mentions == 1


@pytest.mark.parametrize(
    "sentence, person, role",
    [
        ("Secretary of State Jennifer Lewis travelled to Paris on Monday.", "Jennifer Lewis", "Secretary of State"),
        ("Secretary of State Jennifer Lewis met Minister of Finance Paul Baker in London.", "Paul Baker", "Minister of Finance"),
    ],
)
def test_portfolio_in_a_title_is_not_an_organization(nlp, sentence, person, role):
    parts = parse(nlp, sentence)
    mentions, actors = extract_actors(parts)
    assert by_name(actors)[person].role == role
    assert "State" not in by_name(actors) and "Finance" not in by_name(actors)
    assert all(a.kind != "organization" for a in actors)


def test_state_department_is_still_an_organization(nlp):
    actors = actors_of(nlp, "The State Department described the meeting as useful.")
    assert by_name(actors)["State Department"].kind == "organization"


# --- roles -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, person, role",
    [
        ("White House spokesman Sarah Sanders said the meeting went well.", "Sarah Sanders", "White House spokesman"),
        # a name inside the role (`Harwood Partners`, `Brighton`) does not void it, whatever the model tags it
        ("Priya Raman, chief UK economist at the investment bank Harwood Partners, said rates would fall.", "Priya Raman", "chief UK economist at the investment bank Harwood Partners"),
        ("Brighton captain Callum Hartley lifted the trophy.", "Callum Hartley", "Brighton captain"),
        ("Park Ji-won, the South Korean ambassador to Japan, told a press conference the talks were useful.", "Park Ji-won", "South Korean ambassador to Japan"),
        ("Park Ji-won, the South Korean envoy to the US, said the talks were useful.", "Park Ji-won", "South Korean envoy to the US"),
        ("Thomas Reed, the British ambassador to France, told reporters the talks were useful.", "Thomas Reed", "British ambassador to France"),
        (
            "Our team met with Ambassador Linda Green on Monday, and US special envoy for trade, Thomas Reed, joined them later.",
            "Thomas Reed",
            "US special envoy for trade",
        ),
        ("The Prime Minister Karen Wood spoke first.", "Karen Wood", "Prime Minister"),
        ("Ambassador Linda Green arrived on Monday.", "Linda Green", "Ambassador"),  # honorific cut from the name
    ],
)
def test_roles(nlp, sentence, person, role):
    actor = by_name(actors_of(nlp, sentence))[person]
    assert actor.kind == "person"
    assert actor.role == role


@pytest.mark.parametrize(
    "sentence, person",
    [
        ("Thomas Reed, who arrived late, told reporters the talks were useful.", "Thomas Reed"),  # a clause, not a title
        ("Thomas Reed, the tall man in a grey coat, told reporters the talks were useful.", "Thomas Reed"),  # no role word
        ("Thomas Reed arrived in Paris on Monday.", "Thomas Reed"),
    ],
)
def test_no_role_without_a_role_word(nlp, sentence, person):
    assert by_name(actors_of(nlp, sentence))[person].role is None


# --- credits and agencies ----------------------------------------------------------------------


def test_credits_and_agencies_are_not_actors(nlp):
    actors = actors_of(
        nlp, "The photo was taken by Jane Roe/AFP in Berlin. Reuters and AFP and the Associated Press reported that Emily Clark won."
    )
    names = {a.name for a in actors}
    assert "Emily Clark" in names and "Berlin" in names
    assert not names & {"Jane Roe/AFP", "Jane Roe", "AFP", "Reuters", "Associated Press"}
    assert not any("/" in n for n in names)


def test_dropped_mentions_have_no_actor(nlp):
    parts = parse(nlp, "Reuters reported that Emily Clark won the vote.")
    mentions, actors = extract_actors(parts)
    reuters = [m for m in mentions if m.name == "Reuters"]
    assert reuters and all(m.actor is None for m in reuters)
    assert [m.actor.name for m in mentions if m.name == "Emily Clark"] == ["Emily Clark"]


# --- order and mentions ------------------------------------------------------------------------


def test_actors_sorted_by_mentions(nlp):
    actors = actors_of(
        nlp,
        "Anna Müller visited Germany. Anna Müller met officials in Berlin.\n\n"
        "Germany and Berlin were busy. Germany welcomed her, and Germany thanked her.",
    )
    counts = [a.mentions for a in actors]
    assert counts == sorted(counts, reverse=True)
    assert actors[0].name == "Germany" and actors[0].mentions == 4
    assert by_name(actors)["Anna Müller"].mentions == 2
    assert by_name(actors)["Anna Müller"].kind == "person"


def test_mentions_link_to_their_actor(nlp):
    parts = parse(nlp, "Donald Trump met the mayor.\n\nTrump said the talks went well.")
    mentions, actors = extract_actors(parts)
    trump = by_name(actors)["Donald Trump"]
    linked = [m for m in mentions if m.actor is trump]
    assert len(linked) == trump.mentions == 2
    assert {id(m.doc) for m in linked} == {id(doc) for _, doc in parts}


def test_no_entities_no_actors(nlp):
    assert extract_actors(parse(nlp, "the bridge was closed for repairs after the storm.")) == ([], [])


# --- kinds corrected by the words of a name ----------------------------------------------------


@pytest.mark.parametrize(
    "form, model_kind, surnames, expected",
    [
        ("harwood partners", "person", set(), "organization"),  # an organization word
        ("manchester united", "person", set(), "organization"),
        ("sophie laurent", "organization", set(), "person"),  # known given name + known surname
        ("royal mail", "organization", set(), "organization"),  # `Mail` is no surname
        ("azmat begg", "organization", {"begg"}, "person"),  # shares a surname with a person of the article
        ("azmat begg", "organization", set(), "organization"),
        ("paris", "place", set(), "place"),
        ("bank", "organization", set(), "organization"),
        ("norway", "organization", set(), "place"),  # a country, or its national side
        ("york city", "place", set(), "organization"),  # a town's club
        ("mexico city", "place", set(), "place"),
        ("kelso cricket ground", "organization", set(), "place"),  # a venue
    ],
)
def test_form_kind(form, model_kind, surnames, expected):
    assert _form_kind(form, model_kind, surnames) == expected


@pytest.mark.parametrize(
    "name, expected",
    [("Sophie Laurent", True), ("Robin Terrell", True), ("Royal Mail", False), ("Laurent", False), ("Krzysztof Wolski", False)],
)
def test_looks_like_person(name, expected):
    assert looks_like_person(name) is expected


@pytest.mark.parametrize(
    "key, initials",
    [("monetary policy committee", "mpc"), ("british chambers of commerce", "bcc"), ("internet corporation for assigned names and numbers", "icann")],
)
def test_initials_skip_function_words(key, initials):
    assert _initials(key) == initials


def test_acronym_and_short_form_merge_into_the_organization(nlp):
    actors = by_name(actors_of(nlp, """
The Monetary Policy Committee met in London on Thursday. Economists expect the MPC to act soon.

The Bank of England left rates unchanged. The Bank said inflation was falling.
"""))
    assert "MPC" in actors["Monetary Policy Committee"].aliases
    assert "Bank" in actors["Bank of England"].aliases
    assert "MPC" not in actors and "Bank" not in actors


def test_a_name_cut_at_a_function_word_is_joined_again():
    doc = spacy.blank("en")("The Council for Trade and Industry met.")
    doc.ents = [Span(doc, 1, 5, label="ORG"), Span(doc, 5, 6, label="ORG")]  # `Council for Trade and` + `Industry`
    assert [e.text for e in _repaired_entities(doc)] == ["Council for Trade and Industry"]


@pytest.mark.parametrize(
    "text, spans, expected",
    [
        # `X of Y` + and + `Z`: one name
        ("She trained at the Kelso School of Music and Dance in May.", [(4, 8), (9, 10)], ["Kelso School of Music and Dance"]),
        # no `of`: two names
        ("Dunmore Rovers and Kelso played.", [(0, 2), (3, 4)], ["Dunmore Rovers", "Kelso"]),
        # `of`, but two words after `and`: another name
        ("The Bank of Kelso and Dunmore Trust merged.", [(1, 4), (5, 7)], ["Bank of Kelso", "Dunmore Trust"]),
    ],
)
def test_a_name_of_the_shape_x_of_y_and_z_is_joined_again(text, spans, expected):
    doc = spacy.blank("en")(text)
    doc.ents = [Span(doc, start, end, label="ORG") for start, end in spans]
    assert [e.text for e in _repaired_entities(doc)] == expected


@pytest.mark.parametrize("name, known", [("Ostrava", True), ("Wrocław", True), ("Wroclaw", True), ("Germany", True), ("Texas", True), ("Sophie Laurent", False), ("Corvane", False)])
def test_known_places(name, known):
    from briefkit.extract.places import is_known_place

    assert is_known_place(name) is known


def test_a_person_tagged_city_is_a_place():
    assert _form_kind("ostrava", "person", set()) == "place"
    assert _form_kind("newcastle", "organization", set()) == "organization"  # often the club


def test_a_name_before_a_role_word_is_the_employer(nlp):
    actors = by_name(actors_of(nlp, """
Juve manager Luciano Moggi met the player on Tuesday.

The talks went well, Moggi said, and Juve expect a deal within a week.
"""))
    assert actors["Luciano Moggi"].kind == "person"
    assert actors["Juve"].kind == "organization"


def test_a_lone_unknown_word_tagged_person_is_an_organization(nlp):
    from briefkit.extract.actors import _Cluster, _lone_unknown_word

    def cluster(*names, role=None, cue=None):
        mentions = [type("M", (), {"role": role, "cue": cue})() for _ in names]
        return _Cluster(forms=[n.casefold() for n in names], mentions=mentions)

    assert _lone_unknown_word(cluster("Petrobras"))
    assert not _lone_unknown_word(cluster("Petrobras", role="chief"))  # a role says person
    assert not _lone_unknown_word(cluster("Okafor", cue="person"))  # so does a scorer's minute
    assert not _lone_unknown_word(cluster("Smith"))  # a common surname
    assert not _lone_unknown_word(cluster("Jane Smith", "Smith"))  # named in full


def test_a_town_in_a_match_is_its_club_and_a_country_stays_a_place(nlp):
    actors = by_name(actors_of(nlp, """
The club beat Norwich 2-1 at home on Saturday.

Bolton v Norwich was postponed. England beat Wales in the evening game.
"""))
    assert actors["Norwich"].kind == "organization"
    assert actors["Bolton"].kind == "organization"
    assert actors["England"].kind == "place" and actors["Wales"].kind == "place"


def test_a_town_named_in_prose_only_stays_a_place(nlp):
    actors = by_name(actors_of(nlp, "Floods closed three roads in Ipswich on Monday, the council said."))
    assert actors["Ipswich"].kind == "place"


def test_names_heading_table_rows_are_teams_unless_people_or_countries(nlp):
    _, actors = extract_actors(parse(nlp, """
Final standings after the last round

Kelso Rovers 12 8 2 2 24

Dunmore Athletic 12 7 1 4 19

Scotland 12 5 3 4 18

Maria Lopez 12 4 4 4 16
"""))
    kinds = {a.name: a.kind for a in actors}
    assert kinds["Kelso Rovers"] == kinds["Dunmore Athletic"] == "organization"
    assert kinds["Scotland"] == "place" and kinds["Maria Lopez"] == "person"


def test_one_row_of_numbers_is_no_table(nlp):
    _, actors = extract_actors(parse(nlp, "The vote on the plan\n\nCommittee 10 4 2"))
    assert "Committee" not in {a.name for a in actors}


@pytest.mark.parametrize(
    "text, start, end, name",
    [
        ("Kelso Rovers 2 Dunmore", 0, 3, "Kelso Rovers"),  # a score inside a results line
        ("Bellmoor Commodities Desk +1 212", 0, 5, "Bellmoor Commodities Desk"),  # a telephone number
        ("HALVERSTON 1996-12-06", 0, 6, "HALVERSTON"),  # a dateline's date
        ("v Norwich 2-1", 0, 5, "Norwich"),  # a fixture's `v` and its score
        ("Radio 4", 0, 2, "Radio 4"),  # one word's number stays
        ("Transport 2000", 0, 2, "Transport 2000"),  # a year stays
        ("Commons on Thursday", 0, 3, "Commons"),  # a day after a preposition
    ],
)
def test_a_score_or_a_phone_number_ends_a_name_but_one_word_keeps_its_number(text, start, end, name):
    from briefkit.extract.mentions import _trim_entity

    doc = spacy.blank("en")(text)
    assert _trim_entity(Span(doc, start, end, label="ORG")).text == name


def test_a_dateline_names_a_place(nlp):
    actors = by_name(actors_of(nlp, """
Port strike ends

HALVERSTON 1996-12-06

Dock workers returned on Friday after a two-week strike, their union said.
"""))
    assert actors["Halverston"].kind == "place"


@pytest.mark.parametrize("dateline", ["KELSOWAY , Norway 1996-12-06", "KELSOWAY, Norway, Dec 6", "HALVERSTON , Ont. 1996-12-06"])
def test_a_dateline_with_its_country_names_a_place(nlp, dateline):
    actors = by_name(actors_of(nlp, f"{dateline}\n\nDock workers returned on Friday after a two-week strike, their union said."))
    name = dateline.split(",")[0].strip().title()
    assert actors[name].kind == "place"


def test_a_club_in_brackets_after_a_player_is_an_organization_and_a_venue_a_place(nlp):
    actors = by_name(actors_of(nlp, """
Midfielders - Ivo Marsh ( Kelsoria ) , Joel Brannigan ( Dunmore Rovers , Scotland ) .

The friendly at the Halverston Cricket Ground was sold out.
"""))
    assert actors["Kelsoria"].kind == "organization"
    assert actors["Scotland"].kind == "place"  # a country in brackets stays a place
    assert actors["Halverston Cricket Ground"].kind == "place"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Maria Ostrova for Tomorrow", "Maria Ostrova"),  # a title after the director's name
        ("Ludwig van Beethoven", "Ludwig van Beethoven"),  # a particle stays
        ("Ana de Souza", "Ana de Souza"),
    ],
)
def test_a_lower_case_word_that_is_no_particle_ends_a_person_name(text, expected):
    assert clean_name(text, "PERSON")[0] == expected


def test_a_place_in_another_is_two_places():
    from briefkit.extract.mentions import _split_fixtures

    doc = spacy.blank("en")("Pilgrims gathered at the Lotus Shrine in Varnapur on Sunday.")
    whole = Span(doc, 4, 8, label="FAC")  # `Lotus Shrine in Varnapur`
    assert [(s.text, s.label_) for s in _split_fixtures([whole])] == [("Lotus Shrine", "FAC"), ("Varnapur", "GPE")]


@pytest.mark.parametrize(
    "text, start, end, label, parts",
    [
        ("The match at Leeds 's Kirkwood Cricket Ground was rained off .", 3, 8, "FAC", [("Leeds", "GPE"), ("Kirkwood Cricket Ground", "FAC")]),
        ("The People 's Fuel Lobby wrote to ministers .", 1, 5, "ORG", [("People 's Fuel Lobby", "ORG")]),  # no place before
        ("10. Ivo Marsh Norway 190.70", 2, 5, "PERSON", [("Ivo Marsh", "PERSON"), ("Norway", "GPE")]),
        ("The pilot flew to Papua New Guinea .", 4, 7, "PERSON", [("Papua New Guinea", "PERSON")]),  # a country whole
    ],
)
def test_an_entity_across_a_place_and_another_name_is_cut(text, start, end, label, parts):
    from briefkit.extract.mentions import _split_fixtures

    doc = spacy.blank("en")(text)
    whole = Span(doc, start, end, label=label)
    assert [(s.text, s.label_) for s in _split_fixtures([whole])] == parts


FIXTURE_LIST = """Cup draw sends Kelso to Dunmore

The draw for the fifth round was made on Monday, and the holders face a long trip north.

Burnley v Leicester City

Charlton Athletic v Blackburn

Brentford v Southampton or Hartlepool

The ties will be played next month.
"""


def test_short_lines_in_a_row_are_a_list_read_for_its_names_and_a_lone_subheading_is_not(tmp_path):
    from briefkit.extract import article_texts
    from briefkit.read import read_article

    path = tmp_path / "draw.txt"
    path.write_text(FIXTURE_LIST + "\nBackground\n\nThe cup began in 1871.\n", "utf-8")
    kinds = [kind for kind, _ in article_texts(read_article(path))]
    assert kinds == ["title", "standfirst", "list", "list", "list", "paragraph", "paragraph"]  # not `Background`


def test_the_sides_of_a_fixture_list_are_teams(nlp, tmp_path):
    from briefkit.extract import article_texts, extract
    from briefkit.read import read_article

    path = tmp_path / "draw.txt"
    path.write_text(FIXTURE_LIST, "utf-8")
    article = read_article(path)
    docs = list(nlp.pipe(text for _, text in article_texts(article)))
    kinds = {a.name: a.kind for a in extract(article, docs, published=None).actors}
    for team in ("Burnley", "Blackburn", "Charlton Athletic", "Leicester City", "Southampton", "Brentford", "Hartlepool"):
        assert kinds.get(team) == "organization", (team, kinds.get(team))


def test_a_person_in_a_match_stays_a_person(nlp):
    actors = by_name(actors_of(nlp, "Lars Holm beat Tommy Bergen 7-6 6-2 in the final rubber."))
    assert actors["Tommy Bergen"].kind == "person"


def test_a_titled_person_before_a_comma_is_no_role_of_the_name_after_it(nlp):
    actors = by_name(actors_of(nlp, "In the ruling given by Superior Court Judge Peter Walsh, Google can now see the records. Google welcomed it."))
    assert actors["Google"].kind == "organization"
    assert actors["Google"].role is None


def test_an_organization_with_a_country_before_or_a_company_suffix_after_is_one(nlp):
    names = {a.name for a in actors_of(nlp, """
The US Department of Justice opened an inquiry on Monday. The Department of Justice declined to comment.

Shares in Harwood Entertainment Group rose. Harwood Entertainment said profits had doubled.

The Bank of England Monetary Policy Committee met. The Bank of England kept rates on hold.
""") if a.kind == "organization"}
    assert "Department of Justice" not in names and "US Department of Justice" in names
    assert "Harwood Entertainment" not in names and "Harwood Entertainment Group" in names
    assert {"Bank of England", "Bank of England Monetary Policy Committee"} <= names  # a committee is no suffix


def test_a_name_written_with_or_without_a_space_is_one_actor(nlp):
    actors = actors_of(nlp, "The lawsuit named the MacBeacon website. Mac Beacon said it would appeal. Mac Beacon has 4,000 readers.")
    assert [a.name for a in actors if "beacon" in a.name.lower()] == ["Mac Beacon"]


def test_a_town_after_a_win_over_is_its_club(nlp):
    actors = by_name(actors_of(nlp, "Kelso's 17-16 win over Dunmore on Saturday lifted them to third. Spain's victory over Italy was closer."))
    assert actors["Dunmore"].kind == "organization"
    assert actors["Italy"].kind == "place"  # a country is its national side


def test_a_known_place_beside_a_place_is_a_place(nlp):
    from briefkit.extract.places import place_cue

    doc = nlp("Turnout rose in the towns around Uppsala and Malmo, officials said.")
    start = [t.text for t in doc].index("Malmo")
    assert place_cue(doc, start, start + 1, "Malmo")


def test_a_playing_position_is_a_role(nlp):
    actors = by_name(actors_of(nlp, "Dunmore took the lead when winger Ivo Marsh curled a free kick over the wall."))
    assert actors["Ivo Marsh"].role == "winger"


def test_a_dateline_replaces_what_the_model_tagged_across_it(nlp):
    actors = by_name(actors_of(nlp, "RIO DE KELSO 1996-12-06\n\nDock workers returned on Friday after a two-week strike."))
    assert actors["Rio De Kelso"].kind == "place"
    assert not any(name.startswith("Rio De") and name != "Rio De Kelso" for name in actors)


@pytest.mark.parametrize(
    "text, country",
    [
        ("15. Mila Dravec ( Slovenia ) 108", "Slovenia"),
        ("4. Ivo Marsh ( Czech Republic ) 1:45.02", "Czech Republic"),
        ("The talks were chaired by Ivo Marsh of Italy , diplomats said .", "Italy"),
    ],
)
def test_a_country_is_a_place_wherever_it_stands(nlp, text, country):
    assert by_name(actors_of(nlp, text))[country].kind == "place"


def test_a_country_in_the_name_of_an_event_or_an_organization_is_not_apart(nlp):
    names = set(by_name(actors_of(nlp, "Tickets for the Norway Open went on sale at the Bank of Japan branch.")))
    assert "Norway" not in names and "Japan" not in names


def test_a_country_before_a_role_word_stays_a_place_and_a_town_is_a_club_only_by_a_club_role(nlp):
    actors = by_name(actors_of(nlp, """
Norway coach Ivo Marsh named his squad on Friday.

The ruling was read by Lisbon judge Besim Kola.

Newcastle manager Joel Brannigan praised the fans.
"""))
    assert actors["Norway"].kind == "place"
    assert actors["Lisbon"].kind == "place"
    assert actors["Newcastle"].kind == "organization"


def test_a_dateline_outvotes_what_the_model_calls_the_town_elsewhere(nlp):
    actors = by_name(actors_of(nlp, """
HALVERSTON 1996-12-06

Shares rose on Friday, traders said.

-- Halverston newsroom +45 3333 4444
"""))
    assert actors["Halverston"].kind == "place"


@pytest.mark.parametrize(
    "form, kinds, expected",
    [
        ("tommy robredo", {"person": 1}, True),  # tagged a person
        ("jane smith", {"organization": 1}, True),  # a surname last
        ("crystal lagoon", {"place": 1}, False),  # a given name first, but a place to the model and no surname
        ("paris lagoon", {"place": 1, "organization": 1}, False),
        ("kelso rovers", {"person": 1}, False),  # no given name first
    ],
)
def test_a_personal_name_in_a_match_stays_a_person(form, kinds, expected):
    from collections import Counter

    from briefkit.extract.actors import _personal_name

    assert _personal_name(form, Counter(kinds)) is expected


def test_a_short_form_that_opens_one_organization_is_that_organization(nlp):
    actors = by_name(actors_of(nlp, """
The board of Kelso Athletic met on Monday. Fans of West Harwick Albion Football Club protested outside.

Kelso will now play West Harwick in the next round, and Europe watched as the European Commission met.
"""))
    assert "West Harwick" in actors["West Harwick Albion Football Club"].aliases
    assert actors["Europe"].kind == "place"  # a name is no cut word of another (`European`)


@pytest.mark.parametrize(
    "short, long, expected",
    [
        ("kelso", "kelso athletic", True),
        ("west harwick", "west harwickton albion", True),  # the last word cut after another
        ("europe", "european commission", False),  # one word is never cut
        ("west dun", "west harwickton albion", False),
        ("kelso athletic", "kelso athletic", False),  # not shorter
    ],
)
def test_opens(short, long, expected):
    from briefkit.extract.actors import _opens

    assert _opens(short.split(), long.split()) is expected


@pytest.mark.parametrize(
    "text, character, person",
    [
        ("Ann Lowe played Mrs Hollis in the stage version of the musical.", "Hollis", "Ann Lowe"),
        ("Her last appearance was as Lady Warrington in a production at the Old Vic, said Ann Lowe.", "Warrington", "Ann Lowe"),
    ],
)
def test_a_part_in_a_play_or_a_film_is_no_person(nlp, text, character, person):
    names = set(by_name(actors_of(nlp, text)))
    assert person in names and not any(character in name for name in names)


def test_a_player_played_in_a_match_is_a_person(nlp):
    names = set(by_name(actors_of(nlp, "Ivo Marsh played Joel Brannigan in the final on Sunday.")))
    assert "Joel Brannigan" in names


def test_clubs_by_their_words_and_a_transfer_and_a_venue_by_its_short_name(nlp):
    actors = by_name(actors_of(nlp, """
Dunmore knocked out York City in the last round, and the striker joined Dunmore from Porto on 2 February.

Fans flew in from Mexico City for the final.
"""))
    assert actors["York City"].kind == "organization"  # a town's club
    assert actors["Mexico City"].kind == "place"  # a city of that name
    assert actors["Porto"].kind == "organization"  # joined from: a former club


def test_transfer_needs_a_transfer_word_and_no_country(nlp):
    from briefkit.extract.actors import _transfer
    from briefkit.extract.mentions import Mention

    doc = nlp("He arrived from Porto and later signed from Portugal.")
    porto, portugal = (doc.text.index(w) for w in ("Porto ", "Portugal"))
    assert not _transfer(Mention("Porto", "GPE", doc, *_tokens(doc, porto, "Porto")))
    assert not _transfer(Mention("Portugal", "GPE", doc, *_tokens(doc, portugal, "Portugal")))


def _tokens(doc, start: int, name: str) -> tuple[int, int]:
    span = doc.char_span(start, start + len(name))
    return span.start, span.end


@pytest.mark.parametrize("label, merged", [("ORG", True), ("GPE", False)])
def test_a_short_name_not_a_place_is_its_venue(nlp, label, merged):
    from briefkit.extract.actors import _merge
    from briefkit.extract.mentions import Mention

    doc = nlp("The final at Halverston Stadium was played in the rain and Halverston was full.")
    short = [t.i for t in doc if t.text == "Halverston"][-1]
    mentions = [Mention("Halverston Stadium", "FAC", doc, 3, 5), Mention("Halverston", label, doc, short, short + 1)]
    assert (len(_merge(mentions)) == 1) is merged  # a short name tagged ORG is the stadium; a town stays itself


def test_a_table_row_name_replaces_a_part_of_it_the_model_tagged(nlp):
    from briefkit.extract.layout import _table_rows
    from briefkit.extract.mentions import Mention

    docs = [nlp("LA KELSOS 13 7 2 28"), nlp("DUNMORE 12 8 3 27")]
    part = Mention("LA", "GPE", docs[0], 0, 1)  # the model's `LA`, a place
    whole = Mention("Dunmore", "ORG", docs[1], 0, 1)  # the model's name of the row
    mentions = [part, whole]
    _table_rows(docs, mentions)
    assert [(m.name, m.label) for m in mentions] == [("Dunmore", "ORG"), ("LA KELSOS", "ORG")]


def test_table_rows_may_hold_fractions_of_wins_and_dashes(nlp):
    from briefkit.extract.layout import _table_rows

    docs = [nlp("KELSO 14 4 .778 -"), nlp("DUNMORE 11 8 .579 3 1/2")]
    mentions = []
    _table_rows(docs, mentions)
    assert [m.name for m in mentions] == ["KELSO", "DUNMORE"]


def test_a_crew_list_keeps_its_country_a_place_its_crews_teams_and_its_people_people(nlp):
    kinds = {a.name: a.kind for a in actors_of(nlp, """
KELSO , Austria 1996-12-07

8. Austria I ( Ivo Marsh , Joel Brannigan ) 1:46.13

9. Austria II ( Lena Osterberg , Mila Dravec ) 1:46.20
""")}
    assert kinds["Austria"] == "place"  # never dropped as a surname shared by two names (`Austria I`, `Austria II`)
    assert kinds["Austria II"] == "organization"
    assert kinds["Lena Osterberg"] == kinds["Mila Dravec"] == "person"  # in brackets, but people


def test_a_known_place_the_model_tagged_as_a_product_is_a_place():
    from briefkit.extract.mentions import find_mentions

    doc = spacy.blank("en")("His father was sent to Lisbon for four years.")
    doc.ents = [Span(doc, 5, 6, label="PRODUCT")]
    assert [(m.name, m.label) for m in find_mentions(doc)] == [("Lisbon", "GPE")]


def test_a_row_name_the_model_tagged_as_a_place_is_a_team_and_a_bracketed_country_is_no_number(nlp):
    from briefkit.extract.layout import _table_rows
    from briefkit.extract.mentions import Mention

    docs = [nlp("Lisbon ( Portugal ) 9 6 3 15"), nlp("Kelso Rovers ( Scotland ) 9 4 5 13")]
    lisbon = Mention("Lisbon", "GPE", docs[0], 0, 1)
    mentions = [lisbon]
    _table_rows(docs, mentions)
    assert lisbon.cue == "organization"
    assert [m.name for m in mentions] == ["Lisbon", "Kelso Rovers"]


def test_a_league_position_in_brackets_keeps_a_side_in_its_match(nlp):
    from briefkit.extract.actors import _in_fixture
    from briefkit.extract.mentions import Mention

    doc = nlp("Lisbon ( 4 ) v Kelso ( 13 ) 1330")
    assert _in_fixture(Mention("Lisbon", "GPE", doc, 0, 1))


@pytest.mark.parametrize("label, kept", [("GPE", False), ("PERSON", False), ("ORG", True)])
def test_a_place_or_a_person_with_a_number_is_a_product(nlp, label, kept):
    from briefkit.extract.actors import _actor, _Cluster
    from briefkit.extract.mentions import Mention

    doc = nlp("Kelsoware 2000 crashed again on Monday.")
    cluster = _Cluster(forms=["kelsoware 2000"], mentions=[Mention("Kelsoware 2000", label, doc, 0, 2)])
    assert (_actor(cluster, set()) is not None) is kept  # `Transport 2000` may be an organization
