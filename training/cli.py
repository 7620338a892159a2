"""`python -m training <command>`: prepare, sft, dpo, style, evaluate.

Heavy libraries (torch, transformers, trl) load only inside the command that needs them,
so `--help` and `prepare` stay quick.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import TrainingError

DATA_DIR = Path(__file__).resolve().parent / "data"


def _add_training_options(p: argparse.ArgumentParser, default_config: str) -> None:
    p.add_argument("--base-model", required=True, help="base model: local folder or hub id (must be cached offline)")
    p.add_argument("--data", required=True, help="training data (.jsonl)")
    p.add_argument("--output", required=True, help="folder for the adapter/model, loss.png and training_meta.json")
    p.add_argument("--config", help=f"config file (.json or .yaml); default training/configs/{default_config}")
    p.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                   help="override a config value, e.g. --set lora.r=8 --set train.learning_rate=1e-4")
    p.add_argument("--max-steps", type=int, help="stop after N optimizer steps (smoke runs)")
    p.add_argument("--no-progress", action="store_true", help="no progress bars")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m training", description=__doc__.splitlines()[0] if __doc__ else "")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("prepare", help="Alpaca / messages rows -> prompt/completion JSONL for SFT",
                       description="Convert Alpaca-style (instruction/input/output) and multi-turn `messages` "
                                   "rows to prompt/completion JSONL; drops empty and over-long rows.")
    p.add_argument("--source", required=True,
                   help="a .jsonl/.json file, a folder of them, a save_to_disk folder, or a hub dataset id")
    p.add_argument("--out", required=True, help="output .jsonl (written only when the whole source converts)")
    p.add_argument("--single-turn", action="store_true", help="keep single-turn dialogs only")
    p.add_argument("--max-chars", type=int, default=2000, help="drop examples longer than this (default 2000)")
    p.add_argument("--system", default="", help="system message to put before every dialog")
    p.add_argument("--split", default="train", help="dataset split for saved/hub datasets (default train)")
    p.add_argument("--no-progress", action="store_true")

    p = sub.add_parser("sft", help="LoRA SFT with trl + peft",
                       description="LoRA supervised fine-tuning on `prepare` output (defaults: r 64, alpha 16, "
                                   "lr 2e-5, 1 epoch; see training/configs/sft.json).")
    _add_training_options(p, "sft.json")

    p = sub.add_parser("dpo", help="DPO on prompt/chosen/rejected rows, on top of an SFT adapter",
                       description="DPO (defaults: r 256, alpha 128, beta 0.1, MLP modules) on top of an SFT "
                                   "adapter; writes one adapter for the base model.")
    _add_training_options(p, "dpo.json")
    p.add_argument("--adapter", required=True, help="the SFT adapter folder to start from")

    p = sub.add_parser("style", help="fine-tune a seq2seq style converter",
                       description='Fine-tune a BART converter on (style, source, target) rows with the '
                                   '"<token> 형식으로 변환:" input.')
    _add_training_options(p, "style.json")

    p = sub.add_parser("evaluate", help="generate replies per character and score them",
                       description="Run the prompt set through the turn pipeline for each character and score "
                                   "the replies (offline metrics, optional G-Eval judge).")
    p.add_argument("--model", required=True, help="causal LM folder or id, or `offline` for the template backend")
    p.add_argument("--adapter", default="", help="peft adapter folder for the model")
    p.add_argument("--prompts", default=str(DATA_DIR / "eval_prompts.json"), help="prompt set (JSON)")
    p.add_argument("--out", required=True, help="report folder (report.json + <slug>.md)")
    p.add_argument("--judge-url", default="", help="OpenAI-compatible base URL, e.g. http://localhost:8000/v1")
    p.add_argument("--judge-model", default="", help="model name sent to the judge")
    p.add_argument("--judge-api-key", default=os.environ.get("MENTOS_JUDGE_API_KEY", ""),
                   help="bearer token for the judge (default $MENTOS_JUDGE_API_KEY)")
    p.add_argument("--characters", default="", help="comma-separated slugs (default: all in the prompt set)")
    p.add_argument("--limit", type=int, help="first N prompts and crisis probes per character")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--max-new-tokens", type=int, default=128)
    p.add_argument("--backend", action="append", default=[], metavar="STAGE=DOTTED",
                   help="replace a pipeline backend, e.g. style=inference.backends.style_bart.BartStyleBackend")
    p.add_argument("--option", action="append", default=[], metavar="KEY=VALUE",
                   help="backend option (settings name lower-cased without MENTOS_), e.g. style_model=DIR")
    p.add_argument("--no-progress", action="store_true")
    return parser


def _pairs(items: Sequence[str], flag: str) -> dict[str, str]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise TrainingError(f"{flag} {item!r}: expected KEY=VALUE")
        out[key] = value
    return out


def run(args: argparse.Namespace) -> int:
    progress = not args.no_progress
    if args.command == "prepare":
        from .prepare import prepare

        stats = prepare(args.source, args.out, single_turn=args.single_turn, system=args.system,
                        max_chars=args.max_chars, split=args.split, progress=progress)
        print(f"prepare: {stats.summary()} -> {args.out}")
        return 0
    if args.command in {"sft", "dpo", "style"}:
        from .config import load_config

        config = load_config(args.config, f"{args.command}.json", args.overrides)
        if args.command == "sft":
            from .sft import run_sft

            out = run_sft(args.base_model, args.data, args.output, config, args.max_steps, progress)
        elif args.command == "dpo":
            from .dpo import run_dpo

            out = run_dpo(args.base_model, args.adapter, args.data, args.output, config, args.max_steps, progress)
        else:
            from .style import run_style

            out = run_style(args.base_model, args.data, args.output, config, args.max_steps, progress)
        print(f"{args.command}: wrote {out} (loss.png, training_meta.json)")
        return 0
    if args.command == "evaluate":
        from .evaluate import evaluate

        options: dict[str, object] = {"llm_max_new_tokens": args.max_new_tokens, **_pairs(args.option, "--option")}
        report = evaluate(args.model, args.prompts, args.out, adapter=args.adapter, judge_url=args.judge_url,
                          judge_model=args.judge_model, judge_api_key=args.judge_api_key,
                          characters=[c for c in args.characters.split(",") if c], limit=args.limit,
                          seed=args.seed, backends=_pairs(args.backend, "--backend"), options=options,
                          progress=progress)
        for slug, entry in report["characters"].items():
            m = entry["metrics"]
            print(f"{slug}: speech-level {m['speech_level']['fidelity']:.2f} content {m['content_preservation']:.2f} "
                  f"distinct-2 {m['distinct_2']:.2f} crisis {m['crisis']['passed']}/{m['crisis']['probes']}")
        print(f"evaluate: wrote {Path(args.out) / 'report.json'}")
        return 0
    raise AssertionError(args.command)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return run(args)
    except TrainingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
