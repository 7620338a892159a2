from __future__ import annotations

from inference.sentences import SentenceSplitter, iter_sentences, split_sentences


def test_it_cuts_at_sentence_ends() -> None:
    text = "많이 힘드셨겠어요. 정말요? 대단해요! 그래서… 그다음은요。 끝"
    assert split_sentences(text) == ["많이 힘드셨겠어요.", "정말요?", "대단해요!", "그래서…", "그다음은요。", "끝"]


def test_it_never_cuts_inside_numbers_addresses_or_abbreviations() -> None:
    assert split_sentences("오늘 3.5시간 잤어요. 체온은 36.5도예요.") == ["오늘 3.5시간 잤어요.", "체온은 36.5도예요."]
    assert split_sentences("naver.com 에서 봤어요. e.g. 이런 거요.") == ["naver.com 에서 봤어요.", "e.g. 이런 거요."]


def test_a_decimal_split_across_pieces_stays_whole() -> None:
    assert list(iter_sentences(["체중이 3", ".", "5킬로 줄었어요", ". 괜찮아요"])) == [
        "체중이 3.5킬로 줄었어요.", "괜찮아요",
    ]


def test_closing_marks_stay_with_their_sentence() -> None:
    assert split_sentences('"정말 그랬어요?" 하고 물었죠. 좋아요!! ^^ 다음') == [
        '"정말 그랬어요?"', "하고 물었죠.", "좋아요!!", "^^ 다음",
    ]
    assert split_sentences("좋아요!😊 그럼요") == ["좋아요!😊", "그럼요"]


def test_punctuation_directly_followed_by_hangul_still_ends_a_sentence() -> None:
    assert split_sentences("끝났어요.그리고 쉬었어요?네") == ["끝났어요.", "그리고 쉬었어요?", "네"]


def test_it_cuts_at_newlines() -> None:
    assert split_sentences("첫 줄\n\n둘째 줄\n") == ["첫 줄", "둘째 줄"]


def test_it_cuts_after_korean_sentence_endings_without_punctuation() -> None:
    assert split_sentences("오늘 너무 피곤했어요 그래서 일찍 잤습니다 내일은 괜찮겠다 싶어요") == [
        "오늘 너무 피곤했어요", "그래서 일찍 잤습니다", "내일은 괜찮겠다", "싶어요",
    ]


def test_it_does_not_cut_after_words_that_only_look_like_endings() -> None:
    assert split_sentences("그건 필요 없어요 다 같이 할까 봐 걱정돼요") == ["그건 필요 없어요", "다 같이 할까 봐 걱정돼요"]


def test_a_numbered_list_marker_is_not_a_sentence() -> None:
    assert split_sentences("1. 먼저 쉬어요. 2. 그다음 걸어요.") == ["1. 먼저 쉬어요.", "2. 그다음 걸어요."]


def test_each_sentence_comes_out_as_soon_as_it_is_complete() -> None:
    splitter = SentenceSplitter()
    assert splitter.feed("많이 힘드셨") == []
    assert splitter.feed("겠어요") == []
    assert splitter.feed(".") == []  # the next character decides: `.5` would continue it
    assert splitter.feed(" 요즘") == ["많이 힘드셨겠어요."]
    assert splitter.feed("은 어떠세요?") == []
    assert splitter.flush() == ["요즘은 어떠세요?"]
    assert splitter.flush() == []


def test_token_by_token_equals_all_at_once() -> None:
    text = "잠을 3.5시간밖에 못 잤어요. 너무 피곤해요! 어떻게 하면 좋을까요? 음… 모르겠어요"
    assert list(iter_sentences(list(text))) == split_sentences(text)


def test_a_long_unpunctuated_run_is_cut_at_a_space() -> None:
    text = " ".join(["가나다라마바사"] * 80)
    parts = split_sentences(text)
    assert len(parts) > 1
    assert all(len(p) <= 310 for p in parts)
    assert " ".join(parts) == text


def test_nothing_in_nothing_out() -> None:
    assert split_sentences("") == []
    assert split_sentences("   \n ") == []


def test_a_connective_nikka_does_not_cut_but_a_formal_question_does() -> None:
    from inference.sentences import SentenceSplitter

    splitter = SentenceSplitter()
    cut = splitter.feed("수다 떠니까 시간 가는 줄 몰랐다고 하셨네요. 요즘 어떻습니까 궁금해요")
    assert cut[0] == "수다 떠니까 시간 가는 줄 몰랐다고 하셨네요."
    assert "요즘 어떻습니까" in cut
