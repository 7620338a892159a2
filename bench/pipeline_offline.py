"""Offline pipeline benchmark: 1,000 turns through the default (embedded) backends.

    .venv/bin/python bench/pipeline_offline.py [--turns 1000] [--users 1] [--seed 0]

Django-free: backends come from their dotted paths (the MENTOS_*_BACKEND environment
variables if set, else the defaults) and memory lives in a temporary folder. Each turn is
run like the service runs it — emotion → crisis → retrieve → generate → stylize — and then
indexed into the user's memory, so the store grows turn by turn. Prints per-stage p50/p99,
turns/s, and whether a full turn meets the p50 target.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inference import registry
from inference.pipeline import STAGES, Pipeline
from inference.types import CharacterStyle, HistoryTurn, MemoryRecord, TurnInput

DEFAULTS = {
    "emotion": "inference.backends.emotion_lexicon.LexiconEmotionBackend",
    "crisis": "inference.backends.crisis_rules.RuleCrisisBackend",
    "memory": "inference.backends.memory_faiss.NgramFaissMemoryBackend",
    "llm": "inference.backends.llm_offline.OfflineCounsellorBackend",
    "style": "inference.backends.style_rules.RuleStyleBackend",
}
SLUGS = ("mentos", "expert", "formal", "friend", "gentle", "android", "azae", "enfp", "halbae",
         "naruto", "seonbi", "sosim")

# Varied everyday messages: a situation, a feeling and an ending, in 존댓말 and 반말, with the
# odd typo and slang — plus a few crisis messages so that path is timed too.
SITUATIONS = (
    "요즘 회사에서 팀장님이 계속 야근을 시켜서", "다음 주가 기말고사인데 공부가 손에 안 잡혀서",
    "여자친구랑 헤어진 지 한 달이 됐는데", "엄마랑 진로 문제로 크게 싸워서", "밤마다 잠이 안 와서",
    "친구들이 단톡방에서 나만 빼고 얘기해서", "취업 준비가 길어지니까", "아이가 말을 안 들어서",
    "할머니가 돌아가신 뒤로", "오랜만에 친구들이랑 여행을 다녀왔는데", "승진 소식을 들어서",
    "이사 온 동네에 아는 사람이 하나도 없어서", "건강검진 결과가 안 좋게 나와서", "남편이 요즘 말이 없어서",
    "발표를 망친 것 같아서", "새로 시작한 운동이 재밌어서", "월세가 또 올라서", "시험에 합격해서",
    "상사가 내 아이디어를 가로채서", "강아지가 아파서", "이직할지 말지 고민이 돼서", "별일 없이 그냥 하루가 지나서",
)
FEELINGS = (
    "너무 힘들어요", "진짜 짜증나요", "불안해서 아무것도 못 하겠어요", "마음이 허전해요", "너무 기뻐요",
    "고마운 마음이 들어요", "설레요", "생각이 많아져요", "우울해요", "지쳤어요", "화가 나요",
    "걱정돼요", "외로워요", "그냥 그래요", "넘 힘듬 ㅠㅠ", "개빡침", "행복해!", "잘 모르겠어",
)
TAILS = ("", " 어떻게 해야 할까요?", " 제가 이상한 걸까요?", " 그냥 들어주세요.", " ㅠㅠ", " 어떡하지",
         " 이런 얘기 해도 되나요?", "...")
CRISIS = ("요즘은 그냥 사라지고 싶어요", "다 끝내고 싶다는 생각만 들어요 죽고 싶어요",
          "아침에 눈을 뜨지 않았으면 좋겠어요")


def messages(n: int, rng: random.Random) -> list[str]:
    out = []
    for i in range(n):
        if i % 50 == 49:
            out.append(rng.choice(CRISIS))
        else:
            out.append(f"{rng.choice(SITUATIONS)} {rng.choice(FEELINGS)}{rng.choice(TAILS)}".strip())
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    idx = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[idx]


def build(memory_dir: str) -> tuple[Pipeline, float]:
    options = {"memory_dir": memory_dir, "memory_top_k": 3}
    start = time.perf_counter()
    parts = {
        stage: registry.get_backend(stage, os.environ.get(f"MENTOS_{stage.upper()}_BACKEND", dotted), options)
        for stage, dotted in DEFAULTS.items()
    }
    return Pipeline(top_k=3, **parts), (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=1000)
    parser.add_argument("--users", type=int, default=1, help="memory stores the turns spread over")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--target-ms", type=float, default=30.0)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="mentos-bench-") as memory_dir:
        pipeline, load_ms = build(memory_dir)
        characters = [CharacterStyle(slug=s) for s in SLUGS]
        for i, text in enumerate(messages(args.warmup, random.Random(args.seed + 1))):
            warm = pipeline.run(TurnInput(text=text, character=characters[i % len(characters)],
                                          user_key="warmup", dialog_id=i + 1))
            pipeline.memory.add("warmup", MemoryRecord(i + 1, text, warm.reply))

        texts = messages(args.turns, rng)
        timings: dict[str, list[float]] = {k: [] for k in (*STAGES, "total", "index", "turn+index")}
        history: dict[str, list[HistoryTurn]] = {}
        deltas = crises = 0
        wall_start = time.perf_counter()
        for i, text in enumerate(texts):
            user_key = f"benchuser{i % args.users}"
            dialog_id = i + 1
            turn = TurnInput(
                text=text, character=characters[i % len(characters)], user_key=user_key,
                dialog_id=dialog_id, history=tuple(history.get(user_key, [])[-3:]), seed=i,
            )
            n_deltas = 0

            def count(event: object) -> None:
                nonlocal n_deltas
                n_deltas += getattr(event, "type", "") == "delta"

            result = pipeline.run(turn, emit=count)
            t0 = time.perf_counter()
            if not result.crisis.is_crisis:
                pipeline.memory.add(user_key, MemoryRecord(dialog_id, text, result.reply))
            index_ms = (time.perf_counter() - t0) * 1000
            for stage in (*STAGES, "total"):
                timings[stage].append(float(result.timings_ms[stage]))
            timings["index"].append(index_ms)
            timings["turn+index"].append(float(result.timings_ms["total"]) + index_ms)
            history.setdefault(user_key, []).append(HistoryTurn(text, result.reply))
            deltas += n_deltas
            crises += result.crisis.is_crisis
        wall_s = time.perf_counter() - wall_start

    print(f"Mentos offline pipeline bench — {args.turns} turns, {args.users} user store(s), "
          f"{len(SLUGS)} characters, seed {args.seed}")
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}; backends loaded in {load_ms:.0f} ms (+{args.warmup} warm-up turns)")
    print(f"{'stage':<12}{'p50 ms':>10}{'p99 ms':>10}{'mean ms':>10}{'max ms':>10}")
    for stage, values in timings.items():
        print(f"{stage:<12}{statistics.median(values):>10.2f}{percentile(values, 99):>10.2f}"
              f"{statistics.fmean(values):>10.2f}{max(values):>10.2f}")
    print(f"turns/s: {args.turns / wall_s:.1f} (wall {wall_s:.2f} s, memory indexing included)")
    print(f"sentences streamed: {deltas} ({deltas / args.turns:.2f}/turn); crisis turns: {crises}")
    p50 = statistics.median(timings["total"])
    verdict = "PASS" if p50 <= args.target_ms else "FAIL"
    print(f"full turn p50 {p50:.2f} ms vs target {args.target_ms:.0f} ms: {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
