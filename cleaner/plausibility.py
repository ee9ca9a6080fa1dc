"""How much a piece of text looks like real (mostly Chinese) writing.

The model is a unigram cost in bits per character: ``-log2`` of a Han character's corpus
frequency (``data/han_freq.tsv``), and fixed costs for the other kinds of character. Text that
a person wrote is cheap; the same bytes decoded the wrong way (mojibake) are expensive: rare
Han characters, Latin-1 letters, half-width katakana, box drawing, U+FFFD, private use.
Decoding and mojibake repair both choose between candidate texts with it.

Choosing between readings of the same bytes needs more than single characters: a reading with
fewer characters is cheaper under a unigram model even when it is nonsense. For that there is a
word model (:func:`segment_cost`): the cost of text as its cheapest segmentation into words of a
dictionary (``data/han_lexicon.tsv``), which knows that 茫茫 and 奥地利 are words. Names are
too many for a dictionary, so three characters may also be priced as a person's name: how often
running text holds a name, times how usual the first character is to begin one and the other two
are in given names (``data/han_names.tsv``), which makes 范喜梅 cheaper than 路断谗.

Words say nothing of what follows them, and many wrong readings are made of real words
(火箭炮美国 for 火箭在美国). A context model adds, for each pair of neighbours, how much more or
less often they stand together in running text than chance would have it
(``data/han_pairs.tsv``, :func:`pair_bits`). Neighbours do not see far enough to choose a
sentence mark: a mark model (``data/han_marks.tsv``, :func:`mark_bits`) knows the mark before
and how far back it stands, so that a short item after 、 ends with 、 again (解放思想、實事求是).
:func:`segment_cost` is the sum of all three.

>>> cost("发展") < cost("鍙戝睍")
True
>>> cost_per_char("的") < cost_per_char("睍")
True
>>> segment_cost("一路茫茫草原") < segment_cost("一路沣草原")
True
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Iterable, NamedTuple

from .resources import data_lines, data_pairs, opencc_chars

#: Cost (bits) of a Han character that our table has never seen.
UNSEEN_HAN = 27.0
#: Cost of a character that never occurs in real text (U+FFFD, private use, controls).
IMPOSSIBLE = 30.0
#: Full-width Latin letters, GBK's letter row (row 3).
FULL_WIDTH_LETTERS = frozenset(map(chr, range(0xFF21, 0xFF3B))) | frozenset(map(chr, range(0xFF41, 0xFF5B)))
#: A full-width Latin letter (ＩＢＭ, Ａ股). The 2.1M characters of news and reviews that the
#: context model counts hold 1,033, 15.8 bits for a given one (benchmarks/measure_priors.py);
#: at the 10 bits of the block's digits and marks, GBK's letter row read a name's bytes wrong
#: (常乃德 as 陈Ｄ说).
FULL_WIDTH_LETTER_BITS = 14.0
#: A box-drawing character (┬): 9 in those 2.1M characters, 17.8 bits for any of them; at the
#: 15 bits of other symbols, ┅ stood in for 漏漏 in a Sina-damaged line.
BOX_DRAWING_BITS = 20.0

# Sentence punctuation Chinese prose uses all the time, with rough costs (commas are the
# commonest mark, brackets of the Taiwan style rarer in mainland text).
_PUNCT_COST = {
    "，": 5.5, "。": 6.0, "、": 7.5, "“": 7.0, "”": 7.0, "：": 8.0, "（": 8.5, "）": 8.5,
    "《": 8.5, "》": 8.5, "！": 9.0, "？": 9.0, "；": 9.5, "—": 9.0, "…": 9.5, "‘": 9.0,
    "’": 9.0, "·": 10.0, "「": 10.0, "」": 10.0, "【": 10.0, "】": 10.0, "～": 11.0,
    "『": 12.0, "』": 12.0, "〈": 12.0, "〉": 12.0,
}
_COMMON_CJK_PUNCT = "".join(_PUNCT_COST)
#: Marks outside the common punctuation that still belong in Chinese prose.
USUAL_MARKS = "·×°±§∶①②③④⑤⑥⑦⑧⑨⑩○〇"
#: The part of the CJK symbols block that prose uses: the ideographic space, marks, brackets,
#: the iteration mark. The rest (Hangzhou numerals 〤, tone marks, kana repeat marks) is what a
#: wrong reading of GBK's symbol rows produces.
_PROSE_CJK_SYMBOLS = frozenset("\u3000、。〃々〆〇〈〉《》「」『』【】〒〓〔〕〖〗〘〙〚〛〜〝〞〟")


def usual_mark(ch: str) -> bool:
    """True for punctuation and signs Chinese prose uses (full-width forms included).

    >>> usual_mark("，"), usual_mark("Ａ"), usual_mark("⒛"), usual_mark("〤")
    (True, True, False, False)
    """
    return ch in _PUNCT_COST or ch in USUAL_MARKS or "\uff01" <= ch <= "\uff5e" or ch in _PROSE_CJK_SYMBOLS


def foreign_letter(ch: str) -> bool:
    """True for a letter of another script (accented Latin, Greek, Cyrillic, kana, Hangul): what
    a wrong reading of CJK bytes sprinkles into Chinese text. Full-width Latin (Ｂ股, ＷＴＯ) is
    Chinese typesetting, not foreign.

    >>> foreign_letter("Ê"), foreign_letter("Ｂ"), foreign_letter("B"), foreign_letter("中")
    (True, False, False, False)
    """
    return not ch.isascii() and ch.isalpha() and not is_han(ch) and ch not in FULL_WIDTH_LETTERS


def is_han(ch: str) -> bool:
    """True for CJK unified ideographs (all extensions) and compatibility ideographs.

    >>> is_han("中"), is_han("a"), is_han("，")
    (True, False, False)
    """
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x3134F
        or 0xF900 <= cp <= 0xFAFF
    )


@lru_cache(maxsize=1)
def _mainland_counts() -> dict[str, int]:
    return {ch: int(n) for ch, n in data_pairs("han_freq.tsv")}


@lru_cache(maxsize=1)
def _regional_counts() -> dict[str, int]:
    return {ch: int(n) for ch, n in data_pairs("han_regional.tsv")}


@lru_cache(maxsize=1)
def han_counts() -> dict[str, int]:
    """Character -> corpus count, loaded once from package data: the mainland table, with the
    counts that Taiwan and Hong Kong forms and written Cantonese raise (為, 佢)."""
    return {**_mainland_counts(), **_regional_counts()}


@lru_cache(maxsize=1)
def han_ranks() -> dict[str, int]:
    """Character -> 0-based frequency rank (0 is the most common).

    A regional form takes the rank its count earns among the mainland table's characters
    without pushing any of them down: 為 shares the rank of 为, and the mainland characters keep
    the ranks that the mojibake detector's rarity marks were measured with.

    >>> ranks = han_ranks()
    >>> ranks["為"] == ranks["为"], ranks["佢"] < 5000
    (True, True)
    """
    ranks = {ch: i for i, ch in enumerate(_mainland_counts())}
    descending = [-n for n in _mainland_counts().values()]
    for ch, n in _regional_counts().items():
        ranks[ch] = bisect.bisect_left(descending, -n)
    return ranks


def common_han(top: int = 5000) -> frozenset[str]:
    """The ``top`` most frequent Han characters (simplified and traditional forms)."""
    return _common_han(top)


@lru_cache(maxsize=4)
def _common_han(top: int) -> frozenset[str]:
    return frozenset(ch for ch, rank in han_ranks().items() if rank < top)


class _CostTable(dict):
    """A dict from character to cost that fills itself in on first sight of a character."""

    def __missing__(self, ch: str) -> float:
        value = _category_cost(ch)
        self[ch] = value
        return value


def _category_cost(ch: str) -> float:
    cp = ord(ch)
    if cp < 0x80:
        if ch in "\t\n\r" or 0x20 <= cp < 0x7F:
            return 4.0
        return IMPOSSIBLE  # C0 controls
    if is_han(ch):
        if 0xF900 <= cp <= 0xFAFF:
            return UNSEEN_HAN + 1
        return UNSEEN_HAN
    if ch in _PUNCT_COST:
        return _PUNCT_COST[ch]
    if cp == 0xFFFD or 0xE000 <= cp <= 0xF8FF or 0x80 <= cp <= 0x9F or cp >= 0xF0000:
        return IMPOSSIBLE
    if 0xD800 <= cp <= 0xDFFF:
        return IMPOSSIBLE
    if 0x3000 <= cp <= 0x303F:
        return 11.0 if ch in _PROSE_CJK_SYMBOLS else 15.0
    if ch in FULL_WIDTH_LETTERS:
        return FULL_WIDTH_LETTER_BITS
    if 0xFF01 <= cp <= 0xFF5E:  # full-width ASCII
        return 10.0
    if 0x2500 <= cp <= 0x257F:
        return BOX_DRAWING_BITS
    if 0xFF61 <= cp <= 0xFF9F:  # half-width katakana: Shift-JIS mojibake
        return 18.0
    if 0x3040 <= cp <= 0x30FF:  # kana
        return 11.0
    if 0xAC00 <= cp <= 0xD7A3:  # Hangul syllables
        return 12.0
    if ch == "○":
        return 11.0  # the zero of years written out in characters (二○○○年), like 〇
    if cp == 0xA0:
        return 9.0
    category = unicodedata.category(ch)
    if category in ("Ll", "Lu"):
        # Accented Latin, Greek, Cyrillic: plausible in their own languages.
        return 8.0 if cp < 0x2000 else 14.0
    if category in ("Lo", "Lm"):
        return 14.0  # other scripts (Arabic, Thai, Yi, Hangul jamo...)
    if category.startswith("P"):
        return 9.0 if cp < 0x2070 else 13.0
    if category.startswith("S"):
        return 11.0 if cp < 0x2000 else 15.0  # box drawing, arrows, math: rare in prose
    if category.startswith("N"):
        # Enclosed numbers past ⑩ (⒙ ⑿ ⒅) are list markers, not prose: GBK's symbol rows
        # hold them, so wrong readings of GBK bytes produce them.
        return 15.0 if 0x2460 <= cp <= 0x24FF and ch not in USUAL_MARKS else 10.0
    if category.startswith("Z"):
        return 9.0
    if category.startswith("M"):
        return 14.0
    return IMPOSSIBLE  # unassigned, format and other controls


@lru_cache(maxsize=1)
def _costs() -> _CostTable:
    counts = han_counts()
    total = sum(counts.values())
    table = _CostTable()
    for ch, n in counts.items():
        table[ch] = min(UNSEEN_HAN - 1, math.log2(total / n))
    return table


def char_cost(ch: str) -> float:
    """Bits a single character costs under the model."""
    return _costs()[ch]


def cost(text: str) -> float:
    """Total cost of ``text`` in bits (lower is more plausible)."""
    return sum(map(_costs().__getitem__, text))


def cost_per_char(text: str) -> float:
    return cost(text) / len(text) if text else 0.0


@lru_cache(maxsize=1)
def _to_simplified() -> dict[str, str]:
    """OpenCC's traditional -> simplified character table (first, default target)."""
    return {key: targets[0] for key, targets in opencc_chars("ts_chars.tsv").items()}


