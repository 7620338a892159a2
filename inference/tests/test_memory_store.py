"""The Django side of memory: stores follow the dialog rows, one per user."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from inference import django_glue
from inference.memory_store import (
    delete_memory,
    delete_memory_key,
    ensure_memory,
    index_dialog,
    memory_backend,
    memory_records,
)


@pytest.fixture(autouse=True)
def _fresh_backends() -> Any:
    django_glue.reset_pipeline()
    yield
    django_glue.reset_pipeline()


def finished(counsel: Any, text: str, reply: str, **extra: Any) -> Any:
    from counseling.models import Dialog

    fields = {"status": Dialog.Status.DONE, "ai_message": reply, "change_dialog": reply, **extra}
    return Dialog.objects.create(counsel=counsel, u_message=text, client_msg_id=f"m-{text[:20]}", **fields)


@pytest.fixture
def bob_counsel(bob: Any, mentos_character: Any) -> Any:
    from counseling.models import Counsel

    return Counsel.objects.create(user=bob, character=mentos_character)


def store_dir(settings: Any, user: Any) -> Path:
    return Path(settings.MENTOS_MEMORY_DIR) / user.memory_key


def test_a_missing_store_is_rebuilt_from_finished_turns(alice: Any, alice_counsel: Any, settings: Any) -> None:
    sleep = finished(alice_counsel, "요즘 잠이 안 와서 새벽까지 뒤척여요", "잠들기 어려우시군요.")
    finished(alice_counsel, "회사 팀장님 때문에 스트레스가 심해요", "많이 지치셨겠어요.")
    assert ensure_memory(alice) is True
    assert store_dir(settings, alice).is_dir()
    assert ensure_memory(alice) is False  # already there: no second rebuild
    found = memory_backend().retrieve(alice.memory_key, "잠이 안 와요", 1)
    assert found[0].dialog_id == sleep.dialog_id
    assert found[0].dt == timezone.localdate(sleep.dt_dialog).isoformat()


def test_a_wiped_folder_is_rebuilt_on_next_use(alice: Any, alice_counsel: Any, settings: Any) -> None:
    finished(alice_counsel, "시험이 걱정돼요", "불안하시군요.")
    ensure_memory(alice)
    shutil.rmtree(store_dir(settings, alice))
    assert ensure_memory(alice) is True
    assert len(memory_backend().retrieve(alice.memory_key, "시험", 5)) == 1


def test_a_store_of_other_embeddings_is_rebuilt(alice: Any, alice_counsel: Any, settings: Any) -> None:
    import json

    finished(alice_counsel, "시험이 걱정돼요", "불안하시군요.")
    ensure_memory(alice)
    meta = store_dir(settings, alice) / "meta.json"
    meta.write_text(json.dumps({**json.loads(meta.read_text()), "embedding": "jhgan/ko-sbert-nli"}))
    assert ensure_memory(alice) is True
    assert json.loads(meta.read_text())["embedding"].startswith("char-ngram-hash")


def test_unfinished_and_crisis_turns_stay_out_of_memory(alice: Any, alice_counsel: Any) -> None:
    from counseling.models import Dialog

    kept = finished(alice_counsel, "친구랑 싸웠어요", "속상하셨겠어요.")
    Dialog.objects.create(counsel=alice_counsel, u_message="아직 처리 중", client_msg_id="p1")
    finished(alice_counsel, "다 그만두고 싶어요 죽고 싶어요", "위기 안내", is_crisis=True)
    assert [r.dialog_id for r in memory_records(alice)] == [kept.dialog_id]


def test_index_dialog_adds_a_finished_turn_once(alice: Any, alice_counsel: Any) -> None:
    first = finished(alice_counsel, "강아지가 아파요", "걱정이 많으시겠어요.")
    assert index_dialog(first) is True
    second = finished(alice_counsel, "회사에서 칭찬받았어요", "기쁘셨겠어요.")
    assert index_dialog(second) is True
    assert index_dialog(second) is True  # a retried turn
    ids = [m.dialog_id for m in memory_backend().retrieve(alice.memory_key, "회사 칭찬", 10)]
    assert sorted(ids) == sorted([first.dialog_id, second.dialog_id])


def test_index_dialog_skips_turns_that_must_not_be_remembered(alice: Any, alice_counsel: Any) -> None:
    from counseling.models import Dialog

    pending = Dialog.objects.create(counsel=alice_counsel, u_message="처리 중", client_msg_id="p2")
    crisis = finished(alice_counsel, "죽고 싶어요", "위기 안내", is_crisis=True)
    assert index_dialog(pending) is False
    assert index_dialog(crisis) is False
    assert memory_backend().retrieve(alice.memory_key, "죽고 싶어요", 5) == []


def test_bob_never_retrieves_alices_turns(alice: Any, bob: Any, alice_counsel: Any, bob_counsel: Any) -> None:
    index_dialog(finished(alice_counsel, "엄마랑 크게 싸웠어요", "마음이 무거우시겠어요."))
    index_dialog(finished(bob_counsel, "축구 보러 갔어요", "즐거우셨겠어요."))
    ensure_memory(bob)
    found = memory_backend().retrieve(bob.memory_key, "엄마랑 크게 싸웠어요", 5)
    assert [m.u_message for m in found] == ["축구 보러 갔어요"]
    assert "엄마" not in str([m.as_dict() for m in found])


def test_the_store_is_named_by_memory_key_not_login_id(alice: Any, alice_counsel: Any, settings: Any) -> None:
    index_dialog(finished(alice_counsel, "잠이 안 와요", "힘드시겠어요."))
    names = [p.name for p in Path(settings.MENTOS_MEMORY_DIR).rglob("*")]
    assert alice.memory_key in names
    assert not any("alice" in n for n in names)


def test_delete_memory_removes_the_users_files_only(alice: Any, bob: Any, alice_counsel: Any,
                                                   bob_counsel: Any, settings: Any) -> None:
    index_dialog(finished(alice_counsel, "잠이 안 와요", "힘드시겠어요."))
    index_dialog(finished(bob_counsel, "축구 보러 갔어요", "즐거우셨겠어요."))
    delete_memory(alice)
    assert not store_dir(settings, alice).exists()
    assert not any(alice.memory_key in p.name for p in Path(settings.MENTOS_MEMORY_DIR).rglob("*"))
    assert store_dir(settings, bob).is_dir()


def test_delete_by_key_works_after_the_user_row_is_gone(alice: Any, alice_counsel: Any, settings: Any) -> None:
    index_dialog(finished(alice_counsel, "잠이 안 와요", "힘드시겠어요."))
    key = alice.memory_key
    delete_memory_key(key)
    assert not (Path(settings.MENTOS_MEMORY_DIR) / key).exists()
