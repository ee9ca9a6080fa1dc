"""mojibake: repair the CJK kinds of mojibake that ftfy leaves alone (it runs before ftfy).

Each suspicious span is re-encoded with the codec that misread it and decoded with the one
it was written in; a candidate is accepted only when the plausibility model finds it clearly
more like real text than the span it replaces.

| kind | what happened | inverse |
|---|---|---|
| 古文码 | UTF-8 bytes read as GBK/GB18030 | encode GB18030 -> decode UTF-8; bytes lost to U+FFFD are chosen to give the likeliest characters |
| 拼音码 | GBK (or Big5) bytes read as Latin-1/CP1252 | encode CP1252/Latin-1 -> decode GB18030 (CP950) |
| Sina style | GBK/Big5 read as UTF-8, invalid bytes falling back to Latin-1 | U+0080-U+00FF -> one byte, others -> their UTF-8 bytes -> decode GB18030 (CP950) |
| Big5<->GBK | traditional text in Big5 read as GBK, or the reverse | encode one, decode the other |
| 锟斤拷 烫烫烫 屯屯屯 | U+FFFD round-tripped through GBK; uninitialised memory | none: reported, and a line made only of it is removed |

>>> fix = MojibakeStep().apply
>>> fix("ÎÒÃÇµÄÐÂ¼ÒÔ°").text
'我们的新家园'
>>> fix("浣犲ソ锛屼笘鐣\ufffd").text
'你好，世界'
>>> fix("干净的中文，不动。").changes
()
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import NamedTuple

from .. import plausibility
from ..core import Change, Finding, Step, StepOutput, WHOLE_DOCUMENT

# CP1252's printable characters outside Latin-1: they stand for bytes 0x80-0x9F.
_CP1252_EXTRAS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
# A character that can stand for a byte >= 0x80 read as Latin-1/CP1252, or for a 2-byte UTF-8
# sequence (Sina style): Latin-1 supplement through U+07FF, and CP1252's extras.
_LATIN_CLASS = "\u0080-\u07ff" + re.escape(_CP1252_EXTRAS)
_LATIN_RUN = re.compile(f"[{_LATIN_CLASS}](?:[\\x20-\\x7e{_LATIN_CLASS}]*[{_LATIN_CLASS}])?[\\x40-\\x7e]?")
# The stretch of a line from its first to its last non-ASCII character: 古文码 mixes CJK with
# Greek, Cyrillic and pinyin letters (GBK's symbol rows), and the ASCII inside it was ASCII in
# the original too.
_NON_ASCII_SPAN = re.compile(r"[^\x00-\x7f](?:.*[^\x00-\x7f])?")
_BEYOND_LATIN = re.compile(r"[^\x00-\u07ff]")

_UNRECOVERABLE = re.compile(r"(?:锟斤拷)+|(?:烫){3,}|(?:屯){3,}|(?:�){3,}")
_QUESTION_RUN = re.compile(r"\?{4,}")
# Characters that belong in Chinese text although they are outside the common-Han table.
_USUAL_EXTRAS = "·×°±§①②③④⑤⑥⑦⑧⑨⑩"

# How much cheaper (bits per replaced character) a repair must be, and how plausible.
MIN_GAIN_BITS_PER_CHAR = 3.0
MIN_GAIN_BITS = 20.0
MAX_REPAIRED_BITS_PER_CHAR = 14.5
# Extra cost of a Latin-1 letter next to another one: European words interleave accented
# letters with ASCII ones, 拼音码 is nothing but them.
LATIN_NEIGHBOUR_BITS = 8.0
# Cost of a byte that had to be guessed when repairing lossy 古文码.
GUESSED_BYTE_BITS = 6.0


class Repair(NamedTuple):
    start: int
    end: int
    text: str
    transform: str


@lru_cache(maxsize=1)
def _suspicious() -> re.Pattern[str]:
    """Characters a clean Chinese line rarely has: the fast pre-check."""
    base = plausibility.unusual_char_pattern(5000).pattern
    # Allow the usual extras, and keep ASCII-only/CJK-only lines out of the slow path.
    return re.compile(base[:-1] + re.escape(_USUAL_EXTRAS) + "]|锟斤拷|烫烫烫|屯屯屯|\\?\\?\\?\\?")


def _latin_cost(run: str) -> float:
    """Cost of a Latin-looking run, charging accented letters that sit next to each other."""
    total = plausibility.cost(run)
    previous_high = False
    for ch in run:
        high = ord(ch) >= 0x80
        if high and previous_high:
            total += 2 * LATIN_NEIGHBOUR_BITS  # both neighbours pay
        previous_high = high
    return total


def _latin_to_bytes(run: str, codec: str) -> bytes | None:
    try:
        return run.encode(codec)
    except UnicodeEncodeError:
        return None


def _sina_bytes(run: str) -> list[bytes]:
    """Byte strings that a Sina-style decoder could have turned into ``run``: each U+0080-U+00FF
    character is one fallen-back byte, or the 2-byte UTF-8 sequence C2/C3 xx; every other
    character is its UTF-8 sequence."""
    pieces: list[list[bytes]] = []
    ambiguous = 0
    for ch in run:
        cp = ord(ch)
        if 0x80 <= cp <= 0xFF:
            pieces.append([bytes([cp]), ch.encode("utf-8")])
            ambiguous += 1
        elif ch in _CP1252_EXTRAS:
            pieces.append([ch.encode("cp1252")])
        else:
            pieces.append([ch.encode("utf-8")])
    if ambiguous > 8:
        return [b"".join(p[0] for p in pieces)]
    return [b"".join(choice) for choice in itertools.product(*pieces)]


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _best_latin_repair(run: str) -> tuple[str, str] | None:
    """The most plausible CJK reading of a Latin-looking run, or None."""
    candidates: list[tuple[float, str, str]] = []
    for misread in ("cp1252", "latin-1"):
        data = _latin_to_bytes(run, misread)
        if data is None:
            continue
        for true in ("gb18030", "cp950"):
            text = _strict(data, true)
            if text:
                label = "拼音码" if true == "gb18030" else "Big5 as Latin-1"
                candidates.append((plausibility.cost(text), text, f"{true} read as {misread} ({label})"))
        text = _strict(data, "utf-8")
        if text:
            # 符号码 is ftfy's to fix (it handles double encoding too): we only keep it as a
            # competitor, so that we never claim a run that reads better as UTF-8.
            candidates.append((plausibility.cost(text), text, "utf-8"))
        break
    if any(ord(ch) > 0xFF and ch not in _CP1252_EXTRAS for ch in run) or not candidates:
        for data in _sina_bytes(run):
            for true in ("gb18030", "cp950"):
                text = _strict(data, true)
                if text:
                    candidates.append((plausibility.cost(text), text,
                                       f"{true} read as utf-8 with latin-1 fallback (Sina style)"))
    if not candidates:
        return None
    bits, text, transform = min(candidates)
    if transform == "utf-8" or not _acceptable(_latin_cost(run), bits, len(run), text):
        return None
    return text, transform


def _acceptable(before_bits: float, after_bits: float, before_chars: int, after: str) -> bool:
    if "\ufffd" in after or not after or before_bits - after_bits < MIN_GAIN_BITS:
        return False
    if after_bits / len(after) > MAX_REPAIRED_BITS_PER_CHAR:
        return False
    return before_bits - after_bits >= MIN_GAIN_BITS_PER_CHAR * before_chars


# --- 古文码: UTF-8 read as GBK, with lost bytes ---------------------------------------------

_UTF8_LEADS = {2: range(0xC2, 0xE0), 3: range(0xE0, 0xF0), 4: range(0xF0, 0xF5)}
_CONTINUATION = range(0x80, 0xC0)


def _gbk_template(run: str, codec: str) -> list[int | None] | None:
    """The bytes a GBK-family decoder read to produce ``run``; None marks a byte lost to
    U+FFFD (each U+FFFD stands for exactly one byte)."""
    out: list[int | None] = []
    for ch in run:
        if ch == "\ufffd":
            out.append(None)
            continue
        try:
            out.extend(ch.encode(codec))
        except UnicodeEncodeError:
            return None
    return out


def _utf8_length(lead: int) -> int:
    if lead < 0x80:
        return 1
    if 0xC2 <= lead < 0xE0:
        return 2
    if 0xE0 <= lead < 0xF0:
        return 3
    if 0xF0 <= lead < 0xF5:
        return 4
    return 0


def _solve_utf8(template: list[int | None]) -> tuple[str, float, int] | None:
    """Decode a UTF-8 byte template whose ``None`` bytes are unknown, choosing the unknown
    bytes that give the likeliest characters in their context. Returns (text, cost, guessed
    byte count), or None when the known bytes are not UTF-8."""
    cost_of = plausibility.char_cost
    n = len(template)
    inf = float("inf")
    best = [inf] * (n + 1)
    back: list[tuple[int, list[str], int] | None] = [None] * (n + 1)
    best[0] = 0.0
    for i in range(n):
        if best[i] == inf:
            continue
        lead = template[i]
        for length in ([_utf8_length(lead)] if lead is not None else [2, 3, 4]):
            if length == 0 or i + length > n:
                continue
            window = template[i : i + length]
            options = _fill(window, length)
            if not options:
                continue
            guesses = sum(b is None for b in window)
            total = best[i] + min(map(cost_of, options)) + GUESSED_BYTE_BITS * guesses
            if total < best[i + length]:
                best[i + length] = total
                back[i + length] = (i, options, guesses)
    if back[n] is None and n:
        return None
    pieces: list[list[str]] = []
    guessed = 0
    j = n
    while j > 0:
        i, options, guesses = back[j]  # type: ignore[misc]
        pieces.append(options)
        guessed += guesses
        j = i
    pieces.reverse()
    chars = [min(options, key=cost_of) for options in pieces]
    for _ in range(2):  # guesses next to guesses settle on the second pass
        for k, options in enumerate(pieces):
            if len(options) > 1:
                chars[k] = _in_context(options, chars[k - 1] if k else "", chars[k + 1] if k + 1 < len(chars) else "")
    return "".join(chars), best[n], guessed


_DIGITS = set("0123456789０１２３４５６７８９一二三四五六七八九十百千")
# Characters that follow numbers (dates, times, measure words).
_COUNTERS = set("年月日号时分秒岁元万亿个次名位项条件天周届期")
# Marks that end a sentence, favoured for a guessed character at the end of a line.
_SENTENCE_END = set("。！？”）」』…")


def _in_context(options: list[str], left: str, right: str) -> str:
    def score(ch: str) -> float:
        bits = plausibility.char_cost(ch)
        if left:
            bits -= plausibility.word_bonus(left, ch)
        if right:
            bits -= plausibility.word_bonus(ch, right)
        elif ch in _SENTENCE_END:
            bits -= 4.0
        if left and left in _DIGITS and ch in _COUNTERS:
            bits -= 6.0
        return bits

    return min(options, key=score)


def _fill(window: list[int | None], length: int) -> list[str] | None:
    """Characters a UTF-8 sequence of ``length`` bytes could be, given known bytes."""
    choices: list[range | tuple[int]] = []
    for position, byte in enumerate(window):
        allowed = _UTF8_LEADS.get(length, range(0)) if position == 0 else _CONTINUATION
        if length == 1:
            allowed = range(0, 0x80)
        if byte is None:
            choices.append(allowed)
        elif byte in allowed:
            choices.append((byte,))
        else:
            return None
    unknown = sum(len(c) > 1 for c in choices)
    if unknown > 2:
        return []
    chars = []
    for combo in itertools.product(*choices):
        text = _strict(bytes(combo), "utf-8")
        if text:
            chars.append(text)
    return chars


def _mostly_utf8(template: list[int | None]) -> bool:
    """A cheap test before the solver: do the known bytes read as UTF-8 almost everywhere?"""
    known = bytes(b if b is not None else 0x3F for b in template)
    errors = known.decode("utf-8", errors="replace").count("\ufffd")
    return errors <= max(2, template.count(None) + len(template) // 40)


def _best_cjk_repair(run: str) -> tuple[str, str] | None:
    """The most plausible reading of a CJK-looking run as 古文码 or Big5/GBK confusion."""
    before = plausibility.cost(run)
    candidates: list[tuple[float, str, str]] = []
    for codec in ("gb18030", "gbk"):
        template = _gbk_template(run, codec)
        if template is None:
            continue
        if None not in template:
            text = _strict(bytes(template), "utf-8")
            if text:
                candidates.append((plausibility.cost(text), text, f"utf-8 read as {codec} (古文码)"))
                break
        if not _mostly_utf8(template):
            continue
        solved = _solve_utf8(template)
        if solved:
            text, bits, guessed = solved
            label = f"utf-8 read as {codec} (古文码, {guessed} lost byte(s) restored)" if guessed else \
                f"utf-8 read as {codec} (古文码)"
            candidates.append((bits, text, label))
            break
    for misread, true, label in (("gbk", "cp950", "big5 read as gbk"), ("cp950", "gb18030", "gbk read as big5")):
        try:
            data = run.encode(misread)
        except UnicodeEncodeError:
            continue
        text = _strict(data, true)
        if text:
            candidates.append((plausibility.cost(text), text, label))
    if not candidates:
        return None
    bits, text, transform = min(candidates)
    if not _acceptable(before, bits, len(run), text):
        return None
    return text, transform


def _trim_to_damage(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sub-spans of a CJK run worth trying: the whole run, and the stretch from its first to
    its last suspicious character (damage inside an otherwise good line)."""
    spans = [(start, end)]
    pattern = _suspicious()
    hits = [m.start() for m in pattern.finditer(line, start, end)]
    if hits:
        first, last = hits[0], hits[-1] + 1
        for a in range(max(start, first - 2), first + 1):
            for b in range(last, min(end, last + 2) + 1):
                if (a, b) != (start, end):
                    spans.append((a, b))
    return spans