@lru_cache(maxsize=1)
def traditional_only() -> frozenset[str]:
    """Characters OpenCC converts to a different simplified form (traditional evidence)."""
    return frozenset(k for k, v in _to_simplified().items() if k != v)


@lru_cache(maxsize=1)
def simplified_only() -> frozenset[str]:
    """Characters OpenCC converts to a different traditional form (simplified evidence)."""
    return frozenset(k for k, v in opencc_chars("st_chars.tsv").items() if k not in v)


@lru_cache(maxsize=1)
def regional_forms() -> frozenset[str]:
    """The forms Taiwan and Hong Kong pages write for OpenCC's standard traditional characters;
    a few are simplified-only to OpenCC (群 秘, where its standard writes 羣 祕).

    >>> sorted({"為", "群", "秘", "爲"} & regional_forms())
    ['為', '秘', '群']
    """
    return frozenset(ch for forms in opencc_chars("regional_forms.tsv").values() for ch in forms)


_RARE_CACHE: dict[int, re.Pattern[str]] = {}


def unusual_char_pattern(top: int = 5000) -> re.Pattern[str]:
    """A compiled pattern matching any character outside ASCII, common CJK punctuation,
    full-width forms and the ``top`` most common Han characters.

    Clean Chinese lines rarely contain one, so steps use it as a C-speed pre-check before
    any expensive analysis.
    """
    pattern = _RARE_CACHE.get(top)
    if pattern is None:
        allowed = sorted(common_han(top) | set(_COMMON_CJK_PUNCT))
        body = "".join(re.escape(ch) for ch in allowed)
        pattern = re.compile(f"[^\\x00-\\x7f\\u3000-\\u303f\\uff01-\\uff5e{body}]")
        _RARE_CACHE[top] = pattern
    return pattern


