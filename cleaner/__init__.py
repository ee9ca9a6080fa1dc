"""cleaner: turn scraped, damaged (mostly Chinese) text into clean UTF-8, and say what changed.

>>> import cleaner
>>> cleaner.clean_text("正文\\u200b。", script="keep", punctuation="keep").text
'正文。'
"""

from .api import Cleaner, InputError, clean_bytes, clean_text
from .core import Change, CleanResult, Finding, Step, StepOutput
from .options import Options, OptionsError
from .steps import STEP_NAMES, describe

__version__ = "0.1.0"

__all__ = [
    "Change",
    "CleanResult",
    "Cleaner",
    "Finding",
    "InputError",
    "Options",
    "OptionsError",
    "STEP_NAMES",
    "Step",
    "StepOutput",
    "clean_bytes",
    "clean_text",
    "describe",
]
