"""Regenerate ``cleaner/data/han_freq.tsv``: how common each Han character is.

Source: the word-frequency dictionary that ships with jieba (MIT licence), a count per word
from a large modern-Chinese corpus. A character's count is the sum of the counts of the words
it occurs in. jieba's corpus is simplified, so every traditional form OpenCC maps a simplified
character to inherits that character's count (otherwise traditional text would look "rare"
and be mistaken for mojibake).

Run from the repository root (needs jieba and opencc installed):

    python scripts/build_han_freq.py
"""

from __future__ import annotations

import collections
import os
import subprocess
import tempfile
from pathlib import Path

import jieba
import opencc

OUT = Path(__file__).resolve().parent.parent / "cleaner" / "data" / "han_freq.tsv"


def is_han(ch: str) -> bool:
    cp = ord(ch)
    return 0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x3134F


def opencc_table(name: str) -> dict[str, list[str]]:
    """Read one of OpenCC's binary character tables through its own export tool."""
    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    tool = Path(opencc.__file__).parent / "clib" / "bin" / "opencc_dict"
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "table.txt")
        subprocess.run([str(tool), "-i", str(share / name), "-o", out, "-f", "ocd2", "-t", "text"], check=True)
        table = {}
        for line in Path(out).read_text(encoding="utf-8").splitlines():
            key, _, values = line.partition("\t")
            table[key] = values.split(" ")
        return table


def main() -> None:
    counts: collections.Counter[str] = collections.Counter()
    dict_path = Path(jieba.__file__).parent / "dict.txt"
    for line in dict_path.read_text(encoding="utf-8").splitlines():
        word, freq, *_ = line.split(" ")
        for ch in word:
            if is_han(ch):
                counts[ch] += int(freq)
    simplified_to_traditional = opencc_table("STCharacters.ocd2")
    for simplified, traditionals in simplified_to_traditional.items():
        base = counts.get(simplified, 0)
        for traditional in traditionals:
            if base > counts.get(traditional, 0):
                counts[traditional] = base
    rows = sorted(((c, n) for c, n in counts.items() if n > 0), key=lambda kv: (-kv[1], kv[0]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        f.write("# Han character counts; see scripts/build_han_freq.py for how they were made.\n")
        for ch, n in rows:
            f.write(f"{ch}\t{n}\n")
    print(f"wrote {len(rows)} characters to {OUT}")


if __name__ == "__main__":
    main()
