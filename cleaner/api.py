"""The library API: ``Cleaner`` and the one-shot ``clean_text`` / ``clean_bytes``.

>>> r = clean_text("中文，正文。\\u200b", script="keep", punctuation="keep")
>>> r.text, r.changed, r.changes[0].step
('中文，正文。', True, 'unicode')
>>> clean_bytes("简体中文的文本".encode("gbk")).encoding
'gb18030'
"""

from __future__ import annotations

from typing import Any

from .core import WHOLE_DOCUMENT, Change, CleanResult
from .options import Options
from .steps import build_chain
from .steps.decode import Decoded, decode


class InputError(ValueError):
    """The input is not text this toolkit can clean (binary, say). The message says why."""


class Cleaner:
    """A configured chain, reusable across documents (setup is paid once).

    >>> c = Cleaner(script="keep", punctuation="keep")
    >>> c.clean_text("干净的文本。").changed
    False
    """

    def __init__(
        self,
        script: str = "auto",
        punctuation: str = "cjk",
        disable: tuple[str, ...] | list[str] = (),
        encoding: str | None = None,
        steps: dict[str, dict[str, Any]] | None = None,
        options: Options | None = None,
    ):
        if options is None:
            options = Options(script=script, punctuation=punctuation, disable=tuple(disable),
                              encoding=encoding, steps=steps or {})
        self.options = options
        self.chain = build_chain(options)

    @property
    def step_names(self) -> tuple[str, ...]:
        return ("decode",) + self.chain.names

    def clean_text(self, text: str) -> CleanResult:
        out = self.chain.run(text)
        return CleanResult(
            text=out.text, original=text, changes=out.changes, findings=out.findings,
            steps=self.chain.names, seconds=out.seconds,
        )

    def decode(self, data: bytes) -> Decoded:
        return decode(data, self.options.encoding)

    def clean_bytes(self, data: bytes) -> CleanResult:
        """Decode ``data`` (detecting its encoding unless one was given) and clean it.

        Raises :class:`InputError` for binary input; never for undecodable bytes, which
        become U+FFFD and are reported.
        """
        decoded = self.decode(data)
        if decoded.binary:
            raise InputError(f"binary file ({decoded.binary}), skipped")
        result = self.clean_text(decoded.text)
        changes = _decode_changes(decoded) + result.changes
        return CleanResult(
            text=result.text, original=decoded.text, changes=changes, findings=result.findings,
            encoding=decoded.encoding, decode=decoded.to_dict(), steps=("decode",) + result.steps,
            seconds=result.seconds,
        )


def _decode_changes(decoded: Decoded) -> tuple[Change, ...]:
    changes = []
    if decoded.bom:
        changes.append(Change("decode", "bom", WHOLE_DOCUMENT, decoded.encoding + " BOM", "",
                              "byte-order mark removed; output is UTF-8 without BOM"))
    if decoded.encoding not in ("utf-8", "ascii"):
        changes.append(Change("decode", "encoding", WHOLE_DOCUMENT, decoded.encoding, "utf-8",
                              f"decoded from {decoded.encoding} (confidence {decoded.confidence:.2f}, "
                              f"runner-up {decoded.runner_up}); written as UTF-8"))
    if decoded.lossy_offsets:
        shown = ", ".join(str(o) for o in decoded.lossy_offsets[:10])
        more = "..." if len(decoded.lossy_offsets) > 10 else ""
        changes.append(Change("decode", "lossy", WHOLE_DOCUMENT, f"{len(decoded.lossy_offsets)} bytes", "\ufffd",
                              f"undecodable bytes replaced with U+FFFD at byte offsets {shown}{more}"))
    return tuple(changes)


def clean_text(text: str, **options: Any) -> CleanResult:
    """Clean one text with a one-off :class:`Cleaner` (see its arguments)."""
    return Cleaner(**options).clean_text(text)


def clean_bytes(data: bytes, **options: Any) -> CleanResult:
    """Decode and clean one document's bytes with a one-off :class:`Cleaner`."""
    return Cleaner(**options).clean_bytes(data)
