from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

pytestmark = [pytest.mark.django_db, pytest.mark.models]


def test_it_sets_the_adapter_of_a_character(
    tiny_lora_adapter_dirs: tuple[Path, Path], tiny_causal_lm_dir: Path, settings: Any
) -> None:
    from characters.models import Character

    settings.MENTOS_LLM_MODEL = str(tiny_causal_lm_dir)
    call_command("register_adapter", "--character", "expert", "--path", str(tiny_lora_adapter_dirs[0]))
    assert Character.objects.get(slug="expert").llm_adapter == str(tiny_lora_adapter_dirs[0].resolve())
    # and with the base's real weights loaded
    call_command("register_adapter", "--character", "friend", "--path", str(tiny_lora_adapter_dirs[1]),
                 "--load-weights")
    assert Character.objects.get(slug="friend").llm_adapter == str(tiny_lora_adapter_dirs[1].resolve())


def test_it_refuses_an_adapter_trained_for_another_base(
    tiny_lora_adapter_dirs: tuple[Path, Path], other_causal_lm_dir: Path, settings: Any
) -> None:
    from characters.models import Character

    settings.MENTOS_LLM_MODEL = str(other_causal_lm_dir)
    with pytest.raises(CommandError, match="adapter was trained for base model"):
        call_command("register_adapter", "--character", "expert", "--path", str(tiny_lora_adapter_dirs[0]))
    assert Character.objects.get(slug="expert").llm_adapter == ""


@pytest.mark.parametrize("load_weights", [[], ["--load-weights"]], ids=["meta", "weights"])
def test_it_refuses_an_adapter_whose_weights_do_not_fit_the_base(
    tiny_lora_adapter_dirs: tuple[Path, Path], other_causal_lm_dir: Path, tmp_path: Path, load_weights: list[str]
) -> None:
    from characters.models import Character

    # The config claims the other base, but the weights were shaped for the first one.
    forged = shutil.copytree(tiny_lora_adapter_dirs[0], tmp_path / "forged")
    cfg = json.loads((forged / "adapter_config.json").read_text())
    cfg["base_model_name_or_path"] = str(other_causal_lm_dir)
    (forged / "adapter_config.json").write_text(json.dumps(cfg))
    with pytest.raises(CommandError, match="adapter does not load on this base model"):
        call_command("register_adapter", "--character", "expert", "--path", str(forged),
                     "--base-model", str(other_causal_lm_dir), *load_weights)
    assert Character.objects.get(slug="expert").llm_adapter == ""


def test_it_refuses_an_unknown_character_or_a_missing_folder(tmp_path: Path, tiny_causal_lm_dir: Path) -> None:
    with pytest.raises(CommandError, match="no character with slug 'nobody'"):
        call_command("register_adapter", "--character", "nobody", "--path", str(tmp_path))
    with pytest.raises(CommandError, match="adapter folder not found"):
        call_command("register_adapter", "--character", "expert", "--path", str(tmp_path / "nope"))
    with pytest.raises(CommandError, match="not a peft adapter folder"):
        call_command("register_adapter", "--character", "expert", "--path", str(tmp_path),
                     "--base-model", str(tiny_causal_lm_dir))
