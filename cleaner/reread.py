"""Re-reading bytes: the engine behind mojibake repair.

Mojibake is text whose bytes were read with the wrong codec. Undoing it means recovering the
bytes and reading them with the right one, but the bytes are not always certain: a character
may stand for one byte or for a UTF-8 sequence (Sina-style fallbacks), and U+FFFD stands for a
byte that was lost. :func:`reread` takes, for every character of the damaged text, the byte
strings it may stand for, and finds the reading in the target codec that the plausibility model
likes best (a beam search over the codec's decoder states, with word context).

>>> reread([[(b"\\xc4", 0.0)], [(b"\\xe3", 0.0)]], "gb18030").text
'你'
>>> lost = [(bytes([b]), 6.0) for b in range(0x80, 0x100)]
>>> reread([[(b"\\xe5\\xbc", 0.0)], lost, [(b"\\xe6\\x94", 0.0)], lost], "utf-8").text
'开放'
"""

from __future__ import annotations

import gc
from collections import Counter
from functools import lru_cache, wraps
from typing import Callable, NamedTuple, Sequence, TypeVar

from . import plausibility

#: One way a damaged character may be read back: (bytes, extra cost in bits[, kind]).
Alternative = tuple
#: Kind of an alternative: a byte that a UTF-8 reader with Latin-1 fallback failed to decode
#: (which constrains its neighbours)...
FALLBACK = "fallback"
#: ...or a guessed value of a byte that the misreading decoder replaced with U+FFFD.
LOST = "lost"

BEAM = 12
FOREIGN_LETTER_BITS = 8.0
STRAY_SYMBOL_BITS = 4.0
MAX_STATES = 1024
AVOIDED_BITS = 30.0
WIDE_BEFORE_WIDE = 96
#: States kept where characters read with a guessed byte wait for the next one to be judged.
UNJUDGED_STATES = 48
MERGE_CHARS = 3
# A run that ends a line usually ends a sentence.
_SENTENCE_END = frozenset("。！？”）」』…")
SENTENCE_END_BITS = 2.0
_FULL_WIDTH_DIGITS = frozenset("０１２３４５６７８９")
_DIGITS = frozenset("0123456789一二三四五六七八九十百千零〇○") | _FULL_WIDTH_DIGITS
# A decimal point or ratio sign stands between digits; a per cent sign ends a number.
_NUMBER_JOINERS = frozenset("．∶")
LETTER_BESIDE_HAN_BITS = 6.0
# A counter after a number (三名, １９９８年) is usual; the context model says most of it, and more
# (6 bits) let number readings win over words (二屆 over 懂得 in a misaligned stretch).
DIGIT_COUNTER_BITS = 2.0
# Characters that follow numbers: dates, times, units and measure words (both scripts).
_COUNTERS = frozenset(
    "年月日号时分秒岁元角万亿个次名位项条件天周届期枚张台辆家所种份本篇只头架艘吨米斤亩户人座栋层倍票股"
    "起批套双对块首部场回遍度克升里公千百"
    "號時歲萬億個項條屆張臺輛隻頭噸畝戶層雙對塊場"
)


class Reading(NamedTuple):
    text: str
    #: Unigram cost of ``text`` (comparable with ``plausibility.cost`` of the damaged run).
    bits: float
    #: Alternatives with a cost (guessed bytes) that the reading used.
    guesses: int


def _needed(codec: str, partial: bytes) -> int:
    """How many bytes a sequence starting with ``partial`` needs; 0 if it cannot be valid."""
    lead = partial[0]
    if codec == "utf-8":
        if 0xC2 <= lead <= 0xDF:
            return 2
        if 0xE0 <= lead <= 0xEF:
            return 3
        if 0xF0 <= lead <= 0xF4:
            return 4
        return 0
    if not 0x81 <= lead <= 0xFE:
        return 0
    if codec == "gb18030" and len(partial) >= 2 and 0x30 <= partial[1] <= 0x39:
        return 4
    return 2


# CP950 decodes Big5 A241/A242 as the look-alikes U+2215/U+FE68, where Big5 (and every
# Chinese text) has the full-width solidus and reverse solidus: keep the common forms.
_AFTER_DECODE = {"cp950": (("\u2215", "\uff0f"), ("\ufe68", "\uff3c"))}


