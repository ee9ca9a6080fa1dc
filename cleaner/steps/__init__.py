"""The chain's steps, in the order they run.

Order matters: CJK mojibake repair runs before ftfy (ftfy's own fixes break the exact inverse
of GBK-read-as-Latin-1); pinyin repair needs the original script's byte evidence, so it runs
before script conversion; style steps (script, punctuation) run last.
"""

from __future__ import annotations

from ..core import Chain, Step
from ..options import Options, OptionsError
from . import decode
from .boilerplate import BoilerplateStep
from .mojibake import MojibakeStep
from .pinyin import PinyinStep
from .punctuation import PunctuationStep
from .script import ScriptStep
from .spam import SpamStep
from .unicode import UnicodeStep

TEXT_STEPS: tuple[type[Step], ...] = (
    MojibakeStep,
    UnicodeStep,
    PinyinStep,
    SpamStep,
    BoilerplateStep,
    ScriptStep,
    PunctuationStep,
)

STEP_NAMES: tuple[str, ...] = (decode.NAME,) + tuple(cls.name for cls in TEXT_STEPS)


def describe() -> list[tuple[str, str, bool]]:
    """(name, description, is_style) for every step, in chain order."""
    return [(decode.NAME, decode.DESCRIPTION, False)] + [
        (cls.name, cls.description, cls.style) for cls in TEXT_STEPS
    ]


def build_chain(options: Options) -> Chain:
    unknown = set(options.disable) - set(STEP_NAMES)
    if unknown:
        raise OptionsError(f"unknown step(s) to disable: {', '.join(sorted(unknown))} (steps: {', '.join(STEP_NAMES)})")
    if decode.NAME in options.disable:
        raise OptionsError("the decode step cannot be disabled (pass an encoding to skip detection)")
    return Chain(
        cls.from_options(options) for cls in TEXT_STEPS if cls.name not in options.disable
    )
