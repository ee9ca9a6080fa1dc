"""Loading package data (``cleaner/data/``): tables and lexicons live in files, not in code.

>>> any(line.startswith("的") for line in data_lines("han_freq.tsv"))
True
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, Iterator


def data_text(name: str) -> str:
    return resources.files("cleaner").joinpath("data", name).read_text(encoding="utf-8")


def data_lines(name: str) -> Iterator[str]:
    """Non-empty lines of a data file, without ``#`` comment lines."""
    for line in data_text(name).splitlines():
        if line and not line.startswith("#"):
            yield line


def data_json(name: str) -> Any:
    return json.loads(data_text(name))
