"""A live stack for the cross-process tests: a migrated SQLite file, daphne on a free port,
Celery workers, all as real subprocesses with their own environment.

`python -m counseling.tests.live seed` (run inside that environment) creates users,
sessions and counsels and prints them as JSON.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
ORIGIN_HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((ORIGIN_HOST, 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, proc: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"process exited with {proc.returncode}")
        try:
            with socket.create_connection((ORIGIN_HOST, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on {port}")


class LiveStack:
    def __init__(self, tmp: Path, redis_url: str = "", **env: str) -> None:
        self.tmp = tmp
        self.port = free_port()
        self.env = {k: v for k, v in os.environ.items() if k not in {"TEST_DATABASE_NAME", "DJANGO_SETTINGS_MODULE"}}
        prefix = f"t{uuid.uuid4().hex[:8]}"
        self.env.update({
            "DATABASE_URL": f"sqlite:///{tmp / 'live.sqlite3'}",
            "MENTOS_MEMORY_DIR": str(tmp / "memory"),
            "REDIS_URL": redis_url,
            "CHANNEL_PREFIX": prefix, "CACHE_PREFIX": prefix,
            "DEBUG": "true", "LOG_LEVEL": "WARNING", "PYTHONUNBUFFERED": "1",
            **env,
        })
        if not redis_url:
            self.env.pop("REDIS_URL")
        self.procs: dict[str, subprocess.Popen[bytes]] = {}

    @property
    def base_url(self) -> str:
        return f"http://{ORIGIN_HOST}:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://{ORIGIN_HOST}:{self.port}"

    def manage(self, *args: str) -> str:
        out = subprocess.run([str(BIN / "python"), *args], cwd=ROOT, env=self.env,
                             capture_output=True, text=True, timeout=120)
        if out.returncode:
            raise RuntimeError(f"{args[:2]} exited {out.returncode}:\n{out.stderr[-3000:]}")
        return out.stdout

    def seed(self, *specs: str) -> dict[str, Any]:
        """Migrate, then make users ("alice" or "alice:seonbi" for a user with a counsel)."""
        return json.loads(self.manage("-m", "counseling.tests.live", "seed", *specs).splitlines()[-1])

    def start(self, name: str, argv: list[str], **env: str) -> subprocess.Popen[bytes]:
        with open(self.tmp / f"{name}.log", "ab") as log:  # the child keeps its own copy
            proc = subprocess.Popen(argv, cwd=ROOT, env={**self.env, **env}, stdout=log,
                                    stderr=subprocess.STDOUT, start_new_session=True)
        self.procs[name] = proc
        return proc

    def start_daphne(self, **env: str) -> None:
        argv = [str(BIN / "daphne"), "-b", ORIGIN_HOST, "-p", str(self.port), "mentos_site.asgi:application"]
        wait_for_port(self.port, self.start("daphne", argv, **env))

    def worker_argv(self, name: str) -> list[str]:
        return [str(BIN / "celery"), "-A", "mentos_site", "worker", "-Q", "inference", "--pool=solo",
                "-l", "info", "-n", f"{name}-{uuid.uuid4().hex[:6]}@%h",
                "--without-gossip", "--without-mingle", "--without-heartbeat"]

    def wait_ready(self, name: str, proc: subprocess.Popen[bytes], timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while b"ready." not in (self.tmp / f"{name}.log").read_bytes():
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not start:\n{self.log(name)}")
            time.sleep(0.2)

    def start_worker(self, name: str = "worker", **env: str) -> subprocess.Popen[bytes]:
        proc = self.start(name, self.worker_argv(name), **env)
        self.wait_ready(name, proc)
        return proc

    def kill(self, name: str, sig: int = signal.SIGKILL) -> None:
        proc = self.procs.pop(name)
        if proc.poll() is None:
            os.killpg(proc.pid, sig)
        proc.wait(timeout=30)

    def log(self, name: str) -> str:
        return (self.tmp / f"{name}.log").read_text(errors="replace")[-4000:]

    def stop(self) -> None:
        for name in list(self.procs):
            proc = self.procs[name]
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait(timeout=10)
            self.procs.pop(name)


def _seed(specs: list[str]) -> dict[str, Any]:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mentos_site.settings")
    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from accounts.models import User
    from characters.models import Character
    from counseling.models import Counsel

    call_command("migrate", verbosity=0, interactive=False)
    out: dict[str, Any] = {}
    for spec in specs:
        user_id, _, slug = spec.partition(":")
        user = User.objects.create_user(user_id, "s3cret-Passw0rd!", name=user_id)
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        entry: dict[str, Any] = {"session": session.session_key}
        if slug:
            character = Character.objects.get(slug=slug)
            entry["counsel"] = Counsel.objects.create(user=user, character=character, greeting=character.greeting).pk
        out[user_id] = entry
    return out


if __name__ == "__main__":
    if sys.argv[1:2] == ["seed"]:
        print(json.dumps(_seed(sys.argv[2:])))
