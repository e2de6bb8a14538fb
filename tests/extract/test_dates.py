"""The timeline: date expressions resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from briefkit.extract.dates import extract_timeline, resolve
from briefkit.model import TIMELINE_DATE
from tests.conftest import parse

SAT = dt.date(2026, 3, 14)  # a Saturday
JAN = dt.date(2026, 1, 20)  # a Tuesday
AUG = dt.date(2026, 8, 1)
DEC = dt.date(2026, 12, 10)

# (expression, published, future, expected)
CASES = [
    # weekdays: on or before the publication date in the past, on or after it in the future
    ("Friday", SAT, False, "2026-03-13"),
    ("Saturday", SAT, False, "2026-03-14"),
    ("Monday", SAT, False, "2026-03-09"),
    ("Sunday", SAT, False, "2026-03-08"),
    ("on Friday", SAT, False, "2026-03-13"),
    ("Friday's", SAT, False, "2026-03-13"),
    ("Friday\u2019s", SAT, False, "2026-03-13"),
    ("Friday", SAT, True, "2026-03-20"),
    ("Saturday", SAT, True, "2026-03-14"),  # `will resign on Saturday`, published on a Saturday: that day
    ("Sunday", SAT, True, "2026-03-15"),
    ("Monday", SAT, True, "2026-03-16"),
    ("last Friday", SAT, False, "2026-03-13"),
    ("last Saturday", SAT, False, "2026-03-07"),
    ("next Monday", SAT, False, "2026-03-16"),
    ("next Saturday", SAT, False, "2026-03-21"),  # said on a Saturday: a week on
    # a tense neither plainly past nor future: the latest such weekday
    ("Friday", SAT, None, "2026-03-13"),
    ("Saturday", SAT, None, "2026-03-14"),
    # relative weeks, months, years
    ("last week", SAT, False, "2026-03"),
    ("last week", dt.date(2026, 3, 3), False, "2026-02"),
    ("next week", dt.date(2026, 3, 28), False, "2026-04"),
    ("last month", SAT, False, "2026-02"),
    ("last month", JAN, False, "2025-12"),
    ("next month", SAT, False, "2026-04"),
    ("next month", DEC, False, "2027-01"),
    ("earlier this month", SAT, False, "2026-03"),
    ("next year", SAT, False, "2027"),
    ("last year", SAT, False, "2025"),
    ("last year's", SAT, False, "2025"),
    ("this year", SAT, False, "2026"),
    ("early this year", SAT, False, "2026"),
    ("the end of last year", SAT, False, "2025"),
    ("the end of the year", SAT, True, "2026"),
    # `last June`: the latest June strictly before the publication month
    ("last June", SAT, False, "2025-06"),
    ("last June", AUG, False, "2026-06"),
    ("last March", SAT, False, "2025-03"),
    ("next June", SAT, False, "2026-06"),
    ("next June", AUG, False, "2027-06"),
    # a bare month: the nearest one in the tense's direction
    ("June", SAT, False, "2025-06"),
    ("June", SAT, True, "2026-06"),
    ("June", AUG, False, "2026-06"),
    # ... and neither: the nearest either way, a tie going to the past
    ("June", SAT, None, "2026-06"),
    ("October", SAT, None, "2025-10"),
    ("September", SAT, None, "2025-09"),
    ("March", SAT, None, "2026-03"),
    ("the end of August", dt.date(2026, 7, 22), None, "2026-08"),
    ("June", dt.date(2026, 11, 4), None, "2026-06"),
    ("February", DEC, None, "2027-02"),
    ("5 April", SAT, None, "2026-04-05"),
    ("New Year's", SAT, None, "2026-01-01"),
    ("June", AUG, True, "2027-06"),
    ("in March", SAT, False, "2026-03"),
    ("in March", SAT, True, "2026-03"),
    ("the end of February", SAT, False, "2026-02"),
    ("the end of February", SAT, True, "2027-02"),
    ("near the end of February", JAN, True, "2026-02"),
    ("the end of February", JAN, False, "2025-02"),
    ("December", JAN, False, "2025-12"),
    # days of a month
    ("3 February", SAT, False, "2026-02-03"),
    ("3 February", SAT, True, "2027-02-03"),
    ("3rd of February", SAT, False, "2026-02-03"),
    ("14 March", SAT, False, "2026-03-14"),
    ("14 March", SAT, True, "2026-03-14"),
    ("20 March", SAT, False, "2025-03-20"),
    ("20 March", SAT, True, "2026-03-20"),
    ("February 3, 2026", SAT, False, "2026-02-03"),
    ("February 3, 2026", SAT, True, "2026-02-03"),
    ("February 3rd", SAT, False, "2026-02-03"),
    ("Sept. 5, 2024", SAT, False, "2024-09-05"),
    ("Feb 3 2020", SAT, False, "2020-02-03"),
    ("February 30", SAT, False, None),
    # months and years
    ("March 2019", SAT, False, "2019-03"),
    ("March 2019", SAT, True, "2019-03"),
    ("March of 2019", SAT, False, "2019-03"),
    ("2019", SAT, False, "2019"),
    ("in 2019", SAT, True, "2019"),
    ("mid-2019", SAT, False, "2019"),
    ("late 2019", SAT, False, "2019"),
    ("2019-03-04", SAT, False, "2019-03-04"),
    ("2019-02-30", SAT, False, None),
    pytest.param(
        "2019-03",
        SAT,
        False,
        "2019-03",
    ),
    # ranges
    ("1950-53", SAT, False, "1950/1953"),
    ("1950\u201353", SAT, False, "1950/1953"),
    ("1998-2003", SAT, False, "1998/2003"),
    ("2021-19", SAT, False, None),
    # New Year
    ("New Year's", SAT, False, "2026-01-01"),
    ("New Year\u2019s", SAT, True, "2027-01-01"),
    ("New Year's Day", SAT, False, "2026-01-01"),
    # ago
    ("two years ago", SAT, False, "2024"),
    ("a year ago", SAT, False, "2025"),
    ("three days ago", SAT, False, "2026-03-11"),
    ("10 days ago", SAT, False, "2026-03-04"),
    ("a month ago", SAT, False, "2026-02"),
    ("two months ago", JAN, False, "2025-11"),
    # days around the publication date
    ("yesterday", SAT, False, "2026-03-13"),
    ("yesterday", dt.date(2026, 3, 1), False, "2026-02-28"),
    ("last night", SAT, False, "2026-03-13"),
    ("today", SAT, False, "2026-03-14"),
    ("tomorrow", SAT, True, "2026-03-15"),
    # vague: nothing
    ("months", SAT, False, None),
    ("a later date", SAT, False, None),
    ("recent weeks", SAT, False, None),
    ("the coming weeks", SAT, True, None),
    ("several weeks ago", SAT, False, None),
    ("decades", SAT, False, None),
    ("the weekend", SAT, False, None),
    ("", SAT, False, None),
]


@pytest.mark.parametrize("expression, published, future, expected", CASES)
def test_resolve(expression, published, future, expected):
    assert resolve(expression, published, future=future) == expected


@pytest.mark.parametrize("expression, published, future, expected", [c for c in CASES if not hasattr(c, "marks") and c[3]])
def test_resolved_dates_are_valid_timeline_dates(expression, published, future, expected):
    assert TIMELINE_DATE.match(resolve(expression, published, future=future))


# --- extract_timeline --------------------------------------------------------------------------


def test_future_tense_resolves_forward_past_tense_backward(nlp):
    parts = parse(
        nlp,
        "The final vote will take place near the end of February, the council said.\n\n"
        "The council first debated the plan in December.",
    )
    entries = extract_timeline(parts, JAN)
    assert [(e.date, e.evidence) for e in entries] == [("2025-12", "December"), ("2026-02", "the end of February")]
    assert entries[1].text == "The final vote will take place near the end of February, the council said."
    assert entries[0].text == "The council first debated the plan in December."


def test_same_weekday_in_two_tenses(nlp):
    parts = parse(nlp, "The board will meet on Friday to approve the budget.\n\nThe board met on Friday to discuss the budget.")
    entries = extract_timeline(parts, JAN)
    assert [(e.date, e.text) for e in entries] == [
        ("2026-01-16", "The board met on Friday to discuss the budget."),
        ("2026-01-23", "The board will meet on Friday to approve the budget."),
    ]
    assert all(e.evidence == "Friday" for e in entries)


def test_entries_are_sorted_and_carry_their_evidence(nlp):
    parts = parse(
        nlp,
        "The mayor resigned last week. The new bridge opened in March 2019. The company was founded in 2011.\n\n"
        "The treaty ended the 1950-53 war.",
    )
    entries = extract_timeline(parts, JAN)
    assert [e.date for e in entries] == ["1950/1953", "2011", "2019-03", "2026-01"]
    assert [e.date for e in entries] == sorted(e.date for e in entries)
    for entry in entries:
        assert entry.evidence and entry.evidence in entry.text  # the expression, in text from its sentence
    assert {e.evidence: e.text for e in entries}["2011"] == "The company was founded in 2011."


def test_new_year_event_and_yesterday(nlp):
    parts = parse(nlp, "She spoke yesterday after a New Year's speech by the king.")
    entries = extract_timeline(parts, JAN)
    assert [(e.date, e.evidence) for e in entries] == [("2026-01-01", "New Year's"), ("2026-01-19", "yesterday")]


def test_vague_expressions_make_no_entry(nlp):
    parts = parse(nlp, "The council promised to reply at a later date. Talks have dragged on for months.")
    assert extract_timeline(parts, JAN) == []


def test_no_publication_date_no_timeline(nlp):
    parts = parse(nlp, "The mayor resigned last week. The new bridge opened in March 2019.")
    assert extract_timeline(parts, None) == []
    assert extract_timeline(parts, JAN)  # the same parts do date with a publication date


def test_long_sentences_are_cut(nlp):
    sentence = "The bridge opened in March 2019 " + "after a long and very expensive delay " * 10 + "."
    entries = extract_timeline(parse(nlp, sentence), JAN)
    assert len(entries) == 1
    assert entries[0].date == "2019-03"
    assert len(entries[0].text) <= 221 and entries[0].text.endswith("\u2026")


@pytest.mark.parametrize(
    "expression, published, expected",
    [
        ("last summer", dt.date(2026, 3, 12), "2025-06/2025-08"),
        ("last summer", dt.date(2026, 9, 14), "2026-06/2026-08"),  # the summer just ended
        ("next spring", dt.date(2026, 9, 14), "2027-03/2027-05"),
        ("last winter", dt.date(2026, 3, 12), "2025-12/2026-02"),
        ("this weekend", dt.date(2026, 3, 12), "2026-03-14"),
        ("last weekend", dt.date(2026, 3, 12), "2026-03-07"),
    ],
)
def test_seasons_and_weekends(expression, published, expected):
    assert resolve(expression, published) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The court is expected to rule in July.",
        "The minister said the talks would resume in July.",
        "The new bridge is due to open in July.",
        "The council has planned to vote in July.",
    ],
)
def test_sentences_that_look_ahead_resolve_forward(nlp, sentence):
    entries = extract_timeline(parse(nlp, sentence), dt.date(2026, 3, 12))
    assert [e.date for e in entries] == ["2026-07"]


@pytest.mark.parametrize(
    "sentence, published, expected",
    [
        # a modal leaves the tense open, even under a past verb: the nearest June
        ("The union said it could call a strike in June if the offer was not improved.", dt.date(2026, 3, 12), "2026-06"),
        ("Officials warned that prices might rise again in January.", dt.date(2026, 10, 2), "2027-01"),
        # so does a present tense below a past verb
        ("The mayor promised to reopen the library before the new term starts in September.", dt.date(2026, 8, 3), "2026-09"),
        # and an infinitive
        ("The council has hired two firms for the trial scheme to run through June.", dt.date(2026, 3, 12), "2026-06"),
        # a passive infinitive is not a past participle: `is due to be published` looks ahead
        ("Her second novel is due to be published in May.", dt.date(2026, 3, 12), "2026-05"),
        # looking ahead from the past (`had been expected`): the nearest June, which may be behind
        ("The report had originally been expected in June but was delayed by the inquiry.", dt.date(2026, 11, 4), "2026-06"),
        # a plan's deadline looks ahead; the plan's own date does not
        ("The ministry has pledged new classrooms for every school by the end of August.", dt.date(2026, 7, 22), "2026-08"),
        ("The ministry pledged in August to build new classrooms.", dt.date(2026, 7, 22), "2025-08"),
        # a `next` meeting is ahead however far up the verb is
        ("He said cuts were likely in August rather than at the board's next meeting in June.", dt.date(2026, 5, 7), "2026-06"),
    ],
)
def test_a_clause_that_is_not_plainly_past(nlp, sentence, published, expected):
    entries = extract_timeline(parse(nlp, sentence), published)
    assert expected in [e.date for e in entries]


def test_a_participle_that_looks_ahead_is_not_past(nlp):
    sentence = "Engineers raised the barriers on Tuesday ahead of a storm expected to reach the coast on Thursday."
    entries = extract_timeline(parse(nlp, sentence), dt.date(2026, 7, 22))  # a Wednesday
    assert sorted(e.date for e in entries) == ["2026-07-21", "2026-07-23"]


def test_a_weekday_in_the_future_on_the_day_itself(nlp):
    entries = extract_timeline(parse(nlp, "The coach told reporters he would name his squad on Monday."), dt.date(2026, 9, 14))
    assert [e.date for e in entries] == ["2026-09-14"]


def test_a_past_event_in_the_same_month_name_resolves_back(nlp):
    entries = extract_timeline(parse(nlp, "The court ruled in July."), dt.date(2026, 3, 12))
    assert [e.date for e in entries] == ["2025-07"]
