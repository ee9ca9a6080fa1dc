"""decode: bytes in any encoding -> text, with the evidence for the choice.

The only step that takes bytes. It never raises and always yields text. Evidence, in order:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. signatures and NUL/control density that mark a binary file (reported, not decoded);
3. a NUL pattern that marks BOM-less UTF-16/32;
4. strict UTF-8 (practically never valid by accident beyond a few bytes);
5. a CJK-first set of legacy candidates (GB18030, CP950, Big5-HKSCS, CP932, EUC-JP, CP949,
   UTF-16, CP1252/Latin-1), each decoded and scored with the plausibility model; charset-normalizer's
   answer joins the candidates when none of ours reads like language;
6. a line-by-line pass for files that mix UTF-8 and a legacy encoding, or carry a few corrupt
   bytes: every line takes the cheaper reading, undecodable bytes become U+FFFD and their
   byte offsets are reported.

>>> decode("发展".encode("gbk")).text
'发展'
>>> decode("發展".encode("big5")).encoding
'cp950'
>>> d = decode(b"ok\\n" + "中文".encode("utf-8")[:-1])
>>> d.text == "ok\\n中\\ufffd", d.lossy_offsets
(True, (6, 7))
"""

from __future__ import annotations

import codecs
import re
import threading
from typing import Any, NamedTuple

from .. import plausibility
from ..reread import after_decode as _after_decode
from ..reread import strict_decode as _strict

NAME = "decode"
DESCRIPTION = "bytes -> text: BOM, UTF-16/32, strict UTF-8, scored CJK legacy encodings, mixed files"

# Supersets decode a little more than their base encodings, and agree with them elsewhere.
LEGACY_CANDIDATES = ("gb18030", "cp950", "big5hkscs", "cp932", "euc_jp", "cp949")
# Extra bits per byte charged to readings that are rarely right for this toolkit's input,
# so that near-ties go to the Chinese encodings.
PRIOR_BITS_PER_BYTE = {
    "gb18030": 0.0,
    "cp950": 0.05,
    "big5hkscs": 0.15,
    "cp932": 0.6,
    "euc_jp": 0.6,
    "cp949": 0.6,
    "utf-16-le": 1.5,
    "utf-16-be": 1.5,
    "cp1252": 1.0,
    "latin-1": 1.2,
    "utf-8": 0.0,
    "ascii": 0.0,
}
# The model prices kana for Chinese text, where they are rare. In a Japanese reading they are
# the commonest letters, and they are what tells EUC-JP from GB2312: both put kana at the same
# bytes, so only the kanji differ (古い掲示板 against 概い非绩饶).
JAPANESE_ENCODINGS = frozenset({"cp932", "euc_jp"})
KANA_DISCOUNT_BITS = 5.0
_KANA = re.compile("[\u3041-\u30ff]")
_UTF16 = ("utf-16-le", "utf-16-be")
# Bits charged when a mixed-encoding reading switches encoding between lines.
SWITCH_COST = 24.0
# A reading costing more than this per byte does not look like language: ask charset-normalizer.
IMPLAUSIBLE_BITS_PER_BYTE = 7.0
# How many characters of each candidate reading to score (speed on large files).
SCORE_SAMPLE_CHARS = 2000
# ...and how many to score first, to rule out the hopeless ones cheaply.
PRESCORE_CHARS = 300
PREFIX_BYTES = 1024
# UTF-16 text without BOM or NUL pattern must read at least this well (bits per character),
# and this share of it must be the stuff of Chinese text (Han, full-width forms, CJK marks, ASCII).
WIDE_BITS_PER_CHAR = 14.0
WIDE_CHINESE_SHARE = 0.9

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 controls that never occur in text (tab, newlines, form feed, escape and NUL excepted).
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in (0, 9, 10, 12, 13, 27))

_BINARY_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"PAR1", "Parquet file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"RIFF", "RIFF media"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
)


