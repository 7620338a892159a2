"""Streamed piece by piece, deterministic per seed, and no template twice in a row."""

from __future__ import annotations

import pytest

from inference.backends.llm_offline import OfflineCounsellorBackend
from inference.base import LLMBackend
from inference.labels import EMOTION_LABELS
from inference.types import Emotion, GenerateRequest, HistoryTurn


@pytest.fixture(scope="module")
def backend() -> OfflineCounsellorBackend:
    return OfflineCounsellorBackend()


def _emotion(label: str = "힘듦(지침)") -> Emotion:
    return Emotion(label, {k: (1.0 if k == label else 0.0) for k in EMOTION_LABELS})


def test_it_is_an_llm_backend_that_builds_with_no_options():
    assert isinstance(OfflineCounsellorBackend(), LLMBackend)
    OfflineCounsellorBackend(memory_dir="/tmp/x", llm_adapter="", emotion_model="m")  # ignores the rest


def test_it_streams_word_pieces_that_join_to_the_reply(backend):
    req = GenerateRequest(text="요즘 시험 때문에 잠을 못 자요", emotion=_emotion(), seed=5)
    pieces = list(backend.generate(req))
    assert len(pieces) > 5
    assert "".join(pieces) == backend.compose(req)
    for piece in pieces[:-1]:
        assert piece.strip() and piece.endswith(" ")  # whole eojeol with their spaces
        assert 1 <= len(piece.split()) <= 3
    assert not pieces[-1].endswith(" ")


def test_the_same_request_and_seed_give_the_same_reply_and_pieces(backend):
    req = GenerateRequest(text="남자친구랑 헤어졌어요", emotion=_emotion("슬픔(우울한)"), seed=11)
    assert list(backend.generate(req)) == list(backend.generate(req))
    fresh = OfflineCounsellorBackend()  # another process would build it again
    assert list(fresh.generate(req)) == list(backend.generate(req))


def test_different_seeds_can_give_different_replies(backend):
    texts = ["남자친구랑 헤어졌어요", "회사 가기 싫어요", "요즘 시험 때문에 잠을 못 자요"]
    for text in texts:
        seen = {backend.compose(GenerateRequest(text=text, emotion=_emotion(), seed=s)) for s in range(12)}
        assert len(seen) >= 2, text


def test_consecutive_turns_do_not_repeat_the_entry_or_the_reflection_template(backend):
    history: list[HistoryTurn] = []
    replies = []
    for _ in range(4):
        text = "회사 가기 싫어요"
        reply = backend.compose(GenerateRequest(text=text, emotion=_emotion(), history=tuple(history)))
        replies.append(reply)
        history.append(HistoryTurn(text, reply))
    for before, after in zip(replies, replies[1:], strict=False):
        question_before = before.rsplit(". ", 1)[-1]
        assert question_before not in after
        first_before, first_after = before.split(". ", 1)[0], after.split(". ", 1)[0]
        tail = lambda s: s.split("다고 ", 1)[-1][:4]  # noqa: E731  the template's wording after the quote
        assert tail(first_before) != tail(first_after), (before, after)
