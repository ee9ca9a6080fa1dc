"""The pre-commit hook, table-driven like pre-commit-hooks' own tests."""

from __future__ import annotations

import pytest

from cleaner.hooks import main

TESTS = (
    # (input bytes, exit code, file content afterwards)
    ("干净的中文。\n".encode(), 0, "干净的中文。\n".encode()),
    ("中文\u200b\n".encode(), 1, "中文\n".encode()),
    ("简体的中文".encode("gbk"), 1, "简体的中文".encode()),
    (b"", 0, b""),
)


@pytest.mark.parametrize("content, code, after", TESTS)
def test_fix(tmp_path, content, code, after):
    path = tmp_path / "doc.txt"
    path.write_bytes(content)
    assert main([str(path), "--script", "keep", "--punctuation", "keep"]) == code
    assert path.read_bytes() == after


@pytest.mark.parametrize("content, code, _after", TESTS)
def test_check_writes_nothing(tmp_path, content, code, _after, capsys):
    path = tmp_path / "doc.txt"
    path.write_bytes(content)
    assert main(["--check", str(path), "--script", "keep", "--punctuation", "keep"]) == code
    assert path.read_bytes() == content
    if code:
        assert "would be cleaned" in capsys.readouterr().out


def test_unreadable_file_fails(tmp_path):
    assert main([str(tmp_path / "missing.txt")]) == 1


def test_bad_option_is_usage_error(tmp_path):
    with pytest.raises(SystemExit) as exc:
        main(["--disable", "nonsense", str(tmp_path)])
    assert exc.value.code == 2
