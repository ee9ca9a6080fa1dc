"""Reports rendered from a :class:`~cleaner.core.CleanResult`: unified diff, JSON, HTML.

>>> from cleaner import clean_text
>>> r = clean_text("一\\n二  \\n", script="keep", punctuation="keep")
>>> print(unified_diff(r, "a.txt"), end="")
--- a/a.txt
+++ b/a.txt
@@ -1,2 +1,2 @@
 一
-二  
+二
"""

from __future__ import annotations

import difflib
import html
import json
from typing import Any

from .core import CleanResult

REPORT_FORMATS = ("diff", "json", "html")


def unified_diff(result: CleanResult, name: str) -> str:
    """Original (decoded) text against the clean text, as a unified diff."""
    before = result.original.splitlines(keepends=True)
    after = result.text.splitlines(keepends=True)
    lines = list(difflib.unified_diff(before, after, f"a/{name}", f"b/{name}"))
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def report_dict(result: CleanResult, name: str) -> dict[str, Any]:
    return {"file": name, **result.to_dict()}


def json_report(result: CleanResult, name: str) -> str:
    return json.dumps(report_dict(result, name), ensure_ascii=False, indent=2) + "\n"


_HTML_STYLE = """
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;width:100%;margin-bottom:2em}
td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left;font-size:14px}
th{background:#f3f3f3} .before{background:#fee} .after{background:#efe}
.meta{color:#555} code{white-space:pre-wrap;word-break:break-all}
"""


def html_report(result: CleanResult, name: str) -> str:
    """A standalone HTML page: summary, metadata, every change and finding."""
    esc = html.escape
    rows = "".join(
        f"<tr><td>{esc(c.step)}</td><td>{esc(c.kind)}</td><td>{c.line or 'doc'}</td>"
        f"<td class=before><code>{esc(c.before)}</code></td><td class=after><code>{esc(c.after)}</code></td>"
        f"<td>{esc(c.reason)}</td></tr>"
        for c in result.changes
    )
    findings = "".join(
        f"<tr><td>{esc(f.step)}</td><td>{esc(f.kind)}</td><td>{f.line or 'doc'}</td>"
        f"<td><code>{esc(f.text)}</code></td><td><code>{esc(json.dumps(dict(f.detail), ensure_ascii=False))}</code></td></tr>"
        for f in result.findings
    )
    meta = "".join(f"<li>{esc(k)}: {esc(str(v))}</li>" for k, v in result.metadata.items())
    encoding = esc(result.encoding or "text")
    return (
        "<!doctype html><html lang=zh><head><meta charset=utf-8>"
        f"<title>cleaner report: {esc(name)}</title><style>{_HTML_STYLE}</style></head><body>"
        f"<h1>{esc(name)}</h1><p class=meta>encoding: {encoding} · changes: {len(result.changes)}"
        f" · findings: {len(result.findings)} · steps: {esc(', '.join(result.steps))}</p>"
        + (f"<h2>Metadata</h2><ul>{meta}</ul>" if meta else "")
        + "<h2>Changes</h2><table><tr><th>step</th><th>kind</th><th>line</th><th>before</th><th>after</th>"
        f"<th>reason</th></tr>{rows}</table>"
        + (f"<h2>Findings</h2><table><tr><th>step</th><th>kind</th><th>line</th><th>text</th><th>detail</th></tr>"
           f"{findings}</table>" if findings else "")
        + "</body></html>\n"
    )


def render(result: CleanResult, name: str, fmt: str) -> str:
    return {"diff": unified_diff, "json": json_report, "html": html_report}[fmt](result, name)


#: File suffix each report format is written with, next to the clean file.
REPORT_SUFFIX = {"diff": ".diff", "json": ".report.json", "html": ".report.html"}
