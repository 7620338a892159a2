"""`style`: fine-tunes a seq2seq (BART) style converter on (style, source, target) rows.

The input is "<style token> 형식으로 변환:<source>", the prompt the style backend sends
(characters.Character.style_prompt).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import DataError
from .models import load_seq2seq, resolve_model_ref
from .runlog import now_iso
from .trainer_common import prompt_rows, save_run, training_args


def style_input(token: str, source: str) -> str:
    return f"{token} 형식으로 변환:{source}"


def style_rows(rows: list[dict[str, Any]], data: str | Path) -> list[dict[str, str]]:
    out = []
    for number, row in enumerate(rows, start=1):
        token, source, target = (str(row.get(k) or "").strip() for k in ("style", "source", "target"))
        if not token or not source or not target:
            raise DataError(data, "style, source and target must be non-empty", line=number)
        out.append({"input": style_input(token, source), "target": target})
    return out


def run_style(base_model: str, data: str | Path, output: str | Path, config: Mapping[str, Any],
              max_steps: int | None = None, progress: bool = True) -> Path:
    from datasets import Dataset
    from transformers import DataCollatorForSeq2Seq, Seq2SeqTrainer, Seq2SeqTrainingArguments

    started = now_iso()
    out = Path(output)
    rows = style_rows(prompt_rows(data, ("style", "source", "target"), "style data needs style/source/target"),
                      data)
    base = resolve_model_ref(base_model)
    tokenizer, model = load_seq2seq(base)
    max_len = int(config.get("max_length", 128))

    def encode(batch: dict[str, list[str]]) -> dict[str, Any]:
        enc = tokenizer(batch["input"], max_length=max_len, truncation=True)
        enc["labels"] = tokenizer(text_target=batch["target"], max_length=max_len, truncation=True)["input_ids"]
        return enc

    dataset = Dataset.from_list(rows).map(encode, batched=True, remove_columns=["input", "target"])
    args = {k: v for k, v in training_args(config, out, max_steps, progress).items()}
    trainer = Seq2SeqTrainer(model=model, args=Seq2SeqTrainingArguments(**args), train_dataset=dataset,
                             data_collator=DataCollatorForSeq2Seq(tokenizer, model=model),
                             processing_class=tokenizer)
    trainer.train()
    out.mkdir(parents=True, exist_ok=True)
    trainer.model.save_pretrained(str(out))
    tokenizer.save_pretrained(str(out))
    styles = sorted({r["input"].split(" 형식으로 변환:", 1)[0] for r in rows})
    save_run(out, command="style", base_model=base, data=data, config=config,
             log_history=list(trainer.state.log_history), started=started,
             extra={"pairs": len(rows), "styles": styles})
    return out