class Decoded(NamedTuple):
    """The outcome of decoding: the text and the evidence behind it."""

    text: str
    encoding: str
    confidence: float
    runner_up: str | None = None
    bom: bool = False
    lossy_offsets: tuple[int, ...] = ()
    #: For a mixed file, ``(first_line, last_line, encoding)`` runs (1-based, inclusive).
    segments: tuple[tuple[int, int, str], ...] = ()
    #: Why the input is not text (``"PNG image"``), or None for text.
    binary: str | None = None
    method: str = ""

    @property
    def mixed(self) -> bool:
        return len({enc for _, _, enc in self.segments}) > 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "encoding": self.encoding,
            "confidence": round(self.confidence, 4),
            "runner_up": self.runner_up,
            "bom": self.bom,
            "method": self.method,
            "lossy_offsets": list(self.lossy_offsets[:100]),
            "lossy_bytes": len(self.lossy_offsets),
            "segments": [list(s) for s in self.segments] if self.mixed else [],
            "binary": self.binary,
        }


# --- decoding with recorded losses -------------------------------------------------------

_recorder = threading.local()


def _record_and_replace(exc: UnicodeDecodeError) -> tuple[str, int]:
    end = exc.end
    if exc.encoding.replace("_", "").replace("-", "") in _RESYNC_CODECS and end < len(exc.object):
        end = _resume_point(exc.object, end, exc.encoding)
    offsets = getattr(_recorder, "offsets", None)
    if offsets is not None:
        base = getattr(_recorder, "base", 0)
        offsets.extend(range(base + exc.start, base + end))
    return "\ufffd", end


# Double-byte codecs lose their alignment when a lead byte is damaged: the orphaned trail
# byte then pairs with the next lead byte, garbling everything up to the next ASCII byte.
_RESYNC_CODECS = {"gb18030", "cp950", "big5hkscs", "cp932", "eucjp", "cp949", "gbk", "big5", "shiftjis", "euckr"}


def _resume_point(data: bytes, end: int, encoding: str) -> int:
    """Where to resume after an undecodable byte: right after it, or one byte later when
    that byte was an orphaned trail byte (the reading that makes more sense wins)."""
    stop = end
    limit = min(len(data), end + 64)
    while stop < limit and data[stop] >= 0x40:  # bytes below 0x40 are never trail bytes
        stop += 1
    if stop - end < 2:
        return end
    as_is = data[end:stop].decode(encoding, errors="replace")
    shifted = data[end + 1 : stop].decode(encoding, errors="replace")
    if plausibility.cost(shifted) + plausibility.IMPOSSIBLE < plausibility.cost(as_is):
        return end + 1
    return end


codecs.register_error("cleaner.record", _record_and_replace)


def decode_lossy(data: bytes, encoding: str, base: int = 0) -> tuple[str, list[int]]:
    """Decode, replacing what cannot be decoded with U+FFFD; return the byte offsets lost.

    >>> decode_lossy(b"a\\xffb", "utf-8")
    ('a\\ufffdb', [1])
    """
    offsets: list[int] = []
    _recorder.offsets, _recorder.base = offsets, base
    try:
        text = data.decode(encoding, errors="cleaner.record")
    finally:
        _recorder.offsets = None
    return _after_decode(text, encoding), offsets


# --- evidence ----------------------------------------------------------------------------


