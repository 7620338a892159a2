"""The web process (daphne: mentos_site.asgi) and the offline pipeline never import torch.

Model backends import torch and transformers only when a worker loads a model. Run in a
fresh interpreter, because this test session itself has loaded them for other tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = r"""
import json, os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mentos_site.settings")

import mentos_site.asgi  # the web process's entry point: django.setup() + the ASGI app

from django.core.management import call_command
call_command("migrate", verbosity=0, interactive=False)

from django.urls import URLPattern, URLResolver, get_resolver, reverse, NoReverseMatch

def walk(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{prefix}{p.namespace}:" if p.namespace else prefix
            yield from walk(p.url_patterns, ns)
        elif isinstance(p, URLPattern) and p.name:
            yield prefix + p.name

names = sorted(set(walk(get_resolver().url_patterns)))
reversed_ok = []
for name in names:
    try:
        reversed_ok.append(reverse(name))
    except NoReverseMatch:
        pass  # needs arguments

from django.test import Client
client = Client()
pages = {}
for url in ("/", reverse("accounts:login"), reverse("accounts:signup")):
    pages[url] = client.get(url).status_code

# The embedded default turn: every offline backend, memory included.
from inference.django_glue import get_pipeline
from inference.types import CharacterStyle, TurnInput
result = get_pipeline().run(TurnInput(text="요즘 잠을 잘 못 자서 힘들어요.",
                                      character=CharacterStyle(slug="seonbi"), user_key="webcheck"))

print(json.dumps({
    "urls": len(names), "reversed": len(reversed_ok), "pages": pages, "reply": bool(result.styled),
    "heavy": sorted(m for m in ("torch", "transformers", "sentence_transformers", "peft")
                    if m in sys.modules),
}))
"""


def test_the_web_process_and_the_offline_pipeline_never_import_torch(tmp_path: Path) -> None:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("MENTOS_", "DATABASE_URL", "REDIS_URL"))},
        "DATABASE_URL": f"sqlite:///{tmp_path / 'web.sqlite3'}",
        "MENTOS_MEMORY_DIR": str(tmp_path / "memory"),
        "PYTHONPATH": str(ROOT),
    }
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["urls"] > 10 and report["reversed"] > 5
    assert all(code < 500 for code in report["pages"].values()), report["pages"]
    assert report["reply"]
    assert report["heavy"] == [], f"the web process imported {report['heavy']}"


@pytest.mark.models
def test_model_backend_modules_import_without_torch() -> None:
    # Naming a model backend in settings must not pull torch into a process that only
    # imports the module (e.g. the web process deleting a user's HF memory store).
    code = (
        "import sys\n"
        "import inference.backends.emotion_hf, inference.backends.llm_hf, inference.backends.llm_openai\n"
        "import inference.backends.memory_hf, inference.backends.style_seq2seq, inference.warmup\n"
        "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.strip() == "[]"
