"""briefkit at archive scale: ingest throughput, incremental ingest, build time, serve latency, memory.

    python scripts/bench.py [--quick] [--large] [--reuters] [--jobs N] [--only bbc,synthetic,generated,large] [--out FILE]

Every step is the CLI in a child process, measured from outside: wall time, the peak of the summed
resident memory of its process tree (sampled from /proc every 50 ms) and the largest process's
`ru_maxrss` (from the kernel, through `os.wait4`). The sets, each in its own temporary project:

- BBC News (2,225 articles, ../shared): the naive spaCy way on a stratified sample, then
  `briefkit ingest` cold, again with nothing changed, and after one article changed; then
  `briefkit build --strict` of the briefings next to a plain small-nav `mkdocs build` of as many pages.
- synthetic: 3,000 generated briefings (scripts/synthetic.py): build, plain build, and `briefkit serve`'s
  time from editing one briefing's summary to its page showing the change.
- generated: 10,000 articles recombined from BBC paragraphs: ingest, then build (50,000 with --large).
- Reuters-21578 (about 19,000 stories with bodies, with --reuters): ingest and build.

Writes the tables to bench/results.md (with --quick, only to --out when given). Without ../shared the
corpus sets are skipped with a message.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_corpus import bbc_articles, copy_bbc, shared_missing, stratified, write_generated, write_reuters  # noqa: E402
from bench_report import Plan, render  # noqa: E402
from bench_steps import Features, Row, build, ingest_steps, naive, serve_latency  # noqa: E402
from benchlib import REPO, briefkit_project, commit, load_average, machine, source_fingerprint  # noqa: E402
from synthetic import write_synthetic  # noqa: E402

SETS = ("bbc", "synthetic", "generated")
OPTIONAL_SETS = ("large",)  # `--only large`: the 50,000-article set alone (what --large adds)
SIZES = {
    "full": {"naive": 400, "bbc": None, "synthetic": 3000, "generated": 10000, "large": 50000, "reuters": None},
    "quick": {"naive": 20, "bbc": 40, "synthetic": 20, "generated": 60, "large": 200, "reuters": 60},
}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--large", action="store_true", help="also the 50,000-article generated set (about an hour)")
    parser.add_argument("--reuters", action="store_true", help="also Reuters-21578 (about 19,000 stories)")
    parser.add_argument("--jobs", type=int, help="passed to `briefkit ingest --jobs` (default: briefkit's own)")
    parser.add_argument("--only", default=",".join(SETS), help=f"comma-separated sets among {', '.join(SETS + OPTIONAL_SETS)} (default: {', '.join(SETS)})")
    parser.add_argument("--out", type=Path, help="where to write the tables (default bench/results.md; with --quick none)")
    args = parser.parse_args(argv)
    args.sets = [s.strip() for s in args.only.split(",") if s.strip()]
    if unknown := [s for s in args.sets if s not in SETS + OPTIONAL_SETS]:
        parser.error(f"--only: expected some of {', '.join(SETS + OPTIONAL_SETS)}, got {', '.join(unknown)}")
    args.large = args.large or "large" in args.sets
    if args.out is None and not args.quick:
        args.out = REPO / "bench" / "results.md"
    args.sizes = SIZES["quick" if args.quick else "full"]
    return args


def bbc_set(plan: Plan, tmp: Path, args, features: Features) -> list[Row]:
    articles = bbc_articles()
    sample = stratified(articles, args.sizes["naive"])
    chosen = articles if args.sizes["bbc"] is None else stratified(articles, args.sizes["bbc"])
    texts = [f"{a.title}\n\n" + "\n\n".join(a.paragraphs) for a in sample]
    plan.step(f"naive spaCy on {len(sample):,} BBC articles", plan.naive_seconds(sum(a.words for a in sample)))
    rows = [naive(texts, sum(a.words for a in sample), tmp)]
    plan.naive_rate = rows[0].values["words"] / rows[0].values["seconds"]
    corpus = copy_bbc(chosen, tmp / "bbc-articles")
    rows += corpus_steps(plan, corpus, tmp, args, features, repeat=True)
    shutil.rmtree(corpus.folder)
    return rows


def corpus_steps(plan: Plan, corpus, tmp: Path, args, features: Features, *, repeat: bool) -> list[Row]:
    """Ingest `corpus` into a fresh project, then build it; the project is removed afterwards."""
    project = briefkit_project(tmp / f"project-{corpus.name.replace(' ', '-').replace(',', '')}")
    plan.step(f"{corpus.name}: ingest {corpus.articles:,} articles ({corpus.words:,} words){' three times' if repeat else ''}",
              plan.ingest_seconds(corpus.words, repeat=repeat))
    rows = ingest_steps(corpus, project, features, args.jobs, repeat=repeat)
    plan.ingest_rate = corpus.words / rows[0].run.seconds
    rows += build_steps(plan, corpus.name, project, tmp)
    shutil.rmtree(project)
    return rows


def build_steps(plan: Plan, group: str, project: Path, tmp: Path) -> list[Row]:
    briefings = sum(1 for _ in (project / "briefings").glob("*.md"))
    plan.step(f"{group}: build {briefings:,} briefings, then a plain build of as many pages", plan.build_seconds(briefings))
    rows = build(group, project, tmp)
    plan.learn_build(briefings, rows)
    return rows


def synthetic_set(plan: Plan, tmp: Path, args) -> list[Row]:
    count = args.sizes["synthetic"]
    group = f"synthetic {count:,}"
    project = briefkit_project(tmp / "project-synthetic")
    write_synthetic(count, project / "briefings")
    rows = build_steps(plan, group, project, tmp)
    plan.step(f"{group}: briefkit serve, edit one briefing, wait for its page", plan.build_seconds(count) * 0.8 + 10)
    rows.append(serve_latency(group, project))
    shutil.rmtree(project)
    return rows


def generated_set(plan: Plan, tmp: Path, args, features: Features, count: int) -> list[Row]:
    plan.step(f"generate {count:,} articles from BBC paragraphs", count / 2000)
    corpus = write_generated(bbc_articles(), count, tmp / f"generated-{count}")
    rows = corpus_steps(plan, corpus, tmp, args, features, repeat=features.cache)
    shutil.rmtree(corpus.folder)
    return rows


def reuters_set(plan: Plan, tmp: Path, args, features: Features) -> list[Row]:
    plan.step("write the Reuters-21578 stories as articles", 5)
    corpus = write_reuters(tmp / "reuters-articles", args.sizes["reuters"])
    rows = corpus_steps(plan, corpus, tmp, args, features, repeat=True)
    shutil.rmtree(corpus.folder)
    return rows


def run(args) -> list[Row]:
    features = Features.detect()
    plan = Plan(features)
    missing = shared_missing()
    print(f"briefkit ingest: --jobs {'yes' if features.jobs else 'not yet (omitted)'}, cache {'yes' if features.cache else 'not yet'}", flush=True)
    corpus_sets = [s for s in args.sets if s != "synthetic"] + (["large"] if args.large else []) + (["reuters"] if args.reuters else [])
    if missing and corpus_sets:
        print(missing, flush=True)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="briefkit-bench-") as folder:
        tmp = Path(folder)
        if "bbc" in args.sets and not missing:
            rows += bbc_set(plan, tmp, args, features)
        if "synthetic" in args.sets:
            rows += synthetic_set(plan, tmp, args)
        if "generated" in args.sets and not missing:
            rows += generated_set(plan, tmp, args, features, args.sizes["generated"])
        if args.large and not missing:
            rows += generated_set(plan, tmp, args, features, args.sizes["large"])
        if args.reuters and not missing:
            rows += reuters_set(plan, tmp, args, features)
    return rows


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    start, load, before, source = time.perf_counter(), load_average(), machine(), source_fingerprint()
    print(f"{before}; load average {load}", flush=True)
    rows = run(args)
    changed = source_fingerprint() != source
    header = before + (f" (src/ changed during the run; at the end: commit {commit()})." if changed else ".")
    text = render(rows, sizes=args.sizes, header=header, load=(load, load_average()),
                  seconds=time.perf_counter() - start, argv=sys.argv[1:] if argv is None else argv)
    print("\n" + text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, "utf-8")
        print(f"\nwritten to {args.out}")


if __name__ == "__main__":
    main()
