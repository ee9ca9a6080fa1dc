"""The priors the repair searches take from counts rather than from the models' tables,
measured on the text the context model is counted from (never drawn by a benchmark).

- A traditional-only character on a GBK (simplified) page: the tables give it its simplified
  form's count, so that traditional pages do not look rare; how much rarer it really is there
  is ``plausibility.TRADITIONAL_ON_SIMPLIFIED_PAGE_BITS``.
- A half-width "?" between two Chinese characters: the models charge any ASCII character a flat
  4 bits; how rare one is there bounds ``pinyin.REAL_QUESTION_MARK_BITS``.
- A full-width Latin letter and a box-drawing character: what GBK's letter and box rows give
  when bytes are read wrong. The bits of a given one bound ``plausibility.FULL_WIDTH_LETTER_BITS``
  and ``plausibility.BOX_DRAWING_BITS``.

    python benchmarks/measure_priors.py
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import corpus  # noqa: E402

from cleaner import plausibility  # noqa: E402
from cleaner.plausibility import (  # noqa: E402
    BOX_DRAWING_BITS,
    FULL_WIDTH_LETTER_BITS,
    TRADITIONAL_ON_SIMPLIFIED_PAGE_BITS,
)
from cleaner.steps.pinyin import REAL_QUESTION_MARK_BITS  # noqa: E402

QUESTION_BETWEEN_HAN = re.compile(r"(?<=[\u4e00-\u9fff])\?(?=[\u4e00-\u9fff])")


def main() -> None:
    text = "\n".join(corpus.context_training_lines())
    traditional = plausibility.traditional_only()
    their_simplified = {plausibility._simplified(ch) for ch in traditional}
    han = traditional_count = simplified_count = 0
    for ch in text:
        if plausibility.is_han(ch):
            han += 1
            traditional_count += ch in traditional
            simplified_count += ch in their_simplified
    print(f"{han:,} Han characters of simplified news and reviews")
    print(f"traditional-only characters: {traditional_count:,}; their simplified forms: {simplified_count:,}; "
          f"log2 of the ratio {math.log2(simplified_count / traditional_count):.1f} bits "
          f"(TRADITIONAL_ON_SIMPLIFIED_PAGE_BITS = {TRADITIONAL_ON_SIMPLIFIED_PAGE_BITS})")
    questions = len(QUESTION_BETWEEN_HAN.findall(text))
    print(f"half-width '?' between two Chinese characters: {questions:,}, "
          f"{math.log2(han / questions):.1f} bits a gap against the models' 4 for any ASCII character "
          f"(REAL_QUESTION_MARK_BITS = {REAL_QUESTION_MARK_BITS})")

    counts = Counter(text)
    for name, members, bits in (
        ("full-width Latin letters", [c for c in counts if c in plausibility.FULL_WIDTH_LETTERS],
         f"FULL_WIDTH_LETTER_BITS = {FULL_WIDTH_LETTER_BITS}"),
        ("box-drawing characters", [c for c in counts if "\u2500" <= c <= "\u257f"], f"BOX_DRAWING_BITS = {BOX_DRAWING_BITS}"),
    ):
        seen = sum(counts[c] for c in members)
        given = sum(counts[c] * math.log2(len(text) / counts[c]) for c in members) / seen
        print(f"{name}: {seen:,} of {len(text):,} characters, {math.log2(len(text) / seen):.1f} bits for any, "
              f"{given:.1f} for a given one ({bits})")


if __name__ == "__main__":
    main()
