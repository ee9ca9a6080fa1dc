"""Cleaning on several cores of one machine (the CLI's ``--jobs``), results in input order.

Each worker process gets the parent's :class:`Cleaner` once, when it starts; texts go out in
batches and come back in the order they went in, so the output is byte for byte what one
process writes. Batches keep memory bounded on a corpus of any size. (Past one machine, see
:mod:`cleaner.ray`.)

>>> from cleaner import Cleaner
>>> [r.text for r in clean_texts(Cleaner(), ["正文\\u200b", "好。"], jobs=1)]
['正文', '好。']
"""

from __future__ import annotations

import itertools
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

from .api import Cleaner, InputError
from .core import CleanResult
from .files import BadInput, read_input

#: Texts sent to a worker at a time: enough to pay for the round trip, few enough to share
#: the slow (damaged) documents out evenly.
CHUNK = 4
#: Texts in flight per worker: bounds the memory a huge corpus takes.
BATCH_PER_JOB = 64

_T = TypeVar("_T")
_R = TypeVar("_R")

_cleaner: Cleaner | None = None  # the worker's own, set when it starts


def available_jobs() -> int:
    """The cores this process may use (``--jobs 0``)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _start(cleaner: Cleaner) -> None:
    global _cleaner
    _cleaner = cleaner


def _clean_text(text: str) -> CleanResult:
    assert _cleaner is not None
    return _cleaner.clean_text(text)


def _file_result(cleaner: Cleaner, path: Path, max_bytes: int) -> CleanResult | BadInput | InputError:
    """A file's result, or the error that stops it (returned, not raised: one bad file must
    not stop the batch, and the caller reports it in order)."""
    try:
        return cleaner.clean_bytes(read_input(path, max_bytes))
    except (BadInput, InputError) as exc:
        return exc


def _clean_file(job: tuple[Path, int]) -> CleanResult | BadInput | InputError:
    assert _cleaner is not None
    return _file_result(_cleaner, *job)


def _ordered_map(function: Callable[[_T], _R], items: Iterable[_T], cleaner: Cleaner, jobs: int) -> Iterator[_R]:
    # An executor rather than multiprocessing.Pool: if a worker dies (killed for memory, say),
    # the map raises BrokenProcessPool instead of waiting for its results for ever.
    batch = jobs * BATCH_PER_JOB
    with ProcessPoolExecutor(jobs, initializer=_start, initargs=(cleaner,)) as pool:
        iterator = iter(items)
        while chunk := list(itertools.islice(iterator, batch)):
            yield from pool.map(function, chunk, chunksize=CHUNK)


def clean_texts(cleaner: Cleaner, texts: Iterable[str], jobs: int = 1) -> Iterator[CleanResult]:
    """``cleaner.clean_text`` over ``texts`` on ``jobs`` processes, in order."""
    if jobs <= 1:
        return map(cleaner.clean_text, texts)
    return _ordered_map(_clean_text, texts, cleaner, jobs)


def clean_files(cleaner: Cleaner, paths: Sequence[Path], max_bytes: int,
                jobs: int = 1) -> Iterator[CleanResult | BadInput | InputError]:
    """Each file read and cleaned on ``jobs`` processes (no more than there are files: each
    process loads the models' tables), in order: its result, or the error that stopped it."""
    jobs = min(jobs, len(paths))
    if jobs <= 1:
        return (_file_result(cleaner, path, max_bytes) for path in paths)
    return _ordered_map(_clean_file, ((path, max_bytes) for path in paths), cleaner, jobs)
