"""Pictures drawn at build time as inline SVG: a chart of dated events per month and a graph of the
actors named together. No script, no request: the page carries the picture.

Colours come from the theme: shapes carry classes that `docs/stylesheets/briefkit.css` colours with
Material's CSS variables (so both the light and the dark scheme read well), and `currentColor`
attributes as the fallback when the stylesheet is absent. Layouts are deterministic, so an unchanged
site regenerates byte-identical pages.
"""

from __future__ import annotations

import calendar
import math
from collections import Counter
from dataclasses import dataclass

from .html import attrs, block, escape

CHART_WIDTH, CHART_HEIGHT = 720, 140
MAX_MONTHS = 240  # a chart spans at most 20 years back from its latest event
MIN_EVENTS = 2  # below this a chart says nothing a list does not


def _figure(svg: str, caption: str) -> str:
    # data-search-exclude keeps the labels out of Material's search index; data-pagefind-ignore out of Pagefind's
    return block(f'<figure class="bk-figure" data-search-exclude data-pagefind-ignore>{svg}<figcaption>{escape(caption)}</figcaption></figure>')


def _svg(width: int, height: int, label: str, body: str) -> str:
    return (
        f'<svg class="bk-svg" viewBox="0 0 {width} {height}" width="100%" role="img"{attrs(aria_label=label)} '
        f'xmlns="http://www.w3.org/2000/svg" fill="currentColor"><title>{escape(label)}</title>{body}</svg>'
    )


# --- events per month -------------------------------------------------------------------------


def month_counts(dates: list[str]) -> tuple[Counter, int]:
    """Events per `YYYY-MM` from partial ISO dates (a range counts at its start), and how many were
    dated by year only (they have no month to stand in)."""
    months: Counter = Counter()
    year_only = 0
    for date in dates:
        start = date.split("/")[0]
        if len(start) >= 7:
            months[start[:7]] += 1
        else:
            year_only += 1
    return months, year_only


def timeline_chart(dates: list[str], label: str, *, first: str | None = None, last: str | None = None) -> str:
    """A bar per month from `first` to `last` (`YYYY-MM`; default: the events' own span, at most
    `MAX_MONTHS` back from the latest). Empty string when there is too little to draw."""
    months, year_only = month_counts(dates)
    if sum(months.values()) < MIN_EVENTS:
        return ""
    last = last or max(months)
    first = max(first or min(months), _shift(last, -(MAX_MONTHS - 1)))
    span = [_shift(first, n) for n in range(_months_between(first, last) + 1)]
    shown = {m: months[m] for m in span if months[m]}
    if not shown:
        return ""
    left, bottom, top = 28, CHART_HEIGHT - 20, 10
    step = (CHART_WIDTH - left - 4) / len(span)
    peak = max(shown.values())
    parts = [f'<path class="bk-axis" d="M{left} {bottom}H{CHART_WIDTH - 4}" stroke="currentColor" stroke-width="1"/>']
    parts.append(f'<text class="bk-label" x="{left - 4}" y="{top + 8}" text-anchor="end" font-size="11">{peak}</text>')
    # every bar in one path: a page's raw HTML is parsed tag by tag (by Markdown, then by the search
    # plugin), so a picture costs the build per element, not per byte
    width = max(step * 0.8, 1)
    bars = "".join(
        f"M{left + n * step + step * 0.1:.1f} {bottom}v{-max(1.5, (bottom - top) * shown[month] / peak):.1f}h{width:.1f}V{bottom}z"
        for n, month in enumerate(span) if month in shown
    )
    parts.append(f'<path class="bk-bar" d="{bars}"/>')
    parts += _year_ticks(span, left, step, bottom)
    outside = sum(months.values()) - sum(shown.values())
    caption = f"Dated events per month, {_month_name(span[0])} to {_month_name(span[-1])}"
    notes = [f"{outside} outside this span"] if outside else []
    notes += [f"{year_only} dated by year only"] if year_only else []
    caption += f" ({'; '.join(notes)})" if notes else ""
    return _figure(_svg(CHART_WIDTH, CHART_HEIGHT, label, "".join(parts)), caption + ".")


