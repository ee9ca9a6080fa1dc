"""Corpora: JSON Lines and Parquet through the CLI, and the Ray adapter's batch function."""

from __future__ import annotations

import json
import signal

import pytest
from click.testing import CliRunner

from cleaner import Cleaner
from cleaner.cli import main
from cleaner.corpus import clean_jsonl
from cleaner.ray import clean_batch

RECORDS = [
    {"id": 1, "text": "188bet体育_188体育投注-在线APP官网@\n来源: 河湾日报   2024-10-12 09:15\n正文第一段，内容。\n"},
    {"id": 2, "text": "干净的一篇文章。\n"},
    {"id": 3, "text": "中文\u200b文本\n", "lang": "zh"},
]


def test_jsonl(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS)
                                      + "not json\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", "c.jsonl", "-o", "out"])
    assert result.exit_code == 2 and "record 4" in result.stderr  # the bad record is reported...
    lines = (tmp_path / "out/c.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines[3] == "not json"  # ...and passed through
    rows = [json.loads(line) for line in lines[:3]]
    assert rows[0]["text"] == "正文第一段，内容。\n"
    assert rows[0]["cleaner"]["metadata"] == {"source": "河湾日报", "published": "2024-10-12 09:15"}
    assert rows[0]["cleaner"]["changes"]["spam"] == 1
    assert rows[1]["text"] == RECORDS[1]["text"] and rows[1]["cleaner"]["changed"] is False
    assert rows[2]["lang"] == "zh" and rows[2]["text"] == "中文文本\n"
    report = [json.loads(line) for line in (tmp_path / "out/c.jsonl.report.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["record"] for r in report] == [1, 3]
    assert "a/c.jsonl#1" in (tmp_path / "out/c.jsonl.diff").read_text(encoding="utf-8")


def test_parquet(tmp_path, monkeypatch):
    pa = pytest.importorskip("pyarrow", reason="Parquet support is the optional 'parquet' extra")
    import pyarrow.parquet as pq

    monkeypatch.chdir(tmp_path)
    pq.write_table(pa.Table.from_pylist([{"id": r["id"], "content": r["text"]} for r in RECORDS]), tmp_path / "c.parquet")
    result = CliRunner().invoke(main, ["clean", "c.parquet", "--text-field", "content", "-o", "out"])
    assert result.exit_code == 0, result.output
    table = pq.read_table(tmp_path / "out/c.parquet").to_pylist()
    assert table[0]["content"] == "正文第一段，内容。\n" and table[0]["id"] == 1
    assert json.loads(table[0]["cleaner"])["metadata"]["source"] == "河湾日报"
    original = pq.read_table(tmp_path / "c.parquet").to_pylist()
    assert original[0]["content"] == RECORDS[0]["text"]  # input untouched


def test_check_counts_changed_records(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "c.jsonl"])
    assert result.exit_code == 1 and "would change c.jsonl (2 record(s))" in result.output
    (tmp_path / "d.jsonl").write_text(json.dumps(RECORDS[1], ensure_ascii=False) + "\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["check", "d.jsonl"]).exit_code == 0


def test_ray_batch_function():
    batch = {"id": [1, 2], "text": [RECORDS[0]["text"], None]}
    out = clean_batch(batch, Cleaner(), "text")
    assert out["text"] == ["正文第一段，内容。\n", None] and out["id"] == [1, 2]
    assert json.loads(out["cleaner"][0])["changed"] is True and out["cleaner"][1] is None


def test_ray_dataset():
    ray = pytest.importorskip("ray", reason="Ray is the optional 'ray' extra")
    from cleaner.ray import clean_dataset

    ray.init(num_cpus=2, include_dashboard=False, ignore_reinit_error=True, log_to_driver=False)
    try:
        ds = ray.data.from_items([{"id": r["id"], "text": r["text"]} for r in RECORDS])
        rows = sorted(clean_dataset(ds, script="keep", punctuation="keep").take_all(), key=lambda r: r["id"])
        assert rows[0]["text"] == "正文第一段，内容。\n" and rows[2]["text"] == "中文文本\n"
    finally:
        ray.shutdown()


def test_jsonl_on_two_jobs_keeps_every_record_in_its_place():
    import io

    texts = ["中文\u200b文本\n", "干净的一篇文章。\n", "鍙戝睍鏄\ufffd绗\ufffd涓\ufffd瑕佸姟锛屾垜浠\ufffd瑕佸潥鎸佹敼闈╁紑鏀俱\ufffd\ufffd\n"] * 90
    lines = [json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in enumerate(texts)]
    for at in (0, 5, 130):  # passed-through lines at the start, inside, and at the end
        lines.insert(at, "not json")
    lines.append("not json")
    source = "\n".join(lines) + "\n"
    outputs = []
    for jobs in (1, 2):
        target = io.StringIO()
        stats = clean_jsonl(io.StringIO(source), target, Cleaner(), "text", jobs=jobs)
        outputs.append(target.getvalue())
        assert stats.records == len(texts) and len(stats.errors) == 4
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[1].splitlines()[3])["text"] == "发展是第一要务，我们要坚持改革开放。\n"
    assert outputs[1].splitlines()[0] == "not json" and outputs[1].splitlines()[-1] == "not json"


def _die(text: str):
    import os

    os._exit(1)


def test_a_worker_that_dies_is_an_error_not_a_hang():
    from concurrent.futures.process import BrokenProcessPool

    from cleaner import parallel

    def hung(signum, frame):
        raise TimeoutError("the batch waited for a dead worker")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    try:
        with pytest.raises(BrokenProcessPool):
            list(parallel._ordered_map(_die, ["文本"] * 8, Cleaner(), 2))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
