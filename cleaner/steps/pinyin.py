"""pinyin: strip pinyin annotations (``當(dāng)``) and undo the byte damage they left
(``日?qǐng)?bào)``).

Mirror sites annotated characters by search-and-replace on GBK bytes: every occurrence of an
annotated character's two bytes got ``(reading)`` appended, also where the two bytes
straddled two characters; a legacy GBK decoder then turned each orphaned byte plus the ``(``
into one ``?``. Two rules undo it:

- an annotation is stripped only when its reading (tone marks included) is a reading of the
  character before it, or of that character's simplified/traditional variant, so ``函数(int)``
  and ``知(u)`` stay;
- for ``prev ? py )``: the phantom character that matched read ``py`` and began with prev's
  last byte; its second byte began the hidden character. The bytes are rebuilt with the
  phantom bytes as unknowns constrained by their readings, and decoded again; only a unique
  best reading that is valid in the page's script is accepted;
- denser damage (a misaligned stretch with bare ``?``) is rebuilt over the rest of the line:
  each ``?py)`` is one byte that reads py with the byte before it, each bare ``?`` a byte pair
  GBK cannot decode (or one that swallowed an ASCII space, digit or line break), annotations
  inside the stretch are dropped, and the word model picks the reading. Damage nothing
  explains is reported, never deleted;
- a ``?`` after a character followed by a stretch read one byte out of step (``成果?;顒悠陂g``)
  is the lone first byte 0xA1 of a full-width mark (。、“): the stretch's bytes with 0xA1 in
  front decode to ``成果。活動期間``. In a stretch out of step, ASCII below 0x40 cannot be
  itself (the decoder would have swallowed it into a ``?``): it is a full-width form the page
  made half-width (``；`` as ``;``). The stretch ends at an ASCII trail byte, where the decoder
  fell back into step.

Runs before script conversion, which would destroy the byte evidence.

>>> PinyinStep().apply("當(dāng)好排頭兵，高質(zhì)量發(fā)展").text
'當好排頭兵，高質量發展'
>>> PinyinStep().apply("昆明日?qǐng)?bào)記者").text
'昆明日報記者'
>>> PinyinStep().apply("取得成果?;顒悠陂g").text
'取得成果。活動期間'
>>> PinyinStep().apply("函数(int)和知(u)").changes
()
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from typing import NamedTuple

from .. import plausibility
from ..core import Change, Finding, Step, StepOutput
from ..reread import open_brackets, reread
from ..resources import opencc_chars

_PINYIN_LETTERS = "a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛńňǹḿɑɡ\u0300-\u030c"
_PY = f"[{_PINYIN_LETTERS}]{{1,8}}"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A Han character with its reading in parentheses (ASCII or full-width).
_ANNOTATION = re.compile(f"([{_HAN}])[(（]({_PY})[)）]")
# What the legacy decoder left of an annotation whose "(" followed an orphaned byte.
_DAMAGE = re.compile(f"\\?({_PY})\\)")
_BARE_ANNOTATION = re.compile(f"[(（]{_PY}[)）]")
# An annotation, or what damage left of one (``?py)``), with its reading.
_ANY_ANNOTATION = re.compile(f"[(（?]({_PY})[)）]")
# Latin words whose spaces the same sites turned into "?". Bounded by "not a Latin letter"
# rather than \b: Chinese characters are word characters, and the title usually touches them.
_QUESTION_SPACES = re.compile(r"(?<![A-Za-z])[A-Za-z]+(?:\?[A-Za-z]+){2,}(?![A-Za-z])")
# A toned pinyin syllable glued to Chinese: a censored word written in pinyin.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_WORD = re.compile(f"(?<![A-Za-z{_TONED}])[a-z{_TONED}]*[{_TONED}][a-z{_TONED}]*(?=[{_HAN}])")
_CANDIDATE_LINE = re.compile(f"[?(（{_TONED}]")
_TONED_VOWEL = re.compile(f"[{_TONED}]")
_LETTER_QUESTION = re.compile(r"[A-Za-z]\?[A-Za-z]")
# A "?" after a Chinese character or mark (or a digit or "%", which may be full-width forms
# the page made half-width), followed by more than a space: maybe a stray lead byte in front
# of a stretch read out of step.
_STRAY_LEAD = re.compile("(?:(?<=[^\\x00-\\x7f])|(?<=[0-9%]))\\?(?=\\S)")


def normalise_reading(reading: str) -> str:
    """NFC, GBK-era ``ɑ``/``ɡ`` as ``a``/``g``, lowercase.

    >>> normalise_reading("ZHǑNG"), normalise_reading("dɑ")
    ('zhǒng', 'da')
    """
    return unicodedata.normalize("NFC", reading.replace("ɑ", "a").replace("ɡ", "g")).lower()


@lru_cache(maxsize=1)
def _readings() -> dict[str, frozenset[str]]:
    from pypinyin.pinyin_dict import pinyin_dict

    return {chr(cp): frozenset(normalise_reading(r) for r in value.split(",")) for cp, value in pinyin_dict.items()}


@lru_cache(maxsize=1)
def _variants() -> dict[str, frozenset[str]]:
    """Each character's simplified/traditional counterparts (OpenCC's character tables)."""
    pairs: defaultdict[str, set[str]] = defaultdict(set)
    for name in ("ts_chars.tsv", "st_chars.tsv"):
        for key, targets in opencc_chars(name).items():
            for target in targets:
                if target != key:
                    pairs[key].add(target)
                    pairs[target].add(key)
    return {k: frozenset(v) for k, v in pairs.items()}


def reads(ch: str, reading: str) -> bool:
    """Is ``reading`` a reading of ``ch`` or of one of its script variants?

    >>> reads("發", "fà"), reads("知", "u")
    (True, False)
    """
    table = _readings()
    if reading in table.get(ch, ()):
        return True
    return any(reading in table.get(v, ()) for v in _variants().get(ch, ()))


def _verified(annotation: re.Match[str]) -> bool:
    """Does an ``_ANNOTATION`` match give a reading of its character (or of its variant)?"""
    return reads(annotation.group(1), normalise_reading(annotation.group(2)))


@lru_cache(maxsize=1)
def _phantom_index() -> dict[tuple[int, str], tuple[int, ...]]:
    """(first GBK byte, reading) -> second bytes of the GBK characters with that reading."""
    index: defaultdict[tuple[int, str], list[int]] = defaultdict(list)
    table = _readings()
    for lead in range(0x81, 0xFF):
        # The phantom's second byte was left orphaned in front of "(": it cannot be ASCII.
        for trail in range(0x81, 0xFF):
            try:
                ch = bytes([lead, trail]).decode("gbk")
            except UnicodeDecodeError:
                continue
            for reading in table.get(ch, ()):
                index[(lead, reading)].append(trail)
    return {k: tuple(v) for k, v in index.items()}


def _gbk(text: str) -> bytes | None:
    try:
        return text.encode("gbk")
    except UnicodeEncodeError:
        return None


# Cost of guessing a byte the legacy decoder swallowed with its neighbour.
LOST_BYTE_BITS = 4.0
#: Extra cost of reading a bare "?" as a real half-width question mark. The models charge any
#: ASCII character 4 bits, but between two Chinese characters one is far rarer: 271 in 1.8M Han
#: characters of news and reviews, 12.7 bits a gap (benchmarks/measure_priors.py), every one
#: of them in the reviews; the pages this damage comes from are news and journals.
REAL_QUESTION_MARK_BITS = 4.0
#: What follows a damaged line: a line break; nothing, the line being the whole text; or nothing,
#: the line being the last of several, where a file would have ended with a line break.
BREAK_FOLLOWS, ENDS_TEXT, ENDS_FILE = "break", "text", "file"
# A searched repair must read like text: no ASCII-range trail bytes left between Chinese
# characters, and a modest cost per character.
_TRAIL_RESIDUE = re.compile(r"[@-~](?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[@-~]")
MAX_SEARCH_BITS_PER_CHAR = 13.0
# Dense damage leaves many readings open for a while: a wider beam than mojibake repair needs.
SEARCH_BEAM = 48


_LOST_PAIR = object()  # a bare "?": two bytes the legacy decoder rejected together


class _Unknown(NamedTuple):
    reading: str


class _AnnotatedTrail(NamedTuple):
    """An ASCII trail byte that realigned the decoder, followed by its character's annotation:
    the character it ends (its lead byte was lost with the byte before) reads ``reading``."""

    trail: str
    reading: str


class Repair(NamedTuple):
    start: int
    end: int
    text: str
    evidence: str


def _window(line: str, start: int, limit: int = 200) -> tuple[int, list]:
    """From a damage token at ``start``: the items up to where decoding realigns (end, items).

    Items are characters and ``_Unknown`` phantom bytes; an ASCII trail byte ends the window.
    """
    items: list = []
    i = start
    while i < len(line) and len(items) < limit:
        match = _DAMAGE.match(line, i)
        if match:
            items.append(_Unknown(normalise_reading(match.group(1))))
            i = match.end()
            continue
        ch = line[i]
        if ch.isascii():
            if "\x40" <= ch <= "\x7e":
                items.append(ch)  # maybe the hidden character's trail byte
                i += 1
            break
        items.append(ch)
        i += 1
    return i, items


def _solutions(prev: str, items: list[str | _Unknown], phantoms_from: frozenset[str] | None) -> list[tuple[str, str]]:
    """Every GBK reading of prev + items whose unknown bytes satisfy their readings (with
    phantoms drawn from ``phantoms_from`` when given)."""
    head = _gbk(prev)
    if head is None:
        return []
    index = _phantom_index()
    partial: list[tuple[bytes, list[str]]] = [(head, [])]
    for item in items:
        grown = []
        for data, phantoms in partial:
            if isinstance(item, _Unknown):
                for trail in index.get((data[-1], item.reading), ()):
                    phantom = bytes([data[-1], trail]).decode("gbk")
                    if phantoms_from is None or phantom in phantoms_from:
                        grown.append((data + bytes([trail]), phantoms + [phantom]))
            else:
                encoded = _gbk(item)
                if encoded is None:
                    return []
                grown.append((data + encoded, phantoms))
        partial = grown[:256]
    out = []
    for data, phantoms in partial:
        for cut in (len(data), len(data) - 1):  # the last ASCII item may be the real thing
            try:
                text = data[:cut].decode("gbk")
            except UnicodeDecodeError:
                continue
            if cut < len(data):
                text += chr(data[-1]) if data[-1] < 0x80 else ""
                if data[-1] >= 0x80:
                    continue
            out.append((text, ", ".join(phantoms)))
            break
    return out


_ANNOTATION_AT_END = re.compile(_ANNOTATION.pattern + "$")


def _character_before(line: str, start: int) -> int:
    """Index of the character whose bytes precede the damage at ``start``: the one right
    before it, or the annotated character when an annotation stands between (習(xí)?chàng))."""
    match = _ANNOTATION_AT_END.search(line, max(0, start - 16), start)
    if match and _verified(match):
        return match.start()
    return start - 1


def repair_damage(line: str, traditional: bool, page: plausibility.PageModel | None = None,
                  ending: str = ENDS_TEXT, listed: dict[str, str] | None = None) -> tuple[list[Repair], list[str]]:
    """Repairs of ``?py)`` damage in one line, and descriptions of damage left alone. ``page``:
    what the page's intact text says about neighbours (:func:`intact_parts`); ``ending``: what
    follows the line (by default nothing: it is the whole text); ``listed``: characters the
    page shows annotated, with their reading (:func:`listed_characters`; by default the line's)."""
    listed = listed_characters(line) if listed is None else listed
    repairs: list[Repair] = []
    undecided: list[str] = []
    position = 0
    for match in _DAMAGE.finditer(line):
        if match.start() < position or match.start() == 0:
            continue
        prev_index = _character_before(line, match.start())
        if prev_index < position:
            continue
        prev = line[prev_index]
        end, items = _window(line, match.start())
        if undecided and _inside_misaligned_stretch(line, prev_index):
            # The character before this damage is garbage from the damage left undecided before
            # it, still read out of step: a phantom across it would be built on garbage.
            undecided.append(line[prev_index:end])
            position = end
            continue
        solutions = []
        # The words before the damage, as the page means them: 座無(wú)虛 reads 座無虛席.
        left = _strip_verified(line[:prev_index])[0]
        # Sites annotate the characters their script changes: on a traditional page the
        # phantom is a traditional-only character (請, 經, 國...), a strong constraint.
        for restrict in ((plausibility.traditional_only(), None) if traditional else (None,)):
            for text, phantoms in _solutions(prev, items, restrict):
                if traditional and not _fits_traditional(_introduced(text, [prev, *items])):
                    continue
                # ...with the annotation of the window's last character, just after it
                if _unannotated_listed(text, line[prev_index : _after_annotation(line, end)], listed):
                    continue
                solutions.append((plausibility.segment_cost(text, left, page), text, phantoms))
            if solutions:
                break
        solutions.sort()
        if not solutions or (len(solutions) > 1 and solutions[1][0] - solutions[0][0] < 4.0 and solutions[1][1] != solutions[0][1]):
            # Denser damage (bare "?", misaligned stretches): search the rest of the line.
            found = _search_repair(prev, _tokens(line, match.start()), traditional, page, left=left, ending=ending,
                                   listed=listed, damaged=line[prev_index:])
            if found is None:
                undecided.append(line[prev_index:end])
                position = end
                continue
            text, phantoms, lost = found
            repairs.append(Repair(prev_index, len(line), text, f"GBK byte search across {prev}|{text[1:2]} "
                                                               f"({phantoms} phantom(s), {lost} lost pair(s))"))
            break
        _, text, phantoms = solutions[0]
        repairs.append(Repair(prev_index, end, text, f"GBK phantom {phantoms} across {prev}|{text[1:2]}"))
        position = end
    return repairs, undecided


@lru_cache(maxsize=1)
def _lost_pairs() -> tuple[bytes, ...]:
    """The byte pairs a legacy GBK decoder turns into a bare ``?``: a lead byte and a byte that
    cannot follow it (an unassigned code, or an ASCII space, digit or line break that the pair
    swallowed)."""
    pairs = []
    for lead in range(0x81, 0xFF):
        for second in (0x0A, 0x20, *range(0x30, 0x3A), *range(0x40, 0x7F), *range(0x80, 0xFF)):
            pair = bytes([lead, second])
            if second < 0x40:
                pairs.append(pair)
                continue
            try:
                pair.decode("gbk")
            except UnicodeDecodeError:
                pairs.append(pair)
    return tuple(pairs)


def _tokens(line: str, start: int) -> list:
    """The rest of a damaged line as tokens: characters, ``_Unknown`` (``?py)``: one orphaned
    byte whose pair read py), ``_LOST_PAIR`` (a bare ``?``). A verified annotation ``X(py)``
    is dropped: inside a misaligned stretch X is itself a phantom the site matched."""
    tokens: list = []
    i = start
    while i < len(line):
        match = _DAMAGE.match(line, i)
        if match:
            tokens.append(_Unknown(normalise_reading(match.group(1))))
            i = match.end()
            continue
        match = _ANNOTATION.match(line, i)
        if match and _verified(match):
            tokens.append(match.group(1))
            i = match.end()
            continue
        ch = line[i]
        tokens.append(_LOST_PAIR if ch == "?" else ch)
        i += 1
        previous = tokens[-2] if len(tokens) > 1 else None
        after_ascii = isinstance(previous, _AnnotatedTrail) or (isinstance(previous, str) and previous.isascii())
        if "\x40" <= ch <= "\x7e" and previous is not None and not after_ascii:
            # An ASCII trail byte that realigned the decoder, with its character's annotation.
            match = _BARE_ANNOTATION.match(line, i)
            if match:
                i = match.end()
                tokens[-1] = _AnnotatedTrail(ch, normalise_reading(match.group()[1:-1]))
    return tokens


def _group_options(before: int | None, group: list, allowed: frozenset[str] | None,
                   ending: str = BREAK_FOLLOWS) -> list[tuple]:
    """Byte strings a run of unknown tokens may stand for: an optional lost pair, then phantom
    bytes, each reading its pinyin together with the byte before it. ``ending``: what follows
    the run (``BREAK_FOLLOWS`` unless it ends the text)."""
    index = _phantom_index()
    if group[0] is _LOST_PAIR:
        last = ending != BREAK_FOLLOWS and len(group) == 1
        # A bare "?" that ends a file swallowed its final line break, as text files end with
        # one: only the lead byte is a guess.
        ends_file = last and ending == ENDS_FILE
        starts = [(pair, pair[-1], LOST_BYTE_BITS if ends_file and pair[-1] == 0x0A else LOST_BYTE_BITS * 2)
                  for pair in _lost_pairs()]
        # ...or 0x80 alone, which GBK never uses as a lead byte: the trail byte of 個 (82 80)
        # that a misaligned stretch made a lead.
        starts.append((b"\x80", None, LOST_BYTE_BITS))
        if len(group) == 1:
            starts.append((b"?", None, REAL_QUESTION_MARK_BITS))  # or a real question mark
        if last:
            # ...or a lead byte the text ended on, as a one-line text may. Only at the very
            # end: anywhere else the byte after it, a line break at least, would have been
            # swallowed with it.
            bits = LOST_BYTE_BITS * 2 if ends_file else LOST_BYTE_BITS
            starts += [(bytes([b]), None, bits) for b in range(0x81, 0xFF)]
        rest = group[1:]
    else:
        starts = [(b"", before, 0.0)]
        rest = group
    options = []
    for data, lead_byte, bits in starts:
        partial = [(data, lead_byte)]
        for unknown in rest:
            grown = []
            for so_far, lead in partial:
                if lead is None:
                    continue
                for trail in index.get((lead, unknown.reading), ()):
                    if allowed is None or bytes([lead, trail]).decode("gbk") in allowed:
                        grown.append((so_far + bytes([trail]), trail))
            partial = grown
        options += [(so_far, bits) for so_far, _ in partial]
    return options


def _search_repair(prev: str, tokens: list, traditional: bool, page: plausibility.PageModel | None = None,
                   left: str = "", ending: str = ENDS_TEXT, listed: dict[str, str] | None = None,
                   damaged: str = "") -> tuple[str, int, int] | None:
    """Rebuild the bytes of ``prev`` and the rest of the line with every unknown as a set of
    options, and let the re-reading search pick the most plausible decoding, after ``left``
    (the line before ``prev``: its last words, and the quotes it leaves open for the stretch
    to close; ``ending``: what follows the line). A reading with bytes of a ``listed`` character
    that ``damaged`` (the text searched) shows no annotation for is refused; where the character
    is one of the reading's own, the search runs again with it avoided. Returns the text and the
    numbers of phantoms and lost pairs it restored."""
    head = _gbk(prev)
    if head is None or not tokens:
        return None
    allowed = plausibility.traditional_only() if traditional else None
    alternatives: list[list[tuple]] = [[(head, 0.0)]]
    before: int | None = head[-1]
    group: list = []
    for token in [*tokens, None]:
        if isinstance(token, _Unknown) or token is _LOST_PAIR:
            if token is _LOST_PAIR and group:
                alternatives.append(_group_options(before, group, allowed))
                before, group = None, []
            group.append(token)
            continue
        if group:
            options = _group_options(before, group, allowed, ending if token is None else BREAK_FOLLOWS)
            if isinstance(token, _AnnotatedTrail):
                # The guessed bytes end with the lead byte of the annotated character.
                options = [option for option in options if _ends_reading(option[0], token)]
            if not options:
                return None
            alternatives.append(options)
            group = []
        if token is None:
            break
        if isinstance(token, _AnnotatedTrail):
            token = token.trail
        data = _gbk(token)
        if data is None:
            return None
        alternatives.append([(data, 0.0)])
        before = data[-1]
    avoid = _not_traditional() if traditional else frozenset()
    for _ in range(MAX_LISTED_RETRIES + 1):
        reading = reread(alternatives, "gbk", beam=SEARCH_BEAM, avoid=avoid, page=page, left=left,
                         open_before=open_brackets(left))
        unannotated = reading and listed and _unannotated_listed(reading.text, damaged, listed)
        if not unannotated:
            break
        if not unannotated & set(reading.text) - avoid:
            return None  # only across characters: no character to avoid
        avoid = avoid | unannotated
    else:
        return None
    if reading is None or (traditional and not _fits_traditional(_introduced(reading.text, [prev, *tokens]))):
        return None
    if _TRAIL_RESIDUE.search(reading.text[1:]) or reading.bits / len(reading.text) > MAX_SEARCH_BITS_PER_CHAR:
        return None  # ASCII-range trail bytes left over, or implausible: still misaligned
    return reading.text, sum(isinstance(t, _Unknown) for t in tokens), sum(t is _LOST_PAIR for t in tokens)


#: Searches run again after a reading with an unannotated listed character, at most.
MAX_LISTED_RETRIES = 2


def _after_annotation(line: str, position: int) -> int:
    """``position``, or the end of an annotation that starts there."""
    match = _BARE_ANNOTATION.match(line, position)
    return match.end() if match else position


def listed_characters(text: str) -> dict[str, str]:
    """The characters ``text`` shows with a verified annotation, and the reading given: the
    site's search-and-replace annotated every occurrence of their bytes.

    >>> listed_characters("當(dāng)好排頭兵，函数(int)")
    {'當': 'dāng'}
    """
    return {m.group(1): normalise_reading(m.group(2)) for m in _ANNOTATION.finditer(text) if _verified(m)}


def _unannotated_listed(text: str, damaged: str, listed: dict[str, str]) -> set[str]:
    """Listed characters whose GBK bytes, anywhere in ``text`` (also across two characters),
    occur more often than ``damaged`` shows annotations reading as they do: the site would have
    annotated each occurrence, so ``text`` cannot be what it damaged. An occurrence that shares
    a byte with a pair reading one of the annotations shown is let through: the site may have
    annotated that pair first, and the annotation parted the bytes.

    >>> _unannotated_listed("相對", "相?duì)", {"對": "duì"}), _unannotated_listed("相對", "相對", {"對": "duì"})
    (set(), {'對'})
    """
    data = _gbk(text)
    if data is None or not listed:
        return set()
    shown = Counter(normalise_reading(m.group(1)) for m in _ANY_ANNOTATION.finditer(damaged))
    found: Counter[str] = Counter()
    holders: defaultdict[str, set[str]] = defaultdict(set)

    def parted(i: int) -> bool:
        for j in (i - 1, i + 1):
            try:
                neighbour = data[j : j + 2].decode("gbk") if j >= 0 else ""
            except UnicodeDecodeError:
                continue
            if len(neighbour) == 1 and any(reads(neighbour, reading) for reading in shown):
                return True
        return False

    for ch, reading in listed.items():
        code = ch.encode("gbk")
        count = 0
        i = data.find(code)
        while i >= 0:
            count += not parted(i)
            i = data.find(code, i + 1)
        if count:
            found[reading] += count
            holders[reading].add(ch)
    return {ch for reading, count in found.items() if count > shown[reading] for ch in holders[reading]}


def _ends_reading(data: bytes, annotated: _AnnotatedTrail) -> bool:
    """Does the last of ``data``, a lead byte, make with the annotated trail byte a character
    that reads as annotated?"""
    try:
        character = (data[-1:] + annotated.trail.encode()).decode("gbk")
    except UnicodeDecodeError:
        return False
    return len(character) == 1 and reads(character, annotated.reading)


def _introduced(text: str, tokens: list) -> str:
    """The characters of a repair that were not in the damaged input: the ones to check
    against the page's script (the page itself may use characters Big5 lacks, 爲 衆)."""
    present = {t for t in tokens if isinstance(t, str)}
    return "".join(ch for ch in text if ch not in present)


#: Characters this common that OpenCC does not convert stand on traditional pages even when
#: Big5 lacks them (捧着: 着 is not in Big5).
COMMON_ON_TRADITIONAL_PAGES = 3000


@lru_cache(maxsize=1)
def _not_traditional() -> frozenset[str]:
    """Characters no traditional page writes: OpenCC's simplified-only ones, but for the forms
    Taiwan and Hong Kong pages write (群 秘, which OpenCC's standard makes 羣 祕)."""
    return plausibility.simplified_only() - plausibility.regional_forms()


def _fits_traditional(text: str) -> bool:
    """Could these characters be on a traditional page: none simplified-only (but for the
    regional forms, 群), each one in Big5, a traditional form OpenCC writes (爲 衆, which Big5
    lacks), or a common character that conversion leaves alone (着)?"""
    simplified = _not_traditional()
    traditional = plausibility.traditional_only()
    common = plausibility.common_han(COMMON_ON_TRADITIONAL_PAGES)
    converted = opencc_chars("st_chars.tsv")
    for ch in text:
        if ch in simplified:
            return False
        if ch not in traditional and not (ch in common and ch not in converted):
            try:
                ch.encode("cp950")
            except UnicodeEncodeError:
                return False
    return True


#: The byte the stray "?" stands for: the first byte of GBK's row of full-width marks, here
#: of a sentence-final 。 (A1 A3), the only mark this damage has been seen at.
STRAY_LEAD_BYTE = 0xA1
#: Longest stretch tried after a stray lead byte.
MAX_STRETCH = 60
#: How much cheaper (bits) the realigned stretch must read than the damaged one; an annotation
#: after it that verifies only once it is realigned (現(xiàn) where F(xiàn) stood) counts as this
#: much evidence.
MIN_REALIGN_GAIN_BITS = 2.0
REALIGNED_ANNOTATION_BITS = 20.0


def _out_of_step_bytes(stretch: str) -> bytes | None:
    """The GBK bytes behind a stretch decoded one byte out of step; None if it has a
    character GBK cannot encode. ASCII stands for a full-width form made half-width."""
    out = bytearray()
    for ch in stretch:
        if "\x21" <= ch <= "\x7e":
            out += bytes([0xA3, ord(ch) + 0x80])
            continue
        data = _gbk(ch)
        if data is None:
            return None
        out += data
    return bytes(out)


# ASCII letters and symbols glued to a Han character: what misread trail bytes leave.
_GLUED_ASCII = re.compile(f"(?<=[{_HAN}])[A-Za-z@\\[\\\\\\]^_`{{|}}~#$&*+<=>]|[A-Za-z@\\[\\\\\\]^_`{{|}}~#$&*+<=>](?=[{_HAN}])")
GLUED_ASCII_BITS = 6.0


# A short ASCII run wedged between two non-ASCII characters with a trail-byte symbol in it
# (晚籤?_t籤): no word of any language, but what trail bytes read alone leave behind. Letters
# alone are left out: B股, 在qq上, pinyin in reviews.
_STRAY_ASCII = re.compile(r"(?<=[^\x00-\x7f])[!-~]{0,2}[@\[\\\]^_`{|}~][!-~]{0,2}(?=[^\x00-\x7f])")


def _context_cost(text: str, left: str, right: str) -> float:
    """Bits of ``text`` between ``left`` and ``right`` under the word model, with ASCII
    letters and symbols glued to Chinese, and short stray ASCII runs, charged extra.

    >>> _context_cost("?_t", "晚籤", "籤一") > _context_cost("。遲", "晚籤", "籤一")
    True
    """
    whole = left[-1:] + text + right[:1]
    glued = len(_GLUED_ASCII.findall(whole))
    stray = sum(len(run) for run in _STRAY_ASCII.findall(whole))
    return plausibility.segment_cost(text + right, left) + GLUED_ASCII_BITS * (glued + stray)


def realign_stray_lead(line: str, start: int, traditional: bool) -> Repair | None:
    """Repair of a ``?`` at ``start`` that stands for a lone 0xA1 in front of a stretch read one
    byte out of step, or None when no realigned reading is clearly better.

    The stretch ends at an ASCII trail byte; ASCII before that was a full-width form, so every
    letter is tried as the end. A second ``?`` right after the first is 。's trail byte A3 read
    with the next byte: a full-width ？ made half-width (A3 BF), or a pair GBK rejected because
    that byte leads a character of GBK's extension rows (0x81-0xA0: 們 is 82 83), whose value
    the rest of the stretch decides.

    >>> realign_stray_lead("他提出的要求?,F(xiàn)有", 6, True).text
    '。現'
    >>> realign_stray_lead("你真的來了嗎?我很高興", 6, True) is None
    True
    """
    if line[start + 1] == "?":
        # "??" then text that reads well: 。 lost its line break, there is nothing to realign.
        heads = [bytes([STRAY_LEAD_BYTE, 0xA3, lead]) for lead in (0xBF, *range(0x81, 0xA1))]
        first = start + 2
    else:
        heads, first = [bytes([STRAY_LEAD_BYTE])], start + 1
    limit = min(len(line), first + MAX_STRETCH)
    left = line[max(0, start - 3) : start]
    best: tuple[float, int, str] | None = None
    for end in range(first + 1, limit + 1):
        last = line[end - 1]
        if last.isspace() or last == "?":
            break  # a "?" inside the stretch is a byte pair GBK rejected: bytes were lost
        if not "\x40" <= last <= "\x7e":
            continue
        body = _out_of_step_bytes(line[first : end - 1])
        if body is None:
            break
        if first > start + 1 and not _garbled(line[first:end]):
            continue
        right = line[end : end + 4]
        before = _context_cost(line[start:end], left, right)
        for head in heads:
            try:
                text = (head + body + last.encode()).decode("gbk")
            except UnicodeDecodeError:
                continue
            # The last character is made with the ASCII trail byte: one of GBK's extension
            # rows (no GB2312 character has such a trail), mostly traditional and rarer, and
            # the bytes leave no choice of it.
            if not text.startswith("。") or not _reads_as_prose(text[1:-1]):
                continue
            if traditional and not _fits_traditional(_introduced(text, list(line[first:end]))):
                continue
            gain = before - _context_cost(text, left, right)
            annotation = _ANNOTATION.match(text[-1] + line[end : end + 12])
            if annotation and _verified(annotation):
                gain += REALIGNED_ANNOTATION_BITS
            if gain >= MIN_REALIGN_GAIN_BITS and plausibility.segment_cost(text, left) / len(text) <= MAX_SEARCH_BITS_PER_CHAR:
                if best is None or gain > best[0]:
                    best = (gain, end, text)
    if best is None:
        return None
    _, end, text = best
    if any(ch.isascii() for ch in line[start + 1 : end - 1]):
        # The stretch shows the page made its full-width forms half-width: so does the repair.
        text = _half_width(text)
    return Repair(start, end, text, f"stray GBK lead byte A1 before {line[start + 1:end]!r}: realigned to {text}")


#: An ASCII trail byte between non-ASCII characters: where a misaligned stretch ends.
_IN_STEP_AGAIN = re.compile(r"(?<=[^\x00-\x7f])[\x40-\x7e](?=[^\x00-\x7f(（])")


def _inside_misaligned_stretch(line: str, position: int) -> bool:
    """Is ``position`` after ``?py)`` damage with nothing in between where decoding fell back in
    step? A "?" there is a lost pair of the stretch, not a stray lead byte of 。."""
    last_damage = None
    for last_damage in _DAMAGE.finditer(line, 0, position):
        pass
    return last_damage is not None and not _IN_STEP_AGAIN.search(line, last_damage.end(), position)


def _garbled(stretch: str) -> bool:
    """Does a stretch read like bytes out of step rather than text: rare characters, or
    letters glued to Chinese?"""
    han = [ch for ch in stretch if plausibility.is_han(ch)]
    rare = sum(1 for ch in han if ch not in plausibility.common_han(3000))
    return rare * 3 >= len(han) or bool(_GLUED_ASCII.search(stretch))


#: Han characters outside the 5,000 commonest that a realigned stretch may hold: a rare word or
#: name (蜻蜓, 桫欏). The garbage a stretch out of step reads as is full of them.
MAX_RARE_IN_STRETCH = 2


def _reads_as_prose(stretch: str) -> bool:
    """Is ``stretch`` made of ASCII, usual marks and Han characters, at most
    ``MAX_RARE_IN_STRETCH`` of them outside the 5,000 commonest?

    >>> _reads_as_prose("不可蜻蜓點"), _reads_as_prose("醽怼端疂")
    (True, False)
    """
    common = plausibility.common_han(5000)
    rare = 0
    for ch in stretch:
        if ch.isascii() or plausibility.usual_mark(ch) or ch in common:
            continue
        if not plausibility.is_han(ch):
            return False
        rare += 1
    return rare <= MAX_RARE_IN_STRETCH


def intact_parts(line: str) -> list[str]:
    """The parts of a line that byte damage left alone, verified annotations stripped: what
    the page says where it can be trusted. A damaged stretch (from the character before a
    ``?py)`` to where decoding falls back in step, else the line's end) is left out.

    >>> intact_parts("文件格式?jīng)]有問題，長(zhǎng)江")
    ['文件格', '有問題，長江']
    """
    parts, position = [], 0
    for match in _DAMAGE.finditer(line):
        if match.start() < position:
            continue
        end, _ = _window(line, match.start())
        parts.append(line[position : max(position, match.start() - 1)])
        position = max(end, match.start() + 1)
    parts.append(line[position:])
    return [_strip_verified(part)[0] for part in parts if part]


def _strip_verified(text: str) -> tuple[str, list[str]]:
    """``text`` without its verified annotations, and what each stripped one read."""
    stripped: list[str] = []

    def strip(match: re.Match[str]) -> str:
        if _verified(match):
            stripped.append(f"{match.group(1)}: reads {normalise_reading(match.group(2))}")
            return match.group(1)
        return match.group()

    return _ANNOTATION.sub(strip, text), stripped


def _half_width(text: str) -> str:
    return "".join(chr(ord(ch) - 0xFEE0) if "\uff01" <= ch <= "\uff5e" else ch for ch in text)


class PinyinStep(Step):
    name = "pinyin"
    description = "pinyin annotations 當(dāng) stripped when the reading is verified; byte damage 日?qǐng)?bào) rebuilt from GBK bytes"

    def apply(self, text: str) -> StepOutput:
        # Cheap single-character gates first: most text has no "?" between letters and no
        # toned vowel at all.
        if not (
            _ANY_ANNOTATION.search(text)
            or ("?" in text and (_LETTER_QUESTION.search(text) or _STRAY_LEAD.search(text)))
            or (_TONED_VOWEL.search(text) and _PINYIN_WORD.search(text))
        ):
            return StepOutput(text)
        from .script import TRADITIONAL, evidence

        traditional = evidence(text).label == TRADITIONAL
        lines = text.split("\n")
        # A snapshot: repairs below change ``lines``, and the page is only read if a search runs.
        page = plausibility.PageModel(part for line in tuple(lines) for part in intact_parts(line))
        listed = listed_characters(text)
        changes: list[Change] = []
        findings: list[Finding] = []
        for index, line in enumerate(lines):
            if not _CANDIDATE_LINE.search(line):
                continue
            ending = BREAK_FOLLOWS if index < len(lines) - 1 else ENDS_FILE if index else ENDS_TEXT
            fixed, reasons, notes = self._fix_line(line, traditional, page, ending, listed)
            for note in notes:
                findings.append(Finding(self.name, "undecided", index + 1, note, {}))
            if fixed != line:
                changes.append(Change(self.name, "repair", index + 1, line, fixed, "; ".join(reasons)))
                lines[index] = fixed
        if not changes and not findings:
            return StepOutput(text)
        return StepOutput("\n".join(lines), tuple(changes), tuple(findings))

    def _fix_line(self, line: str, traditional: bool, page: plausibility.PageModel,
                  ending: str, listed: dict[str, str]) -> tuple[str, list[str], list[str]]:
        reasons: list[str] = []
        notes: list[str] = []
        if "?" in line:
            line = self._realign_stray_leads(line, traditional, reasons)
        if "?" in line and _DAMAGE.search(line):
            repairs, undecided = repair_damage(line, traditional, page, ending, listed)
            notes += [f"pinyin byte damage left as is: {u}" for u in undecided]
            for r in reversed(repairs):
                line = line[: r.start] + r.text + line[r.end :]
            reasons += [r.evidence for r in repairs]
        line, stripped = _strip_verified(line)
        if stripped:
            shown = ", ".join(stripped[:8]) + (f" (+{len(stripped) - 8} more)" if len(stripped) > 8 else "")
            reasons.append(f"{len(stripped)} annotation(s) stripped: {shown}")
        spaced = _QUESTION_SPACES.sub(lambda m: m.group().replace("?", " "), line)
        if spaced != line:
            reasons.append("'?' that stood for spaces between Latin words restored")
            line = spaced
        for word in _PINYIN_WORD.findall(line):
            notes.append(f"pinyin word inside Chinese (censored word?): {word}")
        return line, reasons, notes

    @staticmethod
    def _realign_stray_leads(line: str, traditional: bool, reasons: list[str]) -> str:
        repairs = [r for m in _STRAY_LEAD.finditer(line)
                   if not _inside_misaligned_stretch(line, m.start()) and (r := realign_stray_lead(line, m.start(), traditional))]
        for r in reversed(repairs):
            line = line[: r.start] + r.text + line[r.end :]
        reasons += [r.evidence for r in repairs]
        return line
