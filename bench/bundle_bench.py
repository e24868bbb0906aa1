"""First frame of the PyInstaller bundle vs. the kiosk from source, both on the real start path.

    python -m bench.bundle_bench [--runs 5] [--rebuild]

Starts ``dist/lobby-kiosk/lobby-kiosk`` (``make bundle``) and the console script ``.venv/bin/kiosk``
alternately, each ``--windowed --data-dir DIR --content demo.yaml`` offscreen with
``KIOSK_FIRST_FRAME_MARK=1``: :func:`kiosk.runtime.run` then prints ``time.time()`` at the first Paint
event of the kiosk's window and exits. The figure is that mark minus ``time.time()`` just before
``Popen``: everything a visitor waits for, the bundle's unpacking of its archive included. One run of
each is done first and discarded (file-system cache, the data dir's first-start work); both use the
same copy of the prepared data dir (its cache is built), so neither pays for loading the content.

Prints ``bundle_first_frame_s``, ``source_first_frame_s`` (medians) and ``bundle_vs_source_ratio``.
The bundle is built first (as ``make bundle`` does, ~85 s) when it is missing or older than any of
its sources (the rule of tests/test_bundle.py), so that it runs the same code as the source.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import BUILD, DEMO, ROOT, Figure, child_env, emit, log, median

BUNDLE = ROOT / "dist" / "lobby-kiosk" / "lobby-kiosk"
SOURCE = ROOT / ".venv" / "bin" / "kiosk"
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
SPEC = ROOT / "kiosk.spec"
#: what the bundle is built from (as tests/test_bundle.py): newer than the binary → build again
BUNDLE_SOURCES = (ROOT / "kiosk", ROOT / "sync", ROOT / "assets", SPEC, ROOT / "deploy" / "pyi_rth_kiosk.py")
TIMEOUT_S = 120.0
BUILD_TIMEOUT_S = 1800.0


class StartFailed(RuntimeError):
    pass


def newest_source() -> tuple[float, Path | None]:
    """The modification time and path of the newest file the bundle is built from."""
    newest: tuple[float, Path | None] = (0.0, None)
    for source in BUNDLE_SOURCES:
        files = source.rglob("*") if source.is_dir() else [source]
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts and path.stat().st_mtime > newest[0]:
                newest = (path.stat().st_mtime, path)
    return newest


def ensure_bundle(rebuild: bool = False) -> None:
    """Build the bundle as ``make bundle`` does unless an up-to-date one exists; logged, output on stderr."""
    if rebuild:
        reason = "--rebuild"
    elif not BUNDLE.is_file():
        reason = f"{BUNDLE.relative_to(ROOT)} does not exist"
    else:
        when, path = newest_source()
        if BUNDLE.stat().st_mtime >= when:
            return
        reason = f"{BUNDLE.relative_to(ROOT)} is older than {path.relative_to(ROOT) if path else '?'}"
    log(f"bundle: {reason}: building it (make bundle's PyInstaller step, about 85 s)…")
    started = time.perf_counter()
    done = subprocess.run(
        [str(VENV_PYTHON), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", "dist",
         "--workpath", "build/pyinstaller", str(SPEC.relative_to(ROOT))],
        cwd=ROOT, stdout=sys.stderr, stderr=sys.stderr, timeout=BUILD_TIMEOUT_S, check=False,
    )
    if done.returncode != 0 or not BUNDLE.is_file():
        raise StartFailed(f"PyInstaller exited with status {done.returncode}")
    log(f"bundle: built in {time.perf_counter() - started:.0f} s")


def first_frame(executable: Path, data_dir: Path, content: Path) -> float:
    """Seconds from just before Popen to the kiosk's first-frame mark."""
    args = [str(executable), "--windowed", "--data-dir", str(data_dir), "--content", str(content)]
    env = child_env()
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["KIOSK_FIRST_FRAME_MARK"] = "1"  # kiosk.runtime.FirstFrameMark
    started = time.time()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env, text=True)
    try:
        out, err = process.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        raise StartFailed(f"{executable.name}: no first-frame mark within {TIMEOUT_S:.0f} s\n{err[-2000:]}") from None
    lines = out.split()
    if process.returncode != 0 or not lines:
        raise StartFailed(f"{executable.name}: exit status {process.returncode}, output {out!r}\n{err[-2000:]}")
    return float(lines[-1]) - started


def compare(data_dir: Path, content: Path, runs: int) -> list[Figure]:
    """Bundle and source alternately, one discarded run of each first; medians of ``runs`` each."""
    first_frame(BUNDLE, data_dir, content)
    first_frame(SOURCE, data_dir, content)
    bundle: list[float] = []
    source: list[float] = []
    for index in range(runs):
        bundle.append(first_frame(BUNDLE, data_dir, content))
        source.append(first_frame(SOURCE, data_dir, content))
        log(f"bundle {index + 1}/{runs}: bundle {bundle[-1]:.3f} s, source {source[-1]:.3f} s")
    log(f"bundle: fastest bundle {min(bundle):.3f} s, fastest source {min(source):.3f} s")
    bundle_s, source_s = median(bundle), median(source)
    return [
        Figure("bundle_first_frame_s", bundle_s, "s"),
        Figure("source_first_frame_s", source_s, "s"),
        Figure("bundle_vs_source_ratio", bundle_s / source_s, "ratio"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bundle_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="measured starts of each (after one discarded)")
    parser.add_argument("--rebuild", action="store_true", help="build the bundle even if it is up to date")
    args = parser.parse_args(argv)
    if not SOURCE.is_file():
        log(f"bundle: {SOURCE} is missing (scripts/setup.sh installs the kiosk into .venv)")
        return 1
    from bench.synthetic import prepared_data_dir

    ensure_bundle(args.rebuild)
    # a copy: the kiosk writes its log and crash files into the data dir, the prepared one stays as it is
    BUILD.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="bundle-", dir=BUILD))
    data_dir = scratch / "data"
    shutil.copytree(prepared_data_dir(DEMO, "data-demo"), data_dir)
    try:
        figures = compare(data_dir, DEMO, args.runs)
    except StartFailed as exc:
        log(f"bundle: {exc}")
        return 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for figure in figures:
        emit(figure)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
