"""The read-aloud engine's own process (``kiosk speech-worker``, started by :class:`kiosk.speech.Speaker`).

QtTextToSpeech talks to speech-dispatcher synchronously, and PySide6 holds the GIL through a wrapped
C++ call: a speech-dispatcher that hangs (seen with no sound device: the kiosk's UI froze for 25
minutes while a speech thread sat in ``setVoice``) would hang every thread of the process that asked.
So the engine lives here, in a child process with an event loop of its own on its main thread; the
kiosk only exchanges lines with it and kills it when it stops answering.

Protocol: one JSON object per line. On stdin: ``{"op": "create", "engine": …, "mandarin": …,
"english": […], "volume": 0.8}`` (everything but ``op`` optional), ``{"op": "say", "text": …,
"english": bool}``, ``{"op": "stop"}``, ``{"op": "volume", "value": 0.35}``. On stdout:
``{"event": "prepared", "ok": bool, "reason": …, "detail": …}``, ``{"event": "progress", "state":
"speaking" | "ready" | "error", "detail": …}``, and ``{"event": "engine", "voice": …, "volume": …}``
(what the engine uses, after each text and volume change: for the log and the tests). The worker ends
when stdin closes (the kiosk ended), and with the kiosk even when that was killed (``PR_SET_PDEATHSIG``).

Imports are kept few (QtCore; QtTextToSpeech on ``create``): the process starts on a visitor's tap.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import sys
from typing import IO, TYPE_CHECKING, Any

from PySide6.QtCore import (
    Q_ARG,
    QCoreApplication,
    QMetaObject,
    QObject,
    QSocketNotifier,
    Qt,
    Signal,
    Slot,
)

from kiosk.speech import (
    ENGINE,
    ENGLISH_VOICES,
    MANDARIN_VOICE,
    NO_MANDARIN_VOICE,
    NOT_INSTALLED,
    NOT_WORKING,
    READY,
    SPEAKING,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QGenericArgumentHolder
    from PySide6.QtTextToSpeech import QTextToSpeech, QVoice

log = logging.getLogger("kiosk.speech_worker")


class _Engine(QObject):
    """Owns the QTextToSpeech; lives on the worker's main thread."""

    #: ok, the reason for visitors when not ok, the detail for the log
    prepared = Signal(bool, str, str)
    #: "speaking" when the engine began the text, "ready" when it finished it, "error" (with a detail)
    progress = Signal(str, str)
    #: the voice's name and the volume (0–1) the engine has now
    status = Signal(str, float)

    def __init__(self, engine_name: str, mandarin: str, english: tuple[str, ...], volume: float) -> None:
        super().__init__()
        self.engine_name = engine_name
        self.mandarin_name = mandarin
        self.english_names = english
        self.volume = volume
        self.tts: QTextToSpeech | None = None
        #: the engine being made (see :meth:`create`)
        self._tts: QTextToSpeech | None = None
        self._creating = False
        self.mandarin: QVoice | None = None
        self.english: QVoice | None = None
        #: a text was sent and not stopped; "speaking" seen for it
        self._active = False
        self._begun = False

    @Slot()
    def create(self) -> None:
        """Make the engine: ``prepared`` says how it went.

        The speechd engine's constructor takes seconds (it fetches every voice). A cheap "mock" engine
        is made instead and switched to the real one by a queued ``setEngine`` that the event loop runs
        in C++, without the GIL; :meth:`_engine_set` follows it in the same queue.
        """
        if self._creating or self.tts is not None:
            return
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as exc:  # a bundle built without it, or PySide6-Addons missing
            self.prepared.emit(False, NOT_INSTALLED, f"PySide6.QtTextToSpeech cannot be imported: {exc}")
            return
        engines = QTextToSpeech.availableEngines()
        if self.engine_name not in engines:
            known = ", ".join(engines) or "none"
            self.prepared.emit(False, NOT_INSTALLED,
                               f"no text-to-speech engine {self.engine_name!r} (Qt has: {known})")
            return
        self._creating = True
        if "mock" not in engines or self.engine_name == "mock":
            self._tts = QTextToSpeech(self.engine_name, self)
            self._engine_set()
            return
        self._tts = QTextToSpeech("mock", self)
        queued = Qt.ConnectionType.QueuedConnection
        QMetaObject.invokeMethod(self._tts, "setEngine", queued, Q_ARG(str, self.engine_name))
        QMetaObject.invokeMethod(self, "_engine_set", queued)

    @Slot()
    def _engine_set(self) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        tts, self._tts = self._tts, None
        self._creating = False
        if tts is None:
            return
        if tts.engine() != self.engine_name or tts.state() == QTextToSpeech.State.Error:
            detail = f"{self.engine_name}: {tts.errorReason().name}: {tts.errorString()}"
            missing = self.engine_name == ENGINE and shutil.which("speech-dispatcher") is None
            if missing:
                detail += " (speech-dispatcher is not installed: apt-get install speech-dispatcher " \
                          "speech-dispatcher-espeak-ng)"
            self.prepared.emit(False, NOT_INSTALLED if missing else NOT_WORKING, detail)
            tts.deleteLater()
            return
        voices, listed = self._candidates(tts)
        self.mandarin = _pick(voices, (self.mandarin_name,))
        self.english = _pick(voices, self.english_names)
        if self.mandarin is None:
            self.prepared.emit(False, NO_MANDARIN_VOICE,
                               f"{self.engine_name}: no voice named {self.mandarin_name!r}… among {listed} "
                               "voices (install speech-dispatcher-espeak-ng)")
            tts.deleteLater()
            return
        tts.setVoice(self.mandarin)
        tts.setVolume(self.volume)
        tts.stateChanged.connect(self._state_changed)
        tts.errorOccurred.connect(self._error)
        self.tts = tts
        self.prepared.emit(True, "", f"{self.engine_name}: voice {self.mandarin.name()!r}, "
                                     f"English {self.english.name() if self.english else 'none'!r}")

    def _candidates(self, tts: QTextToSpeech) -> tuple[list[QVoice], int]:
        """The voices whose names could be wanted, and how many voices were looked at.

        Voices are listed per locale (espeak-ng's Mandarin under "C", English under en_US and en_GB:
        those come first; the others only when a voice is still missing). Only candidates are kept:
        ≈ 13,000 voice objects kept alive at once would cost the whole process a full garbage
        collection (measured: a 0.5–0.9 s pause in a loaded kiosk, when the engine still ran there).
        """
        prefixes = (self.mandarin_name, *self.english_names)
        locales = tts.availableLocales()
        first = [locale for locale in locales if locale.name() in ("C", "en_US", "en_GB")]
        found: list[QVoice] = []
        listed = 0
        for group in (first, [locale for locale in locales if locale not in first]):
            for locale in group:
                tts.setLocale(locale)
                for voice in tts.availableVoices():
                    listed += 1
                    if voice.name().startswith(prefixes) and "+" not in voice.name():  # not a variant ("…+Alex")
                        found.append(voice)
            if _pick(found, (self.mandarin_name,)) is not None and _pick(found, self.english_names) is not None:
                break
        return found, listed

    @Slot(str, bool)
    def say(self, text: str, english: bool) -> None:
        if self.tts is None:
            return
        voice = self.english if english and self.english is not None else self.mandarin
        if voice is not None and self.tts.voice() != voice:
            self.tts.setVoice(voice)
        self._active, self._begun = True, False
        self._call("say", Q_ARG(str, text))
        self._report_later()

    @Slot()
    def stop(self) -> None:
        self._active = False
        if self.tts is not None:
            self._call("stop")

    @Slot(float)
    def set_volume(self, volume: float) -> None:
        self.volume = volume
        if self.tts is not None:
            self._call("setVolume", Q_ARG(float, volume))
            self._report_later()

    def _report_later(self) -> None:
        """:attr:`status` after the calls queued before this one."""
        QMetaObject.invokeMethod(self, "_report", Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _report(self) -> None:
        if self.tts is not None:
            self.status.emit(self.tts.voice().name(), self.tts.volume())

    def _call(self, method: str, *args: QGenericArgumentHolder) -> None:
        """Call the engine's slot from the event loop: a "stop" read from stdin meanwhile comes after it."""
        if self.tts is not None:
            QMetaObject.invokeMethod(self.tts, method, Qt.ConnectionType.QueuedConnection, *args)

    def _state_changed(self, state: object) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if not self._active:
            return  # the end of a text that was stopped, or replaced by the next one
        if state == QTextToSpeech.State.Speaking:
            self._begun = True
            self.progress.emit(SPEAKING, "")
        elif state == QTextToSpeech.State.Ready and self._begun:
            self._active = False
            self.progress.emit(READY, "")

    def _error(self, reason: object, message: str) -> None:
        self._active = False
        self.progress.emit("error", f"{getattr(reason, 'name', reason)}: {message}")


def _pick(voices: list[QVoice], names: tuple[str, ...]) -> QVoice | None:
    """The first voice named exactly one of ``names``, else the first whose name starts with one."""
    for name in names:
        for voice in voices:
            if voice.name() == name:
                return voice
    for name in names:
        for voice in voices:
            if voice.name().startswith(name):
                return voice
    return None




# -- the process -----------------------------------------------------------------------------------------
class _Requests(QObject):
    """Reads request lines from a file descriptor (stdin) as the event loop runs; ends the loop at EOF."""

    def __init__(self, fd: int, engine: _Engine) -> None:
        super().__init__()
        self._fd = fd
        self._engine = engine
        self._buffer = b""
        self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)

    def _read(self) -> None:
        try:
            data = os.read(self._fd, 65536)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:  # the kiosk closed our stdin (it ended, or does not want speech any more)
            self._notifier.setEnabled(False)
            QCoreApplication.quit()
            return
        self._buffer += data
        while b"\n" in self._buffer:
            line, _, self._buffer = self._buffer.partition(b"\n")
            if line.strip():
                self._handle(line)

    def _handle(self, line: bytes) -> None:
        try:
            request = json.loads(line)
            op = request["op"]
        except (ValueError, KeyError, TypeError):
            log.warning("speech worker: not a request: %r", line[:200])
            return
        engine = self._engine
        if op == "create":
            engine.engine_name = str(request.get("engine") or engine.engine_name)
            engine.mandarin_name = str(request.get("mandarin") or engine.mandarin_name)
            engine.english_names = tuple(request.get("english") or engine.english_names)
            engine.volume = float(request.get("volume", engine.volume))
            engine.create()
        elif op == "say":
            engine.say(str(request.get("text", "")), bool(request.get("english", False)))
        elif op == "stop":
            engine.stop()
        elif op == "volume":
            engine.set_volume(float(request.get("value", engine.volume)))
        else:
            log.warning("speech worker: unknown op %r", op)


