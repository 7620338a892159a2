from __future__ import annotations

import json
from pathlib import Path

import pytest

from training.style import style_input

from .conftest import SAMPLE_STYLE, run_cli

pytestmark = pytest.mark.models


def test_a_style_converter_step_writes_a_loadable_seq2seq_model(tiny_bart_dir: Path, tmp_path: Path) -> None:
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    out = tmp_path / "style"
    rc = run_cli("style", "--base-model", tiny_bart_dir, "--data", SAMPLE_STYLE, "--output", out,
                 "--no-progress", "--max-steps", "2", "--set", "train.per_device_train_batch_size=4",
                 "--set", "train.learning_rate=0.001", "--set", "max_length=48")
    assert rc == 0
    meta = json.loads((out / "training_meta.json").read_text())
    assert meta["command"] == "style" and meta["styles"] == ["구어체", "선비", "할아버지"]
    assert meta["steps"] == 2 and (out / "loss.png").exists()
    tok = AutoTokenizer.from_pretrained(out)
    model = AutoModelForSeq2SeqLM.from_pretrained(out)
    batch = tok([style_input("선비", "많이 힘드셨겠어요.")], return_tensors="pt")
    assert model.generate(**batch, max_new_tokens=5).shape[0] == 1

    # The service's seq2seq style backend takes it as a character_model.
    from inference.backends.style_seq2seq import Seq2SeqStyleBackend
    from inference.types import CharacterStyle

    backend = Seq2SeqStyleBackend(style_max_new_tokens=8)
    seonbi = CharacterStyle(slug="seonbi", style_token="선비", character_model=str(out))
    [styled] = backend.stylize(["많이 힘드셨겠어요."], seonbi)
    assert styled and backend.model_for(seonbi) == str(out)


def test_style_input_is_the_prompt_the_style_backend_sends() -> None:
    assert style_input("선비", "안녕하세요.") == "선비 형식으로 변환:안녕하세요."


def test_style_rows_need_all_three_fields(tiny_bart_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"style": "선비", "source": "안녕", "target": ""}\n', encoding="utf-8")
    rc = run_cli("style", "--base-model", tiny_bart_dir, "--data", bad, "--output", tmp_path / "o", "--no-progress")
    assert rc == 2 and "bad.jsonl:1: style, source and target must be non-empty" in capsys.readouterr().err
