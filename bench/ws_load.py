"""Websocket load test: N sessions through daphne + Redis + Celery worker(s).

    .venv/bin/python bench/ws_load.py --sessions 200 --duration 60 --layer pubsub

Starts its own stack (a fresh SQLite file, daphne on a free port, `celery -A mentos_site
worker -Q inference`) against Redis (db 14 by default, flushed), connects N logged-in
sessions, each sending a message every --interval seconds (after its previous reply is
done) for --duration seconds, then prints turns/s, p50/p99 send→first delta and
send→done, lost and failed turns, and the CPU seconds each process spent per turn.
--layer core|pubsub picks channels_redis' RedisChannelLayer or RedisPubSubChannelLayer.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LAYERS = {"pubsub": "channels_redis.pubsub.RedisPubSubChannelLayer", "core": "channels_redis.core.RedisChannelLayer"}
MESSAGES = [
    "요즘 회사 일이 너무 많아서 지쳐요.", "시험이 다가와서 걱정이 많아요.", "친구랑 싸워서 마음이 불편해요.",
    "오늘은 그냥 평범한 하루였어요.", "잠을 잘 못 자서 피곤해요.", "가족이랑 여행 가기로 해서 설레요.",
    "발표를 망친 것 같아서 속상해요.", "요즘 생각이 너무 많아요.", "칭찬을 받아서 기분이 좋았어요.",
    "이사 준비 때문에 정신이 없어요.",
]


@dataclass
class Turn:
    sent: float
    ack: float | None = None
    first_delta: float | None = None
    done: float | None = None
    failed: bool = False


@dataclass
class Stats:
    turns: dict[str, Turn] = field(default_factory=dict)
    deltas: int = 0
    rate_limited: int = 0
    other_errors: int = 0


SEED = """
import json, os, sys, django
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
n = int(sys.argv[1])
chars = list(Character.objects.filter(is_active=True))
users = [User(user_id=f"load{i:04d}", name=f"load{i}") for i in range(n)]
for u in users:
    u.set_unusable_password()  # no password hashing: sessions are made here
