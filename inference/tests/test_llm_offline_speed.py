"""One reply in well under the turn budget (30 ms p50 for the whole offline turn)."""

from __future__ import annotations

import statistics
import time

from inference.backends.llm_offline import OfflineCounsellorBackend
from inference.labels import EMOTION_LABELS
from inference.types import Emotion, GenerateRequest, MemoryItem

TEXTS = [
    "요즘 시험 때문에 잠을 못 자요", "어제 회사에서 팀장님이 모두 앞에서 저한테 소리를 질러서 너무 창피했어요",
    "남자친구랑 헤어졌어요.", "엄마가 자꾸 잔소리를 하셔서 짜증나요", "아무것도 하기 싫어요",
    "우리 아이가 밥을 안 먹어요", "오늘 승진했어요!", "요즘 너무 외로워요. 주말에 만날 사람이 아무도 없어요",
    "층간소음 때문에 미칠 것 같아요", "할머니가 돌아가셨는데 아직 실감이 안 나요",
]


def test_generate_takes_under_10_ms_at_p50_after_warm_up():
    backend = OfflineCounsellorBackend()
    emotion = Emotion("힘듦(지침)", {k: (1.0 if k == "힘듦(지침)" else 0.0) for k in EMOTION_LABELS})
    mems = (MemoryItem(1, "회사 가기 싫어요\n…", 0.3, u_message="회사 가기 싫어요", reply="…"),)
    for text in TEXTS:
        list(backend.generate(GenerateRequest(text=text, emotion=emotion)))
    times = []
    for seed in range(5):
        for text in TEXTS:
            start = time.perf_counter()
            list(backend.generate(GenerateRequest(text=text, emotion=emotion, memories=mems, seed=seed)))
            times.append((time.perf_counter() - start) * 1000)
    assert statistics.median(times) < 10.0, sorted(times)