# --- the word model ----------------------------------------------------------------------

#: Longest word the model looks up (the lexicon holds words of up to six characters).
MAX_WORD = 6
#: Words up to this long are looked up at every character; longer ones (贝尔格莱德, 联合国大会)
#: only where the last characters end one of them, which keeps the common path short.
SHORT_WORD = 4
#: A Han character on its own costs at most its unigram cost plus this: many characters (谅,
#: 芦) are common inside words and rare alone, which the lexicon's one-character entries say.
LONE_HAN_EXTRA_BITS = 4.0


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, float]:
    """Word (simplified) -> cost in bits, loaded once."""
    counts = {word: int(n) for word, n in data_pairs("han_lexicon.tsv")}
    total = sum(counts.values())
    return {word: math.log2(total / n) for word, n in counts.items()}


class _NameModel(NamedTuple):
    #: Bits of "the next word is a three-character name".
    name_bits: float
    #: Character -> bits as the first character of a name (surnames, transliterations).
    first_bits: dict[str, float]
    #: Character -> bits as one of the other two.
    given_bits: dict[str, float]
    #: Bits of a character never seen in a given name.
    unseen_given_bits: float


@lru_cache(maxsize=1)
def _names() -> _NameModel:
    rows = [line.split("\t") for line in data_lines("han_names.tsv")]
    (_, names, words), counts = rows[0], rows[1:]
    firsts = {ch: int(first) for ch, first, _ in counts if int(first)}
    givens = {ch: int(given) for ch, _, given in counts if int(given)}
    first_total, given_total = sum(firsts.values()), sum(givens.values())
    return _NameModel(
        math.log2(int(words) / int(names)),
        {ch: math.log2(first_total / n) for ch, n in firsts.items()},
        {ch: math.log2(given_total / n) for ch, n in givens.items()},
        math.log2(given_total / 0.5),
    )


