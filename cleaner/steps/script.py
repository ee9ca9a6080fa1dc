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
from functools import lru_cache
from typing import NamedTuple

from ..core import Change, Finding, Step, StepOutput, WHOLE_DOCUMENT, edit_lines
from ..resources import data_json, data_lines

SIMPLIFIED, TRADITIONAL, MIXED, NEUTRAL = "simplified", "traditional", "mixed", "neutral"

#: target -> the OpenCC config that converts to it
TARGET_CONFIGS = {"zh-hans": "t2s", "zh-hant": "s2t", "zh-tw": "s2twp", "zh-hk": "s2hk"}


@lru_cache(maxsize=1)
def _evidence_sets() -> tuple[frozenset[str], frozenset[str]]:
    """(simplified-only, traditional-only) characters, from OpenCC's character tables."""

    def table(name: str) -> dict[str, list[str]]:
        out = {}
        for line in data_lines(name):
            key, _, targets = line.partition("\t")
            out[key] = targets.split(" ")
        return out

    neutral = set(data_lines("script_neutral.txt"))
    simplified = {k for k, v in table("st_chars.tsv").items() if k not in v} - neutral
    traditional = {k for k, v in table("ts_chars.tsv").items() if k not in v} - neutral
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
    simplified, traditional = _evidence_sets()
    chars = set(text)
    if not chars & (simplified | traditional):
        return Evidence(0, 0)
    return Evidence(sum(ch in simplified for ch in text), sum(ch in traditional for ch in text))


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
        per_line = [evidence(line) for line in lines]
        total = Evidence(sum(e.simplified for e in per_line), sum(e.traditional for e in per_line))
        document = _document_label(per_line, total)
        findings = [Finding(self.name, "script", WHOLE_DOCUMENT, document,
                            {"simplified": total.simplified, "traditional": total.traditional})]
        if document == MIXED:
            regions = [n for n, e in enumerate(per_line, 1) if e.label not in (NEUTRAL, _dominant(total))]
            findings.append(Finding(self.name, "mixed-lines", WHOLE_DOCUMENT, "", {"lines": regions[:200]}))
        if self.target == "auto":
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
        triggers = _triggers(config)

        def fix(number: int, line: str):
            if not triggers.search(line):
                return None  # nothing the converter knows: it would return the line as is
            converted = convert(line, config)
            label = per_line[number - 1].label
            return converted, "convert", f"{label} line converted to {self.target} ({config})"

        return edit_lines(text, self.name, fix, lines)


@lru_cache(maxsize=8)
def _triggers(config: str) -> re.Pattern[str]:
    """Any character that occurs in a key of one of ``config``'s dictionaries."""
    chars = data_json("opencc_triggers.json")[config]
    return re.compile("[" + "".join(re.escape(ch) for ch in chars) + "]")


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
