"""The timeline: every expression that dates an event, resolved against the publication date.

spaCy marks the candidate expressions (DATE entities, plus `New Year's`); `resolve` turns each into
the most precise ISO form the words support (YYYY, YYYY-MM, YYYY-MM-DD, or a range A/B). A bare
weekday or month means the nearest one before the publication date, unless the verb it hangs on is
in the future tense. Vague spans (`months`, `a later date`) resolve to nothing and make no entry.
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
            date = resolve(span.text, published, future=_is_future(span))
            if date is None:
                continue
            text = _event_text(span.sent.text)
            entries.setdefault((date, text), TimelineEntry(date=date, text=text, evidence=span.text))
    return sorted(entries.values(), key=lambda e: e.date)


def _date_spans(doc):
    for ent in doc.ents:
        if ent.label_ == "DATE" or (ent.label_ == "EVENT" and "new year" in ent.text.casefold()):
            yield ent


def resolve(expression: str, published: dt.date, *, future: bool = False) -> str | None:
    """`expression` as YYYY, YYYY-MM, YYYY-MM-DD or A/B, relative to `published`; None when vague."""
    text = " ".join(expression.replace("\u2019", "'").split()).strip(" ,.")
    text = re.sub(r"'s$", "", text)
    if re.search(r"new year", text, re.IGNORECASE):
        return f"{published.year + 1 if future else published.year}-01-01"
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
        return _weekday(WEEKDAYS[lowered], published, future).isoformat()
    if match := _RELATIVE.match(lowered):
        return _relative(*match.groups(), published)
    if match := _AGO.match(lowered):
        return _ago(*match.groups(), published)
    return _calendar_date(lowered, published, future)


def _weekday(weekday: int, published: dt.date, future: bool) -> dt.date:
    if future:
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
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
        if step < 0 and day == published:
            day -= dt.timedelta(days=7)
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


def _year_of(month: int, day: int | None, published: dt.date, future: bool) -> int:
    """The year of a month (and day) given without one: the nearest occurrence in the tense's direction."""
    this_year = (month, day or 1) if day else (month, 1)
    now = (published.month, published.day if day else 1)
    if future:
        return published.year if this_year >= now else published.year + 1
    return published.year if this_year <= now else published.year - 1


def _valid(year: int, month: int, day: int | None) -> str | None:
    try:
        date = dt.date(year, month, day or 1)
    except ValueError:
        return None
    return date.isoformat() if day else date.strftime("%Y-%m")


def _is_future(span) -> bool:
    """Whether the verb the date hangs on looks ahead: `will take place near the end of February`,
    `would meet in June`, `is expected to rule in July`, `the talks due on Friday`."""
    token = span.root
    for _ in range(6):
        if token.lower_ in _FUTURE_VERBS or (token.lower_ == "set" and any(c.lower_ == "to" for c in token.subtree)):
            return True
        if token.pos_ in ("VERB", "AUX"):
            if any(child.lower_ in _FUTURE_AUX for child in token.children) or token.lower_ in _FUTURE_AUX:
                return True
            if token.tag_ in ("VBD", "VBN") and not _looks_ahead(token):
                return False
        if token.head is token:
            break
        token = token.head
    return any(t.lower_ in _FUTURE_AUX for t in span.sent) and not any(t.tag_ == "VBD" for t in span.sent)


def _looks_ahead(verb) -> bool:
    """`is expected to`, `was due to`: a past or passive form whose complement is still to come."""
    return verb.lower_ in _FUTURE_VERBS or any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in verb.children) and verb.lower_ in _PLANNING


def _event_text(sentence: str) -> str:
    text = " ".join(sentence.split()).strip("\u201c\u201d\" ")
    if len(text) <= MAX_EVENT_CHARS:
        return text
    return text[:MAX_EVENT_CHARS].rsplit(" ", 1)[0] + "\u2026"
