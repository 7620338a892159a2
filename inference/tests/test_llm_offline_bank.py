"""The response bank: big enough, broad enough, and every line is safe 해요체."""

from __future__ import annotations

import re
from collections import Counter

from inference.backends.llm_offline import load_bank
from inference.data import response_bank as bank

REQUIRED_TOPICS = {
    "수면", "직장", "학업·시험", "진로", "연애·이별", "가족", "친구·대인관계", "자존감", "외로움",
    "불안", "우울", "분노", "상실·애도", "건강", "육아",
}


def test_it_has_at_least_150_entries_over_at_least_12_topics_with_a_fallback():
    entries = load_bank()
    per_topic = Counter(e.topic for e in entries)
    assert len(entries) >= 150
    assert len(per_topic) >= 12
    assert REQUIRED_TOPICS <= set(per_topic)
    assert per_topic[bank.FALLBACK_TOPIC] >= 8
    # every real topic is more than a token gesture, and can be routed to
    for topic in REQUIRED_TOPICS:
        assert per_topic[topic] >= 10, topic
        assert bank.TOPIC_KEYWORDS[topic], topic


def test_each_validation_is_one_statement_and_each_question_one_question_in_haeyo():
    for e in load_bank():
        assert re.fullmatch(r"[^.?!]+요\.", e.validation), e.validation
        assert re.fullmatch(r"[^.?!]+요\?", e.question), e.question
        assert e.mood in ("neg", "pos", "any")


def test_no_entry_repeats_a_validation_or_a_question():
    entries = load_bank()
    assert len({e.validation for e in entries}) == len(entries)
    assert len({e.question for e in entries}) == len(entries)


def test_every_topic_offers_a_positive_or_neutral_entry_or_is_clearly_negative():
    # positive news on a topic (합격, 승진, 회복) has somewhere to go besides the fallback
    topics_with_good_news = {e.topic for e in load_bank() if e.mood == "pos"}
    assert {"직장", "학업·시험", "진로", "연애·이별", "건강", "기쁨·감사"} <= topics_with_good_news


def test_composer_templates_are_single_haeyo_sentences():
    templates = [
        *[t for ts in bank.REFLECT_TEMPLATES.values() for t in ts],
        *[t for ts in bank.NOUN_TEMPLATES.values() for t in ts],
        *bank.MEMORY_NOUN_TEMPLATES,
        *bank.MEMORY_CLAUSE_TEMPLATES,
    ]
    for t in templates:
        assert t.endswith(("요.", "{feel}.")), t  # FEEL phrases all end in 요 (checked below)
        assert t.count(".") == 1 and "?" not in t, t
    for feels in (*bank.FEEL.values(), bank.NEG_GENERIC_FEEL):
        for f in feels:
            assert f.endswith("요") and not re.search(r"[.?!]", f), f
    assert all(t.startswith("지난번에") for t in (*bank.MEMORY_NOUN_TEMPLATES, *bank.MEMORY_CLAUSE_TEMPLATES))
