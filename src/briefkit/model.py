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
    """Where the story comes from."""

    name: str | None = Field(default=None, description="The publisher or wire, as credited.", examples=["Example Wire"])
    file: str | None = Field(default=None, description="The article file the briefing was made from, as given to ingest; ingest finds its briefing again by it.", examples=["articles/harbour.txt"])
    url: str | None = Field(default=None, description="The article's address on the web.", examples=["https://example.org/news/harbour"])


class Actor(_Part):
    """Someone or something the story is about. Actors with the same name (or a unique alias) in
    several briefings share one page on the site."""

    name: str = Field(min_length=1, description="The full name, as the actor's page is titled.", examples=["Ada Osei"])
    kind: ActorKind = Field(description="What the actor is: `person`, `organization`, `place` or `group`.", examples=["person"])
    role: str | None = Field(default=None, description="The actor's role in this story.", examples=["union leader"])
    aliases: list[str] = Field(default=[], description="Other spellings used in the story (a surname, an acronym); they link to the same page.", examples=[["Osei"]])
    mentions: int = Field(default=1, ge=0, description="How often the story names the actor; actors are listed most mentioned first.", examples=[3])


class TimelineEntry(_Part):
    """A dated event of the story, shown on the site's timeline."""

    date: str = Field(description="`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or a range of two of them joined by `/` (earlier first).", examples=["2024-04", "1950/1953"])
    text: str = Field(min_length=1, description="What happened, in one sentence.", examples=["Dockers walked out over pay."])
    evidence: str | None = Field(default=None, description="The words of the article the date was read from.", examples=["in early April"])

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
            if not TIMELINE_DATE.match(value):
                raise ValueError(f"expected YYYY, YYYY-MM, YYYY-MM-DD or a range A/B of two of them, got {value!r}")
            if not _real_dates(value):
                raise ValueError(f"expected real dates, and a range that does not run backwards, got {value!r}")
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
    """Words someone said, attributed on the speaker's actor page."""

    speaker: str | None = Field(default=None, description="Who said it: an actor's name or alias links the quote to their page.", examples=["Ada Osei"])
    text: str = Field(min_length=1, description="The words, without quotation marks.", examples=["We won."])


class Provenance(_Part):
    """What ingest generated, so that a later ingest can tell whether a person edited the file."""

    generated: str = Field(description="sha256 of the generated front matter (without this key) and body: a briefing whose content no longer matches was edited by a person.")
    extractor: str = Field(description="The briefkit version that generated the briefing.", examples=["0.1.0"])
    fields: dict[str, str] = Field(default={}, description="A short hash of each generated top-level key and of `body`, so that `ingest --merge` refreshes only the fields nobody changed.")
    sections: dict[str, str] = Field(default={}, description="A short hash of each generated `## ` section of the body, by heading, so that `--merge` refreshes only the sections nobody changed.")


class Briefing(BaseModel):
    """A briefing file: the front matter (every field but `body`) and the Markdown body after it."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)

    title: str = Field(min_length=1, description="The headline; the page's title.", examples=["Ports strike ends after two weeks"])
    date: dt.date | None = Field(description="Publication date, ISO `YYYY-MM-DD`; `null` only when unknown (the key itself is required).", examples=[dt.date(2024, 5, 6)])
    summary: str = Field(default="", description="One to three sentences: shown in lists and as the page description.", examples=["Dockers return to work after a pay deal."])
    source: Source | None = Field(default=None, description="Where the story comes from.")
    actors: list[Actor] = Field(default=[], description="The people, organizations, places and groups of the story, most mentioned first.")
    topics: list[str] = Field(default=[], description="Topic ids from the taxonomy (`topics.yml`); each links the briefing to that topic's page.", examples=[["labour", "economy-business-finance"]])
    tags: list[str] = Field(default=[], description="Free labels, weighted heavily by the site search; those naming none of the briefing's actors or topics show on its panel and on the Tags page.", examples=[["night shifts", "Ada Osei"]])
    timeline: list[TimelineEntry] = Field(default=[], description="Dated events of the story.")
    quotes: list[Quote] = Field(default=[], description="Attributed quotes.")
    briefkit: Provenance | None = Field(default=None, description="Written by ingest: what it generated. Leave it as it is; a hand-written briefing has none.")
    # Markdown, kept as written; not a front-matter key
    body: Annotated[str, StringConstraints(strip_whitespace=False)] = Field(default="", exclude=True)

    @field_validator("date", mode="before")
    @classmethod
    def _strict_iso_date(cls, value: object) -> object:
        # pydantic would accept a number of seconds; a briefing date must be ISO.
        if isinstance(value, (int, float)) or (isinstance(value, str) and not _ISO_DAY.match(value.strip())):
            raise ValueError(f"expected an ISO date YYYY-MM-DD, got {value!r}")
        return value

    @field_validator("body", mode="before")
    @classmethod
    def _newlines(cls, value: object) -> object:
        # a text file's line endings are not content: files are written with \n and read back so
        return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value

    def front_matter(self) -> dict:
        """The front matter as plain YAML-ready data, in the contract's key order."""
        data = self.model_dump(mode="python", exclude={"body"})
        if data.get("briefkit") is None:
            data.pop("briefkit", None)
        else:  # briefings stamped before per-field records keep their two keys
            data["briefkit"] = {k: v for k, v in data["briefkit"].items() if v != {}}
        return data
