"""The README documents every step and hook, and carries the two commands CI runs."""

from __future__ import annotations

import re

import cleaner

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_step_is_in_the_chain_table():
    for name, _, _ in cleaner.describe():
        assert re.search(rf"^\| `{name}` \|", README, re.M), f"step {name} missing from README"


def test_every_hook_is_documented():
    hooks = re.findall(r"^- id: (\S+)", (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"), re.M)
    assert hooks
    for hook in hooks:
        assert hook in README


def test_two_commands_first_cleans_fixtures_second_runs_tests():
    blocks = re.findall(r"^```sh\n(.*?)^```", README, re.M | re.S)
    assert "cleaner clean fixtures" in blocks[0]
    assert "[test]" in blocks[1] and "pytest" in blocks[1]
