from __future__ import annotations

import json
from pathlib import Path

import pytest

from training.cli import main

from .conftest import SAMPLE_SFT


def write(path: Path, *rows: object) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    return path


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


ALPACA = {"instruction": "다음 말에 공감해 주세요.", "input": "요즘 잠을 못 자요.", "output": "많이 지치셨겠어요."}
DIALOG = {"messages": [
    {"role": "user", "content": "친구와 싸웠어요."},
    {"role": "assistant", "content": "마음이 불편하시겠어요."},
    {"role": "user", "content": "제가 먼저 사과해야 할까요?"},
    {"role": "assistant", "content": "어떤 마음이 드시는지 먼저 살펴볼까요?"},
]}
SINGLE = {"messages": [{"role": "user", "content": "시험이 걱정돼요."},
                       {"role": "assistant", "content": "걱정이 많으시겠어요."}]}


def test_it_turns_alpaca_rows_into_prompt_completion(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["prepare", "--source", str(write(tmp_path / "a.jsonl", ALPACA)), "--out", str(out),
                 "--no-progress"]) == 0
    [row] = read(out)
    assert row["prompt"] == [{"role": "user", "content": "다음 말에 공감해 주세요.\n요즘 잠을 못 자요."}]
    assert row["completion"] == [{"role": "assistant", "content": "많이 지치셨겠어요."}]
    assert "1 examples written" in capsys.readouterr().out


def test_it_makes_one_example_per_assistant_turn_of_a_dialog(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["prepare", "--source", str(write(tmp_path / "m.jsonl", DIALOG)), "--out", str(out),
                 "--no-progress", "--system", "상담사입니다."]) == 0
    first, second = read(out)
    assert [m["role"] for m in first["prompt"]] == ["system", "user"]
    assert [m["role"] for m in second["prompt"]] == ["system", "user", "assistant", "user"]
    assert second["completion"][0]["content"] == "어떤 마음이 드시는지 먼저 살펴볼까요?"


def test_single_turn_keeps_only_single_turn_dialogs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    src = write(tmp_path / "mixed.jsonl", ALPACA, DIALOG, SINGLE)
    assert main(["prepare", "--source", str(src), "--out", str(out), "--single-turn", "--no-progress"]) == 0
    rows = read(out)
    assert len(rows) == 2 and all(len(r["prompt"]) == 1 for r in rows)
    assert "1 dropped (multi-turn)" in capsys.readouterr().out


def test_it_drops_empty_and_over_long_rows_and_says_how_many(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    long = {**ALPACA, "output": "아" * 500}
    empty = {**ALPACA, "output": "  "}
    src = write(tmp_path / "a.jsonl", ALPACA, long, empty)
    assert main(["prepare", "--source", str(src), "--out", str(out), "--max-chars", "200", "--no-progress"]) == 0
    assert len(read(out)) == 1
    printed = capsys.readouterr().out
    assert "1 dropped (empty)" in printed and "1 dropped (over-long)" in printed


def test_it_reads_a_json_list_and_a_saved_dataset_folder(tmp_path: Path) -> None:
    from datasets import Dataset

    (tmp_path / "list.json").write_text(json.dumps([ALPACA, SINGLE], ensure_ascii=False), encoding="utf-8")
    assert main(["prepare", "--source", str(tmp_path / "list.json"), "--out", str(tmp_path / "o1.jsonl"),
                 "--no-progress"]) == 0
    assert len(read(tmp_path / "o1.jsonl")) == 2
    Dataset.from_list([ALPACA, ALPACA]).save_to_disk(str(tmp_path / "saved"))
    assert main(["prepare", "--source", str(tmp_path / "saved"), "--out", str(tmp_path / "o2.jsonl"),
                 "--no-progress"]) == 0
    assert len(read(tmp_path / "o2.jsonl")) == 2


def test_the_sample_data_prepares_into_more_than_a_hundred_examples(tmp_path: Path) -> None:
    out = tmp_path / "sample.jsonl"
    assert main(["prepare", "--source", str(SAMPLE_SFT), "--out", str(out), "--no-progress"]) == 0
    rows = read(out)
    assert len(rows) >= 100
    assert any(len(r["prompt"]) > 1 for r in rows)  # the multi-turn rows


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "file not found"),
        ('{"instruction": "a", "output": "b"}\n{"instruction": "c", "output": \n', "a.jsonl:2: bad JSON line"),
        ('{"instruction": "a", "output": "b"}\n["not", "an", "object"]\n', "a.jsonl:2: line is not a JSON object"),
        ('{"instruction": "a", "output": "b"}\n{"question": "c"}\n', "a.jsonl:2: row needs instruction/output"),
        ('{"messages": [{"role": "narrator", "content": "x"}]}\n', "a.jsonl:1: unknown role 'narrator'"),
        ("\n\n", "no rows"),
    ],
    ids=["missing", "bad-json", "not-object", "missing-columns", "bad-role", "empty"],
)
def test_a_broken_file_is_a_clear_error_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, message: str
) -> None:
    src = tmp_path / "a.jsonl"
    if content is not None:
        src.write_text(content, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["prepare", "--source", str(src), "--out", str(out), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == ([src] if content is not None else [])  # no output, no temp file


def test_an_existing_output_is_left_alone_when_the_source_is_broken(tmp_path: Path) -> None:
    out = write(tmp_path / "out.jsonl", ALPACA)
    before = out.read_bytes()
    src = tmp_path / "bad.jsonl"
    src.write_text('{"instruction": "a", "output": "b"}\n{oops\n', encoding="utf-8")
    assert main(["prepare", "--source", str(src), "--out", str(out), "--no-progress"]) == 2
    assert out.read_bytes() == before


def test_a_dataset_id_is_refused_offline_with_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    out = tmp_path / "out.jsonl"
    assert main(["prepare", "--source", "some-org/korean-empathy", "--out", str(out), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "'some-org/korean-empathy' is not a local file or folder" in err and "HF_HUB_OFFLINE" in err
    assert not out.exists()