def sniff_binary(data: bytes) -> str | None:
    """Why ``data`` is not text, or None.

    >>> sniff_binary(b"\\x89PNG\\r\\n\\x1a\\n...."), sniff_binary("文字".encode())
    ('PNG image', None)
    """
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return what
    head = data[:8192]
    if not head:
        return None
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    has_nul = 0 in head
    if not has_nul and controls <= max(2, len(head) // 20):
        return None
    if _wide_encoding(head) is not None:
        return None  # UTF-16/32 text puts NULs and low bytes everywhere
    return "binary data (NUL bytes)" if has_nul else "binary data (control bytes)"


def _utf16_or_32_by_nuls(data: bytes) -> str | None:
    """Name the UTF-16/32 form whose NUL pattern ``data`` shows, or None.

    >>> _utf16_or_32_by_nuls("ab中".encode("utf-16-le")), _utf16_or_32_by_nuls("中a".encode("utf-32-be"))
    ('utf-16-le', 'utf-32-be')
    """
    sample = data[:4096]
    n = len(sample) - len(sample) % 4
    if n >= 4 and len(data) % 4 == 0:
        quads = [sample[i : i + 4] for i in range(0, n, 4)]
        if all(q[3] == 0 and q[2] <= 0x10 for q in quads):
            return "utf-32-le"
        if all(q[0] == 0 and q[1] <= 0x10 for q in quads):
            return "utf-32-be"
    n = len(sample) - len(sample) % 2
    if n < 4:
        return None
    pairs = n // 2
    even_nuls = sum(1 for i in range(0, n, 2) if sample[i] == 0)
    odd_nuls = sum(1 for i in range(1, n, 2) if sample[i] == 0)
    # ASCII in UTF-16 puts a NUL in one byte of every pair; CJK text puts none anywhere,
    # so a decent share of NULs on one side and almost none on the other is the signal.
    if odd_nuls >= pairs * 0.3 and even_nuls <= pairs * 0.02:
        return "utf-16-le"
    if even_nuls >= pairs * 0.3 and odd_nuls <= pairs * 0.02:
        return "utf-16-be"
    return None


def _wide_encoding(data: bytes) -> str | None:
    """The UTF-16/32 form of NUL-bearing ``data``: by NUL pattern (ASCII-heavy text) or, for
    CJK text (whose only NULs are in code points like U+5F00), by a plausible reading."""
    wide = _utf16_or_32_by_nuls(data)
    if wide or len(data) % 2:
        return wide
    head = data[: 4096 & ~1]
    for enc in _UTF16:
        text = _strict(head, enc)
        if text and _reads_as_chinese(text):
            return enc
    return None


def _reads_as_chinese(text: str) -> bool:
    """Does a UTF-16 reading read as Chinese: Han characters, the marks of Chinese prose,
    full-width forms and ASCII (上证Ａ股９５４．９８, CPU强悍，P8600), at a cost per character that
    random bytes do not reach?

    >>> _reads_as_chinese("１９９７年１２月１８日"), _reads_as_chinese("鍙戝睍鍙戝睍")
    (True, False)
    """
    chinese = sum(1 for ch in text if plausibility.is_han(ch) or plausibility.usual_mark(ch)
                  or ch in "\t\n\r" or " " <= ch <= "~")
    return chinese >= len(text) * WIDE_CHINESE_SHARE and plausibility.cost_per_char(text) < WIDE_BITS_PER_CHAR


class _Reading(NamedTuple):
    encoding: str
    text: str
    bits: float
    lossy: tuple[int, ...] = ()
    segments: tuple[tuple[int, int, str], ...] = ()


def _score(text: str, nbytes: int, encoding: str) -> float:
    prior = PRIOR_BITS_PER_BYTE.get(encoding, 1.0)
    if encoding in _UTF16 and _reads_as_chinese(text):
        prior = 0.0  # Chinese through and through: no other reading of bytes comes out like that
    bits = plausibility.cost(text) + prior * nbytes
    if encoding in JAPANESE_ENCODINGS:
        bits -= KANA_DISCOUNT_BITS * len(_KANA.findall(text))
    return bits


def _read(data: bytes, encoding: str, strict_only: bool = True, sample_chars: int | None = None) -> _Reading | None:
    text = _strict(data, encoding)
    lossy: list[int] = []
    if text is None:
        if strict_only:
            return None
        text, lossy = decode_lossy(data, encoding)
    return _Reading(encoding, text, _estimate_bits(text, len(data), encoding, sample_chars), tuple(lossy))


def _estimate_bits(text: str, nbytes: int, encoding: str, sample_chars: int | None = None) -> float:
    """The reading's cost; on long texts, a prefix's cost scaled to the whole."""
    limit = sample_chars or SCORE_SAMPLE_CHARS
    if len(text) <= limit:
        return _score(text, nbytes, encoding)
    sample = text[:limit]
    sample_bytes = max(1, len(sample.encode(encoding, "replace")))
    return _score(sample, sample_bytes, encoding) * nbytes / sample_bytes


def _confidence(best: float, runner_up: float | None) -> float:
    """The model's odds of the best reading against the next, as a probability."""
    if runner_up is None:
        return 1.0
    gap = runner_up - best
    return 1.0 / (1.0 + 2.0 ** (-min(gap, 60.0)))


def _charset_normalizer_guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:65536]).best()
    except Exception:  # a detector failure is one less opinion, never a failed decode
        return None
    if best is None:
        return None
    try:
        return codecs.lookup(best.encoding).name
    except LookupError:
        return None