#: Two-character names (王琨) are rarer than three-character ones; the dictionary lists too few
#: of them to count, so they are priced as a quarter as common.
TWO_CHARACTER_NAME_BITS = 2.0


def name_cost(name: str) -> float:
    """Bits of a two- or three-character (simplified) ``name`` as a person's name; inf if its
    first character never begins one.

    >>> name_cost("范喜梅") < name_cost("路断谗")
    True
    """
    model = _names()
    first = model.first_bits.get(name[0])
    if first is None:
        return math.inf
    unseen = model.unseen_given_bits
    bits = model.name_bits + first + sum(model.given_bits.get(ch, unseen) for ch in name[1:])
    return bits + TWO_CHARACTER_NAME_BITS if len(name) == 2 else bits


@lru_cache(maxsize=1)
def _inner_pairs() -> frozenset[str]:
    """The pairs of characters that stand inside the lexicon's words of three or more."""
    return frozenset(word[i : i + 2] for word in _lexicon() if len(word) > 2 for i in range(len(word) - 1))


@lru_cache(maxsize=1)
def _long_word_endings() -> frozenset[str]:
    return frozenset(word[-SHORT_WORD:] for word in _lexicon() if len(word) > SHORT_WORD)


def _simplified(ch: str) -> str:
    return _to_simplified().get(ch, ch)


@lru_cache(maxsize=65536)
def _lone_cost(ch: str) -> float:
    """Cost of a character that is a word of its own (or not part of any word)."""
    unigram = char_cost(ch)
    if not is_han(ch):
        return unigram
    # Standing alone is never commoner than occurring at all: the dictionary's one-character
    # counts are generous to some rare characters (褰).
    alone = max(_lexicon().get(_simplified(ch), math.inf), unigram)
    return min(alone, unigram + LONE_HAN_EXTRA_BITS)


