"""Test support shared by every app: tiny transformers models built on the spot.

Nothing here downloads anything; see `testsupport.tiny_models` (the builders),
`testsupport.fixtures` (session-cached paths and pytest fixtures) and
`python -m testsupport.build_tiny_models OUT_DIR` (all of them, for a local end-to-end run).
"""

from __future__ import annotations

import os

# huggingface_hub reads these when it is first imported: set them before any test can.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# Two torch threads per turn (generation + the turn) must not spin against each other on
# a 2-core machine; see inference/backends/hf_common.py.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
