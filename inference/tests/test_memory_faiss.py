"""The per-user FAISS memory: real FAISS, real files under a temporary folder."""

from __future__ import annotations

import json
import multiprocessing
import threading
from pathlib import Path

import pytest

from inference.backends.memory_faiss import CharNgramHashEmbeddings, NgramFaissMemoryBackend
from inference.types import MemoryRecord

ALICE, BOB = "a1ice0key", "b0bkey"
ALICE_TURNS = [
    MemoryRecord(1, "요즘 잠이 안 와서 새벽까지 뒤척여요", "잠들기 어려우시군요.", "2026-11-01"),
    MemoryRecord(2, "회사 팀장님 때문에 스트레스가 심해요", "직장에서 많이 지치셨겠어요.", "2026-11-02"),
    MemoryRecord(3, "다음 주 기말고사가 너무 걱정돼요", "시험 앞이라 불안하시군요.", "2026-11-03"),
    MemoryRecord(4, "여자친구랑 헤어지고 나서 너무 허전해요", "이별 뒤라 많이 허전하시겠어요.", "2026-11-04"),
    MemoryRecord(5, "엄마랑 크게 싸워서 말을 안 하고 있어요", "가족과 다투면 마음이 무겁죠.", "2026-11-05"),
]


@pytest.fixture
def backend(tmp_path: Path) -> NgramFaissMemoryBackend:
    b = NgramFaissMemoryBackend(memory_dir=tmp_path)
    b.rebuild(ALICE, ALICE_TURNS)
    return b


def test_it_returns_the_closest_past_turns_best_first_with_scores(backend: NgramFaissMemoryBackend) -> None:
    items = backend.retrieve(ALICE, "어젯밤에도 잠이 안 와서 뒤척였어요", k=3)
    assert [i.dialog_id for i in items][0] == 1
    assert len(items) == 3
    assert all(0.0 <= i.score <= 1.0 for i in items)
    assert [i.score for i in items] == sorted((i.score for i in items), reverse=True)
    assert items[0].u_message == ALICE_TURNS[0].u_message
    assert items[0].reply == ALICE_TURNS[0].reply
    assert items[0].dt == "2026-11-01"
    assert items[0].text == f"{ALICE_TURNS[0].u_message}\n{ALICE_TURNS[0].reply}"


def test_each_topic_finds_its_own_turn(backend: NgramFaissMemoryBackend) -> None:
    for query, expected in [("팀장님이 또 야근을 시켜요", 2), ("시험 공부가 손에 안 잡혀요", 3),
                            ("헤어진 여자친구 생각이 나요", 4), ("엄마랑 또 싸웠어요", 5)]:
        assert backend.retrieve(ALICE, query, k=1)[0].dialog_id == expected, query


def test_a_turn_never_retrieves_itself(backend: NgramFaissMemoryBackend) -> None:
    items = backend.retrieve(ALICE, ALICE_TURNS[0].u_message, k=3, exclude_dialog_id=1)
    assert len(items) == 3
    assert 1 not in [i.dialog_id for i in items]


def test_adding_the_same_dialog_twice_keeps_one_copy(backend: NgramFaissMemoryBackend, tmp_path: Path) -> None:
    extra = MemoryRecord(6, "요즘 입맛이 없어요", "식사를 잘 못 하시는군요.")
    backend.add(ALICE, extra)
    backend.add(ALICE, extra)
    assert json.loads((tmp_path / ALICE / "meta.json").read_text())["count"] == 6
    found = backend.retrieve(ALICE, "입맛이 없어요", k=6)
    assert [i.dialog_id for i in found].count(6) == 1


def test_re_adding_a_dialog_with_new_text_replaces_it(backend: NgramFaissMemoryBackend) -> None:
    backend.add(ALICE, MemoryRecord(1, "요즘 강아지가 아파요", "걱정이 많으시겠어요."))
    found = backend.retrieve(ALICE, "강아지가 아파요", k=5)
    assert [i.dialog_id for i in found].count(1) == 1
    assert found[0].dialog_id == 1 and found[0].u_message == "요즘 강아지가 아파요"


def test_alices_memory_never_reaches_bob(backend: NgramFaissMemoryBackend, tmp_path: Path) -> None:
    backend.add(BOB, MemoryRecord(100, "축구 경기를 보러 갔어요", "즐거우셨겠어요."))
    found = backend.retrieve(BOB, ALICE_TURNS[0].u_message, k=5)
    assert [i.dialog_id for i in found] == [100]
    assert backend.retrieve("nobody", ALICE_TURNS[0].u_message, k=5) == []
    assert {p.name for p in tmp_path.iterdir()} == {ALICE, BOB, ".locks"}


