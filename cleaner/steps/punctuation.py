"""punctuation: placeholder until its issue lands; it passes text through unchanged."""

from __future__ import annotations

from ..core import Step, StepOutput


class PunctuationStep(Step):
    name = "punctuation"
    description = "CJK punctuation (not built yet: passes text through)"
    style = True

    def apply(self, text: str) -> StepOutput:
        return StepOutput(text)
