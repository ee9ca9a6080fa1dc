"""boilerplate: placeholder until its issue lands; it passes text through unchanged."""

from __future__ import annotations

from ..core import Step, StepOutput


class BoilerplateStep(Step):
    name = "boilerplate"
    description = "web page chrome and article metadata (not built yet: passes text through)"
    style = False

    def apply(self, text: str) -> StepOutput:
        return StepOutput(text)
