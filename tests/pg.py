"""A throwaway PostgreSQL cluster for tests: initdb in a temp folder, started on a free 127.0.0.1 port.

Used by the fixtures in ``tests/conftest_pg.py``; by hand, ``.venv/bin/python -m tests.pg`` starts one,
prints its URL and stops it (removing everything) on Enter or Ctrl-C.

The server binaries come from ``$KIOSK_TEST_PG_BINDIR`` if set, else the newest ``/usr/lib/postgresql/*/bin``
(Debian package ``postgresql``), else ``pg_ctl`` on the PATH. PostgreSQL refuses to run as root: as root
the cluster runs as the ``postgres`` system user (else ``nobody``) and its folder is chowned to it.

Authentication (pg_hba.conf): the Unix socket and the superuser ``postgres`` on 127.0.0.1 are trusted;
every other role logs in on 127.0.0.1 with its password (scram-sha-256), so role tests check passwords.

Clean-up: :meth:`PgCluster.stop` (the fixture's finaliser), atexit as a backup, and a watchdog process
that stops the server and removes the folder if the test process dies without either (SIGKILL).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pwd
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Final

import psycopg
from psycopg import sql

SUPERUSER: Final = "postgres"
MISSING: Final = (
    "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found under /usr/lib/postgresql/*/bin: "
    "install the Debian package 'postgresql' (apt-get install -y postgresql), or point "
    "KIOSK_TEST_PG_BINDIR at a folder holding them"
)
_HBA: Final = f"""\
# throwaway test cluster (tests/pg.py)
local all all trust
host all {SUPERUSER} 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
"""
_SERVER_SETTINGS: Final = (
    "fsync=off",
    "synchronous_commit=off",
    "full_page_writes=off",
    "password_encryption=scram-sha-256",
)


# Stops the cluster if the test process dies without cleaning up (SIGKILL, SIGTERM): polls its parent
# and, once reparented, sends the postmaster SIGQUIT (immediate shutdown) and removes the folder.
_WATCHDOG: Final = """
import os, shutil, signal, sys, time
parent, data, root = int(sys.argv[1]), sys.argv[2], sys.argv[3]
while os.getppid() == parent and os.path.isdir(root):
    time.sleep(1)
try:
    with open(os.path.join(data, "postmaster.pid")) as pidfile:
        os.kill(int(pidfile.readline()), signal.SIGQUIT)
    time.sleep(2)
except (OSError, ValueError):
    pass
shutil.rmtree(root, ignore_errors=True)
"""


def _version_key(bindir: Path) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", bindir.parent.name)) or (0,)


def find_bindir() -> Path | None:
    """The folder of initdb/pg_ctl/postgres (newest installed version), or None."""
    needed = ("initdb", "pg_ctl", "postgres")
    override = os.environ.get("KIOSK_TEST_PG_BINDIR")
    if override:
        candidates = [Path(override)]
    else:
        candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=_version_key, reverse=True)
        on_path = shutil.which("pg_ctl")
        if on_path:
            candidates.append(Path(on_path).resolve().parent)
    for folder in candidates:
        if all(os.access(folder / name, os.X_OK) for name in needed):
            return folder
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _service_user() -> pwd.struct_passwd | None:
    """The unprivileged user to run the server as when we are root (None: not root)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    raise RuntimeError("running as root and neither a 'postgres' nor a 'nobody' user exists to run PostgreSQL")


def _temp_root() -> Path:
    """A new private folder for the cluster: in RAM (/dev/shm) when it has room — CREATE DATABASE is
    ~15x faster there than on a disk even with fsync off — else in the temp folder."""
    base = tempfile.gettempdir()
    shm = Path("/dev/shm")
    with contextlib.suppress(OSError):
        if os.access(shm, os.W_OK | os.X_OK) and shutil.disk_usage(shm).free >= 1 << 30:
            base = str(shm)
    if len(base) > 60:  # the socket path (<root>/.s.PGSQL.<port>) must stay under ~100 bytes
        base = "/tmp"
    return Path(tempfile.mkdtemp(prefix="kiosk-pg-", dir=base))


