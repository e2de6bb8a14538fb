"""The timeline: every expression that dates an event, resolved against the publication date.

spaCy marks the candidate expressions (DATE entities, plus `New Year's`); `resolve` turns each into
the most precise ISO form the words support (YYYY, YYYY-MM, YYYY-MM-DD, or a range A/B). A bare
weekday or month is read in the tense of the clause it hangs on: in the past, the nearest one on or
before the publication date; in the future, the nearest one on or after it. When the clause is
neither plainly past nor future (`opens in October`, `could raise duties in June`, `had been expected
in June`), a month is the nearest one either way and a weekday the latest one. Vague spans (`months`,
`a later date`) resolve to nothing and make no entry.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..model import TimelineEntry

MAX_EVENT_CHARS = 220
MONTHS = {name.casefold(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.casefold(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
WEEKDAYS = {name.casefold(): i for i, name in enumerate(calendar.day_name)}
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # northern hemisphere
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "several": None, "few": None}
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "going"}
_FUTURE_VERBS = {"expected", "due", "scheduled", "planned", "slated", "upcoming", "forthcoming", "next"}
_PLANNING = {"planned", "plans", "plan", "hoped", "hopes", "aims", "aimed", "intends", "intended", "promised", "vowed", "agreed", "decided", "pledged"}
_MODALS = {"could", "can", "may", "might", "should", "must", "ought"}
_DEADLINES = {"by", "before", "until", "till"}  # `promised payments by August`: the promise looks ahead
_AHEAD_NOUNS = {"next", "upcoming", "forthcoming", "coming"}  # `the committee's next meeting in June`
AHEAD, LOOKED_AHEAD, PAST, OPEN = "ahead", "looked ahead", "past", "open"  # what a word says of a date's tense
_LEADING = re.compile(
    r"^(?:(?:on|in|at|by|from|until|till|since|during|around|about|near|circa|as of|before|after|"
    r"the|of|early|earlier|late|later|mid|middle|end|start|beginning|close|turn|this past|past)\b[\s-]*)+",
    re.IGNORECASE,
)
_RANGE = re.compile(r"^(\d{4})\s*[-\u2013/]\s*(\d{2}|\d{4})$")
_AGO = re.compile(r"^(\w+)\s+(day|week|month|year)s?\s+ago$")
_RELATIVE = re.compile(r"^(last|next|this|previous|coming|following)\s+(\w+)$")


def extract_timeline(parts: list[tuple[str, object]], published: dt.date | None) -> list[TimelineEntry]:
    if published is None:
        return []
    entries: dict[tuple[str, str], TimelineEntry] = {}
    for _, doc in parts:
        for span in _date_spans(doc):
            date = resolve(span.text, published, future=_tense_ahead(span))
            if date is None:
                continue
            text = _event_text(span.sent.text)
            entries.setdefault((date, text), TimelineEntry(date=date, text=text, evidence=span.text))
    return sorted(entries.values(), key=lambda e: e.date)


def _date_spans(doc):
    for ent in doc.ents:
        if ent.label_ == "DATE" or (ent.label_ == "EVENT" and "new year" in ent.text.casefold()):
            yield ent


def resolve(expression: str, published: dt.date, *, future: bool | None = False) -> str | None:
    """`expression` as YYYY, YYYY-MM, YYYY-MM-DD or A/B, relative to `published`; None when vague.
    `future` is the tense of its clause: True ahead, False past, None neither plainly."""
    text = " ".join(expression.replace("\u2019", "'").split()).strip(" ,.")
    text = re.sub(r"'s$", "", text)
    if re.search(r"new year", text, re.IGNORECASE):
        return f"{published.year + 1 if future is True else published.year}-01-01"
    words = _LEADING.sub("", text).strip()
    lowered = words.casefold()
    if (match := _RANGE.match(lowered)) and not _ISO.match(lowered):
        start, end = match.groups()
        end = start[: 4 - len(end)] + end
        return f"{start}/{end}" if end > start else None
    if re.fullmatch(r"\d{4}", lowered):
        return lowered if 1000 <= int(lowered) <= 2999 else None
    if lowered in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return published.isoformat()
    if lowered in ("yesterday", "last night"):
        return (published - dt.timedelta(days=1)).isoformat()
    if lowered == "tomorrow":
        return (published + dt.timedelta(days=1)).isoformat()
    if lowered in ("this year", "year"):
        return str(published.year)
    if lowered in WEEKDAYS:
        return _weekday(WEEKDAYS[lowered], published, future is True).isoformat()
    if match := _RELATIVE.match(lowered):
        return _relative(*match.groups(), published)
    if match := _AGO.match(lowered):
        return _ago(*match.groups(), published)
    return _calendar_date(lowered, published, future)


def _weekday(weekday: int, published: dt.date, future: bool) -> dt.date:
    """The nearest such weekday on or after (`future`) or on or before the publication date: news
    calls its own day by name too (`he will resign on Monday`, published on a Monday)."""
    if future:
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7)
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def _relative(which: str, unit: str, published: dt.date) -> str | None:
    step = {"last": -1, "previous": -1, "next": 1, "coming": 1, "following": 1, "this": 0}[which]
    if unit == "year":
        return str(published.year + step)
    if unit == "month":
        return _month_shift(published, step)
    if unit == "week":
        return (published + dt.timedelta(weeks=step)).strftime("%Y-%m")
    if unit in SEASONS:
        return _season(SEASONS[unit], step, published)
    if unit == "weekend":
        unit, step = "saturday", step or 1  # `this weekend` is the coming one
    if unit in WEEKDAYS:
        day = _weekday(WEEKDAYS[unit], published, future=step > 0)
        if step and day == published:  # `next Monday` said on a Monday is a week on
            day += dt.timedelta(days=7 * step)
        return day.isoformat()
    if unit in MONTHS:  # `last June`: the latest June strictly before this month
        month = MONTHS[unit]
        if step < 0:
            year = published.year if month < published.month else published.year - 1
        elif step > 0:
            year = published.year if month > published.month else published.year + 1
        else:
            year = published.year
        return f"{year}-{month:02d}"
    return None


def _season(first_month: int, step: int, published: dt.date) -> str:
    """`last summer` as the range of its three months: 2025-06/2025-08."""
    year = published.year
    starts_this_year = dt.date(year, first_month, 1)
    if step < 0:
        year = year if starts_this_year < published.replace(day=1) - dt.timedelta(days=60) else year - 1
    elif step > 0:
        year = year if starts_this_year > published else year + 1
    start = dt.date(year, first_month, 1)
    end_index = year * 12 + first_month - 1 + 2
    return f"{start:%Y-%m}/{end_index // 12}-{end_index % 12 + 1:02d}"


def _ago(amount: str, unit: str, published: dt.date) -> str | None:
    n = int(amount) if amount.isdigit() else _NUMBERS.get(amount)
    if not n:
        return None
    if unit == "day":
        return (published - dt.timedelta(days=n)).isoformat()
    if unit == "week":
        return (published - dt.timedelta(weeks=n)).strftime("%Y-%m")
    if unit == "month":
        return _month_shift(published, -n)
    return str(published.year - n)


def _month_shift(published: dt.date, step: int) -> str:
    index = published.year * 12 + published.month - 1 + step
    return f"{index // 12}-{index % 12 + 1:02d}"


_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?(?:,?\s+(\d{4}))?$")
_MONTH_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$")
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?(?:,?\s+(?:of\s+)?(\d{4}))?$")
_ISO = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])(?:-(\d{2}))?$")  # `1950-53` is a range, `2019-03` a month


def _calendar_date(text: str, published: dt.date, future: bool) -> str | None:
    """`3 February`, `February 3, 2026`, `June`, `March 2019`, `2019-03-04`."""
    if match := _ISO.match(text):
        year, month, day = match.groups()
        return _valid(int(year), int(month), int(day) if day else None)
    day = month = year = None
    if match := _DAY_MONTH.match(text):
        day, name, year = match.groups()
    elif match := _MONTH_DAY.match(text):
        name, day, year = match.groups()
    elif match := _MONTH_YEAR.match(text):
        name, year = match.groups()
    else:
        return None
    month = MONTHS.get(name)
    if month is None:
        return None
    if year is None:
        year = _year_of(month, int(day) if day else None, published, future)
    return _valid(int(year), month, int(day) if day else None)


def _year_of(month: int, day: int | None, published: dt.date, future: bool | None) -> int:
    """The year of a month (and day) given without one: the nearest occurrence in the tense's
    direction, or in either direction when the tense is neither (a tie goes to the past)."""
    this_year = (month, day or 1) if day else (month, 1)
    now = (published.month, published.day if day else 1)
    ahead = published.year if this_year >= now else published.year + 1
    behind = published.year if this_year <= now else published.year - 1
    if future is None:  # the nearer in months; `min` keeps the first, the past, on a tie
        return min((behind, ahead), key=lambda year: abs((year - published.year) * 12 + month - published.month))
    return ahead if future else behind


def _valid(year: int, month: int, day: int | None) -> str | None:
    try:
        date = dt.date(year, month, day or 1)
    except ValueError:
        return None
    return date.isoformat() if day else date.strftime("%Y-%m")


def _tense_ahead(span) -> bool | None:
    """Whether the clause the date hangs on looks ahead (True), back (False) or neither plainly
    (None), read on the way up from the date to the verbs that govern it: `will take place near the
    end of February` and `the talks due on Friday` look ahead, `ruled in July` back; `opens in
    October`, `could raise duties in June` and `had been expected in June` neither. A present, modal
    or infinitive clause on the way leaves the tense open, whatever past verb governs it."""
    token, open_ = span.root, False
    for _ in range(8):
        verdict = _verdict(token, span)
        if verdict == AHEAD:
            return True
        if verdict == LOOKED_AHEAD or (verdict == PAST and open_):
            return None
        if verdict == PAST:
            return False
        open_ = open_ or verdict == OPEN
        if token.head == token:
            break
        token = token.head
    if open_:
        return None
    return any(t.lower_ in _FUTURE_AUX for t in span.sent) and not any(t.tag_ == "VBD" for t in span.sent)


def _verdict(token, span) -> str | None:
    """What one word on the way up says of the date's tense: AHEAD (`will`, `is expected`, `next
    meeting`), LOOKED_AHEAD from the past (`was expected`, `promised to`), PAST (`ruled`, `has
    risen`), OPEN (`opens`, `could raise`, `to run`), or nothing."""
    if token.pos_ in ("NOUN", "PROPN") and any(c.lower_ in _AHEAD_NOUNS and c.dep_ == "amod" for c in token.children):
        return AHEAD
    is_verb = token.pos_ in ("VERB", "AUX")
    if is_verb and (token.lower_ in _FUTURE_AUX or any(c.lower_ in _FUTURE_AUX for c in token.children)):
        return AHEAD
    if _looks_ahead(token, span):
        return LOOKED_AHEAD if _past_form(token, participle_alone=False) else AHEAD  # `a wave expected to peak`
    if is_verb and _past_form(token):
        return PAST
    auxiliaries = {c.lower_ for c in token.children if c.dep_ == "aux"}
    if is_verb and (token.tag_ in ("VBZ", "VBP") or auxiliaries & (_MODALS | {"to"})):
        return OPEN
    return None


def _looks_ahead(token, span) -> bool:
    """`expected`, `due`, `set to`; a plan (`promised to`, `planned to`) or a plan's deadline
    (`promised payments by the end of August`), where the planning is not itself the date's event."""
    if token.lower_ in _FUTURE_VERBS or (token.lower_ == "set" and any(c.lower_ == "to" for c in token.subtree)):
        return True
    if token.lower_ not in _PLANNING:
        return False
    preposition = span.root.head if span.root.dep_ == "pobj" else None
    if span.root.head == token or (preposition is not None and preposition.head == token):  # `pledged in August`
        return preposition is not None and preposition.lower_ in _DEADLINES
    return any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in token.children)


def _past_form(token, *, participle_alone: bool = True) -> bool:
    """`ruled`, `has risen`, `was expected`, `had been due`, and (unless `participle_alone` is False)
    `published in June`, a participle on its own; but not `to be published`, `will be built`,
    `is expected`."""
    auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if token.dep_ == "acomp" and token.head.lemma_ == "be":  # `was due`: the tense is the copula's
        auxiliaries = [token.head]
    if any(a.lower_ in _MODALS or a.lower_ in _FUTURE_AUX or a.lower_ == "to" for a in auxiliaries):
        return False
    if any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxiliaries):
        return True
    if token.tag_ == "VBD":
        return True
    present = any(a.tag_ in ("VBZ", "VBP", "VB") for a in auxiliaries)  # `is built`, `to be built`
    return token.tag_ == "VBN" and (participle_alone or bool(auxiliaries)) and not present


def _event_text(sentence: str) -> str:
    text = " ".join(sentence.split()).strip("\u201c\u201d\" ")
    if len(text) <= MAX_EVENT_CHARS:
        return text
    return text[:MAX_EVENT_CHARS].rsplit(" ", 1)[0] + "\u2026"
