"""The briefing schema: one set of pydantic models read and written by ingest, check and the site.

The front matter of a briefing file is `Briefing` minus `body`; its keys and shapes are a public
contract (see the writing guide). Unknown keys are kept, so people can add their own.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

ActorKind = Literal["person", "organization", "place", "group"]

# YYYY, YYYY-MM or YYYY-MM-DD, or a range of two of them joined by "/" (ISO 8601 interval).
_PARTIAL_DATE = r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"
TIMELINE_DATE = re.compile(rf"^{_PARTIAL_DATE}(?:/{_PARTIAL_DATE})?$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Source(_Part):
    name: str | None = None
    file: str | None = None
    url: str | None = None


class Actor(_Part):
    name: str = Field(min_length=1)
    kind: ActorKind
    role: str | None = None
    aliases: list[str] = []
    mentions: int = Field(default=1, ge=0)


class TimelineEntry(_Part):
    date: str
    text: str = Field(min_length=1)
    evidence: str | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _iso_partial_date(cls, value: object) -> object:
        if isinstance(value, dt.datetime):  # an unquoted YAML timestamp: the day is what a timeline shows
            value = value.date()
        if isinstance(value, dt.date):  # an unquoted YAML date
            return value.isoformat()
        if isinstance(value, int):  # an unquoted YAML year
            value = str(value)
        if isinstance(value, str):
            value = value.strip()
            if not TIMELINE_DATE.match(value) or not _real_dates(value):
                raise ValueError(f"expected YYYY, YYYY-MM, YYYY-MM-DD or a range A/B (A before B), got {value!r}")
        return value

    @property
    def start(self) -> str:
        return self.date.split("/")[0]


def _real_dates(value: str) -> bool:
    """Every end is a real calendar date (no 30 February) and a range does not run backwards."""
    ends = value.split("/")
    for end in ends:
        if len(end) == 10:
            try:
                dt.date.fromisoformat(end)
            except ValueError:
                return False
    return len(ends) == 1 or ends[0] <= ends[1]


class Quote(_Part):
    speaker: str | None = None
    text: str = Field(min_length=1)


class Provenance(_Part):
    """What ingest generated, so that a later ingest can tell whether a person edited the file."""

    generated: str  # sha256 of the generated front matter (without this key) and body
    extractor: str  # briefkit version that made it


class Briefing(BaseModel):
    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)

    title: str = Field(min_length=1)
    date: dt.date | None
    summary: str = ""
    source: Source | None = None
    actors: list[Actor] = []
    topics: list[str] = []
    tags: list[str] = []
    timeline: list[TimelineEntry] = []
    quotes: list[Quote] = []
    briefkit: Provenance | None = None
    body: Annotated[str, StringConstraints(strip_whitespace=False)] = Field(default="", exclude=True)  # Markdown, kept as written

    @field_validator("date", mode="before")
    @classmethod
    def _strict_iso_date(cls, value: object) -> object:
        # pydantic would accept a number of seconds; a briefing date must be ISO.
        if isinstance(value, (int, float)) or (isinstance(value, str) and not _ISO_DAY.match(value.strip())):
            raise ValueError(f"expected an ISO date YYYY-MM-DD, got {value!r}")
        return value

    def front_matter(self) -> dict:
        """The front matter as plain YAML-ready data, in the contract's key order."""
        data = self.model_dump(mode="python", exclude={"body"})
        if data.get("briefkit") is None:
            data.pop("briefkit", None)
        return data
