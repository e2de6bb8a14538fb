"""Topics: taxonomy entries scored by the signal words an article uses."""

from __future__ import annotations

from math import log1p

import pytest

from briefkit.errors import BriefkitError
from briefkit.extract.topics import MAX_TOPICS, PARENT_SHARE, extract_topics, fold, score_topics
from briefkit.read import Article, Block
from briefkit.read.text import parse_text_article
from briefkit.taxonomy import Taxonomy, Topic, load_taxonomy


def taxonomy(*topics: tuple[str, str | None, list[str]]) -> Taxonomy:
    return Taxonomy({id_: Topic(id_, id_.title(), parent, tuple(keywords)) for id_, parent, keywords in topics})


def article(title="A day out", standfirst=None, paragraphs=(), captions=(), subheadings=()) -> Article:
    blocks = [Block("paragraph", p) for p in paragraphs]
    blocks += [Block("caption", c, credit="Jane Roe/AFP") for c in captions]
    blocks += [Block("subheading", s) for s in subheadings]
    return Article(path="x.txt", title=title, standfirst=standfirst, blocks=blocks)


FRUIT = taxonomy(
    ("food", None, ["food", "meal"]),
    ("fruit", "food", ["apple", "pear", "fruit bowl"]),
    ("boats", None, ["boat", "sail", "harbour"]),
    ("weather", None, ["rain", "storm"]),
)


# --- fold --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word, folded",
    [
        ("sanctions", "sanction"),
        ("talks", "talk"),
        ("countries", "country"),
        ("policies", "policy"),
        ("goals", "goal"),
        ("prices", "price"),
        ("sanction", "sanction"),
        ("boss", "boss"),
        ("bus", "bus"),
        ("status", "status"),
        ("analysis", "analysis"),
        ("gas", "gas"),  # too short to fold
        ("ties", "tie"),  # too short for -ies: only the s goes
        ("is", "is"),
        ("", ""),
        pytest.param(
            "taxes", "tax"
        ),
        pytest.param(
            "matches",
            "match",
        ),
    ],
)
def test_fold(word, folded):
    assert fold(word) == folded


# --- scoring with a taxonomy built here --------------------------------------------------------


def test_body_words_pick_the_topic():
    found = extract_topics(article(paragraphs=["The boat left the harbour under sail.", "Another boat followed it."]), FRUIT)
    assert found == ["boats"]


def test_plurals_and_case_match():
    found = extract_topics(article(paragraphs=["Boats filled the Harbour. BOATS everywhere, under SAIL."]), FRUIT)
    assert found == ["boats"]


def test_multi_word_keywords_match_as_phrases():
    scores = score_topics([("The fruit bowl was full. A bowl of fruit is not the same.", 1.0)], FRUIT)
    assert scores["fruit"] == log1p(1)  # "fruit bowl" once; "bowl of fruit" is not the phrase


def test_title_weighs_three_and_standfirst_two():
    # each keyword scores log(1 + its weighted count): storm 3 (title), rain 2 + 1
    assert score_topics([("a storm", 3.0), ("more rain", 2.0), ("rain", 1.0)], FRUIT)["weather"] == pytest.approx(2 * log1p(3))
    only_title = extract_topics(article(title="Storm hits the coast"), FRUIT)
    assert only_title == []  # one word, even in the title, is not enough evidence
    title_and_body = extract_topics(article(title="Storm hits the coast", paragraphs=["Rain fell."]), FRUIT)
    assert title_and_body == ["weather"]
    only_body = extract_topics(article(paragraphs=["The day began quietly.", "A storm hit the coast. Rain fell."]), FRUIT)
    assert only_body == []  # the same two words in the body weigh less than with one in the title
    standfirst = extract_topics(article(standfirst="A storm and rain hit the coast.", paragraphs=["Rain fell."]), FRUIT)
    assert standfirst == ["weather"]


