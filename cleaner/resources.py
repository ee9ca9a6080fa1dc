"""Loading package data (``cleaner/data/``): tables and lexicons live in files, not in code.

>>> any(line.startswith("的") for line in data_lines("han_freq.tsv"))
True
"""

from __future__ import annotations

import json
from functools import lru_cache
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


def data_pairs(name: str) -> Iterator[tuple[str, str]]:
    """``(key, value)`` for each ``key<TAB>value`` line of a data file.

    >>> next(data_pairs("han_freq.tsv"))[0]
    '一'
    """
    for line in data_lines(name):
        key, _, value = line.partition("\t")
        yield key, value.strip()


@lru_cache(maxsize=4)
def opencc_chars(name: str) -> dict[str, tuple[str, ...]]:
    """One of OpenCC's exported character tables: character -> targets, default first.

    >>> opencc_chars("ts_chars.tsv")["國"]
    ('国',)
    """
    return {key: tuple(value.split(" ")) for key, value in data_pairs(name)}
