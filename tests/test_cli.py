"""The ``cleaner`` command, through click's runner: every command, exit codes, bad inputs."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import main

from conftest import FIXTURES, original


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch folder with a copy of the fixtures, as the current directory."""
    shutil.copytree(FIXTURES, tmp_path / "fixtures")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_clean_writes_clean_files_diffs_and_reports(runner, work):
    result = runner.invoke(main, ["clean", "fixtures", "-o", "out"])
    assert result.exit_code == 0, result.output
    for fixture in sorted((work / "fixtures").iterdir()):
        clean = work / "out" / "fixtures" / fixture.name
        assert clean.is_file()
        clean.read_bytes().decode("utf-8")  # always UTF-8
        assert (clean.parent / (fixture.name + ".diff")).is_file()
        report = json.loads((clean.parent / (fixture.name + ".report.json")).read_text(encoding="utf-8"))
        assert report["file"] == f"fixtures/{fixture.name}"
        for change in report["changes"]:
            assert {"step", "line", "before", "after", "reason"} <= set(change)
    gbk = (work / "out" / "fixtures" / "gbk_news.txt").read_text(encoding="utf-8")
    assert gbk.startswith("河湾县推进秋粮收购工作")
    report = json.loads((work / "out/fixtures/gbk_news.txt.report.json").read_text(encoding="utf-8"))
    assert report["encoding"] == "gb18030"


def test_clean_never_modifies_inputs(runner, work):
    before = {p.name: p.read_bytes() for p in (work / "fixtures").iterdir()}
    runner.invoke(main, ["clean", "fixtures", "-o", "out"])
    assert {p.name: p.read_bytes() for p in (work / "fixtures").iterdir()} == before


def test_diff_shows_original_against_clean(runner, work):
    (work / "a.txt").write_text("第一行\n第二行\u200b\n", encoding="utf-8")
    assert runner.invoke(main, ["clean", "a.txt", "-o", "out"]).exit_code == 0
    diff = (work / "out" / "a.txt.diff").read_text(encoding="utf-8")
    assert "-第二行\u200b\n+第二行\n" in diff
    assert diff.startswith("--- a/a.txt\n+++ b/a.txt\n")


def test_html_report_on_request(runner, work):
    (work / "a.txt").write_text("第二行\u200b\n", encoding="utf-8")
    assert runner.invoke(main, ["clean", "a.txt", "-o", "out", "--report", "html"]).exit_code == 0
    page = (work / "out" / "a.txt.report.html").read_text(encoding="utf-8")
    assert "<table>" in page and "zero-width" in page
    assert not (work / "out" / "a.txt.diff").exists()


def test_outputs_never_escape_the_output_folder(runner, work, tmp_path):
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (outside / "x.txt").write_text("文本\n", encoding="utf-8")
    result = runner.invoke(main, ["clean", str(outside / "x.txt"), "../" + outside.name, "-o", "out"])
    assert result.exit_code == 0, result.output
    assert (work / "out" / "x.txt").is_file()
    assert (work / "out" / outside.name / "x.txt").is_file()
    assert sorted(p.name for p in outside.iterdir()) == ["x.txt"]


def test_check_exit_codes(runner, work):
    assert runner.invoke(main, ["check", "fixtures/clean_news.txt"]).exit_code == 0
    result = runner.invoke(main, ["check", "fixtures/gbk_news.txt"])
    assert result.exit_code == 1
    assert "would change fixtures/gbk_news.txt" in result.output
    assert not (work / "cleaned").exists()


def test_in_place_rewrites_and_exits_1(runner, work):
    target = work / "fixtures" / "gbk_news.txt"
    result = runner.invoke(main, ["clean", "--in-place", str(target)])
    assert result.exit_code == 1
    assert target.read_text(encoding="utf-8") == original("grain_purchase.txt")
    assert runner.invoke(main, ["clean", "--in-place", str(target)]).exit_code == 0


def test_stdin_to_stdout(runner):
    result = runner.invoke(main, ["clean", "-", "--script", "keep", "--punctuation", "keep"],
                           input="中文\u200b\n".encode("gbk", "ignore") + "正文\n".encode("gbk"))
    assert result.exit_code == 0
    assert result.stdout_bytes.decode("utf-8") == "中文\n正文\n"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "empty file"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary file (PNG image)"),
        ("nul.bin", b"abc\x00\x01\x02\x00\xff\xfe\x00\x10" * 50, "binary"),
    ],
)
def test_bad_input_is_one_line_and_batch_goes_on(runner, work, name, content, message):
    (work / name).write_bytes(content)
    result = runner.invoke(main, ["clean", name, "fixtures/clean_news.txt", "-o", "out"])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if name in line]
    assert len(errors) == 1 and message in errors[0]
    assert (work / "out" / "fixtures" / "clean_news.txt").is_file()
    assert not (work / "out" / name).exists()


