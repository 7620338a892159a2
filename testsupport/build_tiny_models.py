"""Write every tiny model under OUT_DIR and print the env vars that point Mentos at them.

    python -m testsupport.build_tiny_models var/tiny-models > var/tiny-models.env
    set -a; . var/tiny-models.env; set +a
    python manage.py pipeline turn --character expert
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from . import tiny_models as tm


def env_lines(paths: dict[str, Path]) -> list[str]:
    env = {
        "MENTOS_EMOTION_BACKEND": "inference.backends.emotion_hf.TransformersEmotionBackend",
        "MENTOS_EMOTION_MODEL": str(paths["emotion_model"]),
        "MENTOS_MEMORY_BACKEND": "inference.backends.memory_hf.HuggingFaceMemoryBackend",
        "MENTOS_EMBEDDING_MODEL": str(paths["embedding_model"]),
        "MENTOS_LLM_BACKEND": "inference.backends.llm_hf.TransformersLLMBackend",
        "MENTOS_LLM_MODEL": str(paths["llm_model"]),
        "MENTOS_LLM_ADAPTER": str(paths["llm_adapter"]),
        "MENTOS_LLM_MAX_NEW_TOKENS": "48",
        "MENTOS_STYLE_BACKEND": "inference.backends.style_seq2seq.Seq2SeqStyleBackend",
        "MENTOS_STYLE_MODEL": str(paths["style_model"]),
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
    }
    return [f"{k}={shlex.quote(v)}" for k, v in env.items()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args(argv)
    paths = tm.build_all(args.out_dir.resolve())
    print("\n".join(env_lines(paths)))
    print(f"# written under {args.out_dir.resolve()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
