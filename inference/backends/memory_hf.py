"""Memory — LangChain FAISS over `HuggingFaceEmbeddings` (jhgan/ko-sbert-nli by default).

Everything but the embeddings is the n-gram backend's: per-user stores, locking, and the
meta.json beside each index that names the embedding model and its dimension. A store
written by other embeddings reads as missing, so the caller rebuilds it from the database
rather than mixing two vector spaces.
"""

from __future__ import annotations

from typing import Any

from langchain_core.embeddings import Embeddings

from .hf_common import check_model_name, load_error
from .memory_faiss import NgramFaissMemoryBackend

STAGE = "retrieve"
DEFAULT_MODEL = "jhgan/ko-sbert-nli"


class HuggingFaceMemoryBackend(NgramFaissMemoryBackend):
    """Options: embedding_model (model id or a sentence-transformers folder),
    embedding_batch_size (32), plus the n-gram backend's memory_dir, memory_cache_users."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.model_name = str(options.get("embedding_model") or DEFAULT_MODEL).strip()
        # meta.json records this: a different model (or path) means a different vector space.
        # Set here, without touching the model, so exists() and delete_user() stay cheap —
        # the web process deletes a user's memory without having the model files at all.
        self.embedding_name = f"hf:{self.model_name}"

    def make_embeddings(self, **options: Any) -> Embeddings:
        name = check_model_name(STAGE, self.model_name, "embedding model")
        from langchain_huggingface import HuggingFaceEmbeddings

        from .hf_common import placement

        try:
            return HuggingFaceEmbeddings(
                model_name=name,
                model_kwargs={"device": placement().device},
                encode_kwargs={
                    "normalize_embeddings": True,
                    "batch_size": int(options.get("embedding_batch_size") or 32),
                },
            )
        except Exception as exc:
            raise load_error(STAGE, "embedding model", name, exc) from exc

    def load(self) -> None:
        """Worker warm-up: load the model and ask it its dimension once."""
        _ = self.dimension
