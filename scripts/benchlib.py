"""What the benchmarks share: running a child process while measuring its time and the memory of its
whole process tree, counting and sizing built sites, making throw-away projects, describing the
machine, and printing Markdown tables."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import frontmatter

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
BRIEFKIT = str(BIN / "briefkit")
MKDOCS = str(BIN / "mkdocs")
# Folders of docs/ that `briefkit build` generates: a fresh project starts without them.
GENERATED = ("briefings", "actors", "topics", "timeline", "explore", "feeds", "_snippets")
PLAIN_CONFIG = """site_name: plain
theme: {name: material, font: false}
plugins: [search]
nav: [{Home: index.md}]
not_in_nav: /pages/*
"""
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "COLUMNS": "200"}
_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


# --- measuring a process tree -----------------------------------------------------------------


def _children() -> dict[int, list[int]]:
    """Every process's children, from the parent pid in /proc/<pid>/stat (this kernel has no
    /proc/<pid>/task/<tid>/children)."""
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()  # the name may hold spaces and ')'
        except OSError:  # it ended while we looked
            continue
        tree.setdefault(int(fields[1]), []).append(int(entry.name))
    return tree


def _rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            return int(statm.read().split()[1]) * _PAGE_SIZE  # resident pages: VmRSS
    except (OSError, IndexError, ValueError):
        return 0


def _pss_bytes(pid: int) -> int:
    """Proportional set size: each resident page divided among the processes sharing it, so that
    a tree of forked processes is not counted once per process."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as rollup:
            for line in rollup:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0


def busy_seconds() -> float:
    """CPU seconds every process of the machine has used since boot (/proc/stat, all cores)."""
    with open("/proc/stat") as stat:
        user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, stat.readline().split()[1:9])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def tree_rss(root: int) -> int:
    """Resident bytes of `root` and all its descendants, summed (shared pages count once per process)."""
    return sum(_rss_bytes(pid) for pid in _tree(root))


def tree_pss(root: int) -> int:
    """Proportional resident bytes of `root` and all its descendants, summed (shared pages once)."""
    return sum(_pss_bytes(pid) for pid in _tree(root))


def _tree(root: int) -> list[int]:
    tree, found, todo = _children(), [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(tree.get(pid, ()))
    return found


class TreeSampler:
    """Samples the resident memory of a process tree every `interval` seconds in a thread: `peak` is
    the largest sum of VmRSS seen, `peak_pss` the largest sum of PSS, sampled every `pss_every`-th
    time (the kernel walks each process's page tables for it: too costly every 50 ms)."""

    def __init__(self, pid: int, interval: float = 0.05, pss_every: int = 4) -> None:
        self.pid, self.interval, self.pss_every = pid, interval, pss_every
        self.peak = self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        samples = 0
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss(self.pid))
            if samples % self.pss_every == 0:
                self.peak_pss = max(self.peak_pss, tree_pss(self.pid))
            samples += 1
            self._stop.wait(self.interval)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


@dataclass
class Measured:
    seconds: float
    cpu: float  # user + system seconds of the process and its waited-for descendants
    tree_mib: float  # peak of the sampled sum of VmRSS over the process and its descendants
    largest_mib: float  # ru_maxrss of the largest process of the tree, as the kernel reports it
    returncode: int
    stdout: str
    stderr: str
    others: float | None = None  # cores busy with other work meanwhile (the machine may be shared)
    pss_mib: float | None = None  # peak of the sampled sum of PSS over the tree: shared pages once


def measure(command: list[str], cwd: Path, *, check: bool = True, timeout: float | None = None) -> Measured:
    """Run `command` in `cwd` to its end, measuring wall time and peak memory. `os.wait4` gives the
    child's resource usage including its waited-for descendants, so `ru_maxrss` is the largest
    process of the tree; the sampler gives the tree's summed resident memory."""
    os.sync()  # what the benchmark wrote to set the step up (a project, articles) is not the step's to write back
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start, busy = time.perf_counter(), busy_seconds()
        child = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err, env=ENV, text=True)
        sampler = TreeSampler(child.pid)
        watchdog = threading.Timer(timeout, child.kill) if timeout else None
        if watchdog:
            watchdog.start()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        if watchdog:
            watchdog.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait again
        peak = sampler.stop()
        out.seek(0)
        err.seek(0)
        cpu = usage.ru_utime + usage.ru_stime
        others = max(0.0, busy_seconds() - busy - cpu) / seconds if seconds else None
        done = Measured(seconds, cpu, peak / 2**20, usage.ru_maxrss / 1024, child.returncode, out.read(), err.read(), others, sampler.peak_pss / 2**20)
    if check and done.returncode:
        raise SystemExit(f"`{' '.join(command)}` (in {cwd}) exited {done.returncode}:\n{done.stderr[-3000:]}")
    return done


# --- sites and projects -----------------------------------------------------------------------


def pages(site: Path) -> int:
    """HTML pages MkDocs rendered (not 404.html, nor Pagefind's files)."""
    return sum(1 for p in site.rglob("*.html") if p.name != "404.html" and "pagefind" not in p.relative_to(site).parts)


def size_mib(path: Path) -> float | None:
    """Size of a file, or of every file under a folder; None when it does not exist."""
    if path.is_file():
        return path.stat().st_size / 2**20
    if path.is_dir():
        return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20
    return None


def briefkit_project(folder: Path, briefings: Path | None = None, *, minimum: int | None = None) -> Path:
    """A project like the repository's (mkdocs.yml, hand-written docs) in `folder`, with a copy of
    `briefings` (or an empty briefings/); `minimum` overrides `min_actor_briefings`."""
    folder.mkdir(parents=True)
    config = (REPO / "mkdocs.yml").read_text("utf-8")
    if minimum is not None:
        config, found = re.subn(r"(min_actor_briefings:\s*)\d+", rf"\g<1>{minimum}", config)
        if not found:
            config += f"\nextra:\n  briefkit:\n    min_actor_briefings: {minimum}\n"
    (folder / "mkdocs.yml").write_text(config, "utf-8")
    shutil.copytree(REPO / "docs", folder / "docs", ignore=shutil.ignore_patterns(*GENERATED))
    if briefings is not None:
        shutil.copytree(briefings, folder / "briefings")
    else:
        (folder / "briefings").mkdir()
    return folder


def plain_project(folder: Path, briefings: list[Path], count: int) -> Path:
    """A bare small-nav MkDocs project of `count` pages: a home page and the briefings' titles and
    bodies as plain pages (cycled through when `count` exceeds them)."""
    (folder / "docs" / "pages").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(PLAIN_CONFIG)
    (folder / "docs" / "index.md").write_text("# Plain\n")
    texts = []
    for path in briefings[: max(count - 1, 0)]:
        post = frontmatter.load(path)
        texts.append(f"# {post['title']}\n\n{post.content}\n")
    for n in range(count - 1):
        (folder / "docs" / "pages" / f"page-{n:05d}.md").write_text(texts[n % len(texts)], "utf-8")
    return folder


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- the machine and the output ---------------------------------------------------------------


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def commit() -> str:
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    return head + (" + uncommitted changes" if git("status", "--porcelain", "--untracked-files=no") else "")


def source_fingerprint() -> str:
    """A hash of briefkit's source files, to tell whether the code changed during a run."""
    digest = hashlib.sha256()
    for path in sorted((REPO / "src" / "briefkit").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(REPO)).encode() + path.read_bytes())
    return digest.hexdigest()


def machine() -> str:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    memory = os.sysconf("SC_PHYS_PAGES") * _PAGE_SIZE / 2**30
    return (f"{dt.date.today().isoformat()}, {cores} cores ({cpu_model()}), {memory:.0f} GiB RAM, "
            f"Python {platform.python_version()}, commit {commit()}")


def load_average() -> str:
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


_NUMBER = re.compile(r"^(—|[\d.,]+( ?[%×s])?)$")


def markdown_table(headers: list[str], rows: list[list[str]]) -> str:
    """A Markdown table, columns padded to line up; numeric columns right-aligned."""
    rows = [[str(c).replace("|", "\\|") for c in r] for r in rows]
    widths = [max(len(str(c)) for c in column) for column in zip(headers, *rows)]
    numeric = [bool(rows) and all(_NUMBER.match(str(r[i])) for r in rows) for i in range(len(headers))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(str(c).rjust(w) if n else str(c).ljust(w) for c, w, n in zip(cells, widths, numeric)) + " |"

    rule = "|" + "|".join("-" * (w + 1) + (":" if n else "-") for w, n in zip(widths, numeric)) + "|"
    return "\n".join([line(headers), rule, *(line(r) for r in rows)])


def fmt(value: float | None, digits: int = 1, *, thousands: bool = False) -> str:
    if value is None:
        return "—"
    return f"{value:,.{digits}f}" if thousands else f"{value:.{digits}f}"