def after_decode(text: str, encoding: str) -> str:
    """Codec-specific touch-ups applied to every decoding of ``encoding``."""
    for old, new in _AFTER_DECODE.get(encoding, ()):
        if old in text:
            text = text.replace(old, new)
    return text


def strict_decode(data: bytes, encoding: str) -> str | None:
    """``data`` decoded without errors (and touched up), or None.

    >>> strict_decode(b"\\xa2\\x41", "cp950"), strict_decode(b"\\xff", "utf-8")
    ('／', None)
    """
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return after_decode(text, encoding)


@lru_cache(maxsize=65536)
def _decode(codec: str, data: bytes) -> str | None:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return after_decode(text, codec) if len(text) == 1 else None


@lru_cache(maxsize=65536)
def rejected_at_start(codec: str, data: bytes) -> bool:
    """Would ``codec``'s decoder reject the first byte of ``data`` (and replace it with U+FFFD)?

    >>> rejected_at_start("gbk", b"\\xaa\\xa1"), rejected_at_start("gbk", b"\\xa4\\xa4")
    (True, False)
    """
    try:
        data.decode(codec)
    except UnicodeDecodeError as exc:
        return exc.start == 0
    return False


def _feed(codec: str, partial: bytes, byte: int) -> tuple[bytes, str | None] | None:
    """Advance the decoder by one byte: (new partial bytes, emitted character), or None if the
    byte cannot continue a valid sequence."""
    if not partial:
        if byte < 0x80:
            return b"", chr(byte)
        partial = bytes([byte])
        if _needed(codec, partial) == 0:
            return None
        return partial, None
    partial += bytes([byte])
    if codec == "utf-8" and not 0x80 <= byte <= 0xBF:
        return None
    needed = _needed(codec, partial)
    if len(partial) < needed:
        return partial, None
    ch = _decode(codec, partial)
    if ch is None:
        return None
    return b"", ch


def neighbour_bonus(left: str, ch: str, before: str = "") -> float:
    """Bits of evidence from the previous character (and the one ``before`` it) that a
    dictionary does not hold: counters after numbers, runs of full-width letters, and
    (negative) a lone letter glued to Chinese or standing before a Chinese mark."""
    if not left:
        return 0.0  # the start of the text
    if left in _DIGITS and ch in _COUNTERS:
        return DIGIT_COUNTER_BITS
    if _in_number(before, left, ch) or (left in plausibility.FULL_WIDTH_LETTERS and ch in plausibility.FULL_WIDTH_LETTERS):
        return 5.0  # runs of full-width digits or of letters (１９９８, ２３．４％, ＣＤＭＡ, tables)
    if (_glued_like(ch) and plausibility.is_han(left)) or (_glued_like(left) and plausibility.is_han(ch)):
        return -LETTER_BESIDE_HAN_BITS  # a lone Latin letter glued to Chinese: a misread trail byte
    if _lone_letter_before_mark(before, left, ch):
        return -LETTER_BESIDE_HAN_BITS
    return 0.0


def _in_number(before: str, left: str, ch: str) -> bool:
    """Does ``ch`` go on a full-width number (``before`` and ``left`` are the two characters
    before it)? A period after a sentence (盛．６日) or after a per cent sign (４％．１９９６)
    is not a decimal point.

    >>> _in_number("２", "３", "．"), _in_number("３", "．", "４"), _in_number("盛", "．", "６")
    (True, True, False)
    """
    if left in _FULL_WIDTH_DIGITS:
        return ch in _FULL_WIDTH_DIGITS or ch in _NUMBER_JOINERS or ch == "％"
    return left in _NUMBER_JOINERS and ch in _FULL_WIDTH_DIGITS and before in _FULL_WIDTH_DIGITS


# ASCII that Big5 and GBK use as trail bytes and Chinese prose never glues to a character.
_TRAIL_SYMBOLS = frozenset("@[\\]^_`{|}~")


def _lone_letter_before_mark(before: str, letter: str, ch: str) -> bool:
    """A single ASCII letter after a space or a Chinese character, followed by a Chinese mark
    (優待 C”, 人生 Y，): what a misread trail byte, or a swallowed space and one, leaves.

    >>> _lone_letter_before_mark(" ", "C", "”"), _lone_letter_before_mark("P", "C", "，")
    (True, False)
    """
    if not (letter.isascii() and letter.isalpha()) or ch.isascii() or not plausibility.usual_mark(ch):
        return False
    return before == " " or (bool(before) and not before.isascii())


