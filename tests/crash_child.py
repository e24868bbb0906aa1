"""A kiosk sync process to be killed: ``python -m tests.crash_child [--wait | --serve] DATA_DIR OFFICE_URL N``.

Used by ``tests/test_sync_crash.py``, which kills it with SIGKILL and starts it again on the same
DATA_DIR. It makes ``SyncRunner(DATA_DIR, office_url=OFFICE_URL, kiosk_id="crashy")``, adds N ratings
to the outbox, then runs ``runner.once()`` forever (one more rating before every round, as if visitors
kept rating while the kiosk syncs, and a 10 ms pause).

Files in DATA_DIR (besides the runner's own):

* ``added.log``: ``<uuid> <text>`` per rating (text ``r-<pid>-<i>``), written (fsync) only after
  ``Outbox.add`` returned: a uuid in it is a record the kiosk promised to keep. A kill between the
  add and the line loses the line, not the record.
* ``phases.log``: ``<pid> <seconds since go> <phase>`` before (``name>``) and after (``name<``) each
  step, unbuffered, so the parent can tell where each kill landed: ``init`` (SyncRunner and outbox),
  ``add`` (a visitor's rating and its log line), ``once``, ``pull``, ``replace`` (full pull: a new
  cache renamed into place), ``apply`` (incremental pull), ``attract`` (what the attract screen shows,
  read from the new cache before its commit or rename), ``snapshot`` (the attract screen's file, written
  after the commit or rename), ``commit!`` and ``rename!`` (points, not steps: the live cache file
  committed, a new cache file renamed into place), ``outbox.add`` (inside ``add`` or the round's heartbeat), ``push``,
  ``insert`` (rows sent, office transaction open; it commits between ``insert<`` and ``confirm>``),
  ``confirm`` (the outbox forgets what the office has), ``status``, ``sleep``. Tracing wraps the
  functions where the code under test looks them up; it changes nothing else.

With ``--wait`` the process imports everything, prints ``ready`` and waits for a line on stdin before
touching DATA_DIR (EOF: exit without doing anything), so the parent can time its kill from ``go``
rather than from the interpreter start (importing SQLAlchemy, Alembic and the models takes 1.5-3 s
of CPU here, far longer than a sync round).

With ``--serve`` it is a fork server: after the imports it prints ``ready``; for every line on stdin it
forks a worker that does the above (a fresh process with its own SyncRunner, engines and files; only
the imported modules are inherited, no connection is open before the fork), prints
``pid <worker pid>``, waits for the worker and prints ``exit <wait status>``; EOF on stdin ends it.
The parent kills the worker, never the server.

The line that starts a run is ``go`` (the command line's DATA_DIR OFFICE_URL N) or ``go`` and a JSON
object with ``data_dir``, ``office_url``, ``count`` (with ``--wait`` and ``--serve`` the command line
needs none of them), and optionally ``kill_at`` and ``kill_count``: then the process SIGKILLs itself
right after it logged that phase (say ``confirm>``) for the kill_count-th time (default 1), to die at
an exact moment.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

import kiosk.data.cache
import kiosk.data.outbox
import kiosk.data.snapshot
import sync.pull
import sync.push
import sync.runner
from kiosk.data.cache import CACHE_NAME
from sync.runner import SyncRunner

KIOSK_ID = "crashy"
ADDED_LOG = "added.log"
PHASES_LOG = "phases.log"

F = TypeVar("F", bound=Callable[..., Any])


class Tracer:
    def __init__(self, path: Path, kill_at: str = "", count: int = 1) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self.pid = os.getpid()
        self.started = time.monotonic()
        self.kill_at = kill_at
        self.left = count

    def __call__(self, phase: str) -> None:
        os.write(self.fd, f"{self.pid} {time.monotonic() - self.started:.4f} {phase}\n".encode())
        if phase == self.kill_at:
            self.left -= 1
            if self.left <= 0:
                os.kill(self.pid, signal.SIGKILL)

    def wrap(self, name: str, function: F) -> F:
        @functools.wraps(function)
        def traced(*args: Any, **kwargs: Any) -> Any:
            self(f"{name}>")
            result = function(*args, **kwargs)
            self(f"{name}<")
            return result

        return traced  # type: ignore[return-value]


class TracedOs:
    """``os`` for kiosk.data.cache: the rename that puts a new cache in place logs ``rename!``."""

    def __init__(self, trace: Tracer) -> None:
        self.trace = trace

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    def replace(self, source: Any, target: Any) -> None:
        os.replace(source, target)
        if Path(target).name == CACHE_NAME:
            self.trace("rename!")


def install(trace: Tracer) -> None:
    """Trace the steps of a round (the names the code under test looks them up by)."""
    sync.runner.pull = trace.wrap("pull", sync.runner.pull)  # type: ignore[attr-defined]
    sync.runner.push = trace.wrap("push", sync.runner.push)  # type: ignore[attr-defined]
    sync.pull.replace_cache = trace.wrap("replace", sync.pull.replace_cache)  # type: ignore[attr-defined]
    sync.pull.apply_pull = trace.wrap("apply", sync.pull.apply_pull)  # type: ignore[attr-defined]
    kiosk.data.snapshot.write = trace.wrap("snapshot", kiosk.data.snapshot.write)
    kiosk.data.cache._attract_info = trace.wrap("attract", kiosk.data.cache._attract_info)
    setattr(kiosk.data.cache, "os", TracedOs(trace))  # noqa: B010 (mypy: kiosk.data.cache does not export os)

    @event.listens_for(Session, "after_commit")
    def committed(session: Session) -> None:
        bind = session.bind
        if isinstance(bind, Engine) and str(bind.url.database or "").endswith(CACHE_NAME):
            trace("commit!")  # the live cache file committed (an incremental pull)
    sync.push._insert = trace.wrap("insert", sync.push._insert)
    outbox = kiosk.data.outbox.Outbox
    outbox.add = trace.wrap("outbox.add", outbox.add)  # type: ignore[method-assign]
    outbox.confirm = trace.wrap("confirm", outbox.confirm)  # type: ignore[method-assign]
    runner = sync.runner.SyncRunner
    runner._save = trace.wrap("status", runner._save)  # type: ignore[method-assign]


def add_rating(runner: SyncRunner, log_fd: int, text: str, level: int, trace: Tracer) -> None:
    trace("add>")
    uuid = runner.outbox.add("rating", {"level": level, "post_code": "SP-W1", "text": text})
    os.write(log_fd, f"{uuid} {text}\n".encode())
    os.fsync(log_fd)
    trace("add<")


@dataclass(frozen=True)
class Run:
    data_dir: Path
    office_url: str
    count: int
    kill_at: str = ""
    kill_count: int = 1


def parse_go(line: str, default: Run | None) -> Run:
    words = line.split(maxsplit=1)
    if not words or words[0] != "go":
        raise SystemExit(f"expected 'go' or 'go {{json}}', got {line!r}")
    if len(words) == 1:
        if default is None:
            raise SystemExit("'go' without parameters needs DATA_DIR OFFICE_URL N on the command line")
        return default
    given = json.loads(words[1])
    return Run(Path(given["data_dir"]), given["office_url"], int(given["count"]), given.get("kill_at", ""),
               int(given.get("kill_count", 1)))


def run(how: Run) -> None:
    """One kiosk sync process: never returns (it is meant to be killed)."""
    how.data_dir.mkdir(parents=True, exist_ok=True)
    trace = Tracer(how.data_dir / PHASES_LOG, how.kill_at, how.kill_count)
    install(trace)
    log_fd = os.open(how.data_dir / ADDED_LOG, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    pid = os.getpid()
    trace("init>")
    runner = SyncRunner(how.data_dir, office_url=how.office_url, kiosk_id=KIOSK_ID)
    trace("init<")
    for i in range(how.count):
        add_rating(runner, log_fd, f"r-{pid}-{i}", 1 + i % 5, trace)
    i = how.count
    while True:
        trace("once>")
        runner.once()
        trace("once<")
        add_rating(runner, log_fd, f"r-{pid}-{i}", 1 + i % 5, trace)
        i += 1
        trace("sleep>")
        time.sleep(0.01)
        trace("sleep<")


def serve(default: Run | None) -> None:
    # the database drivers too (SQLAlchemy imports them when the first engine is made)
    for url in ("postgresql+psycopg://", "sqlite://"):
        make_url(url).get_dialect().import_dbapi()
    print("ready", flush=True)
    while line := sys.stdin.readline():
        how = parse_go(line, default)
        pid = os.fork()
        if pid == 0:  # the worker: nothing of the server's pipes, its own fate
            try:
                null = os.open(os.devnull, os.O_RDWR)
                os.dup2(null, 0)
                os.dup2(null, 1)
                run(how)
            except BaseException:
                traceback.print_exc()
                sys.stderr.flush()
            finally:
                os._exit(1)
        print(f"pid {pid}", flush=True)
        _, status = os.waitpid(pid, 0)
        print(f"exit {status}", flush=True)


def main(argv: list[str]) -> int:
    flags = {a for a in argv if a.startswith("--")}
    args = [a for a in argv if not a.startswith("--")]
    if len(args) not in ((3,) if not flags else (0, 3)) or not flags <= {"--wait", "--serve"} or len(flags) > 1:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    default = Run(Path(args[0]), args[1], int(args[2])) if args else None
    if "--serve" in flags:
        serve(default)
        return 0
    if "--wait" in flags:
        print("ready", flush=True)
        line = sys.stdin.readline()
        if not line:
            return 0
        run(parse_go(line, default))
    elif default is not None:
        run(default)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
