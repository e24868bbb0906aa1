"""Print-server fixtures (a pytest plugin): a private CUPS scheduler with cups-pdf queues.

Load it with ``pytest_plugins = [..., "tests.conftest_cups"]`` (in tests/conftest.py). Fixtures:

* ``cups_server`` (session): a ``cupsd`` of its own (config, spool, logs in a temporary folder, listening
  only on a Unix socket in that folder), started on first use and stopped at the end of the session.
  ``CUPS_SERVER`` points at it for the whole session, so ``lp``/``lpstat`` and the kiosk's print service
  talk to it and never to a system scheduler.
* ``cups_queue``: a fresh cups-pdf queue on it; a :class:`CupsQueue`, which unpacks as
  ``(queue name, output folder)``. Every job printed to it lands as a PDF in the output folder. The queue
  and its cups-pdf configuration are removed after the test.

cups-pdf reads a queue's settings from ``/etc/cups/cups-pdf-NAME.conf`` when the device URI is
``cups-pdf:/NAME`` (the path is compiled in), so the fixture writes that file (output folder, spool,
log in the test's folders) and removes it again; starting cupsd and that file need root. Not root, or
``cupsd``/cups-pdf missing: the fixtures skip with the reason; with ``KIOSK_TEST_REQUIRE_CUPS=1`` (CI)
they fail instead.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

CUPSD = Path("/usr/sbin/cupsd")
CUPS_PDF_BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
CUPS_PDF_PPD = "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"
CUPS_PDF_CONF_DIR = Path("/etc/cups")
PACKAGES = "apt-get install -y cups printer-driver-cups-pdf"

_CUPSD_CONF = """\
# private scheduler for the kiosk's tests (tests/conftest_cups.py)
Listen {socket}
LogLevel info
Browsing No
DefaultAuthType None
WebInterface No
JobRetryLimit 0
PreserveJobHistory Yes
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
"""
_FILES_CONF = """\
ServerRoot {root}/etc
RequestRoot {root}/spool
CacheDir {root}/cache
StateDir {root}/state
TempDir {root}/spool/tmp
ErrorLog {root}/log/error_log
AccessLog {root}/log/access_log
PageLog {root}/log/page_log
ServerBin /usr/lib/cups
DataDir /usr/share/cups
SystemGroup root
"""


def _missing() -> str:
    """Why the CUPS fixtures cannot run here ("" when they can)."""
    if os.geteuid() != 0:
        return ("a private cupsd with a cups-pdf queue needs root (cups-pdf reads its queue settings from "
                "/etc/cups): run the tests as root")
    absent = [str(p) for p in (CUPSD, CUPS_PDF_BACKEND) if not p.exists()]
    absent += [tool for tool in ("lp", "lpstat", "lpadmin", "cupsdisable") if shutil.which(tool) is None]
    if absent:
        return f"CUPS with cups-pdf is not installed ({', '.join(absent)} missing): {PACKAGES}"
    return ""


def _die_with_parent() -> None:
    """In the child before exec: the scheduler ends when the test process dies (even by SIGKILL)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class CupsServer:
    """A running private cupsd; :meth:`stop` ends it and removes its folder."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-cups-", dir="/tmp"))  # short: the socket path
        self.root.chmod(0o755)  # the filters run as the user lp: they read the spool and the PPDs
        self.socket = self.root / "cups.sock"
        self.queues: list[str] = []
        for folder in ("etc/ppd", "spool/tmp", "cache", "state", "log"):
            (self.root / folder).mkdir(parents=True)
        (self.root / "etc/cupsd.conf").write_text(_CUPSD_CONF.format(socket=self.socket), encoding="utf-8")
        (self.root / "etc/cups-files.conf").write_text(_FILES_CONF.format(root=self.root), encoding="utf-8")
        self.env = {**os.environ, "CUPS_SERVER": str(self.socket), "LC_ALL": "C", "LANG": "C"}
        with (self.root / "log/cupsd.out").open("wb") as output:
            self.process = subprocess.Popen(
                [str(CUPSD), "-f", "-c", str(self.root / "etc/cupsd.conf"), "-s",
                 str(self.root / "etc/cups-files.conf")],
                stdin=subprocess.DEVNULL, stdout=output, stderr=output, preexec_fn=_die_with_parent)
        deadline = time.monotonic() + 30
        while self.run(["lpstat", "-r"], check=False).returncode != 0 or "not running" in self.run(
                ["lpstat", "-r"], check=False).stdout:
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"cupsd did not start:\n{self.log_tail()}")
            time.sleep(0.05)

    def run(self, args: list[str], check: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(args, env=self.env, capture_output=True, text=True, timeout=60, check=False)
        if check and result.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed ({result.returncode}): {result.stderr}{result.stdout}\n"
                               f"{self.log_tail()}")
        return result

    def log_tail(self, lines: int = 30) -> str:
        texts = []
        for name in ("cupsd.out", "error_log"):
            with contextlib.suppress(OSError):
                texts += (self.root / "log" / name).read_text(errors="replace").splitlines()[-lines:]
        return "\n".join(texts)

    def add_queue(self, out: Path) -> CupsQueue:
        name = f"KioskTest_{uuid.uuid4().hex[:8]}"
        spool = self.root / "cups-pdf" / name
        spool.mkdir(parents=True)
        out.mkdir(parents=True, exist_ok=True)
        # Label 1: every file is job_N-TITLE.pdf (two copies never overwrite each other)
        _conf(name).write_text(f"Out {out}\nSpool {spool}\nLog {spool}\nLabel 1\nTruncate 64\n", encoding="utf-8")
        self.queues.append(name)
        self.run(["lpadmin", "-p", name, "-E", "-v", f"cups-pdf:/{name}", "-m", CUPS_PDF_PPD])
        return CupsQueue(name, out, self)

    def remove_queue(self, name: str) -> None:
        self.run(["cancel", "-a", name], check=False)
        self.run(["lpadmin", "-x", name], check=False)
        with contextlib.suppress(OSError):
            _conf(name).unlink()
        with contextlib.suppress(ValueError):
            self.queues.remove(name)

    def stop(self) -> None:
        for name in list(self.queues):
            self.remove_queue(name)
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.root, ignore_errors=True)


def _conf(queue: str) -> Path:
    return CUPS_PDF_CONF_DIR / f"cups-pdf-{queue}.conf"


class CupsQueue(NamedTuple):
    """A cups-pdf queue: ``name, out = cups_queue``."""

    name: str
    out: Path
    server: CupsServer

    def pdfs(self) -> list[Path]:
        """The PDFs printed so far, oldest first (only complete ones: cups-pdf writes then closes)."""
        return sorted(self.out.glob("*.pdf"), key=lambda p: p.stat().st_mtime)

    def disable(self, reason: str = "") -> None:
        """``cupsdisable`` — the queue is stopped, as an operator does when the printer is broken."""
        self.server.run(["cupsdisable", *(["-r", reason] if reason else []), self.name])

    def enable(self) -> None:
        self.server.run(["cupsenable", self.name])

    def jobs_waiting(self) -> list[str]:
        listing = self.server.run(["lpstat", "-W", "not-completed", "-o", self.name], check=False).stdout
        return [line.split()[0] for line in listing.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def cups_server() -> Iterator[CupsServer]:
    why = _missing()
    if why:
        if os.environ.get("KIOSK_TEST_REQUIRE_CUPS") not in (None, "", "0"):
            pytest.fail(why, pytrace=False)
        pytest.skip(why)
    server = CupsServer()
    before = os.environ.get("CUPS_SERVER")
    os.environ["CUPS_SERVER"] = str(server.socket)
    try:
        yield server
    finally:
        if before is None:
            os.environ.pop("CUPS_SERVER", None)
        else:
            os.environ["CUPS_SERVER"] = before
        server.stop()


@pytest.fixture
def cups_queue(cups_server: CupsServer, tmp_path: Path) -> Iterator[CupsQueue]:
    """A fresh cups-pdf queue; its PDFs land in ``tmp_path / "printed"``."""
    queue = cups_server.add_queue(tmp_path / "printed")
    try:
        yield queue
    finally:
        cups_server.remove_queue(queue.name)
