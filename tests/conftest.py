from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
ORIGINALS = Path(__file__).resolve().parent / "data" / "originals"
SHARED = ROOT.parent / "shared"


def original(name: str) -> str:
    return (ORIGINALS / name).read_text(encoding="utf-8")


@pytest.fixture
def seeds() -> Path:
    folder = SHARED / "seeds"
    if not folder.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    return folder
