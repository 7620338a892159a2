"""HuggingFace-embeddings memory on a tiny sentence-transformers model; switching the
embedding backend on an existing store is detected and the store rebuilt from the database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import testsupport  # noqa: F401  (offline hub before transformers loads)
from inference import django_glue
from inference.backends.memory_hf import HuggingFaceMemoryBackend
from inference.types import MemoryRecord
from testsupport.fixtures import tiny_model_path

pytestmark = pytest.mark.models

HF = "inference.backends.memory_hf.HuggingFaceMemoryBackend"
NGRAM = "inference.backends.memory_faiss.NgramFaissMemoryBackend"
RECORDS = [
    MemoryRecord(1, "잠을 잘 못 자서 피곤해요", "많이 지치셨겠어요", "2026-01-02"),
    MemoryRecord(2, "시험이 다가와서 걱정이 많아요", "걱정이 많으시군요", "2026-01-03"),
    MemoryRecord(3, "친구와 싸워서 마음이 불편해요", "속상하셨겠어요", "2026-01-04"),
]


@pytest.fixture(scope="module")
def embedder() -> Path:
    return tiny_model_path("sentence_embedder")


@pytest.fixture(autouse=True)
def _fresh_backends() -> Any:
    django_glue.reset_pipeline()
    yield
    django_glue.reset_pipeline()


def meta(memory_dir: Path, key: str) -> dict[str, Any]:
    return json.loads((memory_dir / key / "meta.json").read_text())


def test_it_indexes_and_retrieves_with_the_embedding_model(tmp_path: Path, embedder: Path) -> None:
    backend = HuggingFaceMemoryBackend(memory_dir=tmp_path, embedding_model=str(embedder))
    backend.rebuild("u1", RECORDS[:2])
    backend.add("u1", RECORDS[2])
    backend.add("u1", RECORDS[2])  # idempotent per dialog
    found = backend.retrieve("u1", "시험 걱정", 3)
    assert sorted(m.dialog_id for m in found) == [1, 2, 3]
    assert all(0.0 <= m.score <= 1.0 for m in found)
    assert backend.retrieve("u1", "시험 걱정", 3, exclude_dialog_id=2)[0].dialog_id != 2
    stamp = meta(tmp_path, "u1")
    assert stamp["embedding"] == f"hf:{embedder}" and stamp["dimension"] == 32 and stamp["count"] == 3


def test_a_store_of_other_embeddings_reads_as_missing(tmp_path: Path, embedder: Path) -> None:
    from inference.backends.memory_faiss import NgramFaissMemoryBackend

    NgramFaissMemoryBackend(memory_dir=tmp_path).rebuild("u1", RECORDS)
    hf = HuggingFaceMemoryBackend(memory_dir=tmp_path, embedding_model=str(embedder))
    assert not hf.exists("u1") and hf.retrieve("u1", "시험", 2) == []
    hf.rebuild("u1", RECORDS)
    other = HuggingFaceMemoryBackend(memory_dir=tmp_path, embedding_model=str(tiny_model_path("sentence_embedder_b")))
    assert not other.exists("u1")  # another model (48 dimensions): not mixed either
    assert hf.exists("u1")


def test_deleting_a_users_memory_needs_no_model(tmp_path: Path, embedder: Path) -> None:
    HuggingFaceMemoryBackend(memory_dir=tmp_path, embedding_model=str(embedder)).rebuild("u1", RECORDS)
    web_side = HuggingFaceMemoryBackend(memory_dir=tmp_path, embedding_model="/models/only/on/gpu/workers")
    web_side.delete_user("u1")  # the web process has no model files
    assert not (tmp_path / "u1").exists()


def test_switching_the_memory_backend_rebuilds_the_store_from_the_database(
    settings: Any, alice: Any, alice_counsel: Any, embedder: Path
) -> None:
    from counseling.models import Dialog
    from inference.memory_store import ensure_memory, memory_backend

    for i, rec in enumerate(RECORDS):
        Dialog.objects.create(
            counsel=alice_counsel, u_message=rec.u_message, ai_message=rec.reply, change_dialog=rec.reply,
            client_msg_id=f"m{i}", status=Dialog.Status.DONE,
        )
    memory_dir = Path(settings.MENTOS_MEMORY_DIR)
    settings.MENTOS_MEMORY_BACKEND = NGRAM
    assert ensure_memory(alice) is True
    assert meta(memory_dir, alice.memory_key)["embedding"].startswith("char-ngram")

    settings.MENTOS_MEMORY_BACKEND = HF
    settings.MENTOS_EMBEDDING_MODEL = str(embedder)
    assert ensure_memory(alice) is True  # detected: the n-gram vectors are not reused
    stamp = meta(memory_dir, alice.memory_key)
    assert (stamp["embedding"], stamp["dimension"], stamp["count"]) == (f"hf:{embedder}", 32, 3)
    assert ensure_memory(alice) is False  # and now it is current
    hits = memory_backend().retrieve(alice.memory_key, "시험이 걱정돼요", 2)
    assert len(hits) == 2 and {h.u_message for h in hits} <= {r.u_message for r in RECORDS}
