from __future__ import annotations

import json
from pathlib import Path

import pytest

from training.files import sha256_of

from .conftest import SAMPLE_DPO, generate_text, run_cli

pytestmark = pytest.mark.models


def test_dpo_writes_one_adapter_for_the_base_with_loss_and_margin_plot(
    dpo_adapter: Path, sft_adapter: Path, tiny_causal_lm_dir: Path
) -> None:
    config = json.loads((dpo_adapter / "adapter_config.json").read_text())
    assert Path(config["base_model_name_or_path"]).resolve() == Path(tiny_causal_lm_dir).resolve()
    assert config["r"] == 4 + 8  # SFT and DPO LoRAs side by side
    assert (dpo_adapter / "dpo_only" / "adapter_config.json").exists()
    meta = json.loads((dpo_adapter / "training_meta.json").read_text())
    assert meta["command"] == "dpo" and meta["data_sha256"] == sha256_of(SAMPLE_DPO)
    assert meta["sft_adapter"] == str(sft_adapter.resolve())
    assert meta["config"]["train"]["beta"] == 0.1
    assert any("rewards/margins" in entry for entry in meta["log_history"])
    assert (dpo_adapter / "loss.png").read_bytes()[:4] == b"\x89PNG"


def test_the_combined_adapter_equals_sft_merged_plus_the_dpo_lora(
    dpo_adapter: Path, sft_adapter: Path, tiny_causal_lm_dir: Path
) -> None:
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    ids = torch.tensor([[1, 5, 9, 14, 20, 33]])
    stacked = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(tiny_causal_lm_dir), sft_adapter)
    stacked = PeftModel.from_pretrained(stacked.merge_and_unload(), dpo_adapter / "dpo_only").eval()
    combined = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(tiny_causal_lm_dir), dpo_adapter).eval()
    with torch.no_grad():
        assert torch.allclose(stacked(ids).logits, combined(ids).logits, atol=1e-4)


def test_the_dpo_adapter_loads_in_the_generate_backend(dpo_adapter: Path, tiny_causal_lm_dir: Path) -> None:
    assert generate_text(tiny_causal_lm_dir, dpo_adapter)


def test_dpo_refuses_an_sft_adapter_of_another_base(
    sft_adapter: Path, other_causal_lm_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc = run_cli("dpo", "--base-model", other_causal_lm_dir, "--adapter", sft_adapter, "--data", SAMPLE_DPO,
                 "--output", tmp_path / "out", "--no-progress")
    assert rc == 2 and "adapter was trained for base model" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
