"""script: label each line simplified/traditional from OpenCC's own tables, and unify.

Evidence per character: traditional if OpenCC's TSCharacters maps it to another character,
simplified if STCharacters maps it away and it is no traditional form of anything; a small
allow-list (``data/script_neutral.txt``) holds characters normal in both usages.

- ``auto``: a document mixing scripts is unified to its dominant script, line by line (only
  lines carrying the minority script's evidence go through the converter); a single-script
  document is left alone.
- ``zh-hans`` / ``zh-hant`` / ``zh-tw`` / ``zh-hk``: everything is converted with OpenCC's t2s,
  s2t, s2twp (Taiwan phrases) or s2hk; a line with no character any of the config's
  dictionaries mentions skips the converter (it would come back unchanged).
- ``keep``: nothing.

>>> ScriptStep("auto").apply("这篇简体文章里说过：\\n這是一個段落。\\n").text
'这篇简体文章里说过：\\n这是一个段落。\\n'
>>> label_text("這是繁體")
'traditional'
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from .. import plausibility
from ..core import Change, Finding, Step, StepOutput, WHOLE_DOCUMENT, edit_lines
from ..resources import data_json, data_lines, opencc_chars

SIMPLIFIED, TRADITIONAL, MIXED, NEUTRAL = "simplified", "traditional", "mixed", "neutral"
LABEL_SAMPLE_CHARS = 16 * 1024

#: target -> the OpenCC config that converts to it
TARGET_CONFIGS = {"zh-hans": "t2s", "zh-hant": "s2t", "zh-tw": "s2twp", "zh-hk": "s2hk"}


@lru_cache(maxsize=1)
def _evidence_sets() -> tuple[frozenset[str], frozenset[str]]:
    """(simplified-only, traditional-only) characters, from OpenCC's character tables."""

    neutral = set(data_lines("script_neutral.txt"))
    simplified = plausibility.simplified_only() - neutral
    traditional = {k for k, v in opencc_chars("ts_chars.tsv").items() if k not in v} - neutral
    both = simplified & traditional
    return frozenset(simplified - both), frozenset(traditional - both)


class Evidence(NamedTuple):
    simplified: int
    traditional: int

    @property
    def label(self) -> str:
        if not self.simplified and not self.traditional:
            return NEUTRAL
        if self.simplified and self.traditional:
            # A stray character of the other script does not make a line mixed.
            if min(self.simplified, self.traditional) * 4 <= max(self.simplified, self.traditional):
                return SIMPLIFIED if self.simplified > self.traditional else TRADITIONAL
            return MIXED
        return SIMPLIFIED if self.simplified else TRADITIONAL


def evidence(text: str) -> Evidence:
    """How many simplified-only and traditional-only characters ``text`` has."""
    simplified, traditional = _evidence_sets()
    present = set(text)  # built in C; occurrences are only counted for evidence found
    found_s, found_t = present & simplified, present & traditional
    if not found_s and not found_t:
        return Evidence(0, 0)
    counts = Counter(text)
    return Evidence(sum(counts[ch] for ch in found_s), sum(counts[ch] for ch in found_t))


def label_text(text: str) -> str:
    """simplified, traditional, mixed or neutral."""
    return evidence(text).label


@lru_cache(maxsize=16)
def converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def convert(text: str, config: str) -> str:
    """Convert with the official OpenCC (one converter per config, built once)."""
    return converter(config).convert(text)


