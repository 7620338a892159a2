"""Per-user conversation memory: LangChain's FAISS store over pluggable embeddings.

Layout, one folder per user (the user's `memory_key`, never the login id):

    <memory_dir>/<user_key>/index.faiss   the FAISS index (inner product on unit vectors)
    <memory_dir>/<user_key>/index.pkl     LangChain's docstore (pickled; our own files only)
    <memory_dir>/<user_key>/meta.json     embedding name + dimension + a version stamp
    <memory_dir>/.locks/<user_key>.lock   cross-process lock file

A store whose meta.json does not name the current embeddings is treated as missing, so
switching embeddings means a rebuild from the database, never a mix of vector spaces.
    <memory_dir>/.spare.<user_key>/       scratch: the next write goes here, then folders swap

Writes go to the scratch folder, which is renamed into place under an exclusive lock (one
thread per user in a process, flock across processes); readers take a shared lock, so no
process ever sees half a store, and a write that fails half-way leaves the live one intact.
Each process keeps recently used stores loaded and reloads one when its version changes.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import math
import os
import re
import shutil
import threading
import unicodedata
import uuid
import warnings
import zlib
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from ..types import MemoryItem, MemoryRecord

META_FORMAT = 2  # 2: vectors are the message plus REPLY_WEIGHT × the reply
REPLY_WEIGHT = 0.3
INDEX_NAME = "index"
_KEY_RE = re.compile(r"^[A-Za-z0-9_-]{1,128}$")
_SPACE_RE = re.compile(r"\s+")


# Syllables of endings, particles and fillers (`…했어요`, `…에서`, `너무`, `정말`): nearly every
# message has them, so a gram made only of these says little about what it is about.
FUNCTION_SYLLABLES = frozenset(
    "요어아여해에예다는은이가을를서고게지도만의로와과랑하했었았였겠시세셨나네죠까니면며데던든"
    "좀것거수있없안못그저너무정말많진짜 "
)


class CharNgramHashEmbeddings(Embeddings):
    """Offline embedding: character 1–3-grams hashed into `dim` buckets, L2-normalised.

    Deterministic across processes (crc32, not Python's salted hash); needs no model. Korean
    syllables carry meaning on their own, so syllable n-grams match `잠이 안 와요` with
    `잠을 못 자요`; grams made only of function syllables count `function_weight` as much.
    """

    def __init__(self, dim: int = 768, ngram_min: int = 1, ngram_max: int = 3,
                 function_weight: float = 0.3) -> None:
        self.dim = int(dim)
        self.ngram_min = int(ngram_min)
        self.ngram_max = int(ngram_max)
        self.function_weight = float(function_weight)

    @property
    def name(self) -> str:
        return f"char-ngram-hash-v2/{self.ngram_min}-{self.ngram_max}/fw{self.function_weight:g}"

    def vector(self, text: str) -> np.ndarray:
        norm = _SPACE_RE.sub(" ", unicodedata.normalize("NFC", text).lower()).strip()
        padded = f" {norm} "
        grams: dict[int, float] = {}
        for n in range(self.ngram_min, self.ngram_max + 1):
            for start in range(len(padded) - n + 1):
                gram = padded[start : start + n]
                if gram.isspace():
                    continue
                bucket = zlib.crc32(gram.encode("utf-8")) % self.dim
                weight = self.function_weight if FUNCTION_SYLLABLES.issuperset(gram) else 1.0
                grams[bucket] = grams.get(bucket, 0.0) + weight
        vec = np.zeros(self.dim, dtype=np.float32)
        for bucket, count in grams.items():
            # Sublinear: a repeated syllable is not a topic.
            vec[bucket] = count if count < 1.0 else 1.0 + math.log(count)
        norm2 = float(np.linalg.norm(vec))
        return vec / norm2 if norm2 > 0 else vec

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self.vector(t).tolist() for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.vector(text).tolist()


def _langchain_faiss() -> tuple[Any, Any, Any]:
    # langchain-community warns on import that it is being sunset; FAISS is what we pin.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from langchain_community.docstore.in_memory import InMemoryDocstore
        from langchain_community.vectorstores import FAISS
        from langchain_community.vectorstores.utils import DistanceStrategy
    return FAISS, InMemoryDocstore, DistanceStrategy


def record_text(record: MemoryRecord) -> str:
    return f"{record.u_message}\n{record.reply}"


def _unit_rows(vectors: Sequence[Sequence[float]]) -> np.ndarray:
    arr = np.asarray(vectors, dtype=np.float32)
    if arr.ndim == 1:
        arr = arr[None, :]
    norms = np.linalg.norm(arr, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return arr / norms


class _Loaded:
    """A store held in memory, valid while meta.json still carries `version`."""

    __slots__ = ("store", "version")

    def __init__(self, store: Any, version: str) -> None:
        self.store = store
        self.version = version


class NgramFaissMemoryBackend:
    """MemoryBackend over LangChain FAISS; subclasses swap the embeddings (`make_embeddings`).

    Options: memory_dir (default var/memory), memory_ngram_dim (768), memory_cache_users
    (how many users' stores stay loaded in this process, 64). Unknown options are ignored.
    """

    # Written to meta.json; a store written under another name is rebuilt, never mixed.
    # A subclass sets it cheaply (class attribute, or in __init__ from its options) so that
    # delete_user(), and exists() on a store of other embeddings, need not load a model; if
    # empty it comes from the embeddings.
    embedding_name: str = ""

    def __init__(self, **options: Any) -> None:
        self.memory_dir = Path(options.get("memory_dir") or Path("var") / "memory")
        self._options = dict(options)
        self._embeddings: Embeddings | None = None
        self._dimension: int | None = None
        self._cache: OrderedDict[str, _Loaded] = OrderedDict()
        self._cache_size = int(options.get("memory_cache_users") or 64)
        self._locks: dict[str, threading.RLock] = {}
        self._locks_guard = threading.Lock()
        self._embeddings_lock = threading.Lock()

    # --- the pluggable part -----------------------------------------------------------------
    def make_embeddings(self, **options: Any) -> Embeddings:
        return CharNgramHashEmbeddings(dim=int(options.get("memory_ngram_dim") or 768))

    @property
    def embeddings(self) -> Embeddings:
        """Built on first use: deleting a user's files must not load an embedding model."""
        if self._embeddings is None:
            with self._embeddings_lock:  # not _locks_guard: loading a model takes seconds
                if self._embeddings is None:
                    self._embeddings = self.make_embeddings(**self._options)
        return self._embeddings

    def _name(self) -> str:
        if not self.embedding_name:
            emb = self.embeddings
            self.embedding_name = str(getattr(emb, "name", "") or type(emb).__name__)
        return self.embedding_name

    @property
    def dimension(self) -> int:
        if self._dimension is None:
            dim = getattr(self.embeddings, "dim", None)
            # A model embedding does not say: ask it once.
            self._dimension = int(dim) if dim else len(self.embeddings.embed_query("차원"))
        return self._dimension

    # --- MemoryBackend ----------------------------------------------------------------------
    def exists(self, user_key: str) -> bool:
        with self._locked(user_key, exclusive=False):
            return self._current_version(user_key) is not None

    def retrieve(
        self, user_key: str, query: str, k: int, exclude_dialog_id: int | None = None
    ) -> list[MemoryItem]:
        if k <= 0 or not query.strip():
            return []
        query_vec = _unit_rows([self.embeddings.embed_query(query)])[0]
        with self._locked(user_key, exclusive=False):
            loaded = self._load(user_key)
            if loaded is None or loaded.store.index.ntotal == 0:
                return []
            fetch = k + (1 if exclude_dialog_id is not None else 0)
            hits = loaded.store.similarity_search_with_score_by_vector(query_vec.tolist(), k=fetch)
        items: list[MemoryItem] = []
        for doc, score in hits:
            meta = doc.metadata
            if exclude_dialog_id is not None and meta.get("dialog_id") == exclude_dialog_id:
                continue
            text: str = doc.page_content
            cut = int(meta.get("cut", len(text)))
            items.append(
                MemoryItem(
                    dialog_id=int(meta["dialog_id"]),
                    text=text,
                    score=min(1.0, max(0.0, float(score))),
                    u_message=text[:cut],
                    reply=text[cut + 1 :],
                    dt=meta.get("dt", ""),
                )
            )
        return items[:k]

    def add(self, user_key: str, record: MemoryRecord) -> None:
        doc_id = str(record.dialog_id)
        text = record_text(record)
        vectors = self._vectors([record])  # outside the lock: a model embedding takes a while
        with self._locked(user_key, exclusive=True):
            loaded = self._load(user_key)
            store = loaded.store if loaded is not None else self._empty_store()
            existing = store.get_by_ids([doc_id])
            if existing and existing[0].page_content == text:
                return  # already indexed: a retried turn must not add a second copy
            try:
                if existing:
                    store.delete([doc_id])
                self._add_records(store, [record], vectors)
                self._save(user_key, store)
            except BaseException:
                self._forget(user_key)  # the in-memory copy may now differ from disk
                raise

    def rebuild(self, user_key: str, records: Sequence[MemoryRecord]) -> None:
        unique = list({r.dialog_id: r for r in records}.values())
        store = self._empty_store()
        if unique:
            self._add_records(store, unique, self._vectors(unique))
        with self._locked(user_key, exclusive=True):
            self._save(user_key, store)

    def delete_user(self, user_key: str) -> None:
        with self._locked(user_key, exclusive=True):
            self._forget(user_key)
            shutil.rmtree(self._user_dir(user_key), ignore_errors=True)
            self._sweep(user_key)
            # The lock file is named after the user too; nothing of theirs stays on disk.
            with contextlib.suppress(FileNotFoundError):
                self._lock_path(user_key).unlink()

    # --- store building ---------------------------------------------------------------------
    def _empty_store(self) -> Any:
        import faiss

        FAISS, InMemoryDocstore, DistanceStrategy = _langchain_faiss()
        return FAISS(
            embedding_function=self.embeddings,
            index=faiss.IndexFlatIP(self.dimension),
            docstore=InMemoryDocstore(),
            index_to_docstore_id={},
            distance_strategy=DistanceStrategy.MAX_INNER_PRODUCT,
        )

    def _vectors(self, records: Sequence[MemoryRecord]) -> np.ndarray:
        # What the person said is what a later message echoes; the counsellor's reply is
        # mostly counselling language that makes every turn look alike, but it names the
        # topic (`시험 앞이라…`), so it counts at REPLY_WEIGHT.
        rows = _unit_rows(self.embeddings.embed_documents(
            [r.u_message for r in records] + [r.reply for r in records]
        ))
        n = len(records)
        return _unit_rows(rows[:n] + REPLY_WEIGHT * rows[n:])

    def _add_records(self, store: Any, records: Sequence[MemoryRecord], vectors: np.ndarray) -> None:
        texts = [record_text(r) for r in records]
        store.add_embeddings(
            list(zip(texts, vectors.tolist(), strict=True)),
            # The text already holds both halves: store where to cut, not a second copy
            # (the docstore is pickled on every write, so its size is the cost of a write).
            metadatas=[{"dialog_id": r.dialog_id, "dt": r.dt, "cut": len(r.u_message)} for r in records],
            ids=[str(r.dialog_id) for r in records],
        )

    # --- files ------------------------------------------------------------------------------
    def _user_dir(self, user_key: str) -> Path:
        if not _KEY_RE.match(user_key):
            raise ValueError(f"not a memory key: {user_key!r}")
        return self.memory_dir / user_key

    def _lock_path(self, user_key: str) -> Path:
        return self.memory_dir / ".locks" / f"{user_key}.lock"

    def _current_version(self, user_key: str) -> str | None:
        """The stamp of a usable store, or None when missing, broken or of other embeddings."""
        folder = self._user_dir(user_key)
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if (
            meta.get("format") != META_FORMAT
            or meta.get("embedding") != self._name()
            or meta.get("dimension") != self.dimension
            or not (folder / f"{INDEX_NAME}.faiss").is_file()
            or not (folder / f"{INDEX_NAME}.pkl").is_file()
        ):
            return None
        return str(meta.get("version", ""))

    def _load(self, user_key: str) -> _Loaded | None:
        version = self._current_version(user_key)
        if version is None:
            self._forget(user_key)
            return None
        with self._locks_guard:
            cached = self._cache.get(user_key)
            if cached is not None and cached.version == version:
                self._cache.move_to_end(user_key)
                return cached
        FAISS, _, DistanceStrategy = _langchain_faiss()
        # Unpickling is safe here only because these files are ours: written by _save under
        # memory_dir, and meta.json (checked above) says which embeddings wrote them.
        store = FAISS.load_local(
            str(self._user_dir(user_key)),
            self.embeddings,
            INDEX_NAME,
            allow_dangerous_deserialization=True,
            distance_strategy=DistanceStrategy.MAX_INNER_PRODUCT,
        )
        loaded = _Loaded(store, version)
        self._remember(user_key, loaded)
        return loaded

    def _save(self, user_key: str, store: Any) -> None:
        """Write the store beside the live one, then swap folders by renaming.

        The previous version's folder is kept as the next write's scratch space
        (`.spare.<key>`): renames are cheap, removing a folder is not on every filesystem.
        """
        final = self._user_dir(user_key)
        spare = self.memory_dir / f".spare.{user_key}"
        swap = self.memory_dir / f".swap.{user_key}"
        version = uuid.uuid4().hex
        try:
            spare.mkdir(parents=True, exist_ok=True)
            # Unlink rather than overwrite: ext4 flushes a file truncated and rewritten in
            # place (auto_da_alloc), which costs milliseconds per write.
            for leftover in spare.iterdir():
                leftover.unlink()
            store.save_local(str(spare), INDEX_NAME)
            meta = {
                "format": META_FORMAT,
                "embedding": self._name(),
                "dimension": self.dimension,
                "count": int(store.index.ntotal),
                "version": version,
            }
            (spare / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
            if final.exists():
                # A folder cannot be renamed over a non-empty one: move the live one aside
                # first. Readers hold the shared lock, so none of them sees the gap; a crash in
                # it leaves no store, which reads as missing and is rebuilt.
                if swap.exists():
                    shutil.rmtree(swap)
                os.rename(final, swap)
                os.rename(spare, final)
                os.rename(swap, spare)
            else:
                os.rename(spare, final)
        except BaseException:
            shutil.rmtree(spare, ignore_errors=True)
            raise
        self._remember(user_key, _Loaded(store, version))

    def _sweep(self, user_key: str) -> None:
        """The scratch folders beside the user's store."""
        for name in (f".spare.{user_key}", f".swap.{user_key}"):
            shutil.rmtree(self.memory_dir / name, ignore_errors=True)

    # --- cache and locks --------------------------------------------------------------------
    def _remember(self, user_key: str, loaded: _Loaded) -> None:
        with self._locks_guard:
            self._cache[user_key] = loaded
            self._cache.move_to_end(user_key)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)

    def _forget(self, user_key: str) -> None:
        with self._locks_guard:
            self._cache.pop(user_key, None)

    @contextlib.contextmanager
    def _locked(self, user_key: str, *, exclusive: bool) -> Iterator[None]:
        """One thread of this process at a time per user, plus a file lock across processes."""
        self._user_dir(user_key)  # validates the key before it names any file
        with self._locks_guard:
            thread_lock = self._locks.setdefault(user_key, threading.RLock())
        with thread_lock:
            lock_path = self._lock_path(user_key)
            if not exclusive and not lock_path.exists():
                # Every write creates the lock file first and delete_user removes it last:
                # no lock file, no store. Reading must not leave a file behind for a user.
                yield
                return
            lock_path.parent.mkdir(parents=True, exist_ok=True)
            with open(lock_path, "a+b") as fh:
                fcntl.flock(fh, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
                try:
                    yield
                finally:
                    fcntl.flock(fh, fcntl.LOCK_UN)
