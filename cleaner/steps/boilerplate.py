"""boilerplate: remove web page chrome from plain text and lift article metadata out of it.

Lines are classified as body, chrome or metadata from the UI vocabulary
(``data/boilerplate_lexicon.tsv``), the line's shape (short, no sentence punctuation,
separators such as ``|`` ``>`` ``【】``), its position (header and footer zones) and, in batch
mode, lines that recur across many files of one site. Metadata lines (``来源:``, ``发布时间``,
``作者``, ``责任编辑``, ``浏览次数``) are parsed into fields for the report and removed from the
body (``metadata = "keep"`` leaves them). Titles, headings, datelines, poems, lists and table
rows have no chrome vocabulary and stay; a line that is only partly chrome stays and is
reported.

>>> out = BoilerplateStep().apply("图片\\n无障碍浏览 长者模式\\n标题\\n来源: 昆明日报   2023-05-08 10:31   字号: [   ]\\n正文。\\n")
>>> out.text
'标题\\n正文。\\n'
>>> [f.detail for f in out.findings if f.kind == "metadata"]
[{'source': '昆明日报', 'published': '2023-05-08 10:31'}]
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Mapping

from ..core import BLANK_REASON, Change, Finding, Step, StepOutput, edge_lines, orphan_blank
from ..patterns import trie_pattern
from ..resources import data_pairs

# Characters that carry no content in a chrome line.
_FILLER = re.compile(r"[\s|｜>›»/\\【】\[\]()（）:：·•,，、\-—_=*#]+")
_SENTENCE = re.compile(r"[。！？!?；;]")
_BREADCRUMB = re.compile(r"^\s*(?:您现在的位置|您的位置|当前位置|位置|所在位置)?\s*[:：]?\s*首页\s*[>›»/＞]")
_CRUMB_ITEMS = re.compile(r"^[^。！？，,]{1,12}(?:\s*[>›»＞]\s*[^。！？，,]{1,12}){2,}$")
_NAV_PREFIX = re.compile(r"^(?:上一篇|下一篇|上一条|下一条|上一页|下一页|相关链接|相关新闻|相关阅读|推荐阅读|延伸阅读)\s*[:：]?")
_FOOTER_MARK = re.compile(r"©|\(c\)|ICP[备证]|[京沪粤津渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘桂琼川贵云藏陕甘青宁新]ICP|公网安备|备案号", re.I)

_LABELS = {
    "source": r"来源|稿源|出处|信息来源|文章来源",
    "published": r"发布时间|发布日期|发表时间|时间|日期|更新时间",
    "author": r"作者|记者|撰稿|文",
    "editor": r"责任编辑|责编|编辑|审核|校对",
    "views": r"浏览次数|浏览量|阅读次数|阅读量|阅读|点击数|点击量|点击|访问量",
}
# A label starts a field: at the line's start or after a blank or punctuation, never inside
# a word (付款时间, 散文).
_FIELD = re.compile(
    r"(?<![\u4e00-\u9fffA-Za-z])(" + "|".join(f"(?P<{k}>{v})" for k, v in _LABELS.items()) + r")\s*[:：]\s*"
)
_DATETIME = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")
_WIDGET_TAIL = re.compile(r"\s*(?:字号|字体)\s*[:：]?\s*[\[【(（]?[\s大中小]*[\]】)）]?.*$")


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, str]:
    return dict(data_pairs("boilerplate_lexicon.tsv"))


def parse_metadata(line: str) -> dict[str, str]:
    """The article fields a metadata line carries.

    >>> parse_metadata("发布时间：2024-10-12 09:15　来源：河湾日报　责任编辑：李明")
    {'source': '河湾日报', 'published': '2024-10-12 09:15', 'editor': '李明'}
    """
    fields: dict[str, str] = {}
    text = _WIDGET_TAIL.sub("", line)
    matches = list(_FIELD.finditer(text))
    for i, match in enumerate(matches):
        key = next(k for k in _LABELS if match.group(k))
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        value = text[match.end() : end]
        value = re.split(r"\s{2,}|\u3000|\t|[【】\[\]]", value.strip())[0].strip(" ,，|｜")
        if key != "published":
            dated = _DATETIME.search(text, match.end(), end)
            if dated and dated.start() > match.end() + len(value) - 1:
                fields.setdefault("published", dated.group())
        if value:
            fields.setdefault(key, value)
    if "published" not in fields:
        dated = _DATETIME.search(text)
        if dated:
            fields["published"] = dated.group()
    return {key: fields[key] for key in _LABELS if key in fields}


def _is_metadata(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > 90 or _SENTENCE.search(stripped):
        return False
    labels = _FIELD.findall(stripped)
    if not labels:
        return False
    # One label and little else, or several labels / a timestamp: a byline block.
    rest = _FIELD.sub("", stripped)
    return len(labels) >= 2 or bool(_DATETIME.search(stripped)) or len(rest) <= 20


class BoilerplateStep(Step):
    name = "boilerplate"
    description = "web page chrome (toolbars, breadcrumbs, share widgets, footers, lone captions) removed; article metadata lifted into the report"

    def __init__(self, metadata: str = "strip", extra_terms: Mapping[str, str] | Iterable[str] = (),
                 repeated_lines: Iterable[str] = ()):
        self.keep_metadata = metadata == "keep"
        terms = dict(_lexicon())
        extra = extra_terms.items() if isinstance(extra_terms, Mapping) else ((t, "ui") for t in extra_terms)
        terms.update(extra)
        self.kinds = terms
        self.pattern = trie_pattern(terms)
        self.repeated = frozenset(line.strip() for line in repeated_lines)

    @classmethod
    def from_options(cls, options) -> "BoilerplateStep":
        own = options.for_step(cls.name)
        return cls(
            metadata=own.get("metadata", "strip"),
            extra_terms=own.get("extra_terms", ()),
            repeated_lines=own.get("repeated_lines", ()),
        )

    def apply(self, text: str) -> StepOutput:
        lines = text.split("\n")
        first, last = edge_lines(lines, 8, 8)
        if not first:
            return StepOutput(text)
        header, footer = set(first), set(last)
        changes: list[Change] = []
        findings: list[Finding] = []
        out: list[str] = []
        deleted_above = False
        for index, line in enumerate(lines):
            number = index + 1
            if orphan_blank(out, line, deleted_above):
                changes.append(Change(self.name, "delete", number, line, "", BLANK_REASON))
                continue
            deleted_above = False
            verdict = self.classify(line, index in header, index in footer)
            if verdict is None:
                out.append(line)
                continue
            kind, reason, detail = verdict
            if kind == "metadata":
                findings.append(Finding(self.name, "metadata", number, line, detail))
                if self.keep_metadata:
                    out.append(line)
                    continue
            if kind == "suspect":
                findings.append(Finding(self.name, "suspect", number, line, detail))
                out.append(line)
                continue
            changes.append(Change(self.name, "delete", number, line, "", reason))
            deleted_above = True
        if not changes and not findings:
            return StepOutput(text)
        new = "\n".join(out)
        if text.endswith("\n") and not new.endswith("\n"):
            new += "\n"
        return StepOutput(new, tuple(changes), tuple(findings))

    def classify(self, line: str, in_header: bool = False, in_footer: bool = False):
        """None for body; else (kind, reason, detail) with kind metadata, chrome or suspect."""
        stripped = line.strip()
        if not stripped:
            return None
        if stripped in self.repeated:
            return "chrome", "line repeated across many pages of the batch (site chrome)", {}
        if _is_metadata(stripped):
            fields = parse_metadata(stripped)
            if fields:
                widget = " and font-size widget" if _WIDGET_TAIL.search(stripped) else ""
                shown = ", ".join(f"{k}={v}" for k, v in fields.items())
                return "metadata", f"article metadata{widget} ({shown}) moved to the report", fields
        if _NAV_PREFIX.match(stripped) and not _SENTENCE.search(stripped[:-1]):
            return "chrome", "previous/next or related-links navigation", {}
        if _BREADCRUMB.search(stripped) or (len(stripped) <= 60 and _CRUMB_ITEMS.match(stripped)
                                            and self.pattern.search(stripped)):
            return "chrome", "breadcrumb navigation", {}
        hits = list(self.pattern.finditer(stripped))
        if not hits and not _FOOTER_MARK.search(stripped):
            return None
        has_sentence = bool(_SENTENCE.search(stripped))
        kinds = {self.kinds[m.group()] for m in hits}
        if (_FOOTER_MARK.search(stripped) or "footer" in kinds) and len(stripped) <= 100 and \
                (not has_sentence or _FOOTER_MARK.search(stripped)) and (in_footer or _FOOTER_MARK.search(stripped)):
            return "chrome", "copyright/registration footer", {}
        body = _FILLER.sub("", stripped)
        if not body:
            return None
        covered = sum(len(m.group()) for m in hits)
        share = covered / len(body)
        if len(stripped) <= 40 and not has_sentence:
            if share >= 0.6:
                what = "share widget" if "share" in kinds else "related-links heading" if "related" in kinds else "page UI"
                return "chrome", f"{what} ({', '.join(dict.fromkeys(m.group() for m in hits))})", {}
            if share >= 0.3 and (in_header or in_footer):
                return "suspect", "", {"chrome_share": round(share, 2)}
        return None


def repeated_lines(documents: Iterable[str], min_share: float = 0.3, min_count: int = 3) -> set[str]:
    """Short lines that recur in many documents of one batch: a site's chrome.

    >>> pages = ["标题%d\\n本站首页 | 新闻 | 联系\\n正文%d。" % (i, i) for i in range(5)]
    >>> sorted(repeated_lines(pages))
    ['本站首页 | 新闻 | 联系']
    """
    counts: dict[str, int] = {}
    total = 0
    for text in documents:
        total += 1
        seen = {line.strip() for line in text.split("\n") if 0 < len(line.strip()) <= 60}
        for line in seen:
            counts[line] = counts.get(line, 0) + 1
    needed = max(min_count, int(total * min_share + 0.999))
    return {line for line, n in counts.items() if n >= needed and not _SENTENCE.search(line)}
