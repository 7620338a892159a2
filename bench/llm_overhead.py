"""What the turn pipeline adds on top of the language model, on the same tiny model.

    .venv/bin/python bench/llm_overhead.py [--runs 20] [--max-new-tokens 96] [--models DIR]

Builds the tiny models (testsupport.tiny_models; or uses DIR from
`python -m testsupport.build_tiny_models DIR`), then times, for the same prompt and seed:

- bare: TransformersLLMBackend.generate() read to the end — when its first complete sentence
  is out (what the pipeline could send first, at best) and when the stream is done;
- pipeline: Pipeline.run() with every stage on a model backend (KcELECTRA-like classifier,
  HF-embedding memory, the same LLM + LoRA adapter, a BART converter) — when the first
  `delta` event is emitted and when `done` is.

Prints medians, the added milliseconds and the ratios. Target: the pipeline adds ≤ 20 ms to
time-to-first-delta beyond the first sentence's own generation.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import testsupport  # noqa: F401  (offline hub before transformers loads)
from inference.backends.crisis_rules import RuleCrisisBackend
from inference.backends.emotion_hf import TransformersEmotionBackend
from inference.backends.llm_hf import TransformersLLMBackend
from inference.backends.memory_hf import HuggingFaceMemoryBackend
from inference.backends.style_seq2seq import Seq2SeqStyleBackend
from inference.pipeline import Pipeline
from inference.sentences import SentenceSplitter
from inference.types import CharacterStyle, GenerateRequest, MemoryRecord, TurnEvent, TurnInput
from testsupport import tiny_models

TEXT = "요즘 회사 일 때문에 너무 힘들어요. 잠도 잘 못 자요."
TARGET_MS = 20.0


def models(root: Path | None) -> dict[str, str]:
    if root is not None and (root / "llm").is_dir():
        return {
            "emotion": str(root / "emotion"), "embedder": str(root / "embedder"), "llm": str(root / "llm"),
            "adapter": str(root / "adapter-expert"), "style": str(root / "style"),
        }
    root = Path(tempfile.mkdtemp(prefix="mentos-bench-"))
    llm = tiny_models.build_tiny_causal_lm(root / "llm")
    return {
        "emotion": str(tiny_models.build_tiny_classifier(root / "emotion")),
        "embedder": str(tiny_models.build_tiny_sentence_embedder(root / "embedder")),
        "llm": str(llm),
        "adapter": str(tiny_models.build_tiny_lora_adapter(llm, root / "adapter-expert", seed=1)),
        # A converter that keeps the first sentence's words: the model path, not the fallback.
        "style": str(tiny_models.build_tiny_bart(root / "style", fixed_output="많이 힘드셨겠구려.")),
    }


def bare(llm: TransformersLLMBackend, request: GenerateRequest) -> tuple[float, float, str]:
    start = time.perf_counter()
    splitter = SentenceSplitter()
    first = 0.0
    pieces = []
    for piece in llm.generate(request):
        pieces.append(piece)
        if not first and splitter.feed(piece):
            first = time.perf_counter()
    done = time.perf_counter()
    if not first and splitter.flush():
        first = done
    return (first - start) * 1000, (done - start) * 1000, "".join(pieces)


def through_pipeline(pipeline: Pipeline, turn: TurnInput) -> tuple[float, float, dict[str, float], object]:
    marks: dict[str, float] = {}

    def emit(event: TurnEvent) -> None:
        if event.type not in marks:
            marks[event.type] = time.perf_counter()

    start = time.perf_counter()
    result = pipeline.run(turn, emit=emit)
    return (marks["delta"] - start) * 1000, (marks["done"] - start) * 1000, dict(result.timings_ms), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--max-new-tokens", type=int, default=96)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--models", type=Path, default=None)
    args = parser.parse_args()

    paths = models(args.models)
    memory_dir = tempfile.mkdtemp(prefix="mentos-bench-memory-")
    options = {
        "emotion_model": paths["emotion"], "embedding_model": paths["embedder"], "memory_dir": memory_dir,
        "llm_model": paths["llm"], "llm_adapter": paths["adapter"], "llm_max_new_tokens": args.max_new_tokens,
        "style_model": paths["style"],
    }
    llm = TransformersLLMBackend(**options)
    memory = HuggingFaceMemoryBackend(**options)
    memory.rebuild("bench", [
        MemoryRecord(1, "잠을 잘 못 자서 피곤해요", "많이 지치셨겠어요", "2026-01-02"),
        MemoryRecord(2, "회사 일이 너무 많아요", "업무가 많아 힘드시겠어요", "2026-01-05"),
    ])
    pipeline = Pipeline(
        emotion=TransformersEmotionBackend(**options), crisis=RuleCrisisBackend(**options), memory=memory,
        llm=llm, style=Seq2SeqStyleBackend(**options), top_k=3,
    )
    characters = {
        # The expert has no converter: its sentences go through the rules (kiwipiepy).
        "expert": CharacterStyle(slug="expert", name="전문적인 상담사", character_model=""),
        # seonbi's sentences go through the BART converter first (one generate per sentence).
        "seonbi": CharacterStyle(slug="seonbi", name="선비", style_token="선비",
                                 character_model="NHNDQ/bart-speech-style-converter"),
    }
    import torch

    print(f"machine: {platform.machine()}, {os.cpu_count()} cpus, torch {torch.__version__}, "
          f"threads {torch.get_num_threads()}, device {'cuda' if torch.cuda.is_available() else 'cpu'}, "
          f"OMP_WAIT_POLICY={os.environ.get('OMP_WAIT_POLICY', '')}")
    print(f"runs: {args.runs} per character (medians), max_new_tokens {args.max_new_tokens}")
    met = True
    for name, character in characters.items():
        met &= measure(name, pipeline, llm, character, args)
    return 0 if met else 1


def measure(name: str, pipeline: Pipeline, llm: TransformersLLMBackend, character: CharacterStyle,
            args: argparse.Namespace) -> bool:
    turn = TurnInput(text=TEXT, character=character, user_key="bench", seed=args.seed)
    # Warm every model once, then build the bare request from what the pipeline computed,
    # so both generate exactly the same text from exactly the same prompt.
    _, _, _, result = through_pipeline(pipeline, turn)
    request = GenerateRequest(text=TEXT, emotion=result.emotion, memories=result.memories,  # type: ignore[attr-defined]
                              character=character, seed=args.seed)
    bare(llm, request)

    rows_bare, rows_pipe, stage_rows = [], [], []
    for _ in range(args.runs):  # interleaved, so background load hits both alike
        first, done, text = bare(llm, request)
        rows_bare.append((first, done))
        pfirst, pdone, stages, res = through_pipeline(pipeline, turn)
        assert res.reply == text.strip(), "the pipeline and the bare run generated different text"  # type: ignore[attr-defined]
        rows_pipe.append((pfirst, pdone))
        stage_rows.append(stages)

    def med(rows: list[tuple[float, float]], i: int) -> float:
        return statistics.median(r[i] for r in rows)

    b_first, b_done = med(rows_bare, 0), med(rows_bare, 1)
    p_first, p_done = med(rows_pipe, 0), med(rows_pipe, 1)
    added_first, added_done = p_first - b_first, p_done - b_done
    stages = {k: statistics.median(s[k] for s in stage_rows) for k in stage_rows[0]}
    before = stages["emotion"] + stages["crisis"] + stages["retrieve"]
    print(f"\n[{name}] reply {len(result.reply)} chars")  # type: ignore[attr-defined]
    print(f"  bare generate   first sentence {b_first:8.1f} ms   done {b_done:8.1f} ms")
    print(f"  pipeline turn   first delta    {p_first:8.1f} ms   done {p_done:8.1f} ms")
    print(f"  added           first delta    {added_first:+8.1f} ms (x{p_first / b_first:.2f})"
          f"   done {added_done:+8.1f} ms (x{p_done / b_done:.2f})")
    print(f"  of which before generation (emotion + crisis + retrieve) {before:.1f} ms")
    print("  pipeline stages (median ms): " + ", ".join(f"{k} {v:.1f}" for k, v in stages.items()))
    ok = added_first <= TARGET_MS
    print(f"  target: pipeline adds <= {TARGET_MS:.0f} ms to time-to-first-delta: {'MET' if ok else 'NOT MET'}")
    return ok


if __name__ == "__main__":
    raise SystemExit(main())
