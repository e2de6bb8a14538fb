"""Synthetic briefings for benchmarks: deterministic, varied front matter and bodies made from the
script's own invented vocabulary (no third-party text)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from briefkit.model import Actor, Briefing, Quote, Source, TimelineEntry
from briefkit.store import dump_briefing
from briefkit.taxonomy import load_taxonomy

FIRST = "Ada Ben Cara Dov Ema Finn Gala Hugo Ines Jon Kira Leo Mira Nils Olga Piet Quinn Rosa Sven Tara Uma Vik Wen Yara Zeno".split()
LAST = "Abbot Brandt Castell Dorn Ekberg Falk Grau Holm Ivers Jansen Kovac Lund Moreau Novak Orsi Perrin Quist Rask Sato Toller Ueda Varga Weiss Yilmaz Zorn".split()
ORGS = [f"{a} {b}" for a in "Northern Atlantic Central United Royal Federal Global Pacific".split() for b in "Bank Council Agency Union Institute Authority".split()]
INITIALS = "ABCDEFGHJKLMNPRSTVW"
PLACES = "Aldmoor Brevik Calvera Dunmore Eskarra Fenwick Galdor Halvik Istra Jorvik Kelso Lorne Marvik Norrland Ostra Pellin Quarry Rovan Sella Tarvik".split()
ROLES = ["finance minister", "spokeswoman", "chief executive", "central bank governor", "prime minister", "envoy", "coach", "judge"]
WORDS = ("talks agreement minister market rates council vote court ruling summit trade deal budget "
         "growth election report season match inquiry policy sanctions energy climate river storm").split()


def _sentence(rng: random.Random, names: list[str]) -> str:
    words = rng.sample(WORDS, 8)
    return f"{rng.choice(names)} said the {words[0]} on {words[1]} would shape the {words[2]} and the {words[3]} of {words[4]} {words[5]}."


def synthetic_briefing(n: int, rng: random.Random, topics: list[str]) -> Briefing:
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.randint(2, 5))]
    actors = [Actor(name=p, kind="person", role=rng.choice(ROLES), aliases=[p.split()[1]], mentions=rng.randint(1, 6)) for p in dict.fromkeys(people)]
    actors += [Actor(name=o, kind="organization", mentions=rng.randint(1, 4)) for o in rng.sample(ORGS, 2)]
    actors += [Actor(name=p, kind="place", mentions=rng.randint(1, 4)) for p in rng.sample(PLACES, 2)]
    # news has a long tail: most people are named in one story only (a middle initial makes ~16,000 names)
    tail = {f"{rng.choice(FIRST)} {rng.choice(INITIALS)}. {rng.choice(LAST)}" for _ in range(rng.randint(1, 3))}
    actors += [Actor(name=p, kind="person", role=rng.choice(ROLES), mentions=1) for p in sorted(tail)]
    published = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 4000))
    names = [a.name for a in actors[:3]]
    timeline = [
        TimelineEntry(date=(published - dt.timedelta(days=rng.randint(0, 400))).isoformat()[: rng.choice((4, 7, 10))], text=_sentence(rng, names), evidence="last month")
        for _ in range(rng.randint(1, 5))
    ]
    paragraphs = ["\n\n".join(" ".join(_sentence(rng, names) for _ in range(3)) for _ in range(rng.randint(5, 9)))]
    chosen = rng.sample(topics, 2)
    briefing = Briefing(
        title=f"Briefing {n}: {rng.choice(WORDS).title()} {rng.choice(WORDS)} in {rng.choice(PLACES)}",
        date=published,
        summary=_sentence(rng, names),
        source=Source(name="Synthetic Wire", file=f"synthetic/{n}.txt"),
        actors=actors,
        topics=chosen,
        tags=[a.name for a in actors[:4]],
        timeline=timeline,
        quotes=[Quote(speaker=names[0], text=_sentence(rng, names))],
    )
    briefing.body = "## Summary\n\n" + briefing.summary + "\n\n## Article\n\n" + "\n\n".join(paragraphs) + "\n"
    return briefing


def write_synthetic(count: int, folder: Path, *, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    topics = list(load_taxonomy().topics)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"synthetic-{n:05d}.md"
        path.write_text(dump_briefing(synthetic_briefing(n, rng, topics)), "utf-8")
        paths.append(path)
    return paths
