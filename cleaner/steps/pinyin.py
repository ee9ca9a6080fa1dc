"""pinyin: placeholder until its issue lands; it passes text through unchanged."""

from __future__ import annotations

from ..core import Step, StepOutput


class PinyinStep(Step):
    name = "pinyin"
    description = "pinyin annotations and their byte damage (not built yet: passes text through)"
    style = False

    def apply(self, text: str) -> StepOutput:
        return StepOutput(text)
