"""`sft`: LoRA supervised fine-tuning (trl SFTTrainer + peft) on prompt/completion rows."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import DataError
from .models import as_messages, completion_text, load_causal_lm, render_prompt, resolve_model_ref
from .runlog import now_iso
from .trainer_common import check_lora_targets, lora_config, prompt_rows, save_run, training_args


def text_rows(rows: list[dict[str, Any]], tokenizer: Any, system: str, data: str | Path) -> list[dict[str, Any]]:
    """trl rows: conversational (messages) when the tokenizer has a chat template — trl then
    tokenizes them exactly as the generate backend does (template, no extra special tokens) —
    else plain text in a role-headed layout."""
    chat = bool(getattr(tokenizer, "chat_template", None))
    out: list[dict[str, Any]] = []
    for number, row in enumerate(rows, start=1):
        try:
            messages = as_messages(row["prompt"], system)
            completion = completion_text(row["completion"]).strip()
        except ValueError as exc:
            raise DataError(data, str(exc), line=number) from exc
        if not completion:
            raise DataError(data, "empty completion", line=number)
        if chat:
            out.append({"prompt": messages, "completion": [{"role": "assistant", "content": completion}]})
        else:
            out.append({"prompt": render_prompt(tokenizer, messages), "completion": completion})
    return out


def run_sft(base_model: str, data: str | Path, output: str | Path, config: Mapping[str, Any],
            max_steps: int | None = None, progress: bool = True) -> Path:
    from datasets import Dataset
    from trl import SFTConfig, SFTTrainer

    started = now_iso()
    out = Path(output)
    rows = prompt_rows(data, ("prompt", "completion"), "SFT data is `prepare` output")
    base = resolve_model_ref(base_model)
    tokenizer, model = load_causal_lm(base)
    check_lora_targets(model, config.get("lora", {}))
    dataset = Dataset.from_list(text_rows(rows, tokenizer, str(config.get("system_prompt", "")), data))
    args = SFTConfig(**training_args(config, out, max_steps, progress))
    trainer = SFTTrainer(model=model, args=args, train_dataset=dataset, processing_class=tokenizer,
                         peft_config=lora_config(config.get("lora", {})))
    trainer.train()
    out.mkdir(parents=True, exist_ok=True)
    trainer.model.save_pretrained(str(out))
    tokenizer.save_pretrained(str(out))
    save_run(out, command="sft", base_model=base, data=data, config=config,
             log_history=list(trainer.state.log_history), started=started,
             extra={"examples": len(dataset)})
    return out
