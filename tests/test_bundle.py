"""The PyInstaller bundle (kiosk.spec) and the deployment files (deploy/).

The bundle is built once per session into dist/lobby-kiosk (as ``make bundle`` does), or reused when it
is newer than every source, asset and spec file; then the built binary runs ``--self-test`` offscreen:
every screen rendered, the cache opened, exit 0, nothing unexpected on stderr.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "lobby-kiosk"
BINARY = DIST / "lobby-kiosk"
INTERNAL = DIST / "_internal"
SPEC = ROOT / "kiosk.spec"
DEPLOY = ROOT / "deploy"
UNIT = DEPLOY / "lobby-kiosk.service"
#: what the bundle is built from: newer than the binary → build again
SOURCES = (ROOT / "kiosk", ROOT / "sync", ROOT / "assets", SPEC, DEPLOY / "pyi_rth_kiosk.py")
#: stderr lines that are expected and harmless
HARMLESS = [re.compile(pattern) for pattern in (
    r"^\d{4}-\d\d-\d\d [\d:,.]+ INFO ",  # the kiosk's own log lines at level INFO
    r"^qt\.multimedia\.symbolsresolver: Couldn't (load|resolve) pipewire",  # no PipeWire: sounds go elsewhere
    r"^qt\.qml\.propertyCache\.append: Member contentWidth of the object PopupList_QMLTYPE_\d+ overrides",
    r"propagateSizeHints",
)]


def _newest_source() -> float:
    newest = 0.0
    for source in SOURCES:
        files = source.rglob("*") if source.is_dir() else [source]
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts:
                newest = max(newest, path.stat().st_mtime)
    return newest


@pytest.fixture(scope="module")
def bundle(english_qm: Path) -> Path:  # (the English UI's .qm is built before the bundle, as `make bundle` does)
    if BINARY.is_file() and BINARY.stat().st_mtime > _newest_source():
        return DIST
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("PyInstaller is missing: install the test extras (scripts/setup.sh test)")
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", str(ROOT / "dist"),
         "--workpath", str(ROOT / "build" / "pyinstaller"), str(SPEC)],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-6000:]
    assert BINARY.is_file()
    print(f"bundle built in {time.monotonic() - started:.0f} s")
    return DIST


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def test_bundle_has_what_the_kiosk_loads_and_not_webengine(bundle: Path) -> None:
    qt = INTERNAL / "PySide6" / "Qt"
    expected = [
        INTERNAL / "assets" / "content" / "demo.yaml",
        INTERNAL / "assets" / "qml" / "pinyin_keyboard.qml",
        INTERNAL / "assets" / "style.qss",
        INTERNAL / "assets" / "i18n" / "kiosk_en.qm",  # the English UI
        INTERNAL / "sync" / "migrations" / "env.py",
        qt / "plugins" / "platforminputcontexts" / "libqtvirtualkeyboardplugin.so",
        qt / "plugins" / "printsupport" / "libcupsprintersupport.so",
        qt / "plugins" / "platforms" / "libqoffscreen.so",
        qt / "plugins" / "platforms" / "libqxcb.so",
        qt / "qml" / "QtQuick" / "VirtualKeyboard" / "qmldir",
        qt / "lib" / "libQt6Pdf.so.6",
    ]
    missing = [str(path.relative_to(bundle)) for path in expected if not path.exists()]
    assert not missing, missing
    assert list((qt / "plugins" / "platforms").glob("libqwayland*.so")), "no wayland platform plugin (cage)"
    assert list((INTERNAL / "sync" / "migrations" / "versions").glob("*.py"))
    unwanted = [p.name for p in bundle.rglob("*") if re.search(r"WebEngine|Quick3D|Qt63D|Charts", p.name)]
    assert not unwanted, unwanted
    size = _size_mb(bundle)
    print(f"bundle size: {size:.0f} MB")
    assert size < 350, f"the bundle grew to {size:.0f} MB"


@pytest.mark.skipif(shutil.which("objdump") is None, reason="objdump (binutils) is not installed")
def test_every_bundled_qt_library_finds_the_qt_libraries_it_links(bundle: Path) -> None:
    """A QML module or plugin kept while a Qt library it links was dropped fails only when it is loaded."""
    present = {p.name for p in INTERNAL.rglob("*.so*")}
    missing: dict[str, set[str]] = {}
    for library in INTERNAL.rglob("*.so*"):
        if not library.is_file() or library.is_symlink():
            continue
        dump = subprocess.run(["objdump", "-p", str(library)], capture_output=True, text=True).stdout
        for needed in re.findall(r"^\s*NEEDED\s+(libQt6\S+)", dump, re.MULTILINE):
            if needed not in present:
                missing.setdefault(needed, set()).add(str(library.relative_to(INTERNAL)))
    assert not missing, missing


def test_bundled_binary_passes_the_self_test(bundle: Path, tmp_path: Path) -> None:
    help_text = subprocess.run([str(BINARY), "--help"], capture_output=True, text=True, timeout=60).stdout
    if "--self-test" not in help_text:
        pytest.skip("kiosk/cli.py has no --self-test flag yet (it calls kiosk.selftest.run)")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("KIOSK_", "PYTHON"))}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path))
    started = time.monotonic()
    done = subprocess.run([str(BINARY), "--self-test", "--data-dir", str(tmp_path / "data")], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=180)
    print(f"bundled self-test: {time.monotonic() - started:.1f} s")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test OK" in done.stdout.splitlines()[-1]
    unexpected = [line for line in done.stderr.splitlines()
                  if line.strip() and not any(pattern.search(line) for pattern in HARMLESS)]
    assert not unexpected, "\n".join(unexpected)


# -- deploy/ ------------------------------------------------------------------------------------------------
def test_install_script_is_valid_bash() -> None:
    done = subprocess.run(["bash", "-n", str(DEPLOY / "install.sh")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert os.access(DEPLOY / "install.sh", os.X_OK)


def test_install_script_refuses_without_root_or_bundle(tmp_path: Path) -> None:
    done = subprocess.run(["bash", str(DEPLOY / "install.sh"), str(tmp_path / "none")], capture_output=True,
                          text=True, timeout=30)
    assert done.returncode == 1
    assert "run as root" in done.stderr or "no bundle at" in done.stderr


def test_unit_runs_the_kiosk_under_cage_with_restart_watchdog_and_memory_limit() -> None:
    text = UNIT.read_text(encoding="utf-8")
    for setting in ("Type=notify", "NotifyAccess=all", "WatchdogSec=30", "Restart=always", "RestartSec=5",
                    "User=kiosk", "PAMName=cage", "TTYPath=/dev/tty1", "Conflicts=getty@tty1.service",
                    "MemoryMax=", "Environment=QT_QPA_PLATFORM=wayland", "Environment=QT_IM_MODULE=qtvirtualkeyboard",
                    "Environment=QT_VIRTUALKEYBOARD_DESKTOP_DISABLE=1",
                    "ExecStart=/usr/bin/cage -d -- /opt/lobby-kiosk/lobby-kiosk"):
        assert re.search(rf"^{re.escape(setting)}", text, re.MULTILINE), setting


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    text = UNIT.read_text(encoding="utf-8")
    if not Path("/usr/bin/cage").exists():  # not installed here: verify everything else with a stand-in
        text = text.replace("/usr/bin/cage", shutil.which("true") or "/bin/true")
    unit = tmp_path / UNIT.name
    unit.write_text(text, encoding="utf-8")
    done = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert UNIT.name not in done.stderr, done.stderr
