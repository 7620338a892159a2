from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from training.cli import main
from training.config import load_config
from training.files import read_rows

from .conftest import EVAL_PROMPTS, SAMPLE_DPO, SAMPLE_SFT, SAMPLE_STYLE

ROOT = Path(__file__).resolve().parents[2]


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("prepare", "sft", "dpo", "style", "evaluate"):
        with pytest.raises(SystemExit) as exit_info:
            main([command, "--help"])
        assert exit_info.value.code == 0
        assert f"python -m training {command}" in capsys.readouterr().out


def test_the_package_runs_as_a_module_without_importing_django() -> None:
    code = ("import sys, runpy; sys.argv = ['training', '--help']\n"
            "import training.cli, training.prepare, training.sft, training.dpo, training.style, "
            "training.evaluate, training.metrics, training.judge, training.anonymize, training.adapters\n"
            "assert not [m for m in sys.modules if m == 'django' or m.startswith('django.')], 'django imported'\n"
            "runpy.run_module('training', run_name='__main__')")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "prepare" in done.stdout and "evaluate" in done.stdout


def test_configs_carry_the_original_projects_defaults() -> None:
    sft = load_config(None, "sft.json")
    assert (sft["lora"]["r"], sft["lora"]["lora_alpha"]) == (64, 16)
    assert sft["train"]["learning_rate"] == 2e-5 and sft["train"]["num_train_epochs"] == 1
    dpo = load_config(None, "dpo.json")
    assert (dpo["lora"]["r"], dpo["lora"]["lora_alpha"], dpo["train"]["beta"]) == (256, 128, 0.1)
    assert dpo["lora"]["target_modules"] == ["gate_proj", "up_proj", "down_proj"]
    assert load_config(None, "style.json")["train"]["learning_rate"] > 0


def test_set_overrides_a_config_value(tmp_path: Path) -> None:
    cfg = load_config(None, "sft.json", ["lora.r=8", "train.learning_rate=1e-4", "note=hello"])
    assert cfg["lora"]["r"] == 8 and cfg["train"]["learning_rate"] == 1e-4 and cfg["note"] == "hello"
    yaml_cfg = tmp_path / "c.yaml"
    yaml_cfg.write_text("lora:\n  r: 2\ntrain:\n  num_train_epochs: 3\n", encoding="utf-8")
    assert load_config(yaml_cfg, "sft.json")["lora"]["r"] == 2


def test_a_broken_config_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    rc = main(["sft", "--base-model", str(tmp_path), "--data", str(SAMPLE_SFT), "--output", str(tmp_path / "o"),
               "--config", str(bad)])
    assert rc == 2 and "cannot parse config" in capsys.readouterr().err


def test_training_data_with_missing_columns_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Raw Alpaca rows given to `sft` instead of `prepare` output: named before any model loads.
    rc = main(["sft", "--base-model", str(tmp_path), "--data", str(SAMPLE_SFT), "--output", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert rc == 2 and "sft_sample.jsonl:1: missing column(s) prompt, completion" in err
    rc = main(["dpo", "--base-model", str(tmp_path), "--adapter", str(tmp_path), "--data", str(SAMPLE_SFT),
               "--output", str(tmp_path / "o")])
    assert rc == 2 and "missing column(s) prompt, chosen, rejected" in capsys.readouterr().err


def test_the_sample_data_set_is_big_enough() -> None:
    sft = read_rows(SAMPLE_SFT)
    assert len(sft) >= 100
    assert sum("messages" in r for r in sft) >= 10 and sum("instruction" in r for r in sft) >= 50
    dpo = read_rows(SAMPLE_DPO, required=("prompt", "chosen", "rejected"))
    assert len(dpo) >= 50 and all(r["chosen"] != r["rejected"] for r in dpo)
    styles = Counter(r["style"] for r in read_rows(SAMPLE_STYLE, required=("style", "source", "target")))
    assert set(styles) == {"선비", "할아버지", "구어체"} and min(styles.values()) >= 20
    prompts = json.loads(EVAL_PROMPTS.read_text(encoding="utf-8"))
    assert len(prompts["prompts"]) >= 5 and len(prompts["crisis_probes"]) >= 3
