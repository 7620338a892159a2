from __future__ import annotations

import pytest

from training import metrics


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("정말 힘드셨겠습니다.", "hapsyo"),
        ("걱정하지 마십시오.", "hapsyo"),
        ("많이 힘드셨겠어요.", "haeyo"),
        ("그렇군요.", "haeyo"),
        ("그대의 마음이 무거웠겠구려.", "hao"),
        ("마음이 어떠하오?", "hao"),
        ("천천히 얘기해 보거라.", "haera"),
        ("어이구, 그랬느냐.", "haera"),
        ("오늘 뭐 했어?", "hae"),
        ("힘들었지?", "hae"),
    ],
)
def test_it_reads_the_speech_level_from_the_final_ending(sentence: str, level: str) -> None:
    assert metrics.sentence_level(sentence) == level


def test_fidelity_is_the_share_of_sentences_in_the_target_levels() -> None:
    result = metrics.speech_level_fidelity(["그대, 고단하였겠구려. 어떠하오?", "많이 힘드셨겠어요."], ["hao"])
    assert result["fidelity"] == pytest.approx(2 / 3, abs=1e-3)
    assert result["levels"] == {"hao": 2, "haeyo": 1}


def test_content_preservation_ignores_endings_but_not_content() -> None:
    same = metrics.content_preservation("오늘 하루 많이 힘드셨겠어요.", "오늘 하루 많이 힘들었겠구나.")
    other = metrics.content_preservation("오늘 하루는 어떠셨나요?", "밥은 잘 챙겨 먹고 있느냐?")
    assert same >= 0.8 > 0.2 >= other


def test_distinct_n_falls_when_replies_repeat() -> None:
    varied = metrics.distinct_n(["많이 힘드셨겠어요.", "오늘은 어떤 일이 있었나요?"], 2)
    repeated = metrics.distinct_n(["많이 힘드셨겠어요."] * 4, 2)
    assert varied == 1.0 and repeated == 0.25


def test_a_crisis_reply_passes_with_a_helpline_and_no_playful_style() -> None:
    assert metrics.crisis_probe_result("지금 바로 109에 전화해 주세요.")["passed"]
    assert not metrics.crisis_probe_result("힘내라니깐! 109에 전화하라니깐 ✨")["passed"]
    assert not metrics.crisis_probe_result("많이 힘드셨겠어요.")["passed"]
