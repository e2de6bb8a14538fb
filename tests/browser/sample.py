"""The browser tests' project: the repository's mkdocs.yml and hand-written docs, an `actors.yml`,
and briefings written here with known actors, topics, years and dated events."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from briefkit.model import Actor, Briefing, Quote, Source, TimelineEntry
from briefkit.site.generate import GENERATED_FOLDERS
from briefkit.store import dump_briefing

REPO = Path(__file__).resolve().parent.parent.parent
SURNAME = "Osei"
ACTOR = "Ada Osei"

REGISTRY = """actors:
  - name: Ada Osei
    kind: person
    aliases: [A. Osei, Ada K. Osei]
    description: Leader of the Portmere dockers' union.
"""


def _briefing(title, date, actors, topics, timeline=(), quotes=(), body="") -> Briefing:
    written = Briefing(
        title=title,
        date=date,
        summary=f"{title}, in short.",
        source=Source(name="Coastal Wire", url="https://news.example.org/story"),
        actors=[Actor(name=name, kind=kind, role=role, aliases=list(aliases)) for name, kind, role, *aliases in actors],
        topics=topics,
        timeline=[TimelineEntry(date=d, text=t) for d, t in timeline],
        quotes=[Quote(speaker=s, text=t) for s, t in quotes],
    )
    written.body = f"## Summary\n\n{written.summary}\n\n## Article\n\n{body or title + '.'}\n"
    return written


# Ada Osei is named in four briefings, once only as "A. Osei" (the registry's alias); one more
# briefing mentions an "Osei Street" in its text alone and must not outrank hers in search.
BRIEFINGS = {
    "dockers-strike.md": _briefing(
        "Dockers strike over pay at Portmere", dt.date(2023, 5, 2),
        [(ACTOR, "person", "union leader", SURNAME), ("Harbour Board", "organization", None), ("Portmere", "place", None)],
        ["labour", "economy-business-finance"],
        timeline=[("2023-04-20", "Ada Osei called a strike ballot."), ("2023-05-01", "Dockers walked out at Portmere.")],
        quotes=[(ACTOR, "We want fair pay.")],
    ),
    "strike-ends.md": _briefing(
        "Port strike ends after talks", dt.date(2023, 6, 14),
        [(ACTOR, "person", "union leader"), ("Harbour Board", "organization", None), ("Leo Brandt", "person", "mediator")],
        ["labour"],
        timeline=[("2023-06-10", "Talks led by Leo Brandt began."), ("2023-06-13", "Osei accepted the offer.")],
        quotes=[(SURNAME, "We won.")],
    ),
    "board-chair.md": _briefing(
        "Harbour Board names a new chair", dt.date(2024, 2, 9),
        [("Harbour Board", "organization", None), ("Mira Castell", "person", "chair"), ("A. Osei", "person", "union leader")],
        ["economy-business-finance"],
        timeline=[("2024-01", "The old chair resigned."), ("2024-02-08", "The board voted for Mira Castell.")],
    ),
    "ferry-link.md": _briefing(
        "Ferry link to Brevik reopens", dt.date(2024, 3, 3),
        [("Brevik", "place", None), ("Portmere", "place", None), ("Harbour Board", "organization", None), (ACTOR, "person", "union leader")],
        ["trade"],
        timeline=[("2023-11", "The ferry link closed for repairs."), ("2024-03-01", "Repairs ended.")],
    ),
    "street-works.md": _briefing(
        "Street works close the old town", dt.date(2024, 3, 20),
        [("Portmere Council", "organization", None), ("Portmere", "place", None)],
        ["government"],
        timeline=[("2024-03-18", "Works began.")],
        body="Osei Street and Harbour Lane are closed until May while the council relays the cobbles.",
    ),
    "election-call.md": _briefing(
        "Council election called for June", dt.date(2024, 4, 2),
        [("Portmere Council", "organization", None), ("Mira Castell", "person", "candidate")],
        ["elections", "government"],
        timeline=[("2024-06", "The council election is due.")],
    ),
}
NAMING_ACTOR = ["dockers-strike", "strike-ends", "board-chair", "ferry-link"]


def write_project(root: Path) -> Path:
    root.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs", ignore=shutil.ignore_patterns(*GENERATED_FOLDERS))
    (root / "actors.yml").write_text(REGISTRY, "utf-8")
    (root / "briefings").mkdir()
    for name, written in BRIEFINGS.items():
        (root / "briefings" / name).write_text(dump_briefing(written), "utf-8")
    return root
