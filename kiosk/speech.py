"""Read-aloud (语音播报): a page's summary spoken in Mandarin (or English) through QtTextToSpeech.

The engine runs in a child process of its own (:mod:`kiosk.speech_worker`, ``kiosk speech-worker``),
never in the kiosk's process: QtTextToSpeech talks to speech-dispatcher synchronously and PySide6 holds
the GIL through a wrapped C++ call, so a speech-dispatcher that hangs (it did, with no sound device: the
whole UI froze for 25 minutes while a speech thread sat in such a call) would hang every thread of the
kiosk. The :class:`Speaker` on the UI thread starts the worker with a QProcess on the first ``speak``
(never at start-up), writes requests to it and reads its events as they come (JSON lines), never
waiting. Until the engine is ready the state is ``preparing`` (the button says 正在准备朗读…); a
worker that does not answer in time is killed and speech is ``unavailable``.

The voice is chosen by name, not by locale: speech-dispatcher lists espeak-ng's Mandarin voice
"Chinese (Mandarin, latin as English)" under the locale "C". An English voice is used for a text
without Chinese characters while the visitor's UI language is English.

States (``state_changed``): ``ready``; ``preparing`` (the engine is being made); ``starting`` (the
text was sent, the engine has not begun); ``speaking``; ``unavailable`` (:attr:`Speaker.reason` says
why, in words for visitors; :attr:`Speaker.detail` for the operator's log). A watchdog turns a
speech that never starts or never ends into ``unavailable``: with no working sound output
speech-dispatcher accepts the text and never finishes it.

Sound: on a machine without a sound device speech-dispatcher must be given a null audio output
(``AudioOutputMethod "alsa"`` with ``AudioALSADevice "null"``), see deploy/README.md; the tests start a
private speech-dispatcher configured that way (tests/conftest_speech.py).
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import re
import sys
import time
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QProcessEnvironment, QTimer, Signal

from kiosk.texts import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from kiosk.store import ContentStore

log = logging.getLogger(__name__)

ENGINE = "speechd"
#: the Mandarin voice: the first voice whose name starts with this (espeak-ng's, listed under locale "C")
MANDARIN_VOICE = "Chinese (Mandarin"
#: English voices in order of preference (names or name prefixes)
ENGLISH_VOICES = ("English (America)", "English (Great Britain)", "English")
DEFAULT_VOLUME = 80

READY = "ready"
PREPARING = "preparing"
STARTING = "starting"
SPEAKING = "speaking"
UNAVAILABLE = "unavailable"

#: seconds the engine may take to be made (speech-dispatcher is started by libspeechd if needed)
PREPARE_SECONDS = 45.0
#: seconds from sending a text until the engine says it speaks
START_SECONDS = 15.0
#: a speech may last this long plus SECONDS_PER_CHARACTER per character before it counts as stuck
SPEAK_SLACK_SECONDS = 15.0
SECONDS_PER_CHARACTER = 0.6

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


#: why the kiosk cannot read aloud, for visitors: two short lines for the button, kept in Chinese in
#: :attr:`Speaker.reason` and translated where shown (:meth:`Speaker.reason_text`)
NOT_INSTALLED = QT_TRANSLATE_NOOP("Speaker", "本机未安装\n语音朗读")
NO_MANDARIN_VOICE = QT_TRANSLATE_NOOP("Speaker", "本机未安装\n普通话语音")
NOT_WORKING = QT_TRANSLATE_NOOP("Speaker", "语音朗读\n暂时无法使用")
NO_SOUND = QT_TRANSLATE_NOOP("Speaker", "本机声音输出\n不可用")


class _ModeSource(Protocol):
    """What the Speaker reads the visitor's language from (``store.mode``, a ModeState)."""

    @property
    def mode(self) -> object: ...


# -- the worker process -----------------------------------------------------------------------------------
#: every Speaker whose worker may run: their workers are killed when the application quits
_speakers: weakref.WeakSet[Speaker] = weakref.WeakSet()
_quit_hooked = False
#: how long the application's end may wait for the workers it kills
QUIT_WAIT_SECONDS = 1.0