def test_the_lead_paragraph_weighs_twice():
    assert extract_topics(article(paragraphs=["A storm hit the coast. Rain fell."]), FRUIT) == ["weather"]
    assert extract_topics(article(paragraphs=["The day began quietly.", "A storm hit the coast. Rain fell."]), FRUIT) == []


def test_captions_do_not_count_but_subheadings_do():
    captions = article(paragraphs=["Nothing to see."], captions=["Storm and rain and storm and rain"])
    assert extract_topics(captions, FRUIT) == []
    subheadings = article(paragraphs=["Nothing to see."], subheadings=["Storm, rain, more storm and rain"])
    assert extract_topics(subheadings, FRUIT) == ["weather"]


def test_subtopic_hits_add_to_the_parent():
    scores = score_topics([("An apple, a pear and another apple and a pear.", 1.0)], FRUIT)
    assert scores["fruit"] == pytest.approx(2 * log1p(2))
    assert scores["food"] == pytest.approx(PARENT_SHARE * 2 * log1p(2))  # a share of its subtopic's score
    found = extract_topics(article(paragraphs=["An apple, a pear and another apple and a pear. Apples again, and pears for a meal."]), FRUIT)
    assert found == ["food", "fruit"]  # its own `meal` and three quarters of its subtopic's put the parent first


def test_parent_own_hits_and_subtopic_share_add_up():
    scores = score_topics([("A meal of apple and pear.", 1.0)], FRUIT)
    assert scores["food"] == pytest.approx(log1p(1) + PARENT_SHARE * 2 * log1p(1))


def test_weak_topics_are_cut_relative_to_the_best():
    text = "Boat, boat, boat in the harbour under sail. Rain, rain, storm, storm."
    assert extract_topics(article(paragraphs=["The day began quietly.", text]), FRUIT) == ["boats", "weather"]  # 2.2 >= 0.3 * 2.8
    text = "Boat " * 1000 + "in the harbour under sail. Rain, rain, storm, storm."
    assert extract_topics(article(paragraphs=["The day began quietly.", text]), FRUIT) == ["boats"]  # 2.2 < 0.3 * 8.3


def test_at_most_four_topics():
    many = taxonomy(*[(f"t{i}", None, [f"word{i}", f"term{i}"]) for i in range(8)])
    text = " ".join(f"word{i} word{i} word{i} term{i} term{i}" for i in range(8))
    found = extract_topics(article(paragraphs=[text]), many)
    assert len(found) == MAX_TOPICS == 4


def test_no_keywords_no_topics():
    assert extract_topics(article(paragraphs=["Nothing here matches anything at all."]), FRUIT) == []


def test_four_word_keyword_matches():
    tax = taxonomy(("regulators", None, ["competition and markets authority"]))
    text = "The competition and markets authority blocked the deal. The Competition and Markets Authority said so."
    assert score_topics([(text, 1.0)], tax)["regulators"] == pytest.approx(log1p(2))


BOARD_GAMES = taxonomy(
    ("board-games", None, ["chess", "draughts", "~board", "~move"]),
    ("companies", None, ["shareholder", "~board"]),
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The board met and the board agreed a move.", {}),  # no plain signal: `~` words are not read
        ("Chess is played on a board, one move at a time.", {"board-games": 3 * log1p(1)}),
        ("The board answered a shareholder.", {"companies": 2 * log1p(1)}),  # `~board` read for each topic alone
        ("A shareholder played chess on the board.", {"board-games": 2 * log1p(1), "companies": 2 * log1p(1)}),
    ],
)
def test_marked_words_count_only_beside_a_plain_signal_of_their_topic(text, expected):
    scores = score_topics([(text, 1.0)], BOARD_GAMES)
    assert {t: pytest.approx(s) for t, s in expected.items()} == dict(scores)


def test_a_word_both_plain_and_marked_counts_as_plain():
    tax = taxonomy(("sailing", None, ["boat", "~boat", "~mast"]))
    assert score_topics([("A boat.", 1.0)], tax)["sailing"] == pytest.approx(log1p(1))


# --- the default taxonomy ----------------------------------------------------------------------