class _Events:
    """Writes the engine's signals as JSON lines to the kiosk."""

    def __init__(self, out: IO[str]) -> None:
        self._out = out

    def write(self, event: dict[str, Any]) -> None:
        try:
            self._out.write(json.dumps(event, ensure_ascii=False) + "\n")
            self._out.flush()
        except (BrokenPipeError, OSError):  # the kiosk is gone
            QCoreApplication.quit()

    def prepared(self, ok: bool, reason: str, detail: str) -> None:
        self.write({"event": "prepared", "ok": ok, "reason": reason, "detail": detail})

    def progress(self, state: str, detail: str) -> None:
        self.write({"event": "progress", "state": state, "detail": detail})

    def status(self, voice: str, volume: float) -> None:
        self.write({"event": "engine", "voice": voice, "volume": volume})


def _die_with_parent() -> None:
    """Be killed when the kiosk dies, even by SIGKILL: a worker stuck in a call cannot see stdin close."""
    with contextlib.suppress(OSError, AttributeError, ImportError):
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def main() -> int:
    """Run the worker until stdin closes."""
    _die_with_parent()
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # the protocol gets a descriptor of its own; whatever a library prints to stdout goes to stderr
    out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    app = QCoreApplication([sys.argv[0] if sys.argv else "kiosk-speech-worker"])
    engine = _Engine(ENGINE, MANDARIN_VOICE, ENGLISH_VOICES, 0.8)
    events = _Events(out)
    engine.prepared.connect(events.prepared)
    engine.progress.connect(events.progress)
    engine.status.connect(events.status)
    requests = _Requests(sys.stdin.fileno(), engine)
    app.exec()
    del requests
    with contextlib.suppress(OSError):
        out.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
