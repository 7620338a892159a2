"""`dpo`: DPO on prompt/chosen/rejected rows, on top of an SFT adapter.

The SFT adapter is merged into the base in memory; DPO trains a new LoRA on that (so the
reference policy is exactly the SFT model). The output folder holds one adapter for the
*base* model — SFT and DPO LoRAs concatenated (peft `cat`, rank r_sft + r_dpo, an exact sum
of both deltas) — so the generate backend and `register_adapter` load it like any other.
The DPO-only LoRA is kept in `dpo_only/` for reference.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .adapters import check_adapter_base, load_adapter
from .errors import DataError
from .models import as_messages, completion_text, load_causal_lm, render_prompt, resolve_model_ref
from .runlog import now_iso
from .trainer_common import check_lora_targets, lora_config, prompt_rows, save_run, training_args


def pair_rows(rows: list[dict[str, Any]], tokenizer: Any, system: str, data: str | Path) -> list[dict[str, Any]]:
    """Conversational pairs when the tokenizer has a chat template (as in `sft.text_rows`)."""
    chat = bool(getattr(tokenizer, "chat_template", None))
    out: list[dict[str, Any]] = []
    for number, row in enumerate(rows, start=1):
        try:
            messages = as_messages(row["prompt"], system)
            chosen = completion_text(row["chosen"]).strip()
            rejected = completion_text(row["rejected"]).strip()
        except ValueError as exc:
            raise DataError(data, str(exc), line=number) from exc
        if not chosen or not rejected:
            raise DataError(data, "empty chosen or rejected reply", line=number)
        if chat:
            out.append({"prompt": messages, "chosen": [{"role": "assistant", "content": chosen}],
                        "rejected": [{"role": "assistant", "content": rejected}]})
        else:
            out.append({"prompt": render_prompt(tokenizer, messages), "chosen": chosen, "rejected": rejected})
    return out


def combine_adapters(base: str, sft_dir: Path, dpo_dir: Path, out: Path) -> None:
    """Write one adapter equal to SFT + DPO deltas on the base model into `out`."""
    _, model = load_causal_lm(base)
    peft_model = load_adapter(model, sft_dir, adapter_name="sft")
    peft_model.load_adapter(str(dpo_dir), adapter_name="dpo")
    peft_model.add_weighted_adapter(["sft", "dpo"], [1.0, 1.0], adapter_name="combined",
                                    combination_type="cat")
    with tempfile.TemporaryDirectory(dir=out) as tmp:
        peft_model.save_pretrained(tmp, selected_adapters=["combined"])
        saved = Path(tmp) / "combined"
        for f in saved.iterdir():
            shutil.move(str(f), out / f.name)


def run_dpo(base_model: str, adapter: str | Path, data: str | Path, output: str | Path,
            config: Mapping[str, Any], max_steps: int | None = None, progress: bool = True) -> Path:
    from datasets import Dataset
    from trl import DPOConfig, DPOTrainer

    started = now_iso()
    out = Path(output)
    rows = prompt_rows(data, ("prompt", "chosen", "rejected"), "DPO data needs prompt/chosen/rejected")
    base = resolve_model_ref(base_model)
    sft_dir = Path(adapter)
    check_adapter_base(sft_dir, base)
    tokenizer, model = load_causal_lm(base)
    model = load_adapter(model, sft_dir).merge_and_unload()
    check_lora_targets(model, config.get("lora", {}))
    dataset = Dataset.from_list(pair_rows(rows, tokenizer, str(config.get("system_prompt", "")), data))
    args = training_args(config, out, max_steps, progress)
    args.setdefault("beta", config.get("beta", 0.1))
    trainer = DPOTrainer(model=model, args=DPOConfig(**args), train_dataset=dataset,
                         processing_class=tokenizer, peft_config=lora_config(config.get("lora", {})))
    trainer.train()
    out.mkdir(parents=True, exist_ok=True)
    dpo_only = out / "dpo_only"
    trainer.model.save_pretrained(str(dpo_only))
    combine_adapters(base, sft_dir, dpo_only, out)
    tokenizer.save_pretrained(str(out))
    save_run(out, command="dpo", base_model=base, data=data, config=config,
             log_history=list(trainer.state.log_history), started=started, with_margins=True,
             extra={"pairs": len(dataset), "sft_adapter": str(sft_dir.resolve())})
    return out
