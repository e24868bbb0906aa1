"""Start-up figures, each measured from the outside on fresh processes (see child_first_frame.py).

The parent takes ``time.time()`` just before ``subprocess.Popen`` and the child prints
``time.time()`` at its mark; the difference is the whole start as a visitor would wait for it.
Children run with Python's bytecode cache on (see :func:`bench.common.child_env`).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import BUILD, ROOT, Figure, child_env, log, median

CHILD = Path(__file__).resolve().parent / "child_first_frame.py"
TIMEOUT_S = 120.0


class ChildFailed(RuntimeError):
    pass


def run_child(mode: str, data_dir: Path | None = None, content: Path | None = None) -> float:
    """Seconds from just before Popen to the child's mark."""
    args = [sys.executable, str(CHILD), mode]
    if data_dir is not None and content is not None:
        args += [str(data_dir), str(content)]
    env = child_env()
    started = time.time()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env,
                               text=True)
    try:
        out, err = process.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        raise ChildFailed(f"{mode}: no mark within {TIMEOUT_S:.0f} s\n{err[-2000:]}") from None
    lines = out.split()
    if process.returncode != 0 or not lines:
        raise ChildFailed(f"{mode}: exit status {process.returncode}, output {out!r}\n{err[-2000:]}")
    return float(lines[-1]) - started


def cold_start(data_dir: Path, content: Path, runs: int) -> list[Figure]:
    """Kiosk vs. bare PySide6 first frame, alternating, median of ``runs`` each.

    ``data_dir`` already holds the built cache (and the attract snapshot): a restart of a kiosk that
    has its cache, which is the normal case. One run of each kind is done first and discarded so
    that both start with the same warm file-system cache.
    """
    run_child("bare")
    run_child("kiosk", data_dir, content)
    kiosk: list[float] = []
    bare: list[float] = []
    for index in range(runs):
        kiosk.append(run_child("kiosk", data_dir, content))
        bare.append(run_child("bare"))
        log(f"cold start {index + 1}/{runs}: kiosk {kiosk[-1]:.3f} s, bare {bare[-1]:.3f} s")
    log(f"cold start: fastest kiosk {min(kiosk):.3f} s, fastest bare {min(bare):.3f} s")
    kiosk_s, bare_s = median(kiosk), median(bare)
    return [
        Figure("cold_start_first_frame_s", kiosk_s, "s"),
        Figure("bare_qt_first_frame_s", bare_s, "s"),
        Figure("cold_start_ratio", kiosk_s / bare_s, "ratio"),
    ]


def first_start_build(content: Path, runs: int) -> list[Figure]:
    """Very first start: empty data dir, so the cache is built from the content file before ready."""
    times: list[float] = []
    BUILD.mkdir(parents=True, exist_ok=True)
    for index in range(runs):
        data_dir = Path(tempfile.mkdtemp(prefix="first-start-", dir=BUILD))
        try:
            times.append(run_child("ready", data_dir, content))
        finally:
            shutil.rmtree(data_dir, ignore_errors=True)
        log(f"first start {index + 1}/{runs}: ready after {times[-1]:.3f} s")
    return [Figure("first_start_build_s", median(times), "s")]


def home_interactive(data_dir: Path, content: Path, runs: int) -> list[Figure]:
    """Process start → home screen shown and painted with the catalogue loaded (cache already built)."""
    run_child("home", data_dir, content)  # warm-up, discarded (file-system cache)
    times: list[float] = []
    for index in range(runs):
        times.append(run_child("home", data_dir, content))
        log(f"home interactive {index + 1}/{runs}: {times[-1]:.3f} s")
    return [Figure("home_interactive_s", median(times), "s")]
