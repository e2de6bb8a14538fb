"""The benchmark's running estimates and its report: Markdown tables of the measured steps, and the
issue's targets next to what was measured."""

from __future__ import annotations

import time

from bench_steps import Features, Row
from benchlib import fmt, markdown_table

GB = 2000  # MiB: the 2 GB memory target, read generously as 2,000 MiB


class Plan:
    """Prints each long step with its estimated time, from rates measured earlier in the run (before
    any: the figures the issue measured on this machine)."""

    def __init__(self, features: Features) -> None:
        self.features = features
        self.naive_rate = 4300.0  # words/s, spaCy's full pipeline in one process
        self.ingest_rate = 6000.0 if features.jobs else 4000.0  # words/s of a cold ingest
        self.build_per_briefing = 0.03  # seconds of `briefkit build` per briefing
        self.plain_per_briefing = 0.01
        self.start = time.perf_counter()

    def step(self, what: str, estimate: float) -> None:
        elapsed = time.perf_counter() - self.start
        print(f"[{elapsed / 60:5.1f} min] {what}: about {_duration(estimate)}", flush=True)

    def naive_seconds(self, words: int) -> float:
        return 2 + words / self.naive_rate

    def ingest_seconds(self, words: int, *, repeat: bool) -> float:
        cold = 5 + words / self.ingest_rate
        return cold + (2 * (5 if self.features.cache else cold) if repeat else 0)

    def build_seconds(self, briefings: int) -> float:
        return 10 + briefings * (self.build_per_briefing + self.plain_per_briefing)

    def learn_build(self, briefings: int, rows: list[Row]) -> None:
        if briefings < 100 or len(rows) < 2:
            return
        self.build_per_briefing = rows[0].run.seconds / briefings
        self.plain_per_briefing = rows[1].run.seconds / briefings