# --- the context model --------------------------------------------------------------------

#: Weight of the context model against the word model (1.5 did no better on the pinyin and
#: Sina benchmarks; 0 turns it off).
CONTEXT_WEIGHT = 1.0
#: An unheard-of pair costs at most this many bits more...
MAX_CONTEXT_BITS = 6.0
#: ...and a usual one at most this many fewer: the word model already rewards the pairs inside
#: words, and a big bonus lets a common pair (尼奥) pull a wrong reading through.
MAX_CONTEXT_BONUS_BITS = 3.0


#: How han_pairs.tsv writes a line break (the file is line-based).
_LINE_BREAK_KEY = "\u23ce"


class _PairModel(NamedTuple):
    total: int
    #: character or pair of characters -> count
    counts: dict[str, int]
    #: character -> how many different characters follow it
    followers: dict[str, int]


@lru_cache(maxsize=1)
def _pairs() -> _PairModel:
    rows = data_pairs("han_pairs.tsv")
    _, total = next(rows)
    counts = {key.replace(_LINE_BREAK_KEY, "\n"): int(n) for key, n in rows}
    followers = Counter(key[0] for key in counts if len(key) == 2)
    return _PairModel(int(total), counts, dict(followers))


#: pair -> bits, filled as pairs are met; searches meet millions of pairs, so it is emptied
#: when it grows past ``_MEMO_LIMIT`` (an LRU cache costs more per look-up than it saves).
_pair_memo: dict[str, float] = {}
_MEMO_LIMIT = 1 << 20


def pair_bits(left: str, ch: str) -> float:
    """Bits the context model adds for ``ch`` right after ``left``: negative for neighbours
    that stand together more often than chance, positive for ones that (almost) never do, 0
    after a character it has never seen and for a pair that is a word of the dictionary.

    >>> pair_bits("在", "美") < 0 < pair_bits("炮", "美")
    True
    >>> pair_bits("直", "露")
    0.0
    """
    key = left + ch
    bits = _pair_memo.get(key)
    if bits is None:
        if len(_pair_memo) >= _MEMO_LIMIT:
            _pair_memo.clear()
        bits = _pair_memo[key] = _pair_bits(left, ch)
    return bits


def _pair_bits(left: str, ch: str) -> float:
    model = _pairs()
    a, b = _simplified(left), _simplified(ch)
    left_count = model.counts.get(a)
    if not left_count or not CONTEXT_WEIGHT:
        return 0.0
    # Witten-Bell: after a character seen with many different followers, an unseen pair is
    # less surprising than after one that is always followed by the same few.
    followers = model.followers.get(a, 0) or 1
    unigram = model.counts.get(b, 0.5) / model.total
    ratio = (model.counts.get(a + b, 0) + followers * unigram) / (left_count + followers) / unigram
    if ratio < 1 and a + b in _lexicon():
        # A word the dictionary knows is no unheard-of pair, however rarely the training text
        # happens to hold it (直露).
        return 0.0
    return -CONTEXT_WEIGHT * max(-MAX_CONTEXT_BITS, min(MAX_CONTEXT_BONUS_BITS, math.log2(ratio)))


# --- the mark model -----------------------------------------------------------------------

#: The sentence marks the mark model knows, and what stands between them without counting
#: (scripts/build_data.py counts the table with these).
MARKS = "、，。；：！？"
_MARK_SET = frozenset(MARKS)
MARK_TRANSPARENT = frozenset("“”‘’《》（）「」『』【】")
#: The stretch lengths the table tells apart (longer ones count as this long).
MAX_MARK_DISTANCE = 9
#: The mark model says at most this much either way: it knows the mark before, not the words.
MAX_MARK_BITS = 4.0
#: Weight of the marks' overall shares against a context seen few times.
MARK_PRIOR_WEIGHT = 7.0