User.objects.bulk_create(users)
out = []
for i, user in enumerate(users):
    s = SessionStore()
    s[SESSION_KEY] = user.pk
    s[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    s[HASH_SESSION_KEY] = user.get_session_auth_hash()
    s.save()
    c = chars[i % len(chars)]
    out.append([s.session_key, Counsel.objects.create(user=user, character=c, greeting=c.greeting).pk])
print(json.dumps(out))
"""


async def session(ws_url: str, origin: str, sid: str, counsel_id: int, args: argparse.Namespace,
                  stats: Stats, stop_at: float) -> None:
    import websockets

    headers = {"Origin": origin, "Cookie": f"sessionid={sid}"}
    await asyncio.sleep(random.uniform(0, args.interval))  # spread the first messages
    async with websockets.connect(f"{ws_url}/ws/counsels/{counsel_id}/", additional_headers=headers,
                                  max_size=2**20, open_timeout=60) as ws:
        by_dialog: dict[int, str] = {}
        pending: asyncio.Event = asyncio.Event()
        pending.set()

        async def reader() -> None:
            async for raw in ws:
                frame = json.loads(raw)
                now = time.perf_counter()
                kind = frame["type"]
                if kind == "ack":
                    by_dialog[frame["dialog_id"]] = frame["client_msg_id"]
                    acked = stats.turns.get(frame["client_msg_id"])
                    if acked and acked.ack is None:
                        acked.ack = now
                    continue
                key = by_dialog.get(frame.get("dialog_id", -1))
                turn = stats.turns.get(key) if key else None
                if kind == "delta" and turn:
                    stats.deltas += 1
                    turn.first_delta = turn.first_delta or now
                elif kind == "done" and turn:
                    turn.done = now
                    turn.first_delta = turn.first_delta or now
                    pending.set()
                elif kind == "error":
                    if frame.get("code") == "turn_failed" and turn:
                        turn.failed = True
                        pending.set()
                    elif frame.get("code") == "rate_limited":
                        stats.rate_limited += 1
                        pending.set()
                    else:
                        stats.other_errors += 1

        task = asyncio.create_task(reader())
        try:
            while time.perf_counter() < stop_at:
                next_at = time.perf_counter() + args.interval
                pending.clear()
                key = uuid.uuid4().hex
                stats.turns[key] = Turn(sent=time.perf_counter())
                await ws.send(json.dumps({"type": "message", "text": random.choice(MESSAGES), "client_msg_id": key}))
                try:
                    await asyncio.wait_for(pending.wait(), timeout=args.grace)
                except TimeoutError:
                    pass
                await asyncio.sleep(max(0.0, next_at - time.perf_counter()))
        finally:
            task.cancel()


def fresh_mariadb(hostport: str) -> str:
    import MySQLdb

    host, _, port = hostport.partition(":")
    db = MySQLdb.connect(host=host, port=int(port or 3306), user="root")
    db.cursor().execute("DROP DATABASE IF EXISTS mentos_ws_load")
    db.cursor().execute("CREATE DATABASE mentos_ws_load CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
    db.close()
    return f"mysql://root@{host}:{port or 3306}/mentos_ws_load"


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def cpu_of(pid: int) -> float:
    import psutil

    proc = psutil.Process(pid)
    total = sum(proc.cpu_times()[:2])
    for child in proc.children(recursive=True):
        try:
            total += sum(child.cpu_times()[:2])
        except psutil.Error:
            pass
    return total


def redis_pid(url: str) -> int | None:
    import redis

    try:
        return int(redis.Redis.from_url(url).info("server")["process_id"])
    except Exception:
        return None


async def drive(stack, seeded: list[list], args: argparse.Namespace) -> Stats:
    stats = Stats()
    stop_at = time.perf_counter() + args.duration
    await asyncio.gather(*(session(stack.ws_url, stack.base_url, sid, cid, args, stats, stop_at)
                           for sid, cid in seeded))
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--interval", type=float, default=8.0, help="seconds between one session's messages")
    parser.add_argument("--grace", type=float, default=30.0, help="seconds to wait for a reply before calling it lost")
    parser.add_argument("--layer", choices=sorted(LAYERS), default="pubsub")
    parser.add_argument("--workers", type=int, default=2, help="Celery worker processes")
    parser.add_argument("--pool", choices=["prefork", "solo"], default="solo",
                        help="one prefork worker with --workers children, or --workers solo workers")
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"))
    parser.add_argument("--mariadb", default=os.environ.get("BENCH_MARIADB", "127.0.0.1:3306"),
                        help="host:port of a MariaDB to run on (database mentos_ws_load, recreated); '' = SQLite")
    args = parser.parse_args()

    import redis

    from counseling.tests.live import LiveStack

    redis.Redis.from_url(args.redis_url).flushdb()
    tmp = Path(tempfile.mkdtemp(prefix="ws_load-"))
    stack = LiveStack(tmp, redis_url=args.redis_url, MENTOS_TURN_RUNNER="celery",
                      CHANNEL_LAYER_BACKEND=LAYERS[args.layer], LOG_LEVEL="ERROR", MENTOS_WARM_MODELS="true")
    if args.mariadb:
        stack.env["DATABASE_URL"] = fresh_mariadb(args.mariadb)
    try:
        seeded = json.loads(stack.manage("-c", SEED, str(args.sessions)).splitlines()[-1])
        stack.start_daphne()
        celery = [str(Path(sys.executable).parent / "celery"), "-A", "mentos_site", "worker", "-Q", "inference",
                  "-l", "warning", "--without-gossip", "--without-mingle", "--without-heartbeat"]
        names = [f"worker{i}" for i in range(args.workers if args.pool == "solo" else 1)]
        for name in names:
            pool = ["--pool=solo"] if args.pool == "solo" else ["--pool=prefork", "-c", str(args.workers), "-O", "fair"]
            stack.start(name, [*celery, *pool, "-n", f"bench-{name}-{uuid.uuid4().hex[:6]}@%h"])
        time.sleep(6)  # worker start-up
        # one warm-up turn per worker process: loads the pipeline before the clock starts
        warm = argparse.Namespace(**{**vars(args), "duration": 0.1, "interval": 0.0})
        asyncio.run(drive(stack, seeded[: max(1, args.workers)], warm))

        pids = {"daphne": stack.procs["daphne"].pid, **{name: stack.procs[name].pid for name in names}}
        rpid = redis_pid(args.redis_url)
        if rpid:
            pids["redis"] = rpid
        if args.mariadb:
            import psutil

            found = [p.pid for p in psutil.process_iter(["name"]) if p.info["name"] in {"mariadbd", "mysqld"}]
            if found:
                pids["mariadb"] = found[0]
        pids["client"] = os.getpid()
        cpu0 = {name: cpu_of(pid) for name, pid in pids.items()}
        t0 = time.perf_counter()
        stats = asyncio.run(drive(stack, seeded, args))
        elapsed = time.perf_counter() - t0
        cpu = {name: cpu_of(pid) - cpu0[name] for name, pid in pids.items()}
    finally:
        stack.stop()

    turns = list(stats.turns.values())
    done = [t for t in turns if t.done]
    failed = [t for t in turns if t.failed]
    lost = [t for t in turns if not t.done and not t.failed]
    first = [(t.first_delta - t.sent) * 1000 for t in done if t.first_delta]
    whole = [(t.done - t.sent) * 1000 for t in done]
    acks = [(t.ack - t.sent) * 1000 for t in turns if t.ack]
    n = max(1, len(done))
    print(f"layer={args.layer} sessions={args.sessions} duration={args.duration:.0f}s interval={args.interval:.0f}s "
          f"workers={args.workers} pool={args.pool}")
    print(f"turns sent={len(turns)} done={len(done)} failed={len(failed)} lost={len(lost)} "
          f"rate_limited={stats.rate_limited} other_errors={stats.other_errors}")
    print(f"throughput {len(done) / elapsed:.1f} turns/s, {stats.deltas / elapsed:.1f} delta frames/s "
          f"({stats.deltas / n:.1f} deltas/turn)")
    print(f"send->ack         ms p50={pct(acks, 50):.0f} p99={pct(acks, 99):.0f} max={max(acks, default=0):.0f}"
          "  (message stored, turn queued)")
    print(f"send->first delta ms p50={pct(first, 50):.0f} p99={pct(first, 99):.0f} max={max(first, default=0):.0f}")
    print(f"send->done        ms p50={pct(whole, 50):.0f} p99={pct(whole, 99):.0f} max={max(whole, default=0):.0f}")
    server = sum(v for k, v in cpu.items() if k != "client")
    print(f"cpu ms per turn   server total={server * 1000 / n:.1f}: "
          + " ".join(f"{k}={v * 1000 / n:.1f}" for k, v in cpu.items())
          + f" (per frame delivered: daphne={cpu['daphne'] * 1000 / max(1, stats.deltas + 3 * len(done)):.2f})")
    print(f"mean first delta {statistics.fmean(first) if first else float('nan'):.0f} ms; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; logs in {tmp}")


if __name__ == "__main__":
    main()