def test_the_store_persists_for_another_process(backend: NgramFaissMemoryBackend, tmp_path: Path) -> None:
    fresh = NgramFaissMemoryBackend(memory_dir=tmp_path)
    assert fresh.exists(ALICE)
    assert fresh.retrieve(ALICE, "기말고사 걱정", k=1)[0].dialog_id == 3
    assert sorted(p.name for p in (tmp_path / ALICE).iterdir()) == ["index.faiss", "index.pkl", "meta.json"]


def test_a_missing_folder_means_missing_memory_until_rebuilt(backend: NgramFaissMemoryBackend, tmp_path: Path) -> None:
    import shutil

    backend.retrieve(ALICE, "잠", k=1)  # loaded into this process's cache
    shutil.rmtree(tmp_path / ALICE)
    assert not backend.exists(ALICE)
    assert backend.retrieve(ALICE, "잠이 안 와요", k=3) == []
    backend.rebuild(ALICE, ALICE_TURNS)
    assert backend.exists(ALICE)
    assert backend.retrieve(ALICE, "잠이 안 와요", k=1)[0].dialog_id == 1


def test_a_store_of_other_embeddings_counts_as_missing(backend: NgramFaissMemoryBackend, tmp_path: Path) -> None:
    class OtherEmbeddings(CharNgramHashEmbeddings):
        @property
        def name(self) -> str:
            return "some-sbert-model"

    class OtherBackend(NgramFaissMemoryBackend):
        def make_embeddings(self, **options: object) -> OtherEmbeddings:
            return OtherEmbeddings(dim=256)

    other = OtherBackend(memory_dir=tmp_path)
    assert not other.exists(ALICE)
    assert other.retrieve(ALICE, "잠이 안 와요", k=3) == []  # never searched with the wrong vectors
    other.rebuild(ALICE, ALICE_TURNS)
    meta = json.loads((tmp_path / ALICE / "meta.json").read_text())
    assert (meta["embedding"], meta["dimension"]) == ("some-sbert-model", 256)
    assert other.retrieve(ALICE, "잠이 안 와요", k=1)[0].dialog_id == 1
    assert not backend.exists(ALICE)  # and now the n-gram backend sees a mismatch in turn


def test_a_changed_dimension_counts_as_missing(backend: NgramFaissMemoryBackend, tmp_path: Path) -> None:
    assert not NgramFaissMemoryBackend(memory_dir=tmp_path, memory_ngram_dim=512).exists(ALICE)


def test_a_broken_meta_file_counts_as_missing(backend: NgramFaissMemoryBackend, tmp_path: Path) -> None:
    (tmp_path / ALICE / "meta.json").write_text("{not json")
    assert not backend.exists(ALICE)
    assert backend.retrieve(ALICE, "잠", k=3) == []


def test_adding_to_a_mismatched_store_starts_it_afresh(backend: NgramFaissMemoryBackend, tmp_path: Path) -> None:
    meta_path = tmp_path / ALICE / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta_path.write_text(json.dumps({**meta, "embedding": "old-model"}))
    backend.add(ALICE, MemoryRecord(9, "새로운 이야기", "들려주셔서 고마워요."))
    assert [i.dialog_id for i in backend.retrieve(ALICE, "잠이 안 와요", k=5)] == [9]


def test_delete_user_removes_every_file_of_theirs(backend: NgramFaissMemoryBackend, tmp_path: Path) -> None:
    backend.add(BOB, MemoryRecord(100, "축구", "좋아요"))
    backend.delete_user(ALICE)
    assert not (tmp_path / ALICE).exists()
    assert not (tmp_path / ".locks" / f"{ALICE}.lock").exists()
    assert not any(ALICE in p.name for p in tmp_path.rglob("*"))
    assert not backend.exists(ALICE)
    assert backend.retrieve(ALICE, "잠", k=3) == []
    assert backend.exists(BOB)
    backend.delete_user(ALICE)  # deleting twice is fine


def test_reading_a_missing_user_leaves_no_files(tmp_path: Path) -> None:
    b = NgramFaissMemoryBackend(memory_dir=tmp_path)
    assert not b.exists("ghost")
    assert b.retrieve("ghost", "안녕", k=3) == []
    assert list(tmp_path.rglob("*")) == []


