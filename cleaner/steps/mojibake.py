"""mojibake: placeholder until its issue lands; it passes text through unchanged."""

from __future__ import annotations

from ..core import Step, StepOutput


class MojibakeStep(Step):
    name = "mojibake"
    description = "CJK mojibake repair (not built yet: passes text through)"
    style = False

    def apply(self, text: str) -> StepOutput:
        return StepOutput(text)
