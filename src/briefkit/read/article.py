"""`Article`: what every reader produces and extraction consumes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["paragraph", "subheading", "caption"]


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    credit: str | None = None  # a caption's bracketed credit, e.g. "Jane Roe/AFP": never an actor


@dataclass
class Article:
    path: str  # the input path as given
    title: str
    blocks: list[Block]
    standfirst: str | None = None
    date: dt.date | None = None
    source_name: str | None = None
    url: str | None = None  # http(s) only: readers drop any other scheme
    author: str | None = None

    @property
    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "paragraph"]

    @property
    def text(self) -> str:
        """Title, standfirst and every block, one per line: what duplicates are compared on."""
        return "\n".join([self.title, self.standfirst or "", *(b.text for b in self.blocks)])

    @property
    def word_count(self) -> int:
        texts = [self.title, self.standfirst or "", *(b.text for b in self.blocks)]
        return sum(len(t.split()) for t in texts)
