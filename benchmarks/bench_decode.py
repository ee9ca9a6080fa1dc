"""Decode benchmark: our decode step against charset-normalizer and chardet, side by side.

Snippets of 30 B, 100 B, 1 KB and 10 KB (character-aligned) of Chinese news and reviews
(see corpus.py) in UTF-8, GBK, GB18030 and Big5 (news in OpenCC's traditional forms, and in
Taiwan's), written Cantonese in Big5-HKSCS and GB18030, UTF-16 without a byte-order mark, plus
files that mix UTF-8 lines with GBK or Big5 ones.
A decode is right when its text equals the reference text. Time is the median per call.

    python benchmarks/bench_decode.py [--n 500] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import corpus  # noqa: E402

from cleaner.steps.decode import decode  # noqa: E402

SIZES = (30, 100, 1024, 10240)
#: (row label, encoding, text): the text is a function of corpus.py.
ROWS = (
    ("utf-8", "utf-8", "news_lines"),
    ("gbk", "gbk", "news_lines"),
    ("gb18030", "gb18030", "review_lines"),
    ("big5", "big5", "traditional_news_lines"),
    ("big5 taiwan", "big5", "taiwan_news_lines"),
    ("hkscs cantonese", "big5hkscs", "cantonese_lines"),
    ("gb18030 cantonese", "gb18030", "cantonese_lines"),
    ("utf-16-le no bom", "utf-16-le", "news_lines"),
    ("utf-16-be no bom", "utf-16-be", "review_lines"),
)


def ours(data: bytes) -> str | None:
    return decode(data).text


def charset_normalizer(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return None if best is None else str(best)


def chardet_alone(data: bytes) -> str | None:
    import chardet

    guess = chardet.detect(data)["encoding"]
    if not guess:
        return None
    try:
        return data.decode(guess)
    except (UnicodeDecodeError, LookupError):
        return None


DETECTORS = {"cleaner": ours, "charset-normalizer": charset_normalizer, "chardet": chardet_alone}


def make_cases(source: str, encoding: str, size: int, n: int, rng: random.Random) -> list[tuple[str, bytes]]:
    text = "\n".join(getattr(corpus, source)()[:20000])
    cases: list[tuple[str, bytes]] = []
    while len(cases) < n:
        piece = corpus.snippet(text, encoding, size, rng)
        if piece and not piece[1].isascii():
            cases.append(piece)
    return cases


def make_mixed(n: int, rng: random.Random, legacy: str, lines: list[str]) -> list[tuple[str, bytes]]:
    """Files whose lines are runs of UTF-8 and ``legacy``, as when logs or pages are concatenated."""
    lines = [line for line in lines if corpus.encodable(line, legacy)]
    cases = []
    for _ in range(n):
        parts, texts = [], []
        for run in range(rng.randint(2, 4)):
            encoding = ("utf-8", legacy)[run % 2] if rng.random() < 0.5 else (legacy, "utf-8")[run % 2]
            for _ in range(rng.randint(1, 5)):
                line = rng.choice(lines) + "\n"
                texts.append(line)
                parts.append(line.encode(encoding))
        cases.append(("".join(texts), b"".join(parts)))
    return cases


def run(cases: list[tuple[str, bytes]], detector) -> tuple[float, float]:
    right = 0
    times = []
    for reference, data in cases:
        started = time.perf_counter()
        try:
            text = detector(data)
        except Exception:
            text = None
        times.append(time.perf_counter() - started)
        right += text == reference
    return right / len(cases), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=500, help="snippets per cell")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rows", default="", help="only the rows whose label contains this")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    names = list(DETECTORS)
    print(f"{'input':<24}" + "".join(f"{name:>22}" for name in names) + "   speed vs charset-normalizer")
    ratios = []
    for label, encoding, source in ROWS:
        if args.rows not in label:
            continue
        for size in SIZES:
            cases = make_cases(source, encoding, size, args.n, rng)
            cells = {name: run(cases, DETECTORS[name]) for name in names}
            ratio = cells["charset-normalizer"][1] / cells["cleaner"][1]
            ratios.append(ratio)
            print(f"{label + ' ' + str(size) + ' B':<24}"
                  + "".join(f"{cells[n][0]:>10.1%} {cells[n][1] * 1000:>8.2f}ms" for n in names)
                  + f"   {ratio:>6.1f}x faster")
    for legacy, lines in (("gbk", corpus.news_lines()), ("big5", corpus.taiwan_news_lines())):
        cases = make_mixed(max(50, args.n // 5), rng, legacy, lines)
        cells = {name: run(cases, DETECTORS[name]) for name in names}
        print(f"{'mixed utf-8+' + legacy:<24}" + "".join(f"{cells[n][0]:>10.1%} {cells[n][1] * 1000:>8.2f}ms" for n in names))
    if ratios:
        print(f"median speed ratio (charset-normalizer time / ours): {statistics.median(ratios):.1f}x")


if __name__ == "__main__":
    main()
