"""Script benchmark: detection accuracy, and conversion throughput against
opencc-python-reimplemented, side by side in one run.

Detection: documents of People's Daily news (corpus.py) - simplified as shipped, traditional
via OpenCC s2t, and mixed ones (one sentence of the other script inserted). A document is
right when its label is right and, for mixed ones, the inserted line is the one reported.

Throughput: t2s and s2t over ~2 MB, through our step (zh-hans / zh-hant) and through
opencc-python-reimplemented 0.1.7. That package installs a module also named ``opencc``, so
it is installed into ``.bench-deps/`` and loaded under another name.

    python benchmarks/bench_script.py [--docs 500]
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import corpus  # noqa: E402

from cleaner.steps.script import ScriptStep, convert  # noqa: E402

DEPS = HERE.parent / ".bench-deps"


def reimplemented():
    """opencc-python-reimplemented, loaded as ``opencc_reimplemented``."""
    package = DEPS / "opencc"
    if not (package / "__init__.py").is_file():
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(DEPS),
                        "opencc-python-reimplemented==0.1.7"], check=True)
    spec = importlib.util.spec_from_file_location("opencc_reimplemented", package / "__init__.py",
                                                  submodule_search_locations=[str(package)])
    module = importlib.util.module_from_spec(spec)
    sys.modules["opencc_reimplemented"] = module
    spec.loader.exec_module(module)
    return module


def detection(docs: int, rng: random.Random) -> None:
    simplified_lines = corpus.news_lines()
    traditional_lines = corpus.traditional_news_lines()
    step = ScriptStep("auto")
    kinds = {"simplified": 0, "traditional": 0, "simplified + 1 traditional line": 0,
             "traditional + 1 simplified line": 0}
    for kind in kinds:
        right = 0
        for _ in range(docs):
            base = traditional_lines if kind.startswith("traditional") else simplified_lines
            start = rng.randrange(0, len(base) - 12)
            lines = [line for line in base[start : start + rng.randint(4, 10)]]
            inserted = None
            if "+" in kind:
                other = simplified_lines if kind.startswith("traditional") else traditional_lines
                inserted = rng.randrange(1, len(lines))
                lines.insert(inserted, rng.choice(other[:6000]))
            out = step.apply("\n".join(lines))
            findings = {f.kind: f for f in out.findings}
            label = findings["script"].text
            if inserted is None:
                right += label == kind
            else:
                found = findings.get("mixed-lines")
                right += label == "mixed" and found is not None and found.detail["lines"] == [inserted + 1]
        print(f"  {kind:<34} {right / docs:>7.1%}")


def best_of(runs: int, function, text: str) -> float:
    """The fastest of ``runs`` timings, in seconds (the least disturbed by other work)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function(text)
        times.append(time.perf_counter() - started)
    return min(times)


def throughput() -> None:
    simplified = "\n".join(corpus.news_lines()[:12000])
    traditional = "\n".join(corpus.traditional_news_lines())
    reimpl = reimplemented()
    rows = [
        ("t2s", traditional, lambda t: ScriptStep("zh-hans").apply(t).text, reimpl.OpenCC("t2s").convert),
        ("s2t", simplified, lambda t: ScriptStep("zh-hant").apply(t).text, reimpl.OpenCC("s2t").convert),
    ]
    print(f"  {'':<6}{'MB':>6}{'cleaner (official OpenCC)':>28}{'opencc-python-reimplemented':>30}{'ratio':>8}")
    for name, text, ours, theirs in rows:
        size = len(text.encode("utf-8")) / 1e6
        convert(text[:100], name)  # load the dictionaries before timing
        ours_rate = size / best_of(3, ours, text)
        theirs_rate = size / best_of(1, theirs, text)
        print(f"  {name:<6}{size:>6.1f}{ours_rate:>22.1f} MB/s{theirs_rate:>24.1f} MB/s{ours_rate / theirs_rate:>7.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    print("detection accuracy (label right; for mixed documents, the inserted line found):")
    detection(args.docs, random.Random(args.seed))
    print("conversion throughput:")
    throughput()


if __name__ == "__main__":
    main()
