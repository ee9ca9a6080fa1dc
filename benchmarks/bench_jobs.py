"""Cleaning a JSON Lines corpus on several processes (``cleaner clean --jobs``) against one.

The corpus mixes clean news and reviews with documents damaged the ways bench_mojibake.py
damages them (their repair searches are what makes a corpus slow). Reported per number of
jobs: documents per second, the speed-up over one job, and whether the output is byte for
byte the same as one job's (it must be).

    python benchmarks/bench_jobs.py [--docs 300] [--jobs 1,2]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bench_mojibake  # noqa: E402
import corpus  # noqa: E402

from cleaner import Cleaner  # noqa: E402
from cleaner.corpus import clean_jsonl  # noqa: E402
from cleaner.parallel import available_jobs  # noqa: E402

DAMAGED_KINDS = ("拼音码 gbk->latin-1", "Sina gbk->utf-8/latin-1", "古文码 utf-8->gbk", "gbk byte dropped")


def make_corpus(docs: int, rng: random.Random) -> str:
    """JSON Lines: half clean documents, half damaged (a quarter of those one kind each)."""
    texts = corpus.documents(corpus.held_out_news_lines(), docs // 2, rng, 3, 8)
    for n, kind in enumerate(DAMAGED_KINDS):
        share = (docs - docs // 2) // len(DAMAGED_KINDS) + (n < (docs - docs // 2) % len(DAMAGED_KINDS))
        texts += [dirty for dirty, _ in bench_mojibake.make_pairs(kind, share, rng, False)]
    rng.shuffle(texts)
    return "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts))


def run_once(path: Path, jobs: int) -> tuple[float, int, str]:
    """Seconds, changed records and the output's digest of cleaning ``path`` with ``jobs``."""
    target = io.StringIO()
    started = time.perf_counter()
    with path.open(encoding="utf-8") as source:
        stats = clean_jsonl(source, target, Cleaner(), "text", jobs=jobs)  # the CLI's defaults
    seconds = time.perf_counter() - started
    return seconds, stats.changed, hashlib.sha256(target.getvalue().encode()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--jobs", default=f"1,{available_jobs()}", help="comma-separated numbers of jobs to compare")
    parser.add_argument("--one", nargs=2, metavar=("CORPUS", "JOBS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_once(Path(args.one[0]), int(args.one[1]))))
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.jsonl"
        path.write_text(make_corpus(args.docs, random.Random(args.seed)), encoding="utf-8")
        print(f"{args.docs} documents ({path.stat().st_size / 1e6:.1f} MB of JSON Lines, half damaged); "
              f"{available_jobs()} cores available; each run in a fresh process, loading the tables included")
        first = None
        for jobs in (int(j) for j in args.jobs.split(",")):
            line = subprocess.run([sys.executable, __file__, "--one", str(path), str(jobs)],
                                  capture_output=True, text=True, check=True).stdout
            seconds, changed, digest = json.loads(line)
            first = first or (jobs, seconds, digest)
            print(f"jobs {jobs}: {args.docs / seconds:6.1f} documents/s, {first[1] / seconds:.2f}x jobs {first[0]}; "
                  f"{changed} changed; output {'identical' if digest == first[2] else 'DIFFERENT'}")


if __name__ == "__main__":
    main()
