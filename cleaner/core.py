"""The chain's vocabulary: a step, the changes it made, what it noticed, and the result.

Everything else in the package is either a step (``cleaner/steps/``) or a front-end that
feeds the chain and renders its result (CLI, pre-commit hook, batch runners, reports).

>>> out = edit_lines("a \\nb", "demo", lambda n, line: (line.rstrip(), "strip", "trailing blank"))
>>> out.text, [c.line for c in out.changes]
('a\\nb', [1])
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any, Callable, ClassVar, Iterable, Mapping, NamedTuple, Sequence

#: ``Change.line`` for a change that concerns the whole document (an encoding, line endings).
WHOLE_DOCUMENT = 0


class Change(NamedTuple):
    """One edit a step made, in terms a person can check.

    ``line`` is 1-based in the text the step received (``WHOLE_DOCUMENT`` for document-wide
    edits); ``before``/``after`` are the line (or span) before and after; a deleted line has
    ``after == ""`` and ``kind == "delete"``.
    """

    step: str
    kind: str
    line: int
    before: str
    after: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return self._asdict()


class Finding(NamedTuple):
    """Something a step noticed but did not (or could not) change: a suspected spam line
    it was told only to report, an unrecoverable ``锟斤拷`` run, an article's source.

    >>> Finding("spam", "suspect", 3, "188bet", {"score": 0.9}).to_dict()["line"]
    3
    """

    step: str
    kind: str
    line: int
    text: str
    detail: Mapping[str, Any]

    def to_dict(self) -> dict[str, Any]:
        d = self._asdict()
        d["detail"] = dict(self.detail)
        return d


class StepOutput(NamedTuple):
    text: str
    changes: tuple[Change, ...] = ()
    findings: tuple[Finding, ...] = ()


class Step:
    """A stage of the chain: a name, a one-line description, and a pure ``apply``.

    Steps know nothing of files, the CLI or engines. A *style* step rewrites correct text
    into a house style (script, punctuation); with style steps off, clean text must come
    back byte-identical.
    """

    name: ClassVar[str]
    description: ClassVar[str]
    style: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Any) -> "Step":
        """Build the step from :class:`cleaner.options.Options` (most steps take none)."""
        return cls()

    def apply(self, text: str) -> StepOutput:  # pragma: no cover - interface
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<step {self.name}>"


def edit_lines(
    text: str,
    step: str,
    fix: Callable[[int, str], Any],
    lines: Sequence[str] | None = None,
) -> StepOutput:
    """Run ``fix(line_number, line)`` over each line (without its newline) and rebuild the
    text, recording a :class:`Change` for every line that changed or went away.

    ``fix`` returns ``None`` to keep the line, else ``(new_line, kind, reason)`` where
    ``new_line`` is ``None`` to delete the line.

    A deleted line takes its newline with it, so deleting never leaves a blank hole.
    """
    if lines is None:
        lines = text.split("\n")
    out: list[str] = []
    changes: list[Change] = []
    for number, line in enumerate(lines, 1):
        verdict = fix(number, line)
        if verdict is None:
            out.append(line)
            continue
        new, kind, reason = verdict
        if new is None:
            changes.append(Change(step, kind or "delete", number, line, "", reason))
            continue
        if new != line:
            changes.append(Change(step, kind, number, line, new, reason))
        out.append(new)
    if not changes:
        return StepOutput(text)
    new_text = "\n".join(out)
    if text.endswith("\n") and not new_text.endswith("\n") and out:
        # The last line was deleted: keep the document's final newline.
        new_text += "\n"
    return StepOutput(new_text, tuple(changes))


def orphan_blank(kept: list[str], line: str, after_deletion: bool) -> bool:
    """Is ``line`` a blank line that a deletion just above left leading or doubled?

    Steps that delete lines drop such blanks too (recording them), so that removing a
    paragraph does not leave a hole.

    >>> orphan_blank([], "", True), orphan_blank(["正文"], "", True), orphan_blank([""], "", True)
    (True, False, True)
    """
    return after_deletion and not line.strip() and (not kept or not kept[-1].strip())


BLANK_REASON = "blank line left by the removal above"


def edge_lines(lines: Sequence[str], head: int, tail: int) -> tuple[list[int], list[int]]:
    """Indexes of the first ``head`` and last ``tail`` non-blank lines, found from both ends
    without walking the whole document.

    >>> edge_lines(["", "a", "b", "", "c"], 2, 1)
    ([1, 2], [4])
    """
    first = []
    for i, line in enumerate(lines):
        if line.strip():
            first.append(i)
            if len(first) == head:
                break
    last = []
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].strip():
            last.append(i)
            if len(last) == tail:
                break
    return first, last[::-1]


@dataclass(frozen=True)
class CleanResult:
    """What cleaning one document produced. Every report is rendered from this object."""

    text: str
    original: str
    changes: tuple[Change, ...] = ()
    findings: tuple[Finding, ...] = ()
    encoding: str | None = None
    decode: Mapping[str, Any] | None = None
    steps: tuple[str, ...] = ()
    seconds: Mapping[str, float] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        """True when the output differs from the input (text or, for bytes, its encoding)."""
        return bool(self.changes)

    @property
    def metadata(self) -> dict[str, str]:
        """Article fields that steps lifted out of the text (source, published, author...)."""
        fields: dict[str, str] = {}
        for finding in self.findings:
            if finding.kind == "metadata":
                for key, value in finding.detail.items():
                    fields.setdefault(key, value)
        return fields

    def output(self) -> bytes:
        """The clean text as UTF-8 bytes, ready to write."""
        return self.text.encode("utf-8")

    def to_dict(self) -> dict[str, Any]:
        return {
            "changed": self.changed,
            "encoding": self.encoding,
            "decode": dict(self.decode) if self.decode else None,
            "steps": list(self.steps),
            "metadata": self.metadata,
            "changes": [c.to_dict() for c in self.changes],
            "findings": [f.to_dict() for f in self.findings],
        }

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)


class Chain:
    """An ordered list of text steps, run one after another.

    >>> Chain([]).run("x").text
    'x'
    """

    def __init__(self, steps: Iterable[Step]):
        self.steps: tuple[Step, ...] = tuple(steps)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(step.name for step in self.steps)

    def run(self, text: str) -> "ChainOutput":
        changes: list[Change] = []
        findings: list[Finding] = []
        seconds: dict[str, float] = {}
        for step in self.steps:
            started = time.perf_counter()
            out = step.apply(text)
            seconds[step.name] = time.perf_counter() - started
            changes.extend(out.changes)
            findings.extend(out.findings)
            text = out.text
        return ChainOutput(text, tuple(changes), tuple(findings), seconds)


class ChainOutput(NamedTuple):
    text: str
    changes: tuple[Change, ...]
    findings: tuple[Finding, ...]
    seconds: dict[str, float]