def worker_command() -> list[str]:
    """The command that runs :func:`kiosk.speech_worker.main`: the kiosk itself, with a hidden subcommand."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: sys.executable is the kiosk binary
        return [sys.executable, "speech-worker"]
    return [sys.executable, "-m", "kiosk", "speech-worker"]


def _worker_environment() -> QProcessEnvironment:
    """This process's environment as it is now (SPEECHD_ADDRESS …), and the kiosk package importable."""
    environment = QProcessEnvironment()
    for name, value in os.environ.items():
        environment.insert(name, value)
    if not getattr(sys, "frozen", False):
        root = str(Path(__file__).resolve().parent.parent)
        paths = [root, *(p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and p != root)]
        environment.insert("PYTHONPATH", os.pathsep.join(paths))
    return environment


def _end_workers() -> None:
    """Kill every worker (the application quits), waiting at most :data:`QUIT_WAIT_SECONDS` in all."""
    processes = [p for p in (speaker._end_worker() for speaker in list(_speakers)) if p is not None]
    deadline = time.monotonic() + QUIT_WAIT_SECONDS
    for process in processes:
        remaining = int((deadline - time.monotonic()) * 1000)
        if remaining > 0:
            process.waitForFinished(remaining)  # reaps the killed child (a few ms unless it is stuck in the kernel)


def _hook_quit() -> None:
    global _quit_hooked
    app = QCoreApplication.instance()
    if not _quit_hooked:
        atexit.register(_end_workers)  # a process that ends without quitting its application
        if app is not None:
            app.aboutToQuit.connect(_end_workers)
        _quit_hooked = True