def test_missing_and_unreadable_inputs(runner, work):
    result = runner.invoke(main, ["check", "nope.txt", "fixtures/clean_news.txt"])
    assert result.exit_code == 2 and "nope.txt: no such file or folder" in result.stderr
    locked = work / "locked.txt"
    locked.write_text("文本", encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who can read any file")
        result = runner.invoke(main, ["check", str(locked)])
        assert result.exit_code == 2 and "permission denied" in result.stderr
    finally:
        locked.chmod(0o644)


def test_truncated_file_is_decoded_and_flagged(runner, work):
    (work / "cut.txt").write_bytes(original("library_opening.txt").encode("utf-8")[:-2])
    result = runner.invoke(main, ["clean", "cut.txt", "-o", "out"])
    assert result.exit_code == 2
    assert "undecodable byte" in result.stderr and "cut.txt" in result.stderr
    assert (work / "out" / "cut.txt").read_text(encoding="utf-8").endswith("\ufffd")


def test_huge_file_refused(runner, work):
    (work / "big.txt").write_text("文" * 1000, encoding="utf-8")
    result = runner.invoke(main, ["check", "big.txt", "--max-bytes", "100"])
    assert result.exit_code == 2 and "too large" in result.stderr


def test_detect_plain_and_json(runner, work):
    result = runner.invoke(main, ["detect", "fixtures/big5_news.txt"])
    assert result.exit_code == 0
    assert "cp950" in result.output and "confidence" in result.output
    result = runner.invoke(main, ["detect", "--json", "fixtures/gbk_news.txt", "fixtures/clean_news.txt"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["encoding"] for r in rows] == ["gb18030", "utf-8"]
    assert rows[0]["runner_up"] and 0.5 < rows[0]["confidence"] <= 1


def test_steps_lists_the_chain(runner):
    result = runner.invoke(main, ["steps"])
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.output.splitlines()]
    assert names[0] == "decode" and "unicode" in names and "punctuation" in names


def test_bad_usage_exits_2(runner, work):
    assert runner.invoke(main, ["clean", "fixtures", "--script", "martian"]).exit_code == 2
    assert runner.invoke(main, ["clean", "fixtures", "--disable", "nonsense"]).exit_code == 2
    assert runner.invoke(main, ["frobnicate"]).exit_code == 2


def test_options_from_config_files(runner, work):
    (work / "a.txt").write_text("中文\u200b\n", encoding="utf-8")
    (work / "pyproject.toml").write_text('[tool.cleaner]\ndisable = ["unicode"]\n', encoding="utf-8")
    assert runner.invoke(main, ["check", "a.txt"]).exit_code == 0
    (work / ".cleaner.toml").write_text('script = "keep"\n', encoding="utf-8")
    assert runner.invoke(main, ["check", "a.txt"]).exit_code == 1  # .cleaner.toml wins
    (work / ".cleaner.toml").write_text('script = "nonsense"\n', encoding="utf-8")
    result = runner.invoke(main, ["check", "a.txt"])
    assert result.exit_code == 2 and "script must be one of" in result.output


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_jobs_write_what_one_job_writes(runner, work):
    # Bad files and records among good ones: errors are reported in the same order too.
    (work / "fixtures" / "empty.txt").write_bytes(b"")
    (work / "fixtures" / "nul.bin").write_bytes(b"abc\x00\x01\x02\x00\xff\xfe\x00\x10" * 50)
    records = [{"id": i, "text": text} for i, text in enumerate(
        (work / "fixtures" / name).read_bytes().decode("utf-8", "replace") for name in sorted(os.listdir(work / "fixtures")))]
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines.insert(3, "not json")
    (work / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    one = runner.invoke(main, ["clean", "fixtures", "corpus.jsonl", "-o", "one"])
    two = runner.invoke(main, ["clean", "fixtures", "corpus.jsonl", "-o", "two", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 2
    assert one.stderr.replace("one/", "two/") == two.stderr
    assert "empty.txt: empty file" in two.stderr and "record 4" in two.stderr
    assert _tree(work / "one") == _tree(work / "two")
    assert len(_tree(work / "two")) > 20


def test_check_on_two_jobs_says_what_one_job_says(runner, work):
    (work / "fixtures" / "empty.txt").write_bytes(b"")
    one = runner.invoke(main, ["check", "fixtures"])
    two = runner.invoke(main, ["check", "fixtures", "-j", "2"])
    assert one.exit_code == two.exit_code == 2
    assert one.stdout == two.stdout and one.stderr == two.stderr
    assert one.stdout.count("would change") == 8


def test_a_dead_worker_is_one_line_and_exit_2(runner, work, monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    import cleaner.cli

    def dying(*args, **kwargs):
        raise BrokenProcessPool("a child process terminated abruptly")
        yield

    monkeypatch.setattr(cleaner.cli, "clean_files", dying)
    for command in (["clean", "fixtures", "-o", "out", "-j", "2"], ["check", "fixtures", "-j", "2"]):
        result = runner.invoke(main, command)
        assert result.exit_code == 2, result.output
        assert len([line for line in result.stderr.splitlines() if "worker process died" in line]) == 1
