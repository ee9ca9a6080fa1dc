"""Corpus files: JSON Lines and Parquet, one document per record.

Each record's text field is cleaned; the record keeps every other field and gains a
``cleaner`` summary (changed, number of changes per step, article metadata), so corpus tools
can filter on it. Reports hold one entry per record.

>>> import io, json
>>> from cleaner import Cleaner
>>> out = io.StringIO()
>>> stats = clean_jsonl(io.StringIO('{"id": 1, "text": "正文\\\\u200b"}\\n'), out, Cleaner(), "text")
>>> json.loads(out.getvalue())["text"], stats.changed
('正文', 1)
"""

from __future__ import annotations

import json
from collections import deque
from dataclasses import dataclass, field
from typing import IO, Any, Callable, Iterator

from .api import Cleaner
from .core import CleanResult
from .parallel import clean_texts

CORPUS_SUFFIXES = (".jsonl", ".parquet")


@dataclass
class CorpusStats:
    records: int = 0
    changed: int = 0
    errors: list[str] = field(default_factory=list)


def summary(result: CleanResult) -> dict[str, Any]:
    """The per-record summary stored next to the text."""
    steps: dict[str, int] = {}
    for change in result.changes:
        steps[change.step] = steps.get(change.step, 0) + 1
    return {"changed": result.changed, "changes": steps, "metadata": result.metadata}


def clean_jsonl(source: IO[str], target: IO[str], cleaner: Cleaner, text_field: str,
                on_result: Callable[[int, CleanResult], None] | None = None, jobs: int = 1) -> CorpusStats:
    """Clean each record of a JSON Lines ``source`` into ``target``, in order, on ``jobs``
    processes; a record that cannot be cleaned is passed through untouched and counted."""
    stats = CorpusStats()
    # Records read but not yet written, in order: (number, line, record); record is None for a
    # line passed through. The texts of the others are being cleaned meanwhile.
    waiting: deque[tuple[int, str, dict | None]] = deque()

    def texts() -> Iterator[str]:
        for number, line in enumerate(source, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record[text_field]
                if not isinstance(text, str):
                    raise TypeError(f"field {text_field!r} is not a string")
            except (ValueError, KeyError, TypeError) as exc:
                stats.errors.append(f"record {number}: {exc if not isinstance(exc, KeyError) else f'no field {text_field!r}'}")
                waiting.append((number, line, None))
                continue
            waiting.append((number, line, record))
            yield text

    def write_passed_through() -> None:
        while waiting and waiting[0][2] is None:
            line = waiting.popleft()[1]
            target.write(line if line.endswith("\n") else line + "\n")

    for result in clean_texts(cleaner, texts(), jobs):
        write_passed_through()
        number, _, record = waiting.popleft()
        assert record is not None
        record[text_field] = result.text
        record["cleaner"] = summary(result)
        target.write(json.dumps(record, ensure_ascii=False) + "\n")
        stats.records += 1
        stats.changed += result.changed
        if on_result:
            on_result(number, result)
    write_passed_through()
    return stats


def iter_parquet_texts(path: str, text_field: str) -> Iterator[str]:
    table = _pyarrow().parquet.read_table(path, columns=[text_field])
    for value in table.column(text_field).to_pylist():
        yield value if isinstance(value, str) else ""


def clean_parquet(source: str, target: str, cleaner: Cleaner, text_field: str,
                  on_result: Callable[[int, CleanResult], None] | None = None, jobs: int = 1) -> CorpusStats:
    """Clean a Parquet file's text column on ``jobs`` processes; adds a ``cleaner`` column
    (JSON summary)."""
    pa = _pyarrow()
    table = pa.parquet.read_table(source)
    if text_field not in table.column_names:
        raise ValueError(f"no column {text_field!r}")
    stats = CorpusStats()
    texts = table.column(text_field).to_pylist()
    summaries: list[str | None] = [None] * len(texts)
    positions = [i for i, value in enumerate(texts) if isinstance(value, str)]
    # The results first: zip then runs them to their end, which lets the workers go.
    for result, i in zip(clean_texts(cleaner, (texts[i] for i in positions), jobs), positions):
        texts[i] = result.text
        summaries[i] = json.dumps(summary(result), ensure_ascii=False)
        stats.records += 1
        stats.changed += result.changed
        if on_result:
            on_result(i + 1, result)
    index = table.column_names.index(text_field)
    table = table.set_column(index, text_field, pa.array(texts, type=pa.string()))
    if "cleaner" in table.column_names:
        table = table.drop(["cleaner"])
    table = table.append_column("cleaner", pa.array(summaries, type=pa.string()))
    pa.parquet.write_table(table, target)
    return stats


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError as exc:  # pragma: no cover - depends on the extra
        raise RuntimeError("Parquet needs pyarrow: pip install 'cleaner[parquet]'") from exc
    return pyarrow