# Chinese typesetting writes Latin in full width in capitals (ＶＣＤ, Ａ股); a lower-case one
# beside a Han character is GBK's row A3 read out of step (冷峻ｍ展示).
_FULL_WIDTH_LOWER = frozenset(chr(c) for c in range(0xFF41, 0xFF5B))


def _glued_like(ch: str) -> bool:
    """A letter or trail-byte symbol that Chinese prose does not glue to a Han character."""
    return (ch.isascii() and (ch.isalpha() or ch in _TRAIL_SYMBOLS)) or ch in _FULL_WIDTH_LOWER


def _after_fallback(pending: bytes, option: Alternative) -> bytes | None:
    """Track what a UTF-8 reader with Latin-1 fallback saw. ``pending`` holds fallen-back bytes
    that still begin a valid UTF-8 sequence. Returns the new pending bytes, or None when the
    option is impossible: a fallback byte that would have completed a valid sequence (the
    reader would then have decoded it, not fallen back)."""
    if len(option) < 3 or option[2] != FALLBACK:
        return b""  # a decoded sequence: it starts with a lead byte or ASCII
    byte = option[0][0]
    if pending:
        sequence = pending + bytes([byte])
        if 0x80 <= byte <= 0xBF:
            needed = _needed("utf-8", sequence)
            if needed and len(sequence) == needed:
                return None if _decode("utf-8", sequence) else b""
            if needed:
                return sequence
    return bytes([byte]) if 0xC2 <= byte <= 0xF4 else b""


def _misfit_for(codec: str, page: plausibility.PageModel | None = None):
    """Extra search cost for characters that fit the text a codec usually carries badly: in
    Chinese text, letters of other scripts and stray symbols are what wrong byte choices
    produce; GBK pages are mostly simplified, so traditional-only characters are suspect
    (what they cost on a page known to be simplified is the page model's business)."""
    if codec == "utf-8":
        return lambda ch: 0.0
    simplified_page = page is not None and page.simplified
    traditional = plausibility.traditional_only() if codec == "gb18030" and not simplified_page else frozenset()

    @lru_cache(maxsize=4096)
    def misfit(ch: str) -> float:
        if ch.isascii() or plausibility.is_han(ch):
            return plausibility.TRADITIONAL_ON_SIMPLIFIED_PAGE_BITS if ch in traditional else 0.0
        if plausibility.foreign_letter(ch):
            return FOREIGN_LETTER_BITS
        if plausibility.usual_mark(ch) or ch.isspace():
            return 0.0
        return STRAY_SYMBOL_BITS  # GBK's and Big5's symbol rows: ⊥ ⒛ Ⅰ

    return misfit


_F = TypeVar("_F", bound=Callable)


def _without_cycle_collection(search: _F) -> _F:
    """Run ``search`` with the cyclic garbage collector paused. A search allocates millions of
    small tuples and makes no reference cycles, yet the allocations keep triggering collections
    that walk everything it holds: on dense damage they took about 40% of the time."""

    @wraps(search)
    def paused(*args, **kwargs):
        if not gc.isenabled():
            return search(*args, **kwargs)
        gc.disable()
        try:
            return search(*args, **kwargs)
        finally:
            gc.enable()

    return paused  # type: ignore[return-value]


