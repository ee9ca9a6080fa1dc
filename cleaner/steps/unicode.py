"""unicode: Latin-family mojibake (via ftfy), control and zero-width characters, line ends.

ftfy is configured so it never rewrites Chinese: its defaults turn full-width ``，：`` and
curly ``“”`` into ASCII, which is damage in Chinese text. It only runs on lines that contain
something it could fix; pure CJK/ASCII lines skip it.

>>> UnicodeStep().apply("caf\\u00c3\\u00a9 \\u4e2d\\u200b\\u6587  ").text
'café 中文'
>>> UnicodeStep().apply("“中文”，全角１２３").changes
()
"""

from __future__ import annotations

import re

import ftfy

from ..core import WHOLE_DOCUMENT, Change, Step, StepOutput, edit_lines

_FTFY_CONFIG = ftfy.TextFixerConfig(
    fix_character_width=False,
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    normalization=None,
    fix_line_breaks=False,
    explain=True,
)

# Lines made only of these never need ftfy: ASCII but for `&` (HTML entities), CJK
# ideographs and punctuation, full-width forms, and the general punctuation Chinese uses.
_NEEDS_FTFY = re.compile(
    r"[^\t\n\x20-\x25\x27-\x7e\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e"
    r"\u2014\u2018\u2019\u201c\u201d\u2026\u00b7]"
)

# Zero-width characters that carry nothing in Chinese text. ZWJ/ZWNJ are only removed next to
# CJK, since emoji sequences and Indic/Persian scripts need them.
_ZERO_WIDTH = re.compile(r"[\u200b\u2060\ufeff\u180e]|(?<=[\u3000-\u9fff\uff00-\uffef])[\u200c\u200d\u00ad]|[\u200c\u200d\u00ad](?=[\u3000-\u9fff\uff00-\uffef])")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")
_TRAILING = re.compile(r"[ \t\u3000\u00a0]+$")


class UnicodeStep(Step):
    name = "unicode"
    description = "ftfy for Latin mojibake/HTML entities (never touching CJK), zero-width and control chars, CRLF, trailing blanks"

    def apply(self, text: str) -> StepOutput:
        changes: list[Change] = []
        if "\r" in text:
            crlf = text.count("\r\n")
            lone = text.count("\r") - crlf
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            changes.append(
                Change(self.name, "newline", WHOLE_DOCUMENT, "\\r\\n" if crlf else "\\r", "\\n",
                       f"line endings normalised to LF ({crlf} CRLF, {lone} CR)")
            )
        out = edit_lines(text, self.name, self._fix_line)
        return StepOutput(out.text, tuple(changes) + out.changes)

    def _fix_line(self, number: int, line: str):
        original = line
        reasons: list[str] = []
        if _NEEDS_FTFY.search(line):
            fixed, plan = ftfy.fix_and_explain(line, _FTFY_CONFIG)
            if fixed != line:
                steps = ", ".join(f"{action} {param}".strip() for action, param in (plan or []))
                reasons.append(f"ftfy: {steps}" if steps else "ftfy")
                line = fixed
        stripped = _ZERO_WIDTH.sub("", line)
        if stripped != line:
            reasons.append("zero-width characters removed")
            line = stripped
        stripped = _CONTROLS.sub("", line)
        if stripped != line:
            reasons.append("control characters removed")
            line = stripped
        stripped = _TRAILING.sub("", line)
        if stripped != line:
            reasons.append("trailing whitespace removed")
            line = stripped
        if line == original:
            return None
        return line, "replace", "; ".join(reasons)
