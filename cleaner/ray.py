"""Ray Data adapter, for a corpus that outgrows one machine (``pip install 'cleaner[ray]'``).

Ray is imported only when a dataset is cleaned. Each worker builds one :class:`Cleaner` and
maps it over batches; the dataset keeps its columns, the text column is replaced and a
``cleaner`` column (JSON summary: changed, changes per step, metadata) is added.

>>> clean_batch({"text": ["正文\\u200b", "干净。"], "id": [1, 2]}, Cleaner(script="keep", punctuation="keep"))["text"]
['正文', '干净。']
"""

from __future__ import annotations

import json
from typing import Any

from .api import Cleaner
from .corpus import summary


def clean_batch(batch: dict[str, list], cleaner: Cleaner, text_column: str = "text") -> dict[str, list]:
    """Clean one batch given as columns (Ray's ``batch_format="default"`` for dict batches)."""
    texts, summaries = [], []
    for value in list(batch[text_column]):
        if isinstance(value, str):
            result = cleaner.clean_text(value)
            texts.append(result.text)
            summaries.append(json.dumps(summary(result), ensure_ascii=False))
        else:
            texts.append(value)
            summaries.append(None)
    out = dict(batch)
    out[text_column] = texts
    out["cleaner"] = summaries
    return out


class _CleanBatches:
    """A callable class, so Ray builds the Cleaner once per worker rather than per batch."""

    def __init__(self, text_column: str, options: dict[str, Any]):
        self.text_column = text_column
        self.cleaner = Cleaner(**options)

    def __call__(self, batch: dict[str, list]) -> dict[str, list]:
        return clean_batch(batch, self.cleaner, self.text_column)


def clean_dataset(dataset: Any, text_column: str = "text", concurrency: int | None = None, **options: Any) -> Any:
    """``ray.data.Dataset`` -> cleaned ``Dataset`` (lazy, like every Ray Data transform)."""
    import ray  # noqa: F401  - fail early with Ray's own message if it is missing

    return dataset.map_batches(
        _CleanBatches,
        fn_constructor_kwargs={"text_column": text_column, "options": options},
        batch_format="default",
        concurrency=concurrency or 2,
    )
