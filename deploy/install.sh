#!/usr/bin/env bash
# Set up a kiosk machine from a fresh Debian 12 (bookworm), as root:
#   deploy/install.sh [BUNDLE_DIR]      (default: dist/lobby-kiosk, built by `make bundle`)
# Installs the Debian packages the bundle needs, creates the unprivileged user `kiosk`, copies the
# bundle to /opt/lobby-kiosk, writes /etc/lobby-kiosk/kiosk.toml if there is none (an existing one is
# never touched), installs and enables lobby-kiosk.service (cage on tty1). Safe to run again (updates).
# KIOSK_INSTALL_NO_START=1: enable the unit but do not (re)start it now.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bundle="${1:-$here/../dist/lobby-kiosk}"
prefix=/opt/lobby-kiosk
etc=/etc/lobby-kiosk
state=/var/lib/lobby-kiosk
user=kiosk

PACKAGES=(
  cage seatd libpam-systemd dbus            # the compositor, seat access, a logind session for the user
  libgl1-mesa-dri libgbm1 libegl1 libgl1 libgles2   # GPU drivers and GL for cage (wlroots) and Qt
  libwayland-client0 libwayland-cursor0 libwayland-egl1 libxkbcommon0   # Qt's wayland platform plugin
  libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-image0
  libxcb-render-util0 libxcb-randr0 libxcb-xkb1 libxcb-xinerama0      # Qt's xcb plugin (for testing under X)
  libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3
  fonts-wqy-zenhei                          # Chinese glyphs: Qt through fontconfig, reportlab by file path
  libcups2 cups-client                      # printing: `lp`/`lpstat` and Qt's printsupport plugin
  libpulse0                                 # Qt Multimedia (linked by Qt Virtual Keyboard's sounds)
  libspeechd2 speech-dispatcher speech-dispatcher-espeak-ng   # read-aloud (朗读): Qt's speechd engine
)

die() { echo "install.sh: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (sudo $0 $*)"
[ -x "$bundle/lobby-kiosk" ] || die "no bundle at $bundle: build it with 'make bundle' (or pass its folder)"
command -v apt-get >/dev/null || die "apt-get not found: this script is for Debian"

echo "install.sh: installing Debian packages"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null

echo "install.sh: user $user"
getent group "$user" >/dev/null || groupadd --system "$user"
if ! id "$user" >/dev/null 2>&1; then
  useradd --system --gid "$user" --home-dir "$state" --no-create-home --shell /usr/sbin/nologin \
    --comment "lobby kiosk" "$user"
fi
# display, input devices, GPU render nodes and the seat daemon's socket (names differ between releases)
for group in video input render _seatd seat; do
  if getent group "$group" >/dev/null; then usermod -a -G "$group" "$user"; fi
done
install -d -o "$user" -g "$user" -m 0750 "$state" "$state/config"

echo "install.sh: bundle → $prefix"
staging="$prefix.new"
rm -rf "$staging"
cp -a "$bundle" "$staging"
[ -f "$here/README.md" ] && cp "$here/README.md" "$staging/README.md"
chown -R root:root "$staging"
chmod -R u+rwX,go+rX,go-w "$staging"
if [ -d "$prefix" ]; then rm -rf "$prefix.old" && mv "$prefix" "$prefix.old"; fi
mv "$staging" "$prefix"
rm -rf "$prefix.old"

echo "install.sh: configuration in $etc"
install -d -m 0755 "$etc"
if [ ! -f "$etc/kiosk.toml" ]; then
  cat > "$etc/kiosk.toml" <<TOML
# Lobby kiosk settings (every key and its default: see the README, or 'lobby-kiosk config --show').
data_dir = "$state"
kiosk_id = "$(hostname -s)"
# office_url = "postgresql+psycopg://kiosk:PASSWORD@office.example/kiosk"   # empty: embedded office
# printer = ""                                                             # CUPS queue name
TOML
  chmod 0640 "$etc/kiosk.toml"
  chgrp "$user" "$etc/kiosk.toml"
  echo "install.sh: wrote $etc/kiosk.toml (edit it, then: systemctl restart lobby-kiosk)"
fi

echo "install.sh: self-test of the bundle (offscreen, on a scratch data folder)"
scratch="$(runuser -u "$user" -- mktemp -d)"
if ! runuser -u "$user" -- env QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$scratch/config" \
    "$prefix/lobby-kiosk" --self-test --data-dir "$scratch/data" >"$scratch/self-test.log" 2>&1; then
  echo "install.sh: WARNING: the self-test failed (see $scratch/self-test.log)" >&2
else
  rm -rf "$scratch"
fi

echo "install.sh: systemd unit"
install -m 0644 "$here/pam.d-cage" /etc/pam.d/cage
install -m 0644 "$here/lobby-kiosk.service" /etc/systemd/system/lobby-kiosk.service
install -m 0644 "$here/90-lobby-kiosk-backlight.rules" /etc/udev/rules.d/90-lobby-kiosk-backlight.rules
udevadm trigger --subsystem-match=backlight --action=add 2>/dev/null || true  # quiet hours may dim it now
systemctl daemon-reload
systemctl enable seatd.service >/dev/null 2>&1 || true
systemctl disable getty@tty1.service >/dev/null 2>&1 || true
systemctl set-default graphical.target >/dev/null
systemctl enable lobby-kiosk.service
if [ "${KIOSK_INSTALL_NO_START:-0}" != 1 ]; then
  systemctl restart seatd.service || true
  systemctl restart lobby-kiosk.service
fi

echo "install.sh: done. Logs: journalctl -u lobby-kiosk -f"
