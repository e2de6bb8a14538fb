"""Build time of a briefkit site next to a plain small-nav `mkdocs build` of the same briefing pages.

    python scripts/bench_build.py [--briefings 3000] [--min-actor-briefings 1 2]

briefkit's full build (generate the Markdown, MkDocs, Pagefind) runs once per `min_actor_briefings`
value, each in a fresh temporary project, then again with nothing changed; the plain build renders
the same briefing texts as bare pages. Every build is a child process; CPU seconds are its own and
its descendants' (os.wait4); peak memory is the summed resident memory of its process tree (MkDocs,
and Pagefind's binary), sampled from /proc every 50 ms (scripts/benchlib.py), not an estimate.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import MKDOCS, briefkit_project, measure, pages, plain_project, size_mib  # noqa: E402
from synthetic import write_synthetic  # noqa: E402

# The same steps as `briefkit build --strict`, in a child, printing the phases' seconds as JSON.
BUILD = (
    "import json, resource; from briefkit.project import Project; from briefkit.site.build import build_site;"
    "r = build_site(Project.find(), strict=True);"
    "print(json.dumps({**r.seconds, 'indexed': r.search.pages}))"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefings", type=int, default=1000)
    parser.add_argument("--min-actor-briefings", type=int, nargs="+", default=[1, 2], metavar="N")
    args = parser.parse_args()
    rows, phases = [], []
    with tempfile.TemporaryDirectory(prefix="briefkit-bench-") as tmp:
        root = Path(tmp)
        written = write_synthetic(args.briefings, root / "briefings")
        plain = plain_project(root / "plain", written, len(written) + 1)
        run = measure([MKDOCS, "build", "--strict", "--quiet"], plain)
        rows.append(("plain mkdocs build, small nav", run.seconds, run.cpu, pages(plain / "site"), run.tree_mib, size_mib(plain / "site")))
        for minimum in args.min_actor_briefings:
            project = briefkit_project(root / f"briefkit-n{minimum}", root / "briefings", minimum=minimum)
            for label in ("cold", "again, nothing changed"):
                run = measure([sys.executable, "-c", BUILD], project)
                rows.append((f"briefkit N={minimum} ({label})", run.seconds, run.cpu, pages(project / "site"), run.tree_mib, size_mib(project / "site")))
                phases.append((f"N={minimum} ({label})", json.loads(run.stdout.strip().splitlines()[-1])))
            shutil.rmtree(project)
    report(args.briefings, rows, phases)


def report(count: int, rows: list[tuple], phases: list[tuple]) -> None:
    print(f"{count:,} synthetic briefings, {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    print(f"| {'build':<38} | {'seconds':>7} | {'CPU s':>6} | {'pages':>6} | {'ms/page':>7} | {'vs plain':>8} | {'CPU vs plain':>12} | {'peak MiB':>8} | {'site MiB':>8} |")
    print(f"|{'-' * 40}|{'-' * 9}|{'-' * 8}|{'-' * 8}|{'-' * 9}|{'-' * 10}|{'-' * 14}|{'-' * 10}|{'-' * 10}|")
    _, plain_seconds, plain_cpu, plain_pages, _, _ = rows[0]
    for step, seconds, cpu, n, peak, site in rows:
        wall_ratio = (seconds / n) / (plain_seconds / plain_pages)
        cpu_ratio = (cpu / n) / (plain_cpu / plain_pages)
        print(f"| {step:<38} | {seconds:7.1f} | {cpu:6.1f} | {n:6,} | {1000 * seconds / n:7.2f} | {wall_ratio:7.2f}x | {cpu_ratio:11.2f}x | {peak:8.0f} | {site:8.1f} |")
    print("\nphases of each briefkit build (seconds; Pagefind indexed the briefing pages):\n")
    for label, times in phases:
        print(f"  {label:<26} generate {times['generate']:5.1f} · MkDocs {times['mkdocs']:5.1f} · Pagefind {times['pagefind']:5.1f} ({times['indexed']:,} pages)")


if __name__ == "__main__":
    main()