class ScriptStep(Step):
    name = "script"
    description = "traditional/simplified: label lines with OpenCC's tables; auto unifies mixed documents, zh-hans/zh-hant/zh-tw/zh-hk convert"
    style = True

    def __init__(self, target: str = "auto"):
        self.target = target

    @classmethod
    def from_options(cls, options) -> "ScriptStep":
        return cls(options.script)

    def apply(self, text: str) -> StepOutput:
        if self.target == "keep":
            return StepOutput(text)
        lines = text.split("\n")
        # Unifying needs every line's evidence; converting everything only needs a label, which
        # the first 16K characters give amply (large inputs stay fast).
        sample = text if self.target == "auto" or len(text) <= LABEL_SAMPLE_CHARS else text[:LABEL_SAMPLE_CHARS]
        total = evidence(sample)
        # Lines are only examined one by one when the document holds both scripts.
        per_line = [evidence(line) for line in lines] if total.simplified and total.traditional else \
            [total if (total.simplified or total.traditional) else Evidence(0, 0)] * len(lines)
        document = _document_label(per_line, total) if total.simplified and total.traditional else total.label
        findings = [Finding(self.name, "script", WHOLE_DOCUMENT, document,
                            {"simplified": total.simplified, "traditional": total.traditional})]
        if document == MIXED:
            regions = [n for n, e in enumerate(per_line, 1) if e.label not in (NEUTRAL, _dominant(total))]
            findings.append(Finding(self.name, "mixed-lines", WHOLE_DOCUMENT, "", {"lines": regions[:200]}))
        if self.target == "auto":
            if _KANA_OR_HANGUL.search(text) and _is_japanese_or_korean(text):
                # Japanese kanji and Korean hanja are neither script: leave such text alone.
                findings.append(Finding(self.name, "not-chinese", WHOLE_DOCUMENT, "", {"reason": "kana or hangul"}))
                return StepOutput(text, (), tuple(findings))
            out = self._unify(text, lines, per_line, total)
        else:
            out = self._convert_all(text, lines, per_line)
        return StepOutput(out.text, out.changes, tuple(findings))

    def _unify(self, text: str, lines: list[str], per_line: list[Evidence], total: Evidence) -> StepOutput:
        dominant = _dominant(total)
        if dominant is None:
            return StepOutput(text)
        minority_count = total.traditional if dominant == SIMPLIFIED else total.simplified
        if not minority_count:
            return StepOutput(text)  # single-script document: nothing to unify
        config = "t2s" if dominant == SIMPLIFIED else "s2t"
        minority = TRADITIONAL if dominant == SIMPLIFIED else SIMPLIFIED

        def fix(number: int, line: str):
            e = per_line[number - 1]
            if (e.traditional if minority == TRADITIONAL else e.simplified) == 0:
                return None
            converted = convert(line, config)
            what = f"{e.label} line" if e.label in (minority, MIXED) else f"stray {minority} characters"
            return converted, "convert", f"{what} in {dominant} document ({config})"

        return edit_lines(text, self.name, fix, lines)

    def _convert_all(self, text: str, lines: list[str], per_line: list[Evidence]) -> StepOutput:
        config = TARGET_CONFIGS[self.target]
        if not _triggers(config).search(text):
            return StepOutput(text)  # nothing the converter knows: it would return the text as is
        # One call for the whole text (OpenCC keeps line breaks), then attribute line by line.
        converted_text = convert(text, config)
        converted = converted_text.split("\n")
        if len(converted) != len(lines):  # pragma: no cover - OpenCC never merges lines
            return edit_lines(text, self.name, lambda n, line: (convert(line, config), "convert", config), lines)
        reason = f"converted to {self.target} ({config})"
        changes = tuple(
            Change(self.name, "convert", number, before, after, reason)
            for number, (before, after) in enumerate(zip(lines, converted), 1)
            if before != after
        )
        return StepOutput(converted_text, changes)


@lru_cache(maxsize=8)
def _triggers(config: str) -> re.Pattern[str]:
    """Any character that occurs in a key of one of ``config``'s dictionaries."""
    chars = data_json("opencc_triggers.json")[config]
    return re.compile("[" + "".join(re.escape(ch) for ch in chars) + "]")


_KANA_OR_HANGUL = re.compile("[\u3040-\u30ff\uac00-\ud7a3]")


def _is_japanese_or_korean(text: str) -> bool:
    """Kana or Hangul make up a real share of the writing (not one quoted word)."""
    kana = len(_KANA_OR_HANGUL.findall(text))
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return kana >= 3 and kana * 5 >= han


def _dominant(total: Evidence) -> str | None:
    if total.simplified == total.traditional:
        return None
    return SIMPLIFIED if total.simplified > total.traditional else TRADITIONAL


def _document_label(per_line: list[Evidence], total: Evidence) -> str:
    labels = {e.label for e in per_line if e.label != NEUTRAL}
    if not labels:
        return NEUTRAL
    if labels == {SIMPLIFIED}:
        return SIMPLIFIED
    if labels == {TRADITIONAL}:
        return TRADITIONAL
    return MIXED
