"""Lines that pages add around an article and that are not part of it: share prompts, "Related:",
"Advertisement", newsletter sign-ups, cookie notices, copyright footers.

Only short lines are judged, and each pattern is anchored, so a sentence of the story that mentions
shares, cookies or newsletters is kept. Typographic quotes and dashes match their ASCII forms.
"""

from __future__ import annotations

import re

from ..text import straighten

MAX_WORDS = 40  # a longer block is the story, whatever it says

# (pattern, at most this many words): matched against the whole block, case-folded, quotes straightened
_PATTERNS = [
    (r"(share|tweet|email|print|save)( this)?( article| story| page| post)?( on| via| with)?( (facebook|twitter|x|linkedin|whatsapp|email|reddit|messenger|bluesky)[ ,/|]*)*", 12),
    (r"(share|follow us|find us|like us)( on| via)? (facebook|twitter|x|linkedin|whatsapp|instagram|tiktok|youtube|bluesky)\b.*", 15),
    (r"(related|related (articles?|stories|content|coverage|topics|links|reading)|see also|also read|read more|more on this (story|topic)|read next|recommended|most (read|popular)|top stories|you may also like)( ?[:>\-|].*)?", 25),
    (r"(advertisement|advertising|ad|sponsored( content)?|paid content|promoted)", 3),
    (r"(story|article) continues (below|after)( (the )?(advertisement|ad))?", 8),
    (r"(sign up|subscribe)( now| today| here)?( (to|for) (our|the|a|this))? .*\b(newsletters?|briefing|digest|alerts|emails?|updates)\b.*", 30),
    (r"(get|receive) our .*\b(newsletters?|briefing)\b.*", 20),
    (r"(we|this (site|website))( use| uses| are using|'re using) cookies\b.*|.*\bour use of cookies\b.*|.*\byou (agree|consent) to\b.*\bcookies?\b.*", MAX_WORDS),
    (r"(accept|reject|manage|allow) (all )?cookies.*|cookie (settings|preferences|policy)", 10),
    (r"(copyright )?(©|\(c\)|copyright) ?\d{4}\b.*|.*\ball rights reserved\b.*", 20),
    (r"(click|tap) here to (subscribe|sign up|share|read more|comment)\b.*", 15),
    (r"(image|photo|picture) (copyright|source|credit)s?\b.*", 12),
    (r"(skip to (main )?content|back to top|jump to (navigation|content)|toggle navigation|menu)", 5),
]
_MATCHERS = [(re.compile(pattern + r"[.!]?"), limit) for pattern, limit in _PATTERNS]


def is_boilerplate(text: str) -> bool:
    """True when `text` (a line or a paragraph) is page furniture rather than the article."""
    words = text.split()
    if not words or len(words) > MAX_WORDS:
        return False
    line = " ".join(straighten(text).casefold().split())
    return any(len(words) <= limit and matcher.fullmatch(line) for matcher, limit in _MATCHERS)


def without_boilerplate(lines: list[str]) -> list[str]:
    return [line for line in lines if not is_boilerplate(line)]
