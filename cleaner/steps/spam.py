"""spam: remove injected lines (betting banners, porn keyword lines, keyword stuffing, decoy
tags) and injected fragments (a betting brand glued into a real line).

Keywords alone would hit sports news and lottery announcements, so each line is scored on
what marks an injection: keyword density (gambling and porn terms weigh more than generic SEO
bait), a brand with digits (``188bet``), separators (``_ - | @``) instead of sentence
punctuation, a trailing ``@``, a repeated chunk (stuffing), position (first or last lines),
and unrelatedness: a line whose terms the rest of the document never uses.

One compiled pattern of every lexicon term runs over the whole text first; text without a
hit costs one regex search.

>>> r = SpamStep().apply("188bet体育_188体育投注-在线APP官网@\\n\\n昆明召开会议，部署工作。\\n")
>>> r.text
'昆明召开会议，部署工作。\\n'
>>> SpamStep().apply("中国体育代表团在亚运会上获得金牌。\\n体育彩票第2024100期开奖公告\\n").changes
()
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Mapping, NamedTuple

from ..core import BLANK_REASON, Change, Finding, Step, StepOutput, edge_lines, orphan_blank
from ..patterns import trie_pattern
from ..resources import data_pairs

KIND_WEIGHT = {"brand": 1.0, "gambling": 1.0, "porn": 1.0, "seo": 0.35}
DEFAULT_THRESHOLD = 0.6
# Lines scoring between this and the threshold are reported as suspects, not removed.
SUSPECT_SHARE = 0.6

_SENTENCE_PUNCT = re.compile(r"[。！？；，：“”]|[.!?;,]\s+[A-Za-z]|(?<=[\u4e00-\u9fff])[,.!?;](?=[\u4e00-\u9fff])")
_FULL_SENTENCE_PUNCT = re.compile(r"[。！？；，：“”]|[.!?;,]\s+[A-Za-z]")
_SEPARATORS = re.compile(r"[_|@＿｜—]|(?<=\S)-(?=\S)|(?<=[\u4e00-\u9fff]),(?=[\u4e00-\u9fff])|\s{2,}")
# A betting brand written as digits plus a betting word (188bet, 365体育, bet365).
# Anchored on the word, not the digits, so the scan over a whole text stays fast.
_BRAND_DIGITS = re.compile(r"(?<=\d\d)(?:bet|彩票|体育|娱乐|棋牌)|bet\d\d")  # runs on lowercased text
_BET = re.compile("bet")
_DECOY = re.compile(r"^\s*(?:<(\w+)(?:\s[^<>]*)?>\s*</\1\s*>\s*|<(?:br|hr)\s*/?>\s*)+$", re.I)
_TAG_CLOSE = re.compile(r"</\w+\s*>|<(?:br|hr)\b", re.I)
_URL = re.compile(r"(?:https?://|www\.)[\w.\-/?=&%#:~+]+", re.I)
_FUNCTION_CHARS = re.compile("[的了很都也不是还就在和买吗呢啊吧可]")
_ITEM_SPLIT = re.compile(r"[\s,，、|_/]+")


def _repeated(line: str) -> str | None:
    """The unit of a stuffed line - a list of several short items written out two or more
    times, making up the whole line - or None. Found on the items, not the characters, so it
    costs next to nothing: ``不错不错不错`` is no list, a sentence typed twice has no items.

    >>> _repeated("红富士苹果 赣南脐橙 砂糖橘 阳光玫瑰 红富士苹果 赣南脐橙 砂糖橘 阳光玫瑰")
    '红富士苹果 赣南脐橙 砂糖橘 阳光玫瑰'
    """
    items = [item for item in _ITEM_SPLIT.split(line.strip()) if item]
    if len(items) < 6 or len(items) > 200 or sum(map(len, items)) / len(items) > 8:
        return None
    for period in range(2, len(items) // 2 + 1):
        if all(items[i] == items[i % period] for i in range(period, len(items))):
            unit = items[:period]
            if len(set("".join(unit))) < 4 or any(_FUNCTION_CHARS.search(item) for item in unit):
                return None  # a phrase somebody typed over and over, not a list of names
            return " ".join(unit)
    return None


class Term(NamedTuple):
    text: str
    kind: str


class Scored(NamedTuple):
    score: float
    features: dict[str, float]
    terms: tuple[str, ...]


@lru_cache(maxsize=1)
def _lexicon() -> tuple[Term, ...]:
    return tuple(Term(term.lower(), kind) for term, kind in data_pairs("spam_lexicon.tsv"))


def _compile(terms: Iterable[Term]) -> tuple[re.Pattern[str], dict[str, str]]:
    kinds: dict[str, str] = {}
    for term in terms:
        kinds.setdefault(term.text.lower(), term.kind)
    return trie_pattern(kinds), kinds


class SpamStep(Step):
    name = "spam"
    description = "injected lines (betting banners, porn keyword lines, keyword stuffing, decoy tags) and betting brands glued into real lines; every removal scored"

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, extra_terms: Mapping[str, str] | Iterable[str] = (),
                 allow_terms: Iterable[str] = ()):
        self.threshold = threshold
        extra = extra_terms.items() if isinstance(extra_terms, Mapping) else ((t, "gambling") for t in extra_terms)
        allow = {t.lower() for t in allow_terms}
        terms = [t for t in _lexicon() if t.text not in allow] + [Term(t.lower(), k) for t, k in extra]
        self.pattern, self.kinds = _compile(terms)
        brands = [t for t, k in self.kinds.items() if k == "brand"]
        self.brands = trie_pattern(brands)
        # Only unmistakable brands are cut out of real lines: ones with Latin letters or
        # digits, or Chinese names of four or more characters (短 names occur inside words).
        distinctive = [t for t in brands if not t.isascii() and len(t) >= 4 or t.isascii() or any(c.isdigit() for c in t)]
        self.fragment_brands = re.compile(
            f"(?:{trie_pattern(distinctive, ascii_case_insensitive=True).pattern})(?:体育|娱乐|官网|平台|[aA][pP][pP]|网址|入口)*"
        ) if distinctive else None  # runs on single lines only: folding costs nothing there

    @classmethod
    def from_options(cls, options) -> "SpamStep":
        own = options.for_step(cls.name)
        return cls(
            threshold=float(own.get("threshold", DEFAULT_THRESHOLD)),
            extra_terms=own.get("extra_terms", ()),
            allow_terms=own.get("allow_terms", ()),
        )

    def apply(self, text: str) -> StepOutput:
        lines = text.split("\n")
        first, last = edge_lines(lines, 3, 2)
        edges = set(first + last)
        # One pass of the whole lexicon over the text: which lines have evidence at all. The
        # lexicon is lowercase and so is the text it runs on (case-folding patterns are slow).
        haystack = _lower(text)
        doc_terms: dict[str, int] = {}
        hits_per_line: dict[int, int] = {}
        candidates: set[int] = set()
        for index, match in _matches_by_line(haystack, self.pattern):
            key = match.group()
            doc_terms[key] = doc_terms.get(key, 0) + 1
            hits_per_line[index] = hits_per_line.get(index, 0) + 1
            if haystack[max(0, match.start() - 2) : match.start()].isdigit():
                candidates.add(index)  # 188体育, 365彩票: a brand written with digits
        # Two weak hits in a long line of prose never add up to an injection.
        candidates |= {i for i, n in hits_per_line.items()
                       if n >= 2 and not (len(lines[i]) > 60 and "。" in lines[i])}
        candidates |= {i for i, m in _matches_by_line(haystack, _BET)
                       if _BRAND_DIGITS.search(haystack, max(0, m.start() - 5), m.end() + 4)}
        candidates |= {i for i, _ in _matches_by_line(haystack, self.brands)}
        candidates |= {i for i in edges if i in hits_per_line or _repeated(lines[i])}
        decoys = {i for i, _ in _matches_by_line(text, _TAG_CLOSE)}
        if not candidates and not decoys:
            return StepOutput(text)
        # Decide for the few candidate lines first; rebuild the text only if one changes.
        edits: dict[int, tuple[str | None, str, str]] = {}  # index -> (new line or None, kind, reason)
        findings: list[Finding] = []
        for index in sorted(candidates | decoys):
            line = lines[index]
            number = index + 1
            if index in decoys and _DECOY.match(line):
                edits[index] = (None, "delete", "decoy HTML tag line")
                continue
            if index not in candidates:
                continue
            scored = self.score(line, at_edge=index in edges, doc_terms=doc_terms, document=text)
            if scored is not None:
                detail = {"score": round(scored.score, 3), **{k: round(v, 3) for k, v in scored.features.items()}}
                if scored.score >= self.threshold:
                    edits[index] = (None, "delete", f"injected spam line (score {scored.score:.2f}: "
                                                    f"{_describe(scored.features)}; terms: {', '.join(scored.terms[:6])})")
                    findings.append(Finding(self.name, "spam", number, line, detail))
                    continue
                if scored.score >= self.threshold * SUSPECT_SHARE:
                    findings.append(Finding(self.name, "suspect", number, line, detail))
            cleaned, removed = self._strip_fragments(line)
            if removed:
                edits[index] = (cleaned, "fragment", f"injected fragment(s) removed: {', '.join(removed)}")
        if not edits:
            return StepOutput(text, (), tuple(findings))
        changes: list[Change] = []
        out: list[str] = []
        deleted_above = False
        for index, line in enumerate(lines):
            if orphan_blank(out, line, deleted_above):
                changes.append(Change(self.name, "delete", index + 1, line, "", BLANK_REASON))
                continue
            deleted_above = False
            edit = edits.get(index)
            if edit is None:
                out.append(line)
                continue
            new_line, kind, reason = edit
            changes.append(Change(self.name, kind, index + 1, line, new_line or "", reason))
            if new_line is None:
                deleted_above = True
            else:
                out.append(new_line)
        new = "\n".join(out)
        if text.endswith("\n") and not new.endswith("\n"):
            new += "\n"
        return StepOutput(new, tuple(changes), tuple(findings))

    def score(self, line: str, at_edge: bool = False, doc_terms: Mapping[str, int] | None = None,
              document: str | None = None) -> Scored | None:
        """The line's spam score and the features behind it (None when nothing fired).

        ``doc_terms`` counts the lexicon terms of the whole document and ``document`` is its
        text: both tell whether the line has anything to do with the rest.
        """
        stripped = line.strip()
        if not stripped:
            return None
        lowered = _lower(stripped)
        hits = [m for m in self.pattern.finditer(lowered)]
        brand_digits = _BRAND_DIGITS.findall(lowered)
        body = re.sub(r"\s+", "", stripped)
        if not hits and not brand_digits:
            return self._stuffing(stripped, at_edge, document)
        weighted = sum(len(m.group()) * KIND_WEIGHT[self.kinds[m.group().lower()]] for m in hits)
        features: dict[str, float] = {"density": min(1.0, weighted / max(1, len(body)))}
        kinds = {self.kinds[m.group().lower()] for m in hits}
        terms = tuple(dict.fromkeys(m.group() for m in hits))
        if "brand" in kinds or brand_digits:
            features["brand"] = 0.35
        if sum(self.kinds[t.lower()] == "porn" for t in terms) >= 3:
            features["porn_terms"] = 0.3
        separators = len(_SEPARATORS.findall(stripped))
        # ASCII commas between Chinese words separate keywords in a list that is mostly
        # lexicon terms; elsewhere they are sentence punctuation typed half-width.
        has_sentence = bool(_FULL_SENTENCE_PUNCT.search(stripped)) or (
            features["density"] < 0.5 and bool(_SENTENCE_PUNCT.search(stripped)))
        if separators >= 2 and not has_sentence:
            features["separators"] = 0.2
        if stripped.endswith("@"):
            features["trailing_at"] = 0.15
        if not has_sentence:
            features["no_sentence_punctuation"] = 0.1
        else:
            features["sentence"] = -0.35
        if len(body) > 60 and has_sentence:
            features["long_prose"] = -0.3
        if at_edge:
            features["edge_position"] = 0.1
        if not has_sentence and _repeated(stripped):
            features["repeated_chunk"] = 0.3
        if doc_terms is not None and terms:
            own: dict[str, int] = {}
            for m in hits:
                own[m.group().lower()] = own.get(m.group().lower(), 0) + 1
            elsewhere = sum(1 for t in own if doc_terms.get(t, 0) > own[t])
            if elsewhere * 2 >= len(own):
                features["related_to_document"] = -0.3
        score = features["density"] * 0.6 + sum(v for k, v in features.items() if k != "density")
        return Scored(max(0.0, score), features, terms)

    def _stuffing(self, stripped: str, at_edge: bool, document: str | None) -> Scored | None:
        """Keyword stuffing without lexicon terms: a list repeated on a header or footer line,
        with no sentence in it and nothing to do with the rest of the document."""
        if not at_edge or _SENTENCE_PUNCT.search(stripped):
            return None
        chunk = _repeated(stripped)
        if not chunk:
            return None
        features = {"density": 0.0, "repeated_chunk": 0.3, "no_sentence_punctuation": 0.1, "edge_position": 0.1}
        first_item = chunk.split(" ")[0]
        if document is not None and document.count(first_item) <= stripped.count(first_item):
            features["unrelated_to_document"] = 0.2
        return Scored(sum(features.values()), features, (chunk,))

    def _strip_fragments(self, line: str) -> tuple[str, list[str]]:
        """Betting brands (with their trailing 体育/娱乐/官网...) and spam URLs inside a real line."""
        removed: list[str] = []

        def cut(match: re.Match[str]) -> str:
            removed.append(match.group())
            return ""

        if self.fragment_brands is None or not (self.brands.search(_lower(line)) or _BET.search(_lower(line))):
            return line, removed
        line = _URL.sub(lambda m: cut(m) if self.brands.search(m.group()) or _BRAND_DIGITS.search(m.group()) else m.group(), line)
        line = self.fragment_brands.sub(cut, line)
        return line, removed


def _lower(text: str) -> str:
    """``text`` lowercased where that keeps every position (it nearly always does)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def _matches_by_line(text: str, pattern: re.Pattern[str]):
    """(line index, match) for every match, counting newlines only between matches."""
    line = 0
    position = 0
    for match in pattern.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        yield line, match


def _describe(features: Mapping[str, float]) -> str:
    return ", ".join(f"{k} {v:+.2f}" for k, v in features.items())