def _year_ticks(span: list[str], left: float, step: float, bottom: float) -> list[str]:
    years = [(n, m[:4]) for n, m in enumerate(span) if m.endswith("-01") or n == 0]
    every = max(1, math.ceil(len(years) * 40 / (CHART_WIDTH - left)))  # about 40 px per label
    ticks = []
    for k, (n, year) in enumerate(years):
        if k % every == 0:
            x = left + n * step
            ticks.append(f'<text class="bk-label" x="{x:.1f}" y="{bottom + 14}" font-size="11">{year}</text>')
    return ticks


def _shift(month: str, by: int) -> str:
    year, mon = int(month[:4]), int(month[5:7]) - 1 + by
    return f"{year + mon // 12:04d}-{mon % 12 + 1:02d}"


def _months_between(first: str, last: str) -> int:
    return (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7])


def _month_name(month: str) -> str:
    return f"{calendar.month_abbr[int(month[5:7])]} {month[:4]}"


# --- who appears with whom --------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    key: str
    label: str
    weight: int  # briefings naming the actor
    href: str | None = None


GRAPH_WIDTH, GRAPH_HEIGHT, GRAPH_RADIUS = 720, 400, 145
MAX_LABEL = 26


def cooccurrence_graph(nodes: list[Node], edges: dict[tuple[str, str], int], label: str, *, center: str | None = None) -> str:
    """Nodes on a circle (the `center` node, if any, in the middle), heaviest first clockwise from
    the top; an edge's width grows with the briefings its two actors share."""
    if len(nodes) < 2 or not edges:
        return ""
    cx, cy = GRAPH_WIDTH / 2, GRAPH_HEIGHT / 2
    ring = [n for n in nodes if n.key != center]
    place = {n.key: (cx, cy) for n in nodes if n.key == center}
    for i, node in enumerate(ring):
        angle = -math.pi / 2 + 2 * math.pi * i / len(ring)
        place[node.key] = (cx + GRAPH_RADIUS * math.cos(angle), cy + GRAPH_RADIUS * math.sin(angle))
    heaviest_edge = max(edges.values())
    heaviest_node = max(n.weight for n in nodes)
    by_width: dict[int, list[str]] = {}  # edges in three widths, one path each (see timeline_chart)
    for (a, b), shared in sorted(edges.items()):
        if a in place and b in place:
            (x1, y1), (x2, y2) = place[a], place[b]
            by_width.setdefault(min(2, 3 * shared // (heaviest_edge + 1)), []).append(f"M{x1:.1f} {y1:.1f}L{x2:.1f} {y2:.1f}")
    parts = [
        f'<path class="bk-edge" d="{"".join(segments)}" stroke="currentColor" stroke-opacity="0.35" stroke-width="{0.8 + 1.4 * width}"/>'
        for width, segments in sorted(by_width.items())
    ]
    dots = {False: [], True: []}
    for node in nodes:
        x, y = place[node.key]
        radius = 4 + 8 * math.sqrt(node.weight / heaviest_node)
        dots[node.key == center].append(f"M{x - radius:.1f} {y:.1f}a{radius:.1f} {radius:.1f} 0 1 0 {2 * radius:.1f} 0a{radius:.1f} {radius:.1f} 0 1 0 {-2 * radius:.1f} 0")
        parts.append(_label(node, (x, y), radius, (cx, cy), node.key == center))
    parts.insert(len(by_width), f'<path class="bk-node" d="{"".join(dots[False])}"/>')
    if dots[True]:
        parts.insert(len(by_width) + 1, f'<path class="bk-node bk-node-center" d="{"".join(dots[True])}"/>')
    return _figure(_svg(GRAPH_WIDTH, GRAPH_HEIGHT, label, "".join(parts)), "Actors named in the same briefings; thicker lines, more briefings shared.")


def _label(node: Node, at: tuple[float, float], radius: float, middle: tuple[float, float], is_center: bool) -> str:
    x, y = at
    text = node.label if len(node.label) <= MAX_LABEL else node.label[: MAX_LABEL - 1] + "…"
    if is_center:
        tx, ty, anchor = x, y - radius - 6, "middle"
    else:
        dx, dy = x - middle[0], y - middle[1]
        length = math.hypot(dx, dy) or 1
        tx, ty = x + dx / length * (radius + 5), y + dy / length * (radius + 5) + 4
        anchor = "start" if dx > 1 else "end" if dx < -1 else "middle"
    label = f'<text class="bk-label" x="{tx:.1f}" y="{ty:.1f}" text-anchor="{anchor}" font-size="12">{escape(text)}</text>'
    return f'<a href="{escape(node.href)}">{label}</a>' if node.href else label
