"""Spam benchmark: precision and recall per kind on a labelled line set written by us
(``benchmarks/data/spam_lines.tsv``), and lines removed from clean news.

Every labelled line is put into several host documents (clean People's Daily news,
corpus.py) where real pages carry that kind: betting banners first or last (a hijacked title
or footer), porn keyword lines and keyword stuffing first, decoys and fragments anywhere;
legitimate lines go first (where real titles sit too), in the middle and last. Spam is caught when the line is removed (for
fragments: when the line comes out as labelled); a legitimate line is a false positive when
anything of it changes. Then the step runs over clean news and reviews documents.

    python benchmarks/bench_spam.py
"""

from __future__ import annotations

import random
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import corpus  # noqa: E402

from cleaner.steps.spam import SpamStep  # noqa: E402


POSITIONS = {"betting": ("first", "last"), "porn": ("first",), "stuffing": ("first",)}


def labelled() -> list[tuple[str, str, str | None]]:
    rows = []
    for line in (HERE / "data" / "spam_lines.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        kind, text, *expected = line.split("\t")
        rows.append((kind, text, expected[0] if expected else None))
    return rows


def main() -> None:
    rng = random.Random(11)
    step = SpamStep()
    hosts = corpus.documents(corpus.news_lines(), 30, rng, 4, 10)
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # kind -> [right, total]
    removed_spam = removed_total = 0
    for kind, text, expected in labelled():
        for host in hosts:
            body = host.rstrip("\n").split("\n")
            # Each kind where real pages carry it; legitimate lines everywhere.
            for position in POSITIONS.get(kind, ("first", "middle", "last")):
                lines = list(body)
                at = {"first": 0, "middle": len(lines) // 2, "last": len(lines)}[position]
                lines.insert(at, text)
                out = step.apply("\n".join(lines) + "\n")
                out_lines = out.text.rstrip("\n").split("\n")
                kept = text in out_lines
                if kind == "fragment":
                    right = expected in out_lines
                elif kind.startswith("legit"):
                    right = kept
                else:
                    right = not kept
                stats[kind][0] += right
                stats[kind][1] += 1
                gone = [c for c in out.changes if c.before == text]
                if gone:
                    removed_total += 1
                    removed_spam += not kind.startswith("legit")
    spam_kinds = [k for k in stats if not k.startswith("legit")]
    caught = sum(stats[k][0] for k in spam_kinds)
    total_spam = sum(stats[k][1] for k in spam_kinds)
    print("recall per spam kind (line removed, or fragment cut as labelled):")
    for kind in spam_kinds:
        right, total = stats[kind]
        print(f"  {kind:<16}{right / total:>8.1%}  ({total} placements)")
    print("legitimate lines kept intact:")
    for kind in (k for k in stats if k.startswith("legit")):
        right, total = stats[kind]
        print(f"  {kind:<16}{right / total:>8.1%}  ({total} placements)")
    precision = removed_spam / removed_total if removed_total else 1.0
    print(f"overall: precision {precision:.1%}, recall {caught / total_spam:.1%}")
    clean = corpus.documents(corpus.news_lines(), 4000, rng, 3, 15) + corpus.documents(
        corpus.review_lines(), 2000, rng, 3, 15)
    size = sum(len(d.encode("utf-8")) for d in clean)
    touched = sum(len(step.apply(d).changes) for d in clean)
    changed_docs = sum(bool(step.apply(d).changes) for d in clean)
    print(f"clean corpus: {len(clean)} documents, {size / 1e6:.1f} MB: {touched} lines removed or cut, "
          f"{changed_docs} documents changed")
    print(f"spam step's share of the default chain's time on clean text: {corpus.chain_share('spam'):.1%}")


if __name__ == "__main__":
    main()
