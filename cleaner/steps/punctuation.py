"""punctuation: ASCII punctuation inside Chinese prose becomes full-width; full-width ASCII
letters and digits become half-width, and so do the marks inside such a number (．％：－／, a
thousands ，).

Only punctuation with Chinese on both sides (or, for ``?`` and ``!``, Chinese before and the
line's end after) changes; numbers (``1,000``, ``3.14``), times (``10:31``), URLs, code and
English sentences keep their ASCII punctuation. Parentheses change as a pair when they hold
Chinese, and alone when one of a pair was lost.

>>> PunctuationStep().apply("赴曲靖考察学习,看先进;各县(市)区 10:31 1,000 f(x)").text
'赴曲靖考察学习，看先进；各县（市）区 10:31 1,000 f(x)'
>>> PunctuationStep().apply("为什么是安宁?面积１２０００平方米，增长３．５％").text
'为什么是安宁？面积12000平方米，增长3.5%'
"""

from __future__ import annotations

import re

from ..core import Step, StepOutput, edit_lines

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# What may follow converted punctuation: Chinese, or an opening quote/bracket.
_CJK_NEXT = f"[{_HAN}“‘《（「『【]"
_CJK_PREV = f"[{_HAN}”’》）」』】]"

_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}

# , ; : ? ! between Chinese characters (ASCII spaces around them were typing artefacts).
_BETWEEN = re.compile(f"(?<={_CJK_PREV}) ?([,;:?!]) *(?={_CJK_NEXT})")
# ? ! ending a Chinese sentence at the end of a line or before a closing quote.
_ENDING = re.compile(f"(?<={_CJK_PREV})([?!])(?=$|[”’」』）])")
# A parenthesised stretch that holds Chinese, next to Chinese.
_PAIR = re.compile(f"\\(([^()\\n]*[{_HAN}][^()\\n]*)\\)")
# A lone parenthesis whose partner was lost, with Chinese on its inner side.
_LONE_OPEN = re.compile(f"(?<=[{_HAN}，。；：])\\((?=[{_HAN}])(?![^()\\n]*\\))")
_LONE_CLOSE = re.compile(f"(?<=[{_HAN}])\\)")

_HALF_WIDTH = {chr(cp): chr(cp - 0xFEE0) for cp in range(0xFF10, 0xFF1A)}
_HALF_WIDTH.update({chr(cp): chr(cp - 0xFEE0) for cp in range(0xFF21, 0xFF3B)})
_HALF_WIDTH.update({chr(cp): chr(cp - 0xFEE0) for cp in range(0xFF41, 0xFF5B)})
_FULL_WIDTH_ALNUM = re.compile("[０-９Ａ-Ｚａ-ｚ]")
_HALF_TABLE = str.maketrans(_HALF_WIDTH)
_ANY_ASCII_PUNCT = re.compile("[,;:?!()]")
# The marks inside a full-width number follow its digits to half width (３．５％ -> 3.5%, not
# 3．5％); a comma only as a thousands separator (１２，３４５), since 第３，５条 lists two numbers.
_NUMBER_MARK = re.compile("(?<=[0-9])(?:[．：／－](?=[0-9])|，(?=[0-9]{3}(?![0-9]))|％)")
# An ideographic space between two words made half-width (Ｗｉｎｄｏｗｓ　ＸＰ).
_WIDE_SPACE = re.compile("(?<=[0-9A-Za-z])\u3000(?=[0-9A-Za-z])")


def _pair(match: re.Match[str]) -> str:
    start, end = match.span()
    line = match.string
    before = line[start - 1] if start else ""
    after = line[end] if end < len(line) else ""
    # Chinese inside and Chinese (or punctuation) just outside: a Chinese aside, not code.
    if re.match(f"[{_HAN}，。、；：“”]", before) or re.match(f"[{_HAN}，。、；：“”]", after):
        return f"（{match.group(1)}）"
    return match.group()


def fix_line(line: str) -> tuple[str, list[str]]:
    reasons = []
    if _ANY_ASCII_PUNCT.search(line):
        fixed = _PAIR.sub(_pair, line)
        fixed = _LONE_OPEN.sub("（", fixed)
        fixed = _LONE_CLOSE.sub(lambda m: m.group() if "(" in m.string[: m.start()] else "）", fixed)
        fixed = _BETWEEN.sub(lambda m: _FULL_WIDTH[m.group(1)], fixed)
        fixed = _ENDING.sub(lambda m: _FULL_WIDTH[m.group(1)], fixed)
        if fixed != line:
            reasons.append("ASCII punctuation inside Chinese made full-width")
            line = fixed
    if _FULL_WIDTH_ALNUM.search(line):
        line = line.translate(_HALF_TABLE)
        reasons.append("full-width letters and digits made half-width")
        line, marks = _NUMBER_MARK.subn(lambda m: chr(ord(m.group()) - 0xFEE0), line)
        if marks:
            reasons.append(f"{marks} mark(s) inside such numbers (．％，) made half-width too")
        line, spaces = _WIDE_SPACE.subn(" ", line)
        if spaces:
            reasons.append(f"{spaces} ideographic space(s) between such words made ASCII")
    return line, reasons


class PunctuationStep(Step):
    name = "punctuation"
    description = "ASCII , ; : ? ! ( ) inside Chinese prose -> full-width; full-width letters/digits -> half-width (numbers, times, URLs, code kept)"
    style = True

    def __init__(self, mode: str = "cjk"):
        self.mode = mode

    @classmethod
    def from_options(cls, options) -> "PunctuationStep":
        return cls(options.punctuation)

    def apply(self, text: str) -> StepOutput:
        if self.mode == "keep":
            return StepOutput(text)
        if not _ANY_ASCII_PUNCT.search(text) and not _FULL_WIDTH_ALNUM.search(text):
            return StepOutput(text)

        def fix(number: int, line: str):
            fixed, reasons = fix_line(line)
            if fixed == line:
                return None
            return fixed, "replace", "; ".join(reasons)

        return edit_lines(text, self.name, fix)
