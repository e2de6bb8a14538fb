"""Score briefkit's extraction against gold files and the shared corpora (issue 3): `make eval`.

    .venv/bin/python scripts/eval.py [--full] [--only news,conll,...] [--errors N] [--check]
    .venv/bin/python scripts/eval.py --list-quotes ARTICLE    # number an article's quotes, for gold files

Prints one table (precision, recall, F1 or accuracy per field, with the issue's targets) and writes
it to `eval/results.md`; every error example goes to `eval/errors.md`. A corpus that is not in
`../shared/corpus/` is skipped with a message. Samples keep the default run to a few minutes on two
cores; `--full` scores every document. Exit 0, or 1 when a gold file is unusable, an extraction
failed, or (with `--check`) a target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import subprocess
import sys
import time
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS))

from corpora import REPO  # noqa: E402
from eval_run import Row, Section  # noqa: E402

SECTIONS = ("news", "conll", "reuters", "tempeval", "topics", "summaries")
RESULTS = REPO / "eval" / "results.md"
ERRORS = REPO / "eval" / "errors.md"
SAMPLES = {"reuters": 300, "summaries": 300}


def main(argv: list[str] | None = None) -> int:
    options = _parser().parse_args(argv)
    if options.list_quotes:
        return list_quotes(Path(options.list_quotes))
    only = options.only.split(",") if options.only else list(SECTIONS)
    unknown = [s for s in only if s not in SECTIONS]
    if unknown:
        print(f"eval.py: unknown section {unknown[0]!r} (expected some of {', '.join(SECTIONS)})", file=sys.stderr)
        return 2
    started = time.perf_counter()
    sections, problems = evaluate(only, full=options.full, n_process=options.n_process)
    rows = [row for s in sections for row in s.rows]
    rows.append(Row("Speed", "whole evaluation", "-", None, note=f"{time.perf_counter() - started:,.0f} s"))
    from eval_report import markdown, print_report

    print_report(rows, sections, errors=options.errors)
    header = _header(options.full)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(markdown(header, rows, sections), "utf-8")
    ERRORS.write_text(markdown(header, [], sections, errors_only=True), "utf-8")
    print(f"\nWrote {RESULTS.relative_to(REPO)} and {ERRORS.relative_to(REPO)}.")
    for problem in problems:
        print(problem, file=sys.stderr)
    failed = options.check and any(r.result == "FAIL" for r in rows)
    return 1 if problems or failed else 0


def evaluate(only: list[str], *, full: bool, n_process: int) -> tuple[list[Section], list[str]]:
    from briefkit.extract.nlp import load_nlp

    import eval_actors
    import eval_text
    from eval_gold import load_gold_files

    sections: list[Section] = []
    problems: list[str] = []
    needs_nlp = set(only) - {"topics"}
    nlp = load_nlp() if needs_nlp else None
    if "news" in only:
        golds, problems = load_gold_files()
        section, news_run = eval_actors.news_actors(golds, nlp, n_process=n_process)
        sections.append(section)
        if news_run:
            sections.append(eval_text.gold_dates(*news_run))
            sections.append(eval_text.gold_quotes(*news_run))
            problems += news_run[1].failures
    if "conll" in only:
        sections.append(eval_actors.conll_actors(nlp, n_process=n_process))
    if "tempeval" in only:
        sections.append(eval_text.tempeval_dates(nlp, n_process=n_process))
    if "topics" in only:
        sections.append(eval_text.bbc_topics())
    if "summaries" in only:
        sections.append(eval_text.bbc_summaries(nlp, size=None if full else SAMPLES["summaries"], n_process=n_process))
    if "reuters" in only:
        sections.append(eval_actors.reuters_actors(nlp, size=None if full else SAMPLES["reuters"], n_process=n_process))
    problems += [n for s in sections for n in s.notes if "extraction failed" in n]
    return sections, problems


def list_quotes(path: Path) -> int:
    """Print an article's direct quotes of four words or more with the numbers gold files use."""
    from briefkit.errors import BriefkitError
    from briefkit.read import read_article

    from eval_text import article_quotes

    try:
        article = read_article(path)
    except BriefkitError as error:
        print(f"eval.py: {error}", file=sys.stderr)
        return 1
    for n, text in enumerate(article_quotes(article), 1):
        words = text.split()
        print(f"{n:3}  {' '.join(words[:12])}{' …' if len(words) > 12 else ''}")
    return 0


def _header(full: bool) -> list[str]:
    return [
        f"Run {dt.date.today().isoformat()} on {_machine()}, briefkit at {_commit()}, "
        f"{'every document (--full)' if full else 'default samples'}.",
    ]


def _machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import os

    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}"


def _commit() -> str:
    try:
        out = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "src"], capture_output=True, text=True).stdout
        return out.stdout.strip() + (" with uncommitted changes in src/" if dirty.strip() else "")
    except (OSError, subprocess.CalledProcessError):
        return "an unknown commit"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="scripts/eval.py", description="Score briefkit's extraction (issue 3).")
    parser.add_argument("--full", action="store_true", help="every document instead of the default samples")
    parser.add_argument("--only", metavar="LIST", help=f"comma-separated sections: {','.join(SECTIONS)}")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N error examples per kind (all go to eval/errors.md)")
    parser.add_argument("--n-process", type=int, default=1, metavar="N", help="spaCy worker processes (default 1)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--list-quotes", metavar="ARTICLE", help="number an article's direct quotes and exit")
    return parser


if __name__ == "__main__":
    sys.exit(main())