FOOTBALL = """Rovers beat City 3-1 to reach the cup final

The striker scored twice as Rovers came from behind in a tense semi-final.

City took the lead through an early header, but Rovers equalised before half-time when their striker converted a penalty. The goalkeeper made three fine saves after the break.

A second goal from the striker and a late free kick sealed the win in front of a full stadium. The head coach praised his players and the fans.
"""

CENTRAL_BANK = """Central bank raises interest rates to curb inflation

The central bank lifted its benchmark rate by a quarter of a percentage point on Thursday.

Policymakers on the monetary policy committee voted seven to two for the rise, saying inflation remained well above the two percent target.

The governor said borrowing costs would stay high until price growth slowed, and warned that mortgage holders would feel the squeeze.
"""


def test_default_taxonomy_football_report():
    found = extract_topics(parse_text_article(FOOTBALL, "x.txt"))
    assert found[0] in ("sport", "football")
    assert {"sport", "football"} <= set(found[:2])


def test_default_taxonomy_rate_decision():
    found = extract_topics(parse_text_article(CENTRAL_BANK, "x.txt"))
    assert {"monetary-policy", "economy-business-finance"} & set(found[:2])
    assert "sport" not in found


CONSOLE_REVIEW = """Space shooter sequel is a triumph on the new console

The follow-up to last year's hit game lets players team up online.

The game's developer says the multiplayer mode was rebuilt from scratch, and gamers who pre-ordered it
get a bonus level. Critics gave it top marks at an awards show for the games industry, where its
director collected the prize on stage.
"""

SPRINT_BAN = """Sprinter banned for two years after failed drugs test

The former champion tested positive for a banned steroid, the anti-doping agency said.

His lawyer said he would appeal to the sport's court, and a hearing is due next month. The athletics
federation said the doping ban would start from the date of the test.
"""

OLYMPIC_GAMES = """City prepares to host the Games

Organisers say the Olympic stadium will be ready a year before the opening ceremony, and the
athletes' village is already half built. Tickets for the Games go on sale in the spring.
"""


TENNIS = """Champion fights back to win on the clay court

The defending champion came from a set down to reach the quarter-final of the tournament.

She saved two match points on the centre court before the umpire's ruling on a line call went her
way, and the crowd on the packed court rose to her. "I was on trial out there," she said.
"""

def test_default_taxonomy_a_court_and_a_ruling_in_sport_are_not_law():
    found = extract_topics(parse_text_article(TENNIS, "x.txt"))
    assert found[0] == "sport"
    assert not {"crime-law-justice", "courts"} & set(found)


@pytest.mark.parametrize("text, topic", [("the film industry", "cinema"), ("the music industry", "music"), ("the record industry", "music")])
def test_default_taxonomy_an_industry_named_by_its_art_is_the_art(text, topic):
    scores = score_topics([(text, 1.0)], load_taxonomy())
    assert scores[topic] and scores["arts-culture"] > scores["economy-business-finance"]  # which has `industry`


RANSOMWARE = """Retailer's sales hit by ransomware attack

A chain of shops said quarterly sales fell after a ransomware attack locked its tills for a week.

The malware got in through a stolen password, and the firm's database of customer orders was
encrypted. Investors were told the company would spend more on encryption and a new firewall.
"""

BACKBENCH_REVOLT = """Backbenchers rebel over tax rise

More than forty backbenchers voted against the budget's tax rise, the biggest revolt of the session.

The shadow chancellor said the vote showed the economy was being run for the Treasury, not for
business. A select committee will question the minister on the cost to firms next week.
"""

PRE_TAX = """Brewer's pre-tax profit up on turnover

The brewer's pre-tax profit rose a tenth on turnover up a fifth, as it won market share.

It warned that the government's new duty on beer, which the chancellor announced and ministers and MPs
defended in parliament before the vote, would cost brewers dear, and the opposition agreed.
"""


PLAYWRIGHT = """Playwright's West End hit to close

The playwright's comedy, starring two former soap actors, will close in the West End in June.

Its producers said ticket sales had fallen since the price rise, and the company behind it would
cut costs. The novelist who wrote the book it is based on said she was sad.
"""

