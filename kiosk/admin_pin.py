"""The admin PIN: a salted scrypt hash in the configuration, and a guard that locks after wrong tries.

The configuration holds only ``admin_pin_hash`` (written by ``kiosk set-pin``), never the PIN. The
hash is ``scrypt$N$r$p$<salt base64>$<hash base64>`` so that the cost can be raised later without
breaking PINs set before. :class:`PinGuard` counts wrong PINs in a row: after ``max_attempts`` it
refuses every PIN, the right one too, for ``lock_seconds``. The count and the end of the lock are
kept in ``DATA_DIR/admin-pin-state.json`` so that restarting the kiosk does not unlock it. Every
attempt is logged and recorded as an admin action; the PIN itself never is.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import logging
import math
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk import admin_actions
from kiosk.atomic_file import write_atomic

log = logging.getLogger("kiosk.admin")

SCHEME = "scrypt"
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
#: scrypt needs 128·N·r bytes; a hash whose parameters ask for more is not accepted (a typo in a
#: config file must not make every PIN check allocate gigabytes)
MAX_MEMORY = 64 * 1024 * 1024

PIN_MIN = 4
PIN_MAX = 8
PIN_RULE = f"{PIN_MIN}–{PIN_MAX} digits"

STATE_NAME = "admin-pin-state.json"


def valid_pin(pin: str) -> str:
    """"" if ``pin`` may be used as the admin PIN, else the reason (which never repeats the PIN)."""
    if not pin:
        return "the PIN is empty"
    if not (pin.isascii() and pin.isdigit()):
        return f"the PIN must be {PIN_RULE} (only the digits 0–9)"
    if not PIN_MIN <= len(pin) <= PIN_MAX:
        return f"the PIN must be {PIN_RULE}, it has {len(pin)}"
    return ""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=length, maxmem=MAX_MEMORY + 1024**2)


def hash_pin(pin: str) -> str:
    """A new salted hash of ``pin`` (a new random salt every time). Raises ValueError for an invalid PIN."""
    reason = valid_pin(pin)
    if reason:
        raise ValueError(reason)
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, HASH_BYTES)
    return f"{SCHEME}${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


@dataclass(frozen=True)
class _Parsed:
    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes


def _parse(stored: str) -> _Parsed | None:
    parts = stored.strip().split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        return None
    try:
        n, r, p = (int(v) for v in parts[1:4])
        salt, digest = (base64.b64decode(v + "=" * (-len(v) % 4), validate=True) for v in parts[4:6])
    except (ValueError, binascii.Error):
        return None
    if n < 2 or n & (n - 1) or not 1 <= r <= 64 or not 1 <= p <= 16 or 128 * n * r > MAX_MEMORY:
        return None
    if len(salt) < 8 or len(digest) < 16:
        return None
    return _Parsed(n, r, p, salt, digest)


def valid_hash(stored: str) -> bool:
    """Whether ``stored`` is a PIN hash this module can check (the config validates with it)."""
    return _parse(stored) is not None


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` is the PIN ``stored`` was made from (constant-time comparison)."""
    parsed = _parse(stored)
    if parsed is None or not pin:
        return False
    try:
        digest = _scrypt(pin, parsed.salt, parsed.n, parsed.r, parsed.p, len(parsed.digest))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(digest, parsed.digest)


@dataclass(frozen=True)
class PinResult:
    """The outcome of one attempt."""

    ok: bool
    #: wrong PINs still allowed before the lock (0 while locked)
    attempts_left: int
    #: seconds until PINs are accepted again; 0 when not locked
    locked_seconds: int = 0
    #: no admin PIN is configured: nothing is ever accepted
    not_set: bool = False


class PinGuard:
    """Checks PINs, counts wrong ones in a row and locks for a while after too many."""

    def __init__(self, data_dir: Path, stored_hash: str, *, max_attempts: int = 5, lock_seconds: int = 300,
                 clock: Callable[[], float] = time.time) -> None:
        self.data_dir = data_dir
        self._hash = stored_hash
        self.max_attempts = max_attempts
        self.lock_seconds = lock_seconds
        self._clock = clock

    @property
    def state_path(self) -> Path:
        return self.data_dir / STATE_NAME

    @property
    def is_set(self) -> bool:
        """Whether an admin PIN is configured (a usable hash)."""
        return valid_hash(self._hash)

    # -- state ----------------------------------------------------------------------------------------------
    def _load(self) -> tuple[int, float]:
        """(wrong PINs in a row, end of the lock as a clock time; 0 = none)."""
        try:
            data = json.loads(self.state_path.read_text(encoding="utf-8"))
            return int(data.get("failures", 0)), float(data.get("locked_until", 0.0))
        except FileNotFoundError:
            return 0, 0.0
        except (OSError, ValueError, TypeError, AttributeError):
            log.warning("%s is unreadable; counting wrong PINs from zero", self.state_path)
            return 0, 0.0

    def _save(self, failures: int, locked_until: float) -> None:
        write_atomic(self.state_path, json.dumps({"failures": failures, "locked_until": locked_until}))

    def _remaining(self, failures: int, locked_until: float) -> int:
        """Seconds of lock left. A lock never lasts longer than ``lock_seconds`` from now: if the clock was
        set back, the lock's end is moved (and saved) instead of keeping the kiosk locked for days."""
        if not locked_until:
            return 0
        now = self._clock()
        left = locked_until - now
        if left > self.lock_seconds:
            locked_until = now + self.lock_seconds
            self._save(failures, locked_until)
            left = self.lock_seconds
        return max(0, math.ceil(left))

    def locked_seconds(self) -> int:
        """Seconds until PINs are accepted again (0: not locked)."""
        return self._remaining(*self._load())

    # -- attempts -------------------------------------------------------------------------------------------
    def attempt(self, pin: str) -> PinResult:
        if not self.is_set:
            log.warning("admin PIN attempt refused: no admin PIN is configured (kiosk set-pin)")
            admin_actions.record(self.data_dir, "pin-not-set")
            return PinResult(ok=False, attempts_left=0, not_set=True)
        failures, locked_until = self._load()
        left = self._remaining(failures, locked_until)
        if left:
            log.warning("admin PIN attempt refused: locked for %d s more", left)
            admin_actions.record(self.data_dir, "pin-locked", f"{left} s left")
            return PinResult(ok=False, attempts_left=0, locked_seconds=left)
        if locked_until:  # a lock that has run out: a fresh set of attempts
            failures, locked_until = 0, 0.0
        if verify_pin(pin, self._hash):
            self._save(0, 0.0)
            log.info("admin PIN accepted")
            admin_actions.record(self.data_dir, "pin-ok")
            return PinResult(ok=True, attempts_left=self.max_attempts)
        failures += 1
        if failures >= self.max_attempts:
            self._save(0, self._clock() + self.lock_seconds)
            log.warning("admin PIN wrong (%d in a row): locked for %d s", failures, self.lock_seconds)
            admin_actions.record(self.data_dir, "pin-wrong", f"0 attempts left; locked for {self.lock_seconds} s")
            return PinResult(ok=False, attempts_left=0, locked_seconds=self.lock_seconds)
        self._save(failures, 0.0)
        attempts_left = self.max_attempts - failures
        log.warning("admin PIN wrong: %d attempts left", attempts_left)
        admin_actions.record(self.data_dir, "pin-wrong", f"{attempts_left} attempts left")
        return PinResult(ok=False, attempts_left=attempts_left)
