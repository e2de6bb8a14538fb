"""Build time of a briefkit site next to a plain small-nav `mkdocs build` of the same briefing pages.

    python scripts/bench_build.py [--briefings 1000]

Both builds run as child processes in fresh temporary projects; peak memory is the child's maximum
resident set size as the kernel reports it (resource.getrusage), not an estimate.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import frontmatter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_synthetic  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PLAIN_CONFIG = """site_name: plain
theme: {name: material, font: false}
plugins: [search]
nav: [{Home: index.md}]
not_in_nav: /briefings/*
"""


def measure(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak MiB of one child process (run through a wrapper, so the peak is its own)."""
    wrapper = (
        "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)"
    )
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", wrapper, *command], cwd=cwd, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    seconds = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    return seconds, int(done.stdout.strip().splitlines()[-1]) / 1024


def pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html")) - (1 if (site / "404.html").exists() else 0)


def size_mib(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefings", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefkit-bench-") as tmp:
        root = Path(tmp)
        project = root / "briefkit"
        project.mkdir()
        shutil.copy(REPO / "mkdocs.yml", project)
        shutil.copytree(REPO / "docs", project / "docs", ignore=shutil.ignore_patterns("briefings", "actors", "topics", "timeline", "_snippets"))
        briefings = write_synthetic(args.briefings, project / "briefings")

        plain = root / "plain"
        (plain / "docs" / "briefings").mkdir(parents=True)
        (plain / "mkdocs.yml").write_text(PLAIN_CONFIG)
        (plain / "docs" / "index.md").write_text("# Plain\n")
        for path in briefings:  # the same briefing text, as plain pages
            post = frontmatter.load(path)
            (plain / "docs" / "briefings" / path.name).write_text(f"# {post['title']}\n\n{post.content}\n")

        rows = []
        seconds, peak = measure([str(BIN / "briefkit"), "build", "--strict"], project)
        n = pages(project / "site")
        rows.append(("briefkit build (cold)", seconds, n, peak, size_mib(project / "site")))
        seconds, peak = measure([str(BIN / "briefkit"), "build", "--strict"], project)
        rows.append(("briefkit build (again, nothing changed)", seconds, pages(project / "site"), peak, size_mib(project / "site")))
        seconds, peak = measure([str(BIN / "mkdocs"), "build", "--strict", "--quiet"], plain)
        rows.append(("plain mkdocs build, small nav", seconds, pages(plain / "site"), peak, size_mib(plain / "site")))

    print(f"{args.briefings:,} synthetic briefings, {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    print(f"| {'step':<40} | {'seconds':>7} | {'pages':>6} | {'ms/page':>7} | {'peak MiB':>8} | {'site MiB':>8} |")
    print(f"|{'-' * 42}|{'-' * 9}|{'-' * 8}|{'-' * 9}|{'-' * 10}|{'-' * 10}|")
    for step, seconds, count, peak, site in rows:
        print(f"| {step:<40} | {seconds:7.1f} | {count:6,} | {1000 * seconds / count:7.2f} | {peak:8.0f} | {site:8.1f} |")
    briefkit_per_page = rows[0][1] / rows[0][2]
    plain_per_page = rows[2][1] / rows[2][2]
    print(f"\nper page rendered, briefkit costs {briefkit_per_page / plain_per_page:.2f}x plain MkDocs")


if __name__ == "__main__":
    main()
