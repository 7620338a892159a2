from __future__ import annotations

import json
from pathlib import Path

import pytest

from training.files import sha256_of

from .conftest import generate_text

pytestmark = pytest.mark.models


def test_sft_writes_an_adapter_for_the_base_with_its_loss_plot_and_meta(
    sft_adapter: Path, prepared_sft: Path, tiny_causal_lm_dir: Path
) -> None:
    config = json.loads((sft_adapter / "adapter_config.json").read_text())
    assert Path(config["base_model_name_or_path"]).resolve() == Path(tiny_causal_lm_dir).resolve()
    assert config["r"] == 4
    assert (sft_adapter / "adapter_model.safetensors").stat().st_size > 0
    assert (sft_adapter / "loss.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    meta = json.loads((sft_adapter / "training_meta.json").read_text())
    assert meta["command"] == "sft"
    assert meta["data_sha256"] == sha256_of(prepared_sft)
    assert meta["steps"] == 3 and meta["final_loss"] is not None
    assert meta["config"]["lora"]["r"] == 4  # the config used, overrides applied
    assert json.loads((sft_adapter / "training_config.json").read_text())["train"]["learning_rate"] == 0.05
    assert not (sft_adapter / "checkpoints").exists()


def test_the_sft_adapter_loads_in_the_generate_backend_and_changes_the_reply(
    sft_adapter: Path, tiny_causal_lm_dir: Path
) -> None:
    base_reply = generate_text(tiny_causal_lm_dir)
    adapted = generate_text(tiny_causal_lm_dir, sft_adapter)
    assert adapted and adapted != base_reply
