"""Paths, statistics and output helpers shared by the benchmarks."""

from __future__ import annotations

import math
import os
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.config import Config

ROOT = Path(__file__).resolve().parent.parent
#: generated content files, prepared data dirs (gitignored through build/)
BUILD = ROOT / "build" / "bench"
DEMO = ROOT / "assets" / "content" / "demo.yaml"


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str

    def line(self) -> str:
        digits = {"s": 3, "ms": 2, "MB": 1, "ratio": 2}.get(self.unit, 3)
        return f"{self.name} {self.value:.{digits}f} {self.unit}"

    @classmethod
    def parse(cls, line: str) -> Figure:
        name, value, unit = line.split()
        return cls(name, float(value), unit)


def log(message: str) -> None:
    """Progress and notes: stderr only, stdout is reserved for the figures."""
    print(f"bench: {message}", file=sys.stderr, flush=True)


def emit(figure: Figure) -> None:
    print(figure.line(), flush=True)


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100): a value that was actually measured."""
    if not values:
        raise ValueError("no samples")
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def rss_mb() -> float:
    """Resident set size of this process (VmRSS in /proc/self/status), in MiB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("VmRSS not found in /proc/self/status")


def kiosk_config(data_dir: Path, content_file: Path) -> Config:
    """The configuration of a windowed kiosk on ``data_dir``: no system/user files, no environment."""
    from kiosk.config import load_config

    return load_config(None, layered=False, environ={}, data_dir=str(data_dir),
                       content_file=str(content_file), fullscreen=False)


def shield_singletons() -> float:
    """Keep None, True and False alive despite PySide6's lost references; returns the loss per call.

    With shiboken6/PySide6 6.12.0 on CPython 3.11 (where None is not yet immortal) every call of a
    PySide6 method that returns nothing, and every Python override Qt calls, drops one reference to
    None (``emit()`` drops one to True). After some tens of thousands of such calls the interpreter
    aborts: "Fatal Python error: none_dealloc". The in-process benchmarks make far more calls than
    that, so they raise the three reference counts out of reach (no memory, no time) to be able to
    measure at all; the loss is logged and belongs in the report as a bug of the kiosk's stack.
    """
    import ctypes

    from PySide6.QtWidgets import QWidget

    probe = QWidget()
    calls = 200
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setVisible(False)
    loss = (before - sys.getrefcount(None)) / calls
    if loss > 0 and sys.version_info < (3, 12):
        for singleton in (None, True, False):
            ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40
        log(f"WARNING: this PySide6 drops {loss:.2f} reference to None per void call "
            "(QWidget.setVisible); the kiosk process aborts with 'Fatal Python error: none_dealloc' "
            "when None's count runs out. Counts of None/True/False raised to keep measuring.")
    return loss


def child_env() -> dict[str, str]:
    """Environment of the benchmark's child processes.

    Offscreen Qt unless told otherwise, and Python's bytecode cache on: a kiosk in service has its
    ``.pyc`` files (pip writes them at install, or the first start does), while a shell with
    ``PYTHONDONTWRITEBYTECODE=1`` would make every start recompile the kiosk's modules. The cache
    goes to ``build/bench/pycache`` (PYTHONPYCACHEPREFIX), so the source tree is left as it is.
    """
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(BUILD / "pycache")
    return env
