from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
ORIGINALS = Path(__file__).resolve().parent / "data" / "originals"
SHARED = ROOT.parent / "shared"


def original(name: str) -> str:
    return (ORIGINALS / name).read_text(encoding="utf-8")


def peer_case_file(*parts: str) -> Path:
    """A file of ``../shared/peer-tests``: ftfy's and OpenCC's own test cases, which are their
    projects' words and so are read from beside the checkout (CI puts ../shared there), never
    copied into this repository. Without that folder the tests that need them are skipped."""
    path = SHARED.joinpath("peer-tests", *parts)
    if not path.is_file():
        pytest.skip("../shared/peer-tests (ftfy's and OpenCC's own cases, not copied into this repo) is not beside this checkout")
    return path


@pytest.fixture
def seeds() -> Path:
    folder = SHARED / "seeds"
    if not folder.is_dir():
        pytest.skip("../shared/seeds (the real scraped pages, kept out of this repo) is not beside this checkout")
    return folder
