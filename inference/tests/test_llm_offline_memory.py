"""A retrieved past turn is brought up ("지난번에 …") only when it is close and on topic."""

from __future__ import annotations

import re

import pytest

from inference.backends.llm_offline import OfflineCounsellorBackend
from inference.labels import EMOTION_LABELS
from inference.types import Emotion, GenerateRequest, HistoryTurn, MemoryItem


@pytest.fixture(scope="module")
def backend() -> OfflineCounsellorBackend:
    return OfflineCounsellorBackend()


def _emotion(label: str = "힘듦(지침)") -> Emotion:
    return Emotion(label, {k: (1.0 if k == label else 0.0) for k in EMOTION_LABELS})


def memory(u_message: str, score: float, reply: str = "그러셨군요.") -> MemoryItem:
    return MemoryItem(dialog_id=7, text=f"{u_message}\n{reply}", score=score, u_message=u_message, reply=reply)


def replies(backend, text, memories, seeds=range(6)):
    return [backend.compose(GenerateRequest(text=text, emotion=_emotion(), memories=tuple(memories), seed=s))
            for s in seeds]


def test_a_close_memory_sharing_a_noun_is_brought_up(backend):
    past = memory("팀장님 때문에 회사 가기가 너무 싫어요", 0.28)
    for reply in replies(backend, "오늘 또 팀장님이 회의 시간에 저를 무시했어요", [past]):
        assert "지난번에" in reply, reply
        assert "팀장님" in reply.split("지난번에", 1)[1] or "회사 가기가" in reply, reply
        assert 3 <= len(re.split(r"(?<=[.?!])\s+", reply)) <= 4


def test_a_close_memory_on_the_same_topic_is_brought_up_in_the_persons_words(backend):
    past = memory("요즘 잠이 잘 안 와요", 0.2)
    for reply in replies(backend, "새벽에 자꾸 깨요", [past]):
        assert "지난번에" in reply and "잠이 잘 안 온다고" in reply, reply


def test_a_memory_about_something_else_is_left_out_however_close(backend):
    past = memory("남자친구랑 헤어졌어요", 0.9)
    for reply in replies(backend, "요즘 시험 공부가 손에 안 잡혀요", [past]):
        assert "지난번" not in reply and "헤어" not in reply, reply


def test_a_memory_below_the_threshold_is_left_out(backend):
    past = memory("팀장님 때문에 회사 가기가 너무 싫어요", 0.05)
    for reply in replies(backend, "오늘 또 팀장님이 회의 시간에 저를 무시했어요", [past]):
        assert "지난번" not in reply, reply


def test_the_threshold_is_an_option():
    strict = OfflineCounsellorBackend(llm_memory_min_score=0.5)
    past = memory("팀장님 때문에 회사 가기가 너무 싫어요", 0.3)
    for reply in replies(strict, "오늘 또 팀장님이 회의 시간에 저를 무시했어요", [past]):
        assert "지난번" not in reply


def test_the_best_relevant_memory_wins_over_a_higher_irrelevant_one(backend):
    mems = [memory("주식으로 돈을 많이 잃었어요", 0.6), memory("엄마가 자꾸 잔소리를 해서 짜증나요", 0.3)]
    for reply in replies(backend, "엄마랑 또 싸웠어요", mems):
        assert "지난번" in reply and "주식" not in reply and "엄마" in reply.split("지난번", 1)[1], reply


def test_no_memory_no_memory_line(backend):
    for reply in replies(backend, "오늘 또 팀장님이 회의 시간에 저를 무시했어요", []):
        assert "지난번" not in reply


def test_the_same_memory_is_not_brought_up_two_turns_running(backend):
    past = memory("팀장님 때문에 회사 가기가 너무 싫어요", 0.3)
    text = "오늘 또 팀장님이 회의 시간에 저를 무시했어요"
    first = backend.compose(GenerateRequest(text=text, emotion=_emotion(), memories=(past,)))
    assert "지난번" in first
    second = backend.compose(GenerateRequest(
        text="팀장님이 저한테만 일을 몰아줘요", emotion=_emotion(), memories=(past,),
        history=(HistoryTurn(text, first),),
    ))
    assert "지난번" not in second, second