SNOOKER = """Snooker: Crucible favourite through

The Scot made two centuries to knock out the holder at the snooker in Sheffield, a week after the
promoter's darts final in London.
"""


@pytest.mark.parametrize(
    "text, first",
    [
        (PLAYWRIGHT, {"arts-culture"}),
        (SNOOKER, {"sport"}),
        (RANSOMWARE, {"science-technology", "technology"}),
        (BACKBENCH_REVOLT, {"politics", "government"}),
        (PRE_TAX, {"economy-business-finance", "companies"}),
    ],
)
def test_default_taxonomy_signal_words_of_each_field(text, first):
    assert extract_topics(parse_text_article(text, "x.txt"))[0] in first


def test_default_taxonomy_video_game_review_is_technology():
    found = extract_topics(parse_text_article(CONSOLE_REVIEW, "x.txt"))
    assert found[0] in ("science-technology", "video-games")
    assert "video-games" in found


def test_default_taxonomy_doping_ban_is_sport():
    found = extract_topics(parse_text_article(SPRINT_BAN, "x.txt"))
    assert found[0] in ("sport", "doping")
    assert "doping" in found


def test_default_taxonomy_the_games_without_a_console_are_not_video_games():
    found = extract_topics(parse_text_article(OLYMPIC_GAMES, "x.txt"))
    assert found[0] == "sport"
    assert "video-games" not in found


# --- load_taxonomy -----------------------------------------------------------------------------


def test_default_taxonomy_without_override(tmp_path):
    default = load_taxonomy(tmp_path)
    assert default is load_taxonomy()
    assert default.topics["football"].parent == "sport"
    assert all(t.parent is None or t.parent in default.topics for t in default.topics.values())


def test_override_is_used(tmp_path):
    (tmp_path / "topics.yml").write_text(
        "topics:\n"
        "  - id: boats\n    label: Boats and sailing\n    keywords: [Boat, Sail]\n"
        "  - id: dinghies\n    parent: boats\n    keywords: [dinghy, skiff]\n",
        encoding="utf-8",
    )
    tax = load_taxonomy(tmp_path)
    assert set(tax.topics) == {"boats", "dinghies"}
    assert tax.topics["boats"].keywords == ("boat", "sail")  # keywords are case-folded
    assert tax.label("boats") == "Boats and sailing"
    assert tax.label("dinghies") == "dinghies"  # no label: the id
    assert [t.id for t in tax.children("boats")] == ["dinghies"]
    found = extract_topics(article(paragraphs=["A dinghy, a skiff, a third dinghy, a second skiff and a boat set sail."]), tax)
    assert set(found) == {"dinghies", "boats"}


@pytest.mark.parametrize(
    "content, message",
    [
        ("topics: [unclosed\n", "not valid YAML"),
        ("topics:\n  - id: a\n  bad indent: [\n", "not valid YAML"),
        ("topics:\n  - id: child\n    parent: nowhere\n", "unknown parent"),
        ("topics: {}\n", "expected a list"),
        ("just a string\n", "expected a list"),
        ("topics:\n  - label: No id\n", "expected a mapping with an 'id'"),
        ("topics:\n  - plain string\n", "expected a mapping with an 'id'"),
    ],
)
def test_bad_override_is_a_briefkit_error(tmp_path, content, message):
    (tmp_path / "topics.yml").write_text(content, encoding="utf-8")
    with pytest.raises(BriefkitError) as raised:
        load_taxonomy(tmp_path)
    assert message in str(raised.value)
    assert "topics.yml" in str(raised.value)


def test_scalar_keywords_are_not_split_into_letters(tmp_path):
    (tmp_path / "topics.yml").write_text("topics:\n  - id: prices\n    keywords: inflation\n", encoding="utf-8")
    try:
        tax = load_taxonomy(tmp_path)
    except BriefkitError:
        return
    assert tax.topics["prices"].keywords == ("inflation",)