@lru_cache(maxsize=1)
def _mark_table() -> dict[tuple[str, int, str], float]:
    counts = {key: [int(n) for n in value.split()] for key, value in data_pairs("han_marks.tsv")}
    after: Counter[str] = Counter()
    for key, by_distance in counts.items():
        after[key[1]] += sum(by_distance)
    total = sum(after.values())
    table = {}
    for before in MARKS:
        for distance in range(MAX_MARK_DISTANCE + 1):
            seen = sum(counts[before + mark][distance] for mark in MARKS)
            for mark in MARKS:
                prior = after[mark] / total
                p = (counts[before + mark][distance] + MARK_PRIOR_WEIGHT * prior) / (seen + MARK_PRIOR_WEIGHT)
                table[before, distance, mark] = -max(-MAX_MARK_BITS, min(MAX_MARK_BITS, math.log2(p / prior)))
    return table


def mark_bits(before: str, distance: int, mark: str) -> float:
    """Bits the mark model adds for ``mark`` inside a paragraph when the last mark was
    ``before``, ``distance`` characters back (``data/han_marks.tsv``): items of a list are
    short and separated alike.

    >>> mark_bits("、", 4, "、") < 0 < mark_bits("、", 4, "。")
    True
    """
    return _mark_table()[before, min(distance, MAX_MARK_DISTANCE), mark]


def last_mark(text: str) -> tuple[str, int]:
    """The last sentence mark of ``text``'s last paragraph and how many characters follow it
    ("" if none).

    >>> last_mark("統一領導、分級負責")
    ('、', 4)
    """
    distance = 0
    for ch in reversed(text):
        if ch == "\n":
            break
        if ch in _MARK_SET:
            return ch, min(distance, MAX_MARK_DISTANCE)
        if ch not in MARK_TRANSPARENT:
            distance += 1
    return "", 0


class WordTail(NamedTuple):
    """What the word model remembers of the text so far: its last characters (simplified,
    Han only: words never span anything else) and the cost of the best segmentation of the
    text up to before each of them, then up to the end (``costs[-1]``); for the context model,
    the last character of any kind and the bits it has added so far; the character of any
    kind before the last (for callers that judge a lone letter by both its neighbours); and for
    the mark model, the last sentence mark ("" if none is known), how far back it stands, and
    its bits, which wait for the character after it."""

    chars: str = ""
    costs: tuple[float, ...] = (0.0,)
    last: str = ""
    context: float = 0.0
    before_last: str = ""
    mark: str = ""
    since_mark: int = 0
    waiting_mark_bits: float = 0.0
    #: the context model's bonus for the last pair of Han characters when it comes from the
    #: longer words the pair stands in (0.0 otherwise): what a name made of them may not claim
    word_bonus: float = 0.0

    @property
    def total(self) -> float:
        """Bits of the text so far under both models."""
        return self.costs[-1] + self.context


def extend(tail: WordTail, ch: str) -> tuple[WordTail, float]:
    """The model after one more character, and the bits that character added.

    >>> tail, bits = extend(WordTail(), "茫")
    >>> extend(tail, "茫")[1] < bits
    True
    """
    context = 0.0
    if tail.last:
        context = _pair_memo.get(tail.last + ch)  # pair_bits, inlined: the hottest path
        if context is None:
            context = pair_bits(tail.last, ch)
    waiting = tail.waiting_mark_bits
    if waiting:
        # A mark's bits count once the text goes on after it: the table knows marks inside a
        # paragraph, and one that ends it is the line break's business.
        if ch == "\n":
            waiting = 0.0
        elif ch not in MARK_TRANSPARENT:
            context += waiting
            waiting = 0.0
    if not is_han(ch):
        added = _lone_cost(ch)
        mark, since = tail.mark, tail.since_mark
        if ch in _MARK_SET:
            if mark:
                waiting = mark_bits(mark, since, ch)
            mark, since = ch, 0
        elif ch == "\n":
            mark, since = "", 0
        elif ch not in MARK_TRANSPARENT and since < MAX_MARK_DISTANCE:
            since += 1
        return (WordTail("", (tail.costs[-1] + added,), ch, tail.context + context, tail.last, mark, since, waiting),
                added + context)
    ch_s = _simplified(ch)
    lexicon = _lexicon()
    word_bonus = 0.0
    best = tail.costs[-1] + _lone_cost(ch)
    chars = tail.chars
    first = max(0, len(chars) - (SHORT_WORD - 1))
    if first and chars[first:] + ch_s in _long_word_endings():
        first = 0
    for start in range(first, len(chars)):
        word_cost = lexicon.get(chars[start:] + ch_s)
        if word_cost is not None:
            best = min(best, tail.costs[start] + word_cost)
    if chars:
        # A name does not claim the bonus its pairs earn inside longer words (鲁吉 from 格鲁吉亚
        # would make 鲁吉元 commoner than 陈吉元); a pair seen as a name (龚雯) keeps its own.
        if context < 0 and chars[-1] + ch_s in _inner_pairs():
            word_bonus = context
        best = min(best, tail.costs[-2] + name_cost(chars[-1] + ch_s) - word_bonus)
        if len(chars) >= 2:
            best = min(best, tail.costs[-3] + name_cost(chars[-2:] + ch_s) - word_bonus - tail.word_bonus)
    chars = (chars + ch_s)[-(MAX_WORD - 1):]
    costs = (*tail.costs, best)[-MAX_WORD:]
    return (WordTail(chars, costs, ch, tail.context + context, tail.last, tail.mark,
                     min(tail.since_mark + 1, MAX_MARK_DISTANCE), waiting, word_bonus),
            best - tail.costs[-1] + context)


