#!/usr/bin/env bash
# Set up everything the kiosk needs on a Debian machine: system packages, a .venv, the package.
#   scripts/setup.sh run    — what running the kiosk needs
#   scripts/setup.sh test   — that, plus what the tests need
# (binutils: PyInstaller reads the bundle's shared libraries with objdump.)
# As root, missing Debian packages are installed; otherwise the exact apt-get line is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
purpose="${1:-run}"

RUN_PACKAGES=(
  python3 python3-venv python3-pip
  libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-image0
  libxcb-render-util0 libpulse0 libcups2 cups-client
  fonts-wqy-zenhei
  libspeechd2 speech-dispatcher speech-dispatcher-espeak-ng
)
TEST_PACKAGES=(binutils xvfb xdotool imagemagick poppler-utils poppler-data zbar-tools postgresql cups printer-driver-cups-pdf)

packages=("${RUN_PACKAGES[@]}")
[ "$purpose" = test ] && packages+=("${TEST_PACKAGES[@]}")

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: these Debian packages are missing; install them as root with:" >&2
    echo "  apt-get install -y ${missing[*]}" >&2
    if ! command -v python3 >/dev/null; then exit 1; fi
  fi
fi

python=python3
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "setup: Python 3.11 or newer is needed (found: $("$python" --version 2>&1))" >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$python" -m venv .venv || { echo "setup: 'python3 -m venv' failed: install python3-venv" >&2; exit 1; }
fi

stamp=".venv/.installed-$purpose-$(cat pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  extras=""
  [ "$purpose" = test ] && extras="[test]"
  echo "setup: installing the kiosk package into .venv (pip)"
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".$extras" || {
    echo "setup: pip install failed: is the package index reachable?" >&2; exit 1; }
  touch "$stamp"
fi
