"""Pinyin benchmark: annotation stripping and byte-damage repair, false strips, cost.

Pairs are made from traditional news (People's Daily via OpenCC s2t, corpus.py) annotated the
way mirror sites do it (damage.py): text-level ``字(zì)`` annotations, and the byte-level
variant (search-and-replace on GBK bytes with a site-wide character list, then a legacy GBK
decoder), and the second byte-level variant (a lone lead byte of a sentence-final 。 and a
stretch read out of step, on a page whose full-width forms were made half-width). Reported:
exact document recovery, and of the byte-level misses, the *twins*: outputs
that the same site and decoder would have damaged into exactly the same text, so that no repair
can tell them from the original by the bytes; on clean news, reviews and traditional text,
the look-alike ``字(latin)`` sequences found and how many were wrongly touched; and the
step's share of the chain's time on text without annotations.

    python benchmarks/bench_pinyin.py [--docs 400] [--site-size 300] [--forms opencc|taiwan]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import corpus  # noqa: E402
import damage  # noqa: E402

from cleaner.plausibility import is_han, traditional_only  # noqa: E402
from cleaner.steps.pinyin import PinyinStep  # noqa: E402

LOOK_ALIKE = re.compile(r"[\u4e00-\u9fff][(（][A-Za-z]{1,12}[)）]")
# Technical Chinese that looks like an annotation and is not one.
TECHNICAL = [
    "函数(int)的返回值", "变量(x)取整数", "知(u)识库", "数(magic)字", "单位(kg)换算", "长度(m)和宽度(cm)",
    "调用(run)之前", "参数(a)与参数(b)", "模式(mode)设置", "中(zh)英(en)对照", "书(book)架", "水(H)分子",
]


#: The forms the annotated text is written in: OpenCC's standard (爲 裏 衆), or Taiwan's (為 裡
#: 眾, the forms of the seed page).
FORMS = {"opencc": "traditional_news_lines", "taiwan": "taiwan_news_lines"}


@lru_cache(maxsize=2)
def _site_pool(forms: str = "opencc") -> list[str]:
    """Characters a site may annotate: among the 4,000 commonest of the benchmark's own text,
    those that differ between the scripts and have a reading. Counted in that text rather than
    taken from the model's tables, so that the damage does not move when the tables do."""
    counts = Counter(ch for line in getattr(corpus, FORMS[forms])() for ch in line if is_han(ch))
    traditional = traditional_only()
    return [ch for ch, _ in counts.most_common(4000) if ch in traditional and damage.first_reading(ch)]


def site_list(rng: random.Random, size: int = 300, forms: str = "opencc") -> list[str]:
    """A mirror site's list of annotated characters: common characters that differ between
    the scripts (as on the real pages: 當 質 發 會 國 請...), in random order."""
    return rng.sample(_site_pool(forms), size)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--site-size", type=int, default=300,
                        help="characters on the simulated site's list (300 gives about twice the seed's '?' density)")
    parser.add_argument("--forms", choices=sorted(FORMS), default="opencc",
                        help="traditional forms of the annotated news: OpenCC's (爲) or Taiwan's (為, as on the seed page)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    step = PinyinStep()
    lines = getattr(corpus, FORMS[args.forms])()
    docs = [d for d in corpus.documents(lines, args.docs * 2, rng, 3, 8) if corpus.encodable(d, "gbk")]
    docs = docs[: args.docs]
    text_level = byte_level = damaged_docs = lines_right = lines_wrong = twins = left_damaged = questions = length = 0
    stray = stray_decidable = stray_decidable_exact = stray_wrong = 0
    for doc in docs:
        dirty, decidable = damage.gbk_stray_lead(doc, rng.randint(1, 3), rng)
        clean = damage.half_width(doc)
        out = step.apply(dirty)
        stray += out.text == clean
        stray_decidable += decidable
        stray_decidable_exact += decidable and out.text == clean
        if dirty.count("\n") == clean.count("\n"):
            originals = clean.split("\n")
            stray_wrong += sum(c.after != originals[c.line - 1] and "?" not in c.after for c in out.changes)
        chars = damage.pick_annotated(doc, rng.uniform(0.05, 0.3), rng)
        text_level += step.apply(damage.annotate(doc, set(chars))).text == doc
        site = site_list(rng, args.site_size, args.forms)
        dirty = damage.gbk_byte_annotate(doc, site)
        damaged_docs += "?" in dirty
        questions += dirty.count("?")
        length += len(doc)
        out = step.apply(dirty)
        byte_level += out.text == doc
        # A twin is another original the same damage turns into the same page: an output that
        # still holds the damage it was given is a miss, not a twin.
        kept_damage = out.text.count("?") > doc.count("?")
        left_damaged += kept_damage
        if out.text != doc and not kept_damage and corpus.encodable(out.text, "gbk"):
            twins += damage.gbk_byte_annotate(out.text, site) == dirty
        if dirty.count("\n") == doc.count("\n"):  # the legacy decoder can swallow a newline
            originals = doc.split("\n")
            for change in out.changes:
                if change.after == originals[change.line - 1]:
                    lines_right += 1
                elif "?" not in change.after:
                    lines_wrong += 1  # confidently repaired, but not to the original
    print(f"documents: {len(docs)} traditional news documents ({args.forms} forms)")
    print(f"  text-level annotations: {text_level / len(docs):.1%} recovered exactly")
    print(f"  byte-level site simulation: {byte_level / len(docs):.1%} recovered exactly "
          f"({damaged_docs} of them with '?' byte damage); of the {len(docs) - byte_level} misses, "
          f"{left_damaged} keep damage the step left flagged and {twins} are twins; "
          f"exact where the bytes tell: {byte_level / max(1, len(docs) - twins):.1%}")
    print(f"  stray lead byte at 。 (second variant): {stray / len(docs):.1%} recovered exactly; "
          f"{stray_decidable_exact / max(1, stray_decidable):.1%} of the {stray_decidable} whose every stretch "
          f"falls back in step on a trail byte (elsewhere an ASCII byte was swallowed); "
          f"{stray_wrong} lines changed to something else with no '?' left")
    print(f"  damage density: {1000 * questions / length:.1f} '?' per 1,000 characters (the seed page: 2.6)")
    print(f"  lines the step changed: {lines_right} to exactly the original, {lines_wrong} to something else "
          f"with no damage left (the rest it left flagged)")
    clean = {"news": corpus.held_out_news_lines(), "reviews": corpus.held_out_review_lines(),
             "traditional": corpus.traditional_news_lines()}
    found = touched = 0
    for name, lines in clean.items():
        text = "\n".join(lines)
        found += len(LOOK_ALIKE.findall(text))
        touched += len(step.apply(text).changes)
    technical = "\n".join(TECHNICAL)
    found += len(LOOK_ALIKE.findall(technical))
    touched += len(step.apply(technical).changes)
    print(f"clean text ({sum(len(v) for v in clean.values())} lines + {len(TECHNICAL)} technical ones): "
          f"{found} look-alike 字(latin) sequences, {touched} lines wrongly touched")
    print(f"pinyin step's share of the default chain's time on clean text: {corpus.chain_share('pinyin'):.1%}")


if __name__ == "__main__":
    main()