def start_tail(left: str) -> WordTail:
    """The model's state after ``left``, the context before a span (its last word or so, and
    its last sentence mark)."""
    cut = max(0, len(left) - (MAX_WORD - 1))
    mark, since = last_mark(left[:cut])
    tail = WordTail(mark=mark, since_mark=since)
    for ch in left[cut:]:
        tail, _ = extend(tail, ch)
    return tail._replace(costs=tuple(c - tail.costs[-1] for c in tail.costs), context=0.0, waiting_mark_bits=0.0)


def segment_cost(text: str, left: str = "", page: PageModel | None = None) -> float:
    """Bits of ``text`` under the word model, after the context ``left`` (and on ``page``).

    >>> segment_cost("出访奥地利") < segment_cost("出佛地利")
    True
    """
    tail = start_tail(left)
    page = page or None
    from_page = 0.0
    for ch in text:
        previous = tail.last
        tail, added = extend(tail, ch)
        if page:
            from_page += page.bits(previous, ch, added) - added
    return tail.total + from_page


# --- the page model -----------------------------------------------------------------------

#: Weight of the page's own neighbours against the models (a cache model): a word that the
#: page uses where it is intact is likelier where it is damaged (１８幅插圖 twice, 管片). At
#: 0.2 a pair from elsewhere on the page pulled a wrong reading through; 0.05 did not.
PAGE_WEIGHT = 0.05


#: Extra bits for a character on a page that writes its simplified form another way (為 where
#: the page writes 爲): the models read every character as its simplified form, so without the
#: page the two forms tie.
OTHER_FORM_BITS = 2.0


#: Extra bits for a traditional-only character on a page written in simplified characters,
#: unless the page writes that character itself: the models give it its simplified form's cost
#: (so that traditional pages read as common text), but in the simplified news and reviews the
#: context model is counted from, such characters are 2,480 of 1,782,603 Han characters and
#: their simplified forms 646,591: log2 of the ratio (benchmarks/measure_priors.py). Without it,
#: a lost byte of 技术 was read back as 技朮 on a page that writes 问题 and 关注.
TRADITIONAL_ON_SIMPLIFIED_PAGE_BITS = 8.0
#: A page is written in simplified characters when its intact text has at least this many
#: simplified-only characters, and four times as many as traditional-only ones (a simplified
#: page may name 乾隆).
MIN_SCRIPT_EVIDENCE = 3


def reads_simplified(texts: Iterable[str]) -> bool:
    """Are ``texts`` written in simplified characters (``MIN_SCRIPT_EVIDENCE``)?

    >>> reads_simplified(["这个问题"]), reads_simplified(["這個問題"]), reads_simplified(["今天"])
    (True, False, False)
    """
    chars: Counter[str] = Counter()
    for text in texts:
        chars.update(text)
    return _written_simplified(chars)