# -- on the UI thread ----------------------------------------------------------------------------------
class Speaker(QObject):
    """Speaks one text at a time; ``state_changed`` tells the buttons (see the module's states)."""

    state_changed = Signal(str)

    def __init__(self, parent: QObject | None = None, *, volume: int = DEFAULT_VOLUME, engine: str = ENGINE,
                 mode: _ModeSource | None = None, mandarin_voice: str = MANDARIN_VOICE,
                 english_voices: tuple[str, ...] = ENGLISH_VOICES, prepare_seconds: float = PREPARE_SECONDS,
                 start_seconds: float = START_SECONDS) -> None:
        super().__init__(parent)
        self.engine_name = engine
        self.default_volume = _clamp(volume)
        self._volume_now = self.default_volume
        self._mode = mode
        self._mandarin_voice = mandarin_voice
        self._english_voices = english_voices
        #: the worker process (kiosk.speech_worker), started on the first speak
        self._process: QProcess | None = None
        self._output = b""
        self._engine_ready = False
        #: the voice's name and the volume (0–1) the worker's engine reported last ("", None before)
        self.engine_voice = ""
        self.engine_volume: float | None = None
        self._state = READY
        #: why speech is not available, for visitors ("" while it is): one of NOT_INSTALLED … NO_SOUND, in
        #: Chinese; :meth:`reason_text` in the UI language
        self.reason = ""
        #: what went wrong, for the operator's log
        self.detail = ""
        #: the text waiting for the engine to be made
        self._pending: tuple[str, bool] | None = None
        self._text = ""
        #: who asked for the text being spoken (a button), None when nothing is
        self.owner: object | None = None
        #: the watchdog's limits, in seconds (module defaults; see the constants)
        self.prepare_seconds = prepare_seconds
        self.start_seconds = start_seconds
        self.speak_slack_seconds = SPEAK_SLACK_SECONDS
        self.seconds_per_character = SECONDS_PER_CHARACTER
        self._watchdog = QTimer(self, singleShot=True)
        self._watchdog.timeout.connect(self._timed_out)
        changed = getattr(mode, "changed", None)
        if changed is not None:  # another language or size: the screens are rebuilt, the text is stale
            changed.connect(self._mode_changed)

    # -- queries ---------------------------------------------------------------------------------------
    @property
    def state(self) -> str:
        return self._state

    def available(self) -> bool:
        """False once the engine, the voice or the sound output is known to be missing (see :attr:`reason`)."""
        return self._state != UNAVAILABLE

    def reason_text(self) -> str:
        """:attr:`reason` in the UI language."""
        return QCoreApplication.translate("Speaker", self.reason) if self.reason else ""

    @property
    def speaking(self) -> bool:
        """A text was asked for and has not ended (it may still be starting)."""
        return self._state in (STARTING, SPEAKING) or (self._state == PREPARING and self._pending is not None)

    def volume(self) -> int:
        """The volume now, 0–100."""
        return self._volume_now

    # -- requests --------------------------------------------------------------------------------------
    def speak(self, text: str, owner: object | None = None) -> None:
        """Speak ``text`` (stopping whatever is being spoken); the engine is made on the first call.

        ``owner`` (the button that asked) is kept in :attr:`owner` while the text is spoken.
        """
        text = text.strip()
        if not text or self._state == UNAVAILABLE:
            return
        english = self._english(text)
        self._text = text
        self.owner = owner
        if not self._engine_ready:
            self._pending = (text, english)
            self._start_engine()
            return
        self._send(text, english)

    def stop(self) -> None:
        """Stop speaking (nothing happens when nothing is spoken)."""
        self._pending = None
        self.owner = None
        if self._state in (PREPARING, STARTING, SPEAKING):
            self._text = ""
            if self._engine_ready:
                self._request({"op": "stop"})
                self._watchdog.stop()
                self._set_state(READY)
            # while the engine is being made the state stays "preparing"; the text is forgotten

    def set_volume(self, volume: int) -> None:
        """The volume, 0–100 (applied to the current and later texts)."""
        self._volume_now = _clamp(volume)
        self._request({"op": "volume", "value": self._volume_now / 100})

    def new_visitor(self) -> None:
        """The kiosk went idle: stop speaking and go back to the configured volume."""
        self.stop()
        if self._volume_now != self.default_volume:
            self.set_volume(self.default_volume)

    # -- inside ----------------------------------------------------------------------------------------
    def _mode_changed(self, _mode: object) -> None:
        self.stop()

    def _english(self, text: str) -> bool:
        mode = getattr(self._mode, "mode", None)
        return getattr(mode, "language", "zh") == "en" and _CJK.search(text) is None

    def _start_engine(self) -> None:
        if self._process is None:
            process = QProcess(self)
            command = worker_command()
            process.setProgram(command[0])
            process.setArguments(command[1:])
            process.setProcessEnvironment(_worker_environment())
            process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)  # its log: ours
            process.readyReadStandardOutput.connect(self._read_worker)
            process.finished.connect(self._worker_finished)
            process.errorOccurred.connect(self._worker_error)
            self._process = process
            self._output = b""
            _speakers.add(self)
            _hook_quit()
            process.start()  # asynchronous: what is written meanwhile waits in QProcess's buffer
            self._request({"op": "create", "engine": self.engine_name, "mandarin": self._mandarin_voice,
                           "english": list(self._english_voices), "volume": self._volume_now / 100})
            self._watchdog.start(int(self.prepare_seconds * 1000))
        self._set_state(PREPARING)

    def _request(self, request: dict[str, Any]) -> None:
        if self._process is not None:
            self._process.write((json.dumps(request, ensure_ascii=False) + "\n").encode())

    def _read_worker(self) -> None:
        process = self._process
        if process is None:
            return
        self._output += process.readAllStandardOutput().data()
        while b"\n" in self._output and self._process is process:
            line, _, self._output = self._output.partition(b"\n")
            try:
                event = json.loads(line)
            except ValueError:
                log.warning("speech worker: not an event: %r", line[:200])
                continue
            self._event(event)

    def _event(self, event: dict[str, Any]) -> None:
        kind = event.get("event")
        if kind == "prepared":
            self._prepared(bool(event.get("ok")), str(event.get("reason", "")), str(event.get("detail", "")))
        elif kind == "progress":
            self._progress(str(event.get("state", "")), str(event.get("detail", "")))
        elif kind == "engine":
            self.engine_voice = str(event.get("voice", ""))
            volume = event.get("volume")
            self.engine_volume = float(volume) if isinstance(volume, int | float) else None

    def _worker_finished(self, code: int, status: QProcess.ExitStatus) -> None:
        self._read_worker()  # what it said before it ended
        if self._process is None:
            return  # already ended by what it said
        how = "crashed" if status == QProcess.ExitStatus.CrashExit else f"exited with code {code}"
        self._fail(NOT_WORKING, f"{self.engine_name}: the speech worker {how}")

    def _worker_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self._process is not None:
            self._fail(NOT_WORKING, f"the speech worker could not be started ({' '.join(worker_command())}): "
                                    f"{self._process.errorString()}")

    def _end_worker(self) -> QProcess | None:
        """Kill the worker without waiting for it; the killed process, if one ran."""
        process, self._process = self._process, None
        self._engine_ready = False
        self._output = b""
        if process is None:
            return None
        process.readyReadStandardOutput.disconnect(self._read_worker)
        process.finished.disconnect(self._worker_finished)
        process.errorOccurred.disconnect(self._worker_error)
        if process.state() == QProcess.ProcessState.NotRunning:
            process.deleteLater()
            return None
        process.finished.connect(process.deleteLater)  # reaped by Qt when it has ended
        process.kill()
        return process

    def _send(self, text: str, english: bool) -> None:
        self._request({"op": "say", "text": text, "english": english})
        self._set_state(STARTING)
        self._watchdog.start(int(self.start_seconds * 1000))

    def _prepared(self, ok: bool, reason: str, detail: str) -> None:
        self._watchdog.stop()
        if not ok:
            self._fail(reason, detail)
            return
        log.info("speech ready: %s", detail)
        self._engine_ready = True
        self.reason = self.detail = ""
        pending, self._pending = self._pending, None
        if pending is not None:
            self._send(*pending)
        else:
            self._set_state(READY)

    def _progress(self, what: str, detail: str) -> None:
        if self._state not in (STARTING, SPEAKING):
            return  # stopped meanwhile
        if what == SPEAKING:
            self._set_state(SPEAKING)
            limit = self.speak_slack_seconds + self.seconds_per_character * len(self._text)
            self._watchdog.start(int(limit * 1000))
        elif what == READY:
            self._watchdog.stop()
            self._text = ""
            self.owner = None
            self._set_state(READY)
        else:
            self._fail(NOT_WORKING, f"{self.engine_name}: {detail}")

    def _timed_out(self) -> None:
        if self._state == PREPARING:
            self._fail(NOT_WORKING,
                       f"{self.engine_name}: the engine was not ready after {self.prepare_seconds:.0f} s "
                       "(speech-dispatcher does not answer)")
        elif self._state == STARTING:
            self._fail(NO_SOUND,
                       f"{self.engine_name}: speech did not start within {self.start_seconds:.0f} s")
        elif self._state == SPEAKING:
            self._fail(NO_SOUND,
                       f"{self.engine_name}: speech did not end in time: is there a working audio output? "
                       "(speech-dispatcher's AudioOutputMethod; see deploy/README.md)")

    def _fail(self, reason: str, detail: str) -> None:
        """Speech is not available (for good): the worker is killed, whatever it is doing."""
        self._watchdog.stop()
        self._end_worker()
        self._pending = None
        self._text = ""
        self.owner = None
        self.reason, self.detail = reason, detail
        log.warning("read-aloud not available: %s", detail)
        self._set_state(UNAVAILABLE)

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)


def _clamp(volume: int) -> int:
    return max(0, min(100, int(volume)))


def speaker_for(store: ContentStore) -> Speaker:
    """The kiosk's speaker, kept on the content store (``store.speaker``), made on first use.

    Its default volume is the configuration's ``speech_volume`` (0–100, default 80) and its engine
    ``speech_engine`` (default "speechd") when the store's parent (the app) has a configuration.
    """
    existing = getattr(store, "speaker", None)
    if isinstance(existing, Speaker):
        return existing
    config = getattr(store.parent(), "config", None)
    speaker = Speaker(store, volume=getattr(config, "speech_volume", DEFAULT_VOLUME),
                      engine=getattr(config, "speech_engine", ENGINE) or ENGINE,
                      mode=getattr(store, "mode", None))
    store.speaker = speaker  # type: ignore[attr-defined]
    return speaker