def _prefix(data: bytes, size: int) -> bytes:
    """A prefix of about ``size`` bytes that ends at a newline (a character boundary in every
    legacy CJK encoding, whose trail bytes are all >= 0x40), or all of ``data``."""
    if len(data) <= size:
        return data
    cut = data.find(b"\n", size)
    return data if cut < 0 or cut > 4 * size else data[: cut + 1]


def _strict_readings(data: bytes) -> list[_Reading]:
    """Every candidate that decodes ``data`` strictly, best first.

    Candidates are first decoded and scored on a short prefix; only the two best are decoded
    in full (a prefix that fails to decode rules its encoding out at once).
    """
    head = _prefix(data, PREFIX_BYTES)
    candidates = list(LEGACY_CANDIDATES)
    if len(data) % 2 == 0 and len(data) >= 4:
        candidates += list(_UTF16)
    candidates.append("cp1252")
    readings: list[_Reading] = []
    for enc in candidates:
        if enc == "big5hkscs" and readings and readings[-1].encoding == "cp950":
            continue  # a superset of CP950 only matters where CP950 fails
        sample = head if not enc.startswith("utf-16") or head is data else head[: len(head) & ~1]
        reading = _read(sample, enc, sample_chars=PRESCORE_CHARS)
        if reading is not None:
            readings.append(reading)
    if not any(r.encoding == "cp1252" for r in readings):
        readings.append(_read(head, "latin-1", sample_chars=PRESCORE_CHARS))  # always decodes
    readings.sort(key=lambda r: r.bits)
    full: list[_Reading] = []
    for reading in readings:
        whole = _read(data, reading.encoding)
        if whole is not None:
            full.append(whole)
        if len(full) == 2:
            break
    if not full:
        full.append(_read(data, "latin-1"))
    return full


def _fallback_readings(data: bytes) -> list[_Reading]:
    """Lossy legacy readings, and charset-normalizer's answer, for input nothing reads well."""
    readings = [r for enc in LEGACY_CANDIDATES if (r := _read(data, enc, strict_only=False))]
    guess = _charset_normalizer_guess(data)
    if guess and guess not in LEGACY_CANDIDATES:
        extra = _read(data, guess, strict_only=False)
        if extra is not None:
            # charset-normalizer models European languages we do not: on a near tie,
            # its answer wins.
            readings.append(extra._replace(bits=extra.bits - 0.5 * len(data)))
    return readings


def _split_lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


#: Where ``bytes.splitlines`` splits (``str.splitlines`` splits at more).
_BYTE_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _has_utf8_line(data: bytes, lines: list[bytes], as_utf8: str) -> bool:
    """Does a line with non-ASCII bytes in it read as UTF-8 without an error? ``as_utf8`` is
    ``data`` read as UTF-8 with each bad byte replaced: such a line is one without U+FFFD, found
    without decoding line by line (hundreds of lines in a legacy file, none of them UTF-8).

    >>> _has_utf8_line(b"\\xc4\\xe3\\n\\xe4\\xbd\\xa0\\n", [], "\\ufffd\\ufffd\\n\\u4f60\\n")
    True
    """
    if b"\xef\xbf\xbd" in data:
        # A U+FFFD written in the file would pass for a bad byte: look at those lines' bytes.
        return any(not line.isascii() and _strict(line, "utf-8") is not None for line in lines)
    return any(not line.isascii() and "\ufffd" not in line for line in _BYTE_LINE_BREAK.split(as_utf8))