def _duration(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 120 else f"{seconds / 60:.0f} min"


# --- tables -----------------------------------------------------------------------------------


def _rate(count: float | None, seconds: float | None) -> float | None:
    return count / seconds if count is not None and seconds else None


def _naive(rows: list[Row]) -> Row | None:
    return next((r for r in rows if r.step.startswith("naive")), None)


def ingest_table(rows: list[Row]) -> str:
    naive = _naive(rows)
    naive_rate = _rate(naive.values["words"], naive.values["seconds"]) if naive else None
    lines = []
    for r in (r for r in rows if r.kind == "ingest"):
        v, rated = r.values, r is naive or r.step.startswith("cold")
        words_s = _rate(v["words"], v["seconds"]) if rated else None
        ratio = words_s / naive_rate if words_s and naive_rate and r is not naive else None
        lines.append([r.group, r.step, f"{v['articles']:,}", f"{v['words']:,}", fmt(v["seconds"]), fmt(r.run.cpu), fmt(r.run.others),
                      fmt(_rate(v["articles"], v["seconds"]) if rated else None), fmt(words_s, 0, thousands=True),
                      f"{ratio:.2f}×" if ratio else "—", fmt(r.run.tree_mib, 0, thousands=True), fmt(r.run.pss_mib, 0, thousands=True), fmt(r.run.largest_mib, 0, thousands=True), r.note])
    headers = ["set", "step", "articles", "words", "seconds", "CPU s", "other work, cores", "articles/s", "words/s", "vs naive", "peak MiB (tree)", "peak PSS MiB (tree)", "largest process MiB", "outcome"]
    return markdown_table(headers, lines)


def build_table(rows: list[Row]) -> str:
    lines, plain_per_page = [], {}
    for r in rows:
        if r.kind == "build" and r.step.startswith("plain") and r.values.get("pages"):
            plain_per_page[r.group] = r.values["seconds"] / r.values["pages"]
    for r in (r for r in rows if r.kind == "build"):
        v = r.values
        per_page = v["seconds"] / v["pages"] if v.get("pages") else None
        ratio = per_page / plain_per_page[r.group] if per_page and r.group in plain_per_page and not r.step.startswith("plain") else None
        lines.append([r.group, r.step, f"{v['pages']:,}" if "pages" in v else "—", fmt(r.run.seconds), fmt(r.run.cpu), fmt(r.run.others), fmt(per_page * 1000 if per_page else None, 2),
                      f"{ratio:.2f}×" if ratio else "—", fmt(v.get("site")), fmt(v.get("search")), fmt(v.get("pagefind")),
                      fmt(r.run.tree_mib, 0, thousands=True), fmt(r.run.pss_mib, 0, thousands=True), fmt(r.run.largest_mib, 0, thousands=True), r.note])
    headers = ["set", "build", "pages", "seconds", "CPU s", "other work, cores", "ms/page", "vs plain per page", "site MiB", "search index MiB", "Pagefind MiB",
               "peak MiB (tree)", "peak PSS MiB (tree)", "largest process MiB", "note"]
    return markdown_table(headers, lines)


def serve_table(rows: list[Row]) -> str:
    lines = [[r.group, f"{r.values['briefings']:,}", fmt(r.values.get("ready")), fmt(r.values.get("latency"), 2),
              fmt(r.run.tree_mib, 0, thousands=True), fmt(r.run.pss_mib, 0, thousands=True), fmt(r.run.largest_mib, 0, thousands=True), r.note] for r in rows if r.kind == "serve"]
    headers = ["set", "briefings", "serving after s", "edit → visible s", "peak MiB (tree)", "peak PSS MiB (tree)", "largest process MiB", "note"]
    return markdown_table(headers, lines)


# --- targets ----------------------------------------------------------------------------------


def _find(rows: list[Row], kind: str, group: str, step: str) -> Row | None:
    return next((r for r in rows if r.kind == kind and r.group.startswith(group) and r.step.startswith(step) and r.run), None)


def _met(ok: bool | None) -> str:
    return "—" if ok is None else ("yes" if ok else "**no**")


def ingest_targets(rows: list[Row]) -> list[list[str]]:
    naive, cold = _naive(rows), _find(rows, "ingest", "BBC", "cold")
    again, changed = _find(rows, "ingest", "BBC", "ingest again"), _find(rows, "ingest", "BBC", "ingest after")
    out = []
    if naive and cold:
        ratio = (cold.values["words"] / cold.values["seconds"]) / (naive.values["words"] / naive.values["seconds"])
        out.append(["cold ingest of BBC News ≥ 1.5 × naive (words/s)", f"{ratio:.2f}× ({cold.values['articles']:,} articles)", _met(ratio >= 1.5)])
    if again:
        out.append(["second ingest, nothing changed ≤ 3 s", f"{again.run.seconds:.1f} s ({again.values['articles']:,} articles)", _met(again.run.seconds <= 3)])
    if changed and naive:
        own = naive.values["load"] + changed.values["changed_words"] / (naive.values["words"] / naive.values["seconds"])
        out.append(["one article changed ≤ 3 s + its own processing", f"{changed.run.seconds:.1f} s (bound {3 + own:.1f} s: 3 s + model load and "
                    f"{changed.values['changed_words']} words at the naive rate)", _met(changed.run.seconds <= 3 + own)])
    return out


def build_targets(rows: list[Row]) -> list[list[str]]:
    out = []
    built, plain = _find(rows, "build", "synthetic", "briefkit"), _find(rows, "build", "synthetic", "plain")
    if built and built.values:
        out.append([f"full build of {built.group} briefings ≤ 60 s", f"{built.run.seconds:.1f} s", _met(built.run.seconds <= 60)])
    if built and built.values and plain:
        ratio = (built.run.seconds / built.values["pages"]) / (plain.run.seconds / plain.values["pages"])
        out.append(["per page ≤ 1.3 × a plain small-nav mkdocs build", f"{ratio:.2f}× ({built.values['pages']:,} pages)", _met(ratio <= 1.3)])
    serve = _find(rows, "serve", "synthetic", "")
    if serve:
        latency = serve.values.get("latency")
        out.append([f"`briefkit serve` shows an edit ≤ 5 s ({serve.group})", f"{latency:.2f} s" if latency is not None else serve.note, _met(latency is not None and latency <= 5)])
    return out


def scale_targets(rows: list[Row]) -> list[list[str]]:
    out = []
    for size, target in (("generated 10,000", "peak memory ≤ 2 GB at 10,000 briefings, ingest and build"),
                         ("generated 50,000", "the 50,000-article set ingests and builds to completion")):
        steps = [r for r in rows if r.group == size and r.run and not r.step.startswith("plain")]
        if not steps:
            out.append([target, "not measured in this run" + (" (--large)" if "50" in size else ""), "—"])
            continue
        peak, largest = max(r.run.tree_mib for r in steps), max(r.run.largest_mib for r in steps)
        pss = max((r.run.pss_mib for r in steps if r.run.pss_mib is not None), default=None)
        failed = [r for r in steps if r.note.startswith("FAILED")]
        ingest = next((r for r in steps if r.step.startswith("cold")), None)
        build = next((r for r in steps if r.kind == "build"), None)
        done = f"ingest {ingest.run.seconds / 60:.1f} min, build {build.run.seconds / 60:.1f} min; " if ingest and build else ""
        ok = peak <= GB if "10,000" in size else not failed and ingest is not None and build is not None
        shared = f" ({pss:,.0f} MiB PSS)" if pss is not None else ""
        out.append([target, f"{done}peak {peak:,.0f} MiB (tree){shared}, largest process {largest:,.0f} MiB", _met(ok)])
    return out


def render(rows: list[Row], *, sizes: dict, header: str, load: tuple[str, str], seconds: float, argv: list[str]) -> str:
    command = " ".join(["python scripts/bench.py", *argv])
    targets = ingest_targets(rows) + build_targets(rows) + scale_targets(rows)
    parts = [
        "# Benchmark results",
        f"`{command}` on {header} Load average (1, 5, 15 min) {load[0]} at the start, {load[1]} at the end; "
        f"{seconds / 60:.1f} min in all.",
        "## Targets (issue 8)",
        markdown_table(["target", "measured", "met"], targets),
        "## Ingest",
        ingest_table(rows) if any(r.kind == "ingest" for r in rows) else "Not run.",
        "## Build",
        build_table(rows) if any(r.kind == "build" for r in rows) else "Not run.",
        "## Serve",
        serve_table(rows) if any(r.kind == "serve" for r in rows) else "Not run.",
        "## How to read it",
        "Seconds are wall time of the CLI in a child process, start-up and model loading included (the "
        "naive baseline's model load is not counted, in its favour); CPU s is the user and system time of "
        "the process and its descendants (for the naive baseline, model load included), which other work on "
        "the machine disturbs less than wall time; other work is the CPU time every other process of the "
        "machine used meanwhile (the benchmark's own sampling included, a few hundredths), in cores: on a "
        "shared two-core machine, wall times and ratios measured while it is high are pessimistic. Words are whitespace-separated words "
        "of the article files. Peak MiB (tree) is the largest sum of VmRSS over the process and all its "
        "descendants, sampled every 50 ms (pages shared between processes count once per process: a forked "
        "child's copy of its parent counts twice); peak PSS is the same sum of proportional set sizes (each "
        "shared page divided among the processes that share it), sampled every 200 ms; largest "
        "process is the kernel's ru_maxrss of the biggest one. Pages are the HTML pages MkDocs wrote (not "
        "404.html, nor Pagefind's); the plain build renders as many pages made of the same briefing texts "
        "with a one-entry nav and Material's search.",
    ]
    return "\n\n".join(parts) + "\n"
