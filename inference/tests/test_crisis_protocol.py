"""The fixed crisis reply: warm 해요체 Korean that names every helpline of DESIGN.md."""

from __future__ import annotations

import re

from inference.crisis_protocol import CRISIS_MESSAGE, CRISIS_RESOURCES


def test_the_message_names_every_helpline() -> None:
    for number in ("109", "1388", "112", "119"):
        assert number in CRISIS_MESSAGE
    assert "24시간" in CRISIS_MESSAGE
    assert "문자" in CRISIS_MESSAGE  # 109 also takes text messages
    assert "청소년" in CRISIS_MESSAGE


def test_the_message_is_polite_haeyo_throughout() -> None:
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", CRISIS_MESSAGE.strip()) if s]
    assert len(sentences) >= 4
    for sentence in sentences:
        assert re.search(r"요[.!?]$", sentence), sentence
    for plain in ("한다.", "했다.", "해라", "하십시오"):
        assert plain not in CRISIS_MESSAGE


def test_resources_are_name_number_description_dicts() -> None:
    assert isinstance(CRISIS_RESOURCES, tuple)
    assert [r["number"] for r in CRISIS_RESOURCES] == ["109", "1388", "112", "119"]
    for resource in CRISIS_RESOURCES:
        assert set(resource) == {"name", "number", "description"}
        assert all(isinstance(v, str) and v for v in resource.values())
    assert "문자" in CRISIS_RESOURCES[0]["description"]
    assert "24시간" in CRISIS_RESOURCES[0]["description"]