class PgCluster:
    """A running throwaway cluster; :meth:`stop` stops it and removes its folder (also at exit)."""

    def __init__(self, bindir: Path | None = None) -> None:
        found = bindir or find_bindir()
        if found is None:
            raise FileNotFoundError(MISSING)
        self.bindir = found
        self.user = _service_user()
        self.root = _temp_root()
        self.data = self.root / "data"
        self.log = self.root / "postgres.log"
        self.port = 0
        self.timings: dict[str, float] = {}
        self._running = False
        self._watchdog: subprocess.Popen[bytes] | None = None
        atexit.register(self.stop)
        try:
            self._init()
            self._start()
        except BaseException:
            self.stop()
            raise

    # -- lifecycle -------------------------------------------------------------------------------

    def _run(self, args: Sequence[str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
        if self.user is None:
            return subprocess.run(list(args), cwd=self.root, env=env, capture_output=True, text=True,
                                  timeout=timeout, check=False)
        env.update(HOME=str(self.root), USER=self.user.pw_name, LOGNAME=self.user.pw_name)
        return subprocess.run(list(args), cwd=self.root, env=env, capture_output=True, text=True, timeout=timeout,
                              check=False, user=self.user.pw_uid, group=self.user.pw_gid, extra_groups=[])

    def _check(self, result: subprocess.CompletedProcess[str], what: str) -> None:
        if result.returncode != 0:
            raise RuntimeError(
                f"{what} failed ({result.returncode}): {result.args}\n{result.stdout}\n{result.stderr}\n"
                f"{self.log_tail()}"
            )

    def _init(self) -> None:
        started = time.perf_counter()
        if self.user is not None:
            os.chown(self.root, self.user.pw_uid, self.user.pw_gid)
        os.chmod(self.root, 0o700)
        result = self._run([str(self.bindir / "initdb"), "-D", str(self.data), "-U", SUPERUSER, "-A", "trust",
                            "-E", "UTF8", "--locale=C", "--no-sync"])
        self._check(result, "initdb")
        (self.data / "pg_hba.conf").write_text(_HBA, encoding="utf-8")
        if self.user is not None:
            os.chown(self.data / "pg_hba.conf", self.user.pw_uid, self.user.pw_gid)
        self.timings["initdb"] = time.perf_counter() - started

    def _start(self) -> None:
        started = time.perf_counter()
        for attempt in range(5):
            self.port = free_port()
            options = [
                "-c listen_addresses=127.0.0.1",
                f"-c port={self.port}",
                f"-c unix_socket_directories={shlex.quote(str(self.root))}",
                *(f"-c {setting}" for setting in _SERVER_SETTINGS),
            ]
            result = self._run([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.log),
                                "-w", "-t", "60", "-o", " ".join(options), "start"])
            if result.returncode == 0:
                break
            if attempt == 4 or "could not bind" not in self.log_tail():
                self._check(result, "pg_ctl start")
        self._running = True
        self._watchdog = subprocess.Popen(
            [sys.executable, "-c", _WATCHDOG, str(os.getpid()), str(self.data), str(self.root)],
            stdin=subprocess.DEVNULL, start_new_session=True)
        self._wait_ready()
        self.timings["start"] = time.perf_counter() - started

    def _wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with psycopg.connect(self.conninfo("postgres"), connect_timeout=5) as connection:
                    connection.execute("SELECT 1")
                return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"PostgreSQL did not accept connections:\n{self.log_tail()}") from None
                time.sleep(0.05)

    def stop(self) -> None:
        """Stop the server (immediate shutdown) and remove the cluster's folder; idempotent."""
        started = time.perf_counter()
        if self._running:
            self._running = False
            stopped = False
            with contextlib.suppress(subprocess.TimeoutExpired):
                result = self._run([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w",
                                    "-t", "30", "stop"], timeout=60)
                stopped = result.returncode == 0
            if not stopped:
                self._kill_leftover()
        if self.root.exists():
            shutil.rmtree(self.root, ignore_errors=True)
            self.timings["stop"] = time.perf_counter() - started
        if self._watchdog is not None:
            self._watchdog.kill()
            self._watchdog.wait()
            self._watchdog = None
        atexit.unregister(self.stop)

    def _kill_leftover(self) -> None:
        """Kill the postmaster if pg_ctl did not stop it (its pid is the first line of postmaster.pid)."""
        pidfile = self.data / "postmaster.pid"
        try:
            pid = int(pidfile.read_text(encoding="utf-8").split()[0])
        except (OSError, ValueError, IndexError):
            return
        with contextlib.suppress(OSError):
            if b"postgres" in Path(f"/proc/{pid}/cmdline").read_bytes():
                os.kill(pid, signal.SIGKILL)

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no server log)"

    # -- connecting ------------------------------------------------------------------------------

    def conninfo(self, database: str, user: str = SUPERUSER, password: str | None = None) -> str:
        return psycopg.conninfo.make_conninfo(host="127.0.0.1", port=self.port, dbname=database, user=user,
                                              password=password)

    def url(self, database: str, user: str = SUPERUSER, password: str | None = None) -> str:
        """An SQLAlchemy URL (psycopg 3) of ``database`` on this cluster."""
        from sqlalchemy.engine import URL

        return URL.create("postgresql+psycopg", username=user, password=password, host="127.0.0.1",
                          port=self.port, database=database).render_as_string(hide_password=False)

    def create_database(self, name: str, template: str = "template1") -> None:
        """Create ``name`` as a copy of ``template`` (which nobody may be connected to)."""
        with psycopg.connect(self.conninfo("postgres"), autocommit=True) as connection:
            connection.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name),
                                                                                sql.Identifier(template)))

    def drop_database(self, name: str) -> None:
        """Drop ``name``, ending any connections still open to it."""
        with psycopg.connect(self.conninfo("postgres"), autocommit=True) as connection:
            connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def main() -> None:
    cluster = PgCluster()
    try:
        cluster.create_database("kiosk_test")
        print(f"PostgreSQL {cluster.bindir} running; timings {cluster.timings}")
        print(cluster.url("kiosk_test"))
        with contextlib.suppress(KeyboardInterrupt, EOFError):
            input("Enter or Ctrl-C stops it and removes everything… ")
    finally:
        cluster.stop()
        print(f"stopped in {cluster.timings.get('stop', 0):.2f} s")


if __name__ == "__main__":
    main()
