from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from training.cli import main

pytestmark = pytest.mark.django_db


def dialog(counsel: Any, u_message: str, ai_message: str, status: str = "done", **extra: Any) -> Any:
    from counseling.models import Dialog

    n = counsel.dialogs.count()
    return Dialog.objects.create(counsel=counsel, u_message=u_message, ai_message=ai_message, status=status,
                                 client_msg_id=f"m{n}", change_dialog=ai_message, **extra)


def export(tmp_path: Path, *args: str) -> list[dict]:
    out = tmp_path / "export.jsonl"
    call_command("export_dialogs", "--out", str(out), *args)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def opted_in(make_user: Any, seonbi: Any) -> Any:
    from counseling.models import Counsel

    user = make_user("minsu_k", name="김민수", allow_training_use=True)
    counsel = Counsel.objects.create(user=user, character=seonbi, greeting="어서 오시오, 김민수 님.")
    dialog(counsel, "저는 김민수예요. 민수라고 불러 주세요. 제 번호는 010-1234-5678, 메일은 minsu@example.com이에요.",
           "민수 님, 이야기해 주셔서 고마워요.")
    dialog(counsel, "지은아 미안해, 라고 동생한테 말하고 싶었어요. 박지훈 씨가 자꾸 혼내요.",
           "지은 님께 그 마음을 전하고 싶으셨군요.")
    dialog(counsel, "아직 답을 기다리는 중", "", status="pending")
    return user


def test_it_exports_only_users_who_opted_in(tmp_path: Path, opted_in: Any, alice_counsel: Any) -> None:
    dialog(alice_counsel, "앨리스의 비밀 이야기예요.", "들려주셔서 고마워요.")  # alice did not opt in
    rows = export(tmp_path)
    assert len(rows) == 1
    text = json.dumps(rows, ensure_ascii=False)
    assert "앨리스" not in text and "alice" not in text
    assert rows[0]["character"] == "seonbi"


def test_it_masks_ids_names_phone_numbers_and_emails(tmp_path: Path, opted_in: Any) -> None:
    [row] = export(tmp_path)
    text = json.dumps(row, ensure_ascii=False)
    for secret in ("minsu_k", "김민수", "민수", "010-1234-5678", "minsu@example.com", "지은", "박지훈"):
        assert secret not in text, secret
    assert "[전화번호]" in text and "[이메일]" in text and "[이름]" in text
    assert "동생" in text and "미안해" in text  # the rest of what was said stays
    assert "user" not in row and "counsel_id" not in row


def test_only_done_turns_of_counsels_without_crisis_are_exported_as_prepare_input(
    tmp_path: Path, opted_in: Any, seonbi: Any
) -> None:
    from counseling.models import Counsel

    crisis = Counsel.objects.create(user=opted_in, character=seonbi, is_crisis=True)
    dialog(crisis, "죽고 싶어요", "109에 전화해 주세요.", is_crisis=True)
    [row] = export(tmp_path)
    roles = [m["role"] for m in row["messages"]]
    assert roles == ["assistant", "user", "assistant", "user", "assistant"]  # greeting + two done turns
    prepared = tmp_path / "prepared.jsonl"
    assert main(["prepare", "--source", str(tmp_path / "export.jsonl"), "--out", str(prepared), "--no-progress"]) == 0
    assert len(prepared.read_text(encoding="utf-8").splitlines()) == 2


def test_an_export_with_nobody_opted_in_is_empty(tmp_path: Path, alice_counsel: Any) -> None:
    dialog(alice_counsel, "안녕하세요", "반가워요.")
    assert export(tmp_path) == []