def repair_line(line: str) -> list[Repair]:
    """Every accepted repair in one line, left to right and non-overlapping."""
    repairs: list[Repair] = []
    if _BEYOND_LATIN.search(line):
        span = _NON_ASCII_SPAN.search(line)
        if span and _suspicious().search(line, span.start(), span.end()):
            best = None
            for a, b in _trim_to_damage(line, span.start(), span.end()):
                fixed = _best_cjk_repair(line[a:b])
                if fixed:
                    gain = plausibility.cost(line[a:b]) - plausibility.cost(fixed[0])
                    if best is None or gain > best[0]:
                        best = (gain, Repair(a, b, *fixed))
            if best:
                repairs.append(best[1])
    for match in _LATIN_RUN.finditer(line):
        run = match.group()
        if run.isascii() or len(run) < 2:
            continue
        if any(r.start < match.end() and match.start() < r.end for r in repairs):
            continue
        fixed = _best_latin_repair(run)
        end = match.end()
        if fixed is None and run[-1].isascii():
            fixed = _best_latin_repair(run[:-1])
            end -= 1
        if fixed:
            repairs.append(Repair(match.start(), end, *fixed))
    repairs.sort()
    return repairs


class MojibakeStep(Step):
    name = "mojibake"
    description = "CJK mojibake ftfy cannot fix: 古文码 (UTF-8 as GBK), 拼音码 (GBK as Latin-1), Sina style, Big5<->GBK; reports 锟斤拷/烫烫烫"

    def __init__(self, drop_unrecoverable: bool = True):
        self.drop_unrecoverable = drop_unrecoverable

    @classmethod
    def from_options(cls, options) -> "MojibakeStep":
        own = options.for_step(cls.name)
        return cls(drop_unrecoverable=bool(own.get("drop_unrecoverable", True)))

    def apply(self, text: str) -> StepOutput:
        pattern = _suspicious()
        if not pattern.search(text):
            return StepOutput(text)
        lines = text.split("\n")
        changes: list[Change] = []
        findings: list[Finding] = []
        dropped: set[int] = set()
        for index in _lines_with_hits(text, pattern):
            line = lines[index]
            number = index + 1
            repairs = repair_line(line)
            if repairs:
                pieces, cursor = [], 0
                for r in repairs:
                    pieces.append(line[cursor : r.start])
                    pieces.append(r.text)
                    cursor = r.end
                pieces.append(line[cursor:])
                fixed = "".join(pieces)
                reason = "; ".join(f"{line[r.start:r.end]!s} -> {r.text}: {r.transform}" for r in repairs)
                changes.append(Change(self.name, "repair", number, line, fixed, reason))
                lines[index] = line = fixed
            damage = _UNRECOVERABLE.findall(line) + _QUESTION_RUN.findall(line)
            if damage:
                kinds = _count_damage(damage)
                findings.append(Finding(self.name, "unrecoverable", number, line[:80], kinds))
                if self.drop_unrecoverable and _wholly_damaged(line):
                    changes.append(Change(self.name, "delete", number, line, "",
                                          f"line is only unrecoverable mojibake ({_describe(kinds)})"))
                    dropped.add(index)
        if not changes and not findings:
            return StepOutput(text)
        if dropped:
            lines = [line for i, line in enumerate(lines) if i not in dropped]
        total = _count_damage(_UNRECOVERABLE.findall(text) + _QUESTION_RUN.findall(text))
        if total:
            findings.append(Finding(self.name, "unrecoverable-total", WHOLE_DOCUMENT, "", total))
        return StepOutput("\n".join(lines), tuple(changes), tuple(findings))


def _lines_with_hits(text: str, pattern: re.Pattern[str]) -> list[int]:
    """Indexes of the lines that contain a match, found without walking every line."""
    indexes = []
    line_no = 0
    position = 0
    for match in pattern.finditer(text):
        line_no += text.count("\n", position, match.start())
        position = match.start()
        if not indexes or indexes[-1] != line_no:
            indexes.append(line_no)
    return indexes


def _count_damage(pieces: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for piece in pieces:
        if piece.startswith("锟"):
            key, n = "锟斤拷", len(piece) // 3
        elif piece[0] in "烫屯":
            key, n = piece[0] * 3, len(piece)
        elif piece[0] == "?":
            key, n = "????", len(piece)
        else:
            key, n = "U+FFFD run", len(piece)
        counts[key] = counts.get(key, 0) + n
    return counts


def _describe(kinds: dict[str, int]) -> str:
    return ", ".join(f"{k} x{v}" for k, v in kinds.items())


def _wholly_damaged(line: str) -> bool:
    """True when nothing but damage, punctuation, digits and blanks is left on the line."""
    rest = _QUESTION_RUN.sub("", _UNRECOVERABLE.sub("", line))
    return not any(ch.isalpha() for ch in rest)
