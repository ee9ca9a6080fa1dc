"""Boilerplate benchmark: documents built of chrome lines around real bodies, with hard cases.

Chrome, metadata and hard-case lines come from ``benchmarks/data/boilerplate_lines.tsv``
(written by us); bodies are People's Daily paragraphs (corpus.py). Each document gets a title,
some header chrome, perhaps a metadata line, a body with hard cases mixed in, and footer
chrome. Reported: precision and recall of removed lines, metadata fields extracted exactly,
and removals on clean running text (news, traditional news).

    python benchmarks/bench_boilerplate.py [--docs 1000]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import corpus  # noqa: E402

from cleaner.steps.boilerplate import BoilerplateStep  # noqa: E402


def labelled() -> dict[str, list[tuple[str, dict[str, str]]]]:
    rows: dict[str, list[tuple[str, dict[str, str]]]] = {}
    for line in (HERE / "data" / "boilerplate_lines.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        zone, text, *fields = line.split("\t")
        expected = dict(pair.split("=", 1) for pair in fields[0].split(";")) if fields else {}
        rows.setdefault(zone, []).append((text, expected))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    rows = labelled()
    step = BoilerplateStep()
    news = corpus.news_lines()
    removed_right = removed_wrong = chrome_total = 0
    fields_right = fields_total = 0
    kept_hard = hard_total = 0
    for _ in range(args.docs):
        lines: list[tuple[str, str]] = []  # (label, text)
        start = rng.randrange(0, len(news) - 20)
        title = news[start]
        lines += [("chrome", t) for t, _ in rng.sample(rows["header"], rng.randint(1, 4))]
        lines.append(("body", title[:30]))
        meta = None
        if rng.random() < 0.7:
            meta = rng.choice(rows["meta"])
            lines.append(("meta", meta[0]))
        body = news[start + 1 : start + rng.randint(4, 12)]
        hard = rng.sample(rows["keep"], rng.randint(0, 3))
        for h, _ in hard:
            body.insert(rng.randrange(0, len(body) + 1), h)
        lines += [("hard" if (t, {}) in rows["keep"] else "body", t) for t in body]
        lines += [("chrome", t) for t, _ in rng.sample(rows["footer"], rng.randint(1, 4))]
        text = "\n".join(t for _, t in lines) + "\n"
        out = step.apply(text)
        gone = {c.line for c in out.changes}
        for number, (label, line) in enumerate(lines, 1):
            is_chrome = label in ("chrome", "meta")
            chrome_total += is_chrome
            if label == "hard":
                hard_total += 1
                kept_hard += number not in gone
            if number in gone:
                if is_chrome:
                    removed_right += 1
                else:
                    removed_wrong += 1
        if meta is not None:
            found = next((f.detail for f in out.findings if f.kind == "metadata"), {})
            for key, value in meta[1].items():
                fields_total += 1
                fields_right += found.get(key) == value
    precision = removed_right / max(1, removed_right + removed_wrong)
    recall = removed_right / max(1, chrome_total)
    print(f"{args.docs} documents: removed lines precision {precision:.1%}, recall {recall:.1%} "
          f"({chrome_total} chrome and metadata lines)")
    print(f"hard cases (headings, poems, table rows, lists, datelines) kept: {kept_hard}/{hard_total}")
    print(f"metadata fields extracted exactly: {fields_right}/{fields_total} ({fields_right / max(1, fields_total):.1%})")
    touched = 0
    size = 0
    for lines in (corpus.news_lines(), corpus.traditional_news_lines()):
        for doc in corpus.documents(lines, 2000, rng, 3, 15):
            size += len(doc.encode("utf-8"))
            touched += len(step.apply(doc).changes)
    print(f"clean running text ({size / 1e6:.1f} MB of news): {touched} lines removed")


if __name__ == "__main__":
    main()