# A line that its file's legacy encoding cannot read may be in a superset of it: Hong Kong
# characters in a Big5 file. Such a line is read in the superset without a switch's cost.
_WIDER = {"cp950": "big5hkscs"}


def _legacy_of_mixed(lines: list[bytes]) -> str:
    """The legacy encoding of a file that mixes it with UTF-8: the candidate that reads the
    lines UTF-8 cannot read best (not the whole file's best reading, which the UTF-8 lines
    garble: Big5 lines beside UTF-8 ones had been read as GB18030)."""
    rest = _prefix(b"".join(line for line in lines if _strict(line, "utf-8") is None), PREFIX_BYTES)
    if not rest:
        return "gb18030"
    # A strict reading if there is one: lossy ones are slow to make where bytes fail everywhere.
    readings = [r for enc in LEGACY_CANDIDATES if (r := _read(rest, enc, sample_chars=PRESCORE_CHARS))] or [
        r for enc in LEGACY_CANDIDATES if (r := _read(rest, enc, strict_only=False, sample_chars=PRESCORE_CHARS))]
    return min(readings, key=lambda r: r.bits).encoding


def _mixed_reading(data: bytes, legacy: str) -> _Reading:
    """Decode line by line: UTF-8 where a line reads best as UTF-8, ``legacy`` elsewhere, and
    whichever loses least where neither decodes cleanly. ASCII lines join their neighbours."""
    pieces: list[str] = []
    lossy: list[int] = []
    line_encodings: list[str | None] = []
    total = 0.0
    offset = 0
    previous: str | None = None
    for line in _split_lines(data):
        if line.isascii():
            text = line.decode("ascii")
            total += _score(text, len(line), "ascii")
            pieces.append(text)
            line_encodings.append(None)
            offset += len(line)
            continue
        options = []
        for family in ("utf-8", legacy):
            enc = family
            text = _strict(line, enc)
            if text is None and family in _WIDER:
                enc = _WIDER[family]
                text = _strict(line, enc)
            clean = text is not None
            if not clean:
                enc = family
                text = _after_decode(line.decode(enc, errors="replace"), enc)  # a cheap estimate
            bits = _score(text, len(line), enc) + (SWITCH_COST if previous and family != previous else 0.0)
            options.append((bits, enc, text, clean, family))
        bits, enc, text, clean, family = min(options, key=lambda o: o[0])
        lost: list[int] = []
        if not clean:
            text, lost = decode_lossy(line, enc, base=offset)
        total += bits
        pieces.append(text)
        lossy.extend(lost)
        line_encodings.append(enc)
        previous = family
        offset += len(line)
    first = next((e for e in line_encodings if e), "utf-8")
    segments: list[tuple[int, int, str]] = []
    current = first
    for number, enc in enumerate(line_encodings, 1):
        current = enc or current
        if segments and segments[-1][2] == current:
            segments[-1] = (segments[-1][0], number, current)
        else:
            segments.append((number, number, current))
    names = {s[2] for s in segments}
    name = "mixed" if len(names) > 1 else first
    return _Reading(name, "".join(pieces), total, tuple(lossy), tuple(segments))


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode ``data`` to text; ``encoding`` skips detection. Never raises."""
    if not data:
        return Decoded("", "utf-8", 1.0, method="empty")
    for bom, name in _BOMS:
        if data.startswith(bom):
            text, lossy = decode_lossy(data[len(bom) :], name, base=len(bom))
            return Decoded(text, name, 1.0, bom=True, lossy_offsets=tuple(lossy), method="bom")
    if encoding:
        try:
            name = codecs.lookup(encoding).name
        except LookupError:
            name = "utf-8"
        text, lossy = decode_lossy(data, name)
        return Decoded(text, name, 1.0, lossy_offsets=tuple(lossy), method="user")
    binary = sniff_binary(data)
    if binary:
        text, lossy = decode_lossy(data, "latin-1")
        return Decoded(text, "binary", 1.0, binary=binary, method="binary")
    head = data[:4096]
    has_nul = 0 in head
    # NULs, or control bytes that no 8-bit text holds, are the sign to look for UTF-16/32:
    # Chinese in UTF-16 can be all bytes below 0x80 (我在上海 is 11 62 28 57 0A 4E 77 6D) and
    # so pass for ASCII, UTF-8 or lines of a legacy encoding.
    if has_nul or head.translate(None, _CONTROL_BYTES) != head:
        wide = _wide_encoding(data)
        if wide:
            text, lossy = decode_lossy(data, wide)
            method = "nul-pattern" if has_nul else "utf-16 read as chinese"
            return Decoded(text, wide, 0.99, lossy_offsets=tuple(lossy), method=method)
    if data.isascii():
        return Decoded(data.decode("ascii"), "ascii", 1.0, method="ascii")
    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8", 1.0, method="utf-8")

    readings = _strict_readings(data)
    best = min(readings, key=lambda r: r.bits)
    lines = _split_lines(data)
    implausible = best.bits > IMPLAUSIBLE_BITS_PER_BYTE * len(data)
    as_utf8 = data.decode("utf-8", errors="replace")
    utf8_damage = as_utf8.count("\ufffd")
    if implausible or utf8_damage <= max(2, len(data) // 200) or _has_utf8_line(data, lines, as_utf8):
        # UTF-8 with a few bad bytes, UTF-8 lines among legacy ones, or nothing reads
        # well: add the line-by-line reading.
        legacy = _legacy_of_mixed(lines)
        # The line-by-line reading is priced in full, so its rivals must be too: a sampled
        # estimate can miss by more than a short line's worth of bits (a two-character GB18030
        # line that is valid UTF-8 by chance then came out as Arabic).
        readings = [r._replace(bits=_score(r.text, len(data), r.encoding)) for r in readings]
        readings.append(_mixed_reading(data, legacy))
        best = min(readings, key=lambda r: r.bits)
        implausible = best.bits > IMPLAUSIBLE_BITS_PER_BYTE * len(data)
    if implausible:
        readings.extend(_fallback_readings(data))
    readings.sort(key=lambda r: r.bits)
    if readings[0].lossy or readings[0].segments:
        # Bytes lost, or lines read in two encodings, do not beat UTF-16 that reads as Chinese
        # through and through: 周恩来风采 in UTF-16 is UTF-8 but for one byte, 周末在上海活动
        # is a line of ASCII and a line of GB18030, and ASCII letters made them cheap.
        wide = next((r for r in readings if not r.lossy and r.encoding in _UTF16
                     and _reads_as_chinese(r.text[:SCORE_SAMPLE_CHARS])), None)
        if wide is not None:
            readings.remove(wide)
            readings.insert(0, wide)
    best = readings[0]
    # Supersets often give the very same text: the runner-up is the best *different* reading.
    runner_up = next((r for r in readings[1:] if r.text != best.text), None)
    confidence = _confidence(best.bits, runner_up.bits if runner_up else None)
    encoding = best.encoding
    if best.segments and len({seg[2] for seg in best.segments}) > 1:
        encoding = "+".join(dict.fromkeys(seg[2] for seg in best.segments))
    return Decoded(
        best.text, encoding, confidence, runner_up.encoding if runner_up else None,
        lossy_offsets=best.lossy, segments=best.segments,
        method="line-by-line" if best.segments else "scored",
    )
