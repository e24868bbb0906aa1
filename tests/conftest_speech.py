"""Speech fixtures (a pytest plugin): a private speech-dispatcher with espeak-ng and a null audio output.

Load it with ``pytest_plugins = [..., "tests.conftest_speech"]`` (in tests/conftest.py). Fixture:

* ``speech_server`` (session): a ``speech-dispatcher`` of its own (configuration, socket, pid file and
  log in a temporary folder), started on first use and stopped at the end of the session.
  ``SPEECHD_ADDRESS`` points at its socket for the whole session, so Qt's ``speechd`` engine talks to
  it and libspeechd never starts the system's. Its audio goes to ALSA's ``null`` device: with no sound
  card the default output (PulseAudio, or ALSA's default device) fails, and speech-dispatcher then
  accepts a text and never finishes speaking it.
* ``speech_server_without_sound``: another one whose audio device does not exist — what a kiosk
  without a (configured) sound device has; ``SPEECHD_ADDRESS`` points at it during the test.

Missing speech-dispatcher, its espeak-ng module, libspeechd or Qt's ``speechd`` plugin: the fixture
skips with the reason; with ``KIOSK_TEST_REQUIRE_SPEECH=1`` (CI, ``make test``) it fails instead.

Outside these fixtures no test reaches a speech-dispatcher: ``SPEECHD_ADDRESS`` names a socket nobody
listens on and ``SPEECHD_CMD`` (what libspeechd runs to start a missing server) is ``false`` — a tap on
朗读 elsewhere must not speak through the developer's own speech-dispatcher, nor leave a server started
by libspeechd's autospawn running after the tests. It then finds speech not available.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

SPEECH_DISPATCHER = "speech-dispatcher"
MODULE_DIR = Path("/usr/lib/speech-dispatcher-modules")
ESPEAK_MODULE = MODULE_DIR / "sd_espeak-ng"
ESPEAK_CONF = Path("/etc/speech-dispatcher/modules/espeak-ng.conf")
PACKAGES = "apt-get install -y libspeechd2 speech-dispatcher speech-dispatcher-espeak-ng"
NO_SERVER = f"unix_socket:{Path(tempfile.gettempdir()) / 'kiosk-test-no-speech-dispatcher.sock'}"

os.environ["SPEECHD_ADDRESS"] = NO_SERVER
os.environ["SPEECHD_CMD"] = shutil.which("false") or "/bin/false"

# the same settings deploy/README.md gives for a kiosk without a sound device
_SPEECHD_CONF = """\
# private speech-dispatcher for the kiosk's tests (tests/conftest_speech.py)
LogLevel 3
AudioOutputMethod "alsa"
AudioALSADevice "{device}"
AddModule "espeak-ng" "{module}" "{module_conf}"
DefaultModule espeak-ng
DefaultVolume 100
"""


def _missing() -> str:
    """Why the speech fixture cannot run here ("" when it can)."""
    absent = []
    if shutil.which(SPEECH_DISPATCHER) is None:
        absent.append(SPEECH_DISPATCHER)
    if not ESPEAK_MODULE.exists():
        absent.append(str(ESPEAK_MODULE))
    if ctypes.util.find_library("speechd") is None:
        absent.append("libspeechd.so.2")
    if absent:
        return f"speech-dispatcher with espeak-ng is not installed ({', '.join(absent)} missing): {PACKAGES}"
    from PySide6.QtTextToSpeech import QTextToSpeech

    if "speechd" not in QTextToSpeech.availableEngines():
        return (f"Qt's text-to-speech plugin 'speechd' is missing (engines: {QTextToSpeech.availableEngines()}): "
                "install PySide6-Addons")
    return ""


def _die_with_parent() -> None:
    """In the child before exec: speech-dispatcher ends when the test process dies (even by SIGKILL)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class SpeechServer:
    """A running private speech-dispatcher; :meth:`stop` ends it and removes its folder."""

    def __init__(self, audio_device: str = "null") -> None:
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-speech-", dir="/tmp"))  # short: the socket path
        self.socket = self.root / "speechd.sock"
        self.address = f"unix_socket:{self.socket}"
        (self.root / "conf").mkdir()
        (self.root / "log").mkdir()
        module_conf = str(ESPEAK_CONF) if ESPEAK_CONF.exists() else ""
        (self.root / "conf/speechd.conf").write_text(
            _SPEECHD_CONF.format(device=audio_device, module=ESPEAK_MODULE, module_conf=module_conf), encoding="utf-8")
        with (self.root / "log/speechd.out").open("wb") as output:
            self.process = subprocess.Popen(
                [SPEECH_DISPATCHER, "--run-single", "--config-dir", str(self.root / "conf"),
                 "--communication-method", "unix_socket", "--socket-path", str(self.socket),
                 "--pid-file", str(self.root / "speechd.pid"), "--log-dir", str(self.root / "log"),
                 "--timeout", "0"],
                stdin=subprocess.DEVNULL, stdout=output, stderr=output, preexec_fn=_die_with_parent)
        deadline = time.monotonic() + 30
        while not self._answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop(remove=False)
                raise RuntimeError(f"speech-dispatcher did not start:\n{self.log_tail()}")
            time.sleep(0.05)

    def _answers(self) -> bool:
        if not self.socket.exists():
            return False
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(5)
            try:
                client.connect(str(self.socket))
                client.sendall(b"QUIT\r\n")  # SSIP: "231 HAPPY HACKING" and the server closes
                return client.recv(100).startswith(b"231")
            except OSError:
                return False

    def log_tail(self, lines: int = 30) -> str:
        texts = []
        for path in sorted((self.root / "log").glob("*")):
            with contextlib.suppress(OSError):
                texts += [f"{path.name}: {line}" for line in path.read_text(errors="replace").splitlines()[-lines:]]
        return "\n".join(texts)

    def stop(self, remove: bool = True) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if remove:
            shutil.rmtree(self.root, ignore_errors=True)


def _require() -> None:
    why = _missing()
    if why:
        if os.environ.get("KIOSK_TEST_REQUIRE_SPEECH") not in (None, "", "0"):
            pytest.fail(why, pytrace=False)
        pytest.skip(why)


@contextlib.contextmanager
def _serving(server: SpeechServer) -> Iterator[SpeechServer]:
    before = os.environ.get("SPEECHD_ADDRESS")
    os.environ["SPEECHD_ADDRESS"] = server.address
    try:
        yield server
    finally:
        if before is None:
            os.environ.pop("SPEECHD_ADDRESS", None)
        else:
            os.environ["SPEECHD_ADDRESS"] = before
        server.stop()


@pytest.fixture(scope="session")
def speech_server() -> Iterator[SpeechServer]:
    _require()
    with _serving(SpeechServer()) as server:
        yield server


@pytest.fixture
def speech_server_without_sound() -> Iterator[SpeechServer]:
    _require()
    with _serving(SpeechServer(audio_device="kiosk-test-no-such-device")) as server:
        yield server