def _written_simplified(chars: Counter[str]) -> bool:
    """Do these character counts say simplified (``MIN_SCRIPT_EVIDENCE``)?"""
    simplified = sum(chars[ch] for ch in chars.keys() & simplified_only())
    traditional = sum(chars[ch] for ch in chars.keys() & traditional_only())
    return simplified >= MIN_SCRIPT_EVIDENCE and traditional * 4 <= simplified


#: Punctuation the page model counts beside characters: all of it that prose puts there, quotes
#: and brackets too (counting only some marks would favour them over the others: 车。 over 车”).
_PAGE_MARKS = _MARK_SET | MARK_TRANSPARENT


def _page_pair(a: str, b: str) -> bool:
    """Is ``ab`` a pair the page model counts: two Han characters, or a Han character and a
    mark (a page that writes 解放思想、實事求是 once writes it so again)."""
    if is_han(a):
        return is_han(b) or b in _PAGE_MARKS
    return a in _PAGE_MARKS and is_han(b)


class PageModel:
    """How often, on one page, a Han character or a mark beside one follows another: P(b | a)
    counted in the page's intact text, mixed into the models' bits for ``b`` after ``a``; and
    the script the page is written in.

    >>> page = PageModel(["书中的１８幅插图"])
    >>> page.bits("幅", "插", 15.0) < 15.0 == page.bits("俘", "插", 15.0)
    True
    >>> PageModel(["这个问题已经引起关注"]).simplified
    True
    """

    def __init__(self, texts: Iterable[str], simplified: bool | None = None) -> None:
        """``simplified``: whether the page is written in simplified characters, when something
        other than ``texts`` tells (by default they do: :func:`reads_simplified`)."""
        # Counted when first asked: most documents with a mark of damage need no search.
        self._texts: Iterable[str] | None = texts
        self._table: dict[str, float] = {}
        #: simplified form -> the ways the page writes it (爲 or 為, 裏 or 裡)
        self._forms: dict[str, frozenset[str]] = {}
        self._given_script = simplified
        self._simplified_page = bool(simplified)
        self._traditional_only = traditional_only()

    @property
    def _following(self) -> dict[str, float]:
        if self._texts is not None:
            chars: Counter[str] = Counter()
            pairs: Counter[str] = Counter()
            for text in self._texts:
                chars.update(text)
                pairs.update(a + b for a, b in zip(text, text[1:]) if _page_pair(a, b))
            self._table = {pair: n / chars[pair[0]] for pair, n in pairs.items()}
            forms: dict[str, set[str]] = {}
            for ch in chars:
                if is_han(ch):
                    forms.setdefault(_simplified(ch), set()).add(ch)
            self._forms = {key: frozenset(written) for key, written in forms.items()}
            if self._given_script is None:
                self._simplified_page = _written_simplified(chars)
            self._texts = None
        return self._table

    def __bool__(self) -> bool:
        return bool(self._following) or self._simplified_page

    @property
    def simplified(self) -> bool:
        """Is the page written in simplified characters (``MIN_SCRIPT_EVIDENCE``)?"""
        self._following  # noqa: B018 - counts the page on first use
        return self._simplified_page

    def bits(self, left: str, ch: str, bits: float) -> float:
        """``bits``, the models' cost of ``ch`` after ``left``, mixed with the page's P(ch | left).
        Pairs the page lacks keep their bits: then a page changes nothing but what it has seen.
        A character the page writes another way costs ``OTHER_FORM_BITS`` more; a traditional-only
        one on a simplified page that does not write it, ``TRADITIONAL_ON_SIMPLIFIED_PAGE_BITS``."""
        seen = self._following.get(left + ch)
        written = self._forms.get(_simplified(ch))
        if self._simplified_page and ch in self._traditional_only and not (written and ch in written):
            bits += TRADITIONAL_ON_SIMPLIFIED_PAGE_BITS
        elif written and ch not in written:
            bits += OTHER_FORM_BITS
        if seen is None:
            return bits
        return -math.log2((1 - PAGE_WEIGHT) * 2.0 ** -bits + PAGE_WEIGHT * seen)