@_without_cycle_collection
def reread(alternatives: Sequence[Sequence[Alternative]], codec: str, beam: int = BEAM, left: str = "",
           avoid: frozenset[str] = frozenset(), page: plausibility.PageModel | None = None,
           lost_by: str | None = None, open_before: str = "") -> Reading | None:
    """The best reading of the byte alternatives in ``codec``, or None if none is valid.

    An alternative is ``(bytes, penalty)``, or ``(byte, penalty, FALLBACK)`` for a byte that a
    UTF-8 reader with Latin-1 fallback failed to decode (which constrains its neighbours), or
    ``(byte, penalty, LOST)`` for a guess at a byte that the decoder ``lost_by`` replaced: two
    lost bytes in a row are then a pair that decoder rejects (else it would have read them).
    ``left`` is the context before the damaged run; characters in ``avoid`` (the other script's,
    when the page's is known) are all but ruled out; ``page`` holds what the rest of the page
    says about neighbours. ``open_before``: brackets and quotes opened before the run and not
    closed (:func:`open_brackets`), for a run that goes to the end of its line: it must close
    them, and only them.
    """
    cost_of = plausibility.char_cost
    extend = plausibility.extend
    page = page or None  # a page with nothing intact on it adds nothing
    misfit = _misfit_for(codec, page)
    if avoid:
        fits = misfit
        misfit = lambda ch: fits(ch) + (AVOIDED_BITS if ch in avoid else 0.0)  # noqa: E731
    # state (partial bytes, last character, the word model's memory, pending fallback bytes,
    #        brackets opened in the run and not yet closed, the lost byte just guessed)
    #   -> (search cost, unigram cost, guesses, node, word model state)
    # where node = (emitted text, previous node) links back through the choices made.
    State = tuple[bytes, str, str, bytes, str, bytes]
    Value = tuple[float, float, int, "tuple | None", plausibility.WordTail]
    start = plausibility.start_tail(left)
    states: dict[State, Value] = {(b"", left[-1:], start.chars, b"", open_before[-3:], b""): (0.0, 0.0, 0, None, start)}
    # Wide steps emit the same character after the same state many times (every value of a
    # lost byte that follows it): score each (state, character) once.
    seen: dict[tuple, tuple[plausibility.WordTail, float, float]] = {}
    # Did the step before guess a byte and read characters with it?
    guessed_characters = False
    for position, options in enumerate(alternatives):
        grown: dict[State, Value] = {}
        read_a_character = False
        for (partial, last, _, pending, opened, lost), (search, bits, guesses, node, tail) in states.items():
            for option in options:
                data, penalty = option[0], option[1]
                guessed = data if lost_by and len(option) > 2 and option[2] == LOST else b""
                if lost and guessed and not rejected_at_start(lost_by, lost + guessed):
                    continue
                after = _after_fallback(pending, option)
                if after is None:
                    continue
                p, previous, s, b, emitted, t, o = partial, last, search + penalty, bits, "", tail, opened
                for byte in data:
                    step = _feed(codec, p, byte)
                    if step is None:
                        break
                    p, ch = step
                    if ch is not None:
                        scored = seen.get((t, previous, ch))
                        if scored is None:
                            after_ch, added = extend(t, ch)
                            if page:
                                added = page.bits(previous, ch, added)
                            scored = seen[(t, previous, ch)] = (
                                after_ch, added - neighbour_bonus(previous, ch, t.before_last) + misfit(ch), cost_of(ch))
                        t = scored[0]
                        s += scored[1]
                        b += scored[2]
                        emitted += ch
                        previous = ch
                        if ch in _BRACKETS:
                            o, unmatched = _bracket_state(o, ch)
                            s += unmatched
                else:
                    # Paths that agree on their last few characters are merged: the word
                    # model's longer memory (for the rare long words) does not split states.
                    key = (p, previous, t.chars[-MERGE_CHARS:], after, o, guessed)
                    read_a_character = read_a_character or bool(emitted)
                    held = grown.get(key)
                    if held is None or s < held[0]:
                        grown[key] = (s, b, guesses + (penalty > 0), (emitted, node), t)
        if not grown:
            return None
        # After a lost byte every value of it is a separate state with no cost yet: keep them
        # all for one step, until the next byte tells them apart.
        # ...unless the next step is wide too: then the product would explode, and the beam
        # keeps the search linear.
        next_wide = position + 1 < len(alternatives) and len(alternatives[position + 1]) > 2
        limit = beam if len(options) <= 2 else WIDE_BEFORE_WIDE if next_wide else MAX_STATES
        unjudged = guessed_characters and len(options) == 1 and not read_a_character
        if unjudged:
            # Characters read with a guessed byte, then a known byte that completed nothing:
            # cut to the beam by the cost so far, the guessed character would be judged before
            # the one after it (县博 loses to a dozen cheaper 县X before 物 is read). Keep more,
            # ranked with the character the next byte completes.
            limit = max(limit, UNJUDGED_STATES)
        guessed_characters = len(options) > 2 and read_a_character
        if len(grown) > limit:
            if (len(options) > 2 or unjudged) and not next_wide and position + 1 < len(alternatives) and len(alternatives[position + 1]) == 1:
                ranked = _with_lookahead(grown, alternatives[position + 1][0][0], codec, misfit)
            else:
                ranked = sorted(grown.items(), key=lambda kv: kv[1][0])
            if len(options) > 2 and next_wide:
                # Bytes still pending are not scored yet: share the places out among the
                # pending values (the next byte decides between them), best first.
                per = max(1, limit // len({key[0] for key in grown}))
                taken: Counter[bytes] = Counter()
                grown = {}
                for key, value in ranked:
                    if taken[key[0]] < per:
                        taken[key[0]] += 1
                        grown[key] = value
            else:
                grown = dict(ranked[:limit])
        states = grown
    finals = sorted(
        (v[0] - (SENTENCE_END_BITS if last in _SENTENCE_END else 0.0), v)
        for (partial, last, *_), v in states.items() if not partial
    )[:5]
    if not finals:
        return None
    # Brackets and quotes come in pairs: among the best endings, prefer balanced ones.
    scored = []
    for search, (_, bits, guesses, node, _) in finals:
        text = _text_of(node)
        scored.append((search + UNBALANCED_BITS * _unbalanced(open_before + text), text, bits, guesses))
    _, text, bits, guesses = min(scored)
    return Reading(text, bits, guesses)


def _with_lookahead(grown: dict, following: bytes, codec: str, misfit) -> list:
    """States after a wide step, best first, each scored with the character the next (fixed)
    bytes complete. A lost byte's value is pending until then; ranking by the cost so far alone
    would cut the state whose pending byte makes the right next character (宣|誓) for one that
    merely ended cheaply."""
    ranked = []
    for key, value in grown.items():
        partial, previous = key[0], key[1]
        if partial:
            step = _feed(codec, partial, following[0])
            if step is None:
                continue
            ch = step[1]
        else:
            ch = _decode(codec, following[:2]) if following[0] >= 0x80 else chr(following[0])
        ahead = 0.0
        if ch is not None:
            ahead = (plausibility.char_cost(ch) + plausibility.pair_bits(previous, ch)
                     - neighbour_bonus(previous, ch, value[4].before_last) + misfit(ch))
        ranked.append((value[0] + ahead, key, value))
    ranked.sort(key=lambda item: item[0])
    return [(key, value) for _, key, value in ranked]


def _text_of(node: tuple | None) -> str:
    pieces = []
    while node is not None:
        pieces.append(node[0])
        node = node[1]
    return "".join(reversed(pieces))


_PAIRS = (("（", "）"), ("“", "”"), ("《", "》"), ("「", "」"), ("【", "】"))
UNBALANCED_BITS = 4.0
_OPENER_OF = {close: open_ for open_, close in _PAIRS}
_BRACKETS = frozenset(_OPENER_OF) | frozenset(_OPENER_OF.values())
#: A closing bracket that answers a different opening one (【猜集》): decided during the search,
#: because the end of the run is too late - paths that differ only inside the brackets have
#: been merged by then.
MISMATCHED_BRACKET_BITS = 8.0
#: A closing bracket with none open in the run may answer one before it, so it costs less.
UNOPENED_BRACKET_BITS = 4.0


def _bracket_state(opened: str, ch: str) -> tuple[str, float]:
    """The brackets still open after ``ch`` (the last three), and the bits ``ch`` costs for
    closing one of another kind, or none.

    >>> _bracket_state("《", "》"), _bracket_state("【", "》"), _bracket_state("", "》")
    (('', 0.0), ('', 8.0), ('', 4.0))
    """
    opener = _OPENER_OF.get(ch)
    if opener is None:
        return (opened + ch)[-3:], 0.0
    if not opened:
        return "", UNOPENED_BRACKET_BITS
    return opened[:-1], 0.0 if opened[-1] == opener else MISMATCHED_BRACKET_BITS


def open_brackets(text: str) -> str:
    """The brackets and quotes ``text`` opens and leaves open, innermost last.

    >>> open_brackets("他說：“這是《紅樓夢》的"), open_brackets("（一）二")
    ('“', '')
    """
    opened = ""
    for ch in text:
        if ch in _BRACKETS:
            opened, _ = _bracket_state(opened, ch)
    return opened


def _unbalanced(text: str) -> int:
    return sum(abs(text.count(a) - text.count(b)) for a, b in _PAIRS)