def test_an_empty_rebuild_makes_an_empty_store(tmp_path: Path) -> None:
    b = NgramFaissMemoryBackend(memory_dir=tmp_path)
    b.rebuild(ALICE, [])
    assert b.exists(ALICE)
    assert b.retrieve(ALICE, "안녕", k=3) == []


def test_keys_that_could_escape_the_folder_are_refused(tmp_path: Path) -> None:
    b = NgramFaissMemoryBackend(memory_dir=tmp_path / "memory")
    for key in ("../etc", "a/b", "", ".locks", "a.b"):
        with pytest.raises(ValueError):
            b.add(key, ALICE_TURNS[0])
    assert not (tmp_path / "etc").exists()


def test_writes_leave_only_the_store_and_its_scratch_folder(backend: NgramFaissMemoryBackend, tmp_path: Path) -> None:
    for r in ALICE_TURNS:
        backend.add(ALICE, MemoryRecord(r.dialog_id + 10, r.u_message, r.reply))
    assert sorted(p.name for p in tmp_path.iterdir()) == [".locks", f".spare.{ALICE}", ALICE]


def test_a_write_that_fails_half_way_leaves_the_live_store_intact(
    backend: NgramFaissMemoryBackend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from langchain_community.vectorstores import FAISS

    def half_write(self: FAISS, folder_path: str, index_name: str = "index") -> None:
        (Path(folder_path) / f"{index_name}.faiss").write_bytes(b"half an index")
        raise OSError("disk full")

    monkeypatch.setattr(FAISS, "save_local", half_write)
    with pytest.raises(OSError, match="disk full"):
        backend.add(ALICE, MemoryRecord(50, "새 이야기", "응답"))
    monkeypatch.undo()
    fresh = NgramFaissMemoryBackend(memory_dir=tmp_path)
    assert [i.dialog_id for i in fresh.retrieve(ALICE, "잠이 안 와요", k=10)].count(50) == 0
    assert fresh.retrieve(ALICE, "잠이 안 와요", k=1)[0].dialog_id == 1
    assert [i.dialog_id for i in backend.retrieve(ALICE, "새 이야기", k=10)].count(50) == 0  # cache dropped
    assert sorted(p.name for p in tmp_path.iterdir()) == [".locks", ALICE]


def test_concurrent_adds_from_threads_lose_nothing(tmp_path: Path) -> None:
    b = NgramFaissMemoryBackend(memory_dir=tmp_path)

    def work(offset: int) -> None:
        for i in range(10):
            b.add(ALICE, MemoryRecord(offset + i, f"스레드 {offset} 메시지 {i}", "응답"))

    threads = [threading.Thread(target=work, args=(n * 100,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    fresh = NgramFaissMemoryBackend(memory_dir=tmp_path)
    assert len(fresh.retrieve(ALICE, "메시지", k=100)) == 40


def _add_from_process(memory_dir: str, offset: int) -> None:
    b = NgramFaissMemoryBackend(memory_dir=memory_dir)
    for i in range(8):
        b.add(ALICE, MemoryRecord(offset + i, f"프로세스 {offset} 메시지 {i}", "응답"))


def test_concurrent_adds_from_processes_lose_nothing(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_add_from_process, args=(str(tmp_path), n * 100)) for n in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0]
    b = NgramFaissMemoryBackend(memory_dir=tmp_path)
    assert len(b.retrieve(ALICE, "메시지", k=100)) == 16


def test_the_embedding_is_deterministic_and_unit_length() -> None:
    emb = CharNgramHashEmbeddings(dim=768)
    a, b = emb.embed_query("잠이 안 와요"), emb.embed_query("잠이 안 와요")
    assert a == b
    assert abs(sum(x * x for x in a) - 1.0) < 1e-5
    assert len(emb.embed_documents(["하나", "둘"])) == 2


def test_deleting_or_checking_a_foreign_store_never_loads_the_embedding_model(
    backend: NgramFaissMemoryBackend, tmp_path: Path
) -> None:
    class ModelBackend(NgramFaissMemoryBackend):
        embedding_name = "hf:some/model"

        def make_embeddings(self, **options: object) -> CharNgramHashEmbeddings:
            raise AssertionError("the model was loaded")

    model_backend = ModelBackend(memory_dir=tmp_path)
    assert not model_backend.exists(ALICE)  # n-gram store: the name differs, no model needed
    model_backend.delete_user(ALICE)
    assert not (tmp_path / ALICE).exists()
