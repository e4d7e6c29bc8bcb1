"""The staff PIN: 4 to 8 digits, stored only as a salted scrypt hash; 5 wrong tries lock it for 5 minutes.

There is no default PIN: until one is set (`kiosk-admin set-pin`), the staff screens cannot be opened.
The wrong-try count and the lock are kept in the database, so restarting the kiosk does not reset them.
For the PIN pad: `pin_is_set(conn)`, then `check_pin(conn, typed)` -> PinResult(ok, locked_until, attempts_left).
To change the PIN from the staff screens: `change_pin(conn, old, new)` (the old PIN is checked first).
A typed PIN that cannot be a PIN (too short, not digits) is refused without counting as a wrong try.
"""

import datetime
import hashlib
import hmac
import re
import secrets
import sqlite3
from dataclasses import dataclass

from kiosk.storage.audit import record_action
from kiosk.storage.db import transaction
from kiosk.storage.pin_store import read_pin, write_attempts, write_pin

PIN_PATTERN = re.compile(r"[0-9]{4,8}")
MAX_ATTEMPTS = 5
LOCK_TIME = datetime.timedelta(minutes=5)
_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}


class PinError(ValueError):
    """A PIN that cannot be set, or no PIN set yet; the message says why in plain words."""


@dataclass(frozen=True)
class PinResult:
    """Whether the PIN was right; if locked, until when (UTC); how many tries are left before the lock."""

    ok: bool
    locked_until: datetime.datetime | None
    attempts_left: int
    too_short: bool = False  # not a possible PIN at all: not counted as a wrong try


def _hash(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8", "replace"), salt=salt, maxmem=64 * 1024 * 1024, **_SCRYPT)


def pin_is_set(conn: sqlite3.Connection) -> bool:
    """Whether a staff PIN has been set."""
    return read_pin(conn) is not None


def set_pin(conn: sqlite3.Connection, pin: str, action: str = "set pin") -> None:
    """Store a new PIN (4 to 8 digits), clearing any lock; PinError if it is not allowed."""
    if not PIN_PATTERN.fullmatch(pin):
        raise PinError("The PIN must be 4 to 8 digits (0-9), with nothing else. Choose another PIN.")
    salt = secrets.token_bytes(16)
    with transaction(conn):
        write_pin(conn, salt, _hash(pin, salt))
        record_action(conn, action)


def change_pin(conn: sqlite3.Connection, old: str, new: str) -> PinResult:
    """Replace the PIN with `new` if `old` is right (a wrong `old` counts as a wrong try); PinError if `new`
    is not allowed (then nothing changes)."""
    if not PIN_PATTERN.fullmatch(new):
        raise PinError("The new PIN must be 4 to 8 digits (0-9). Choose another PIN.")
    with transaction(conn):
        result = check_pin(conn, old)
        if result.ok:
            set_pin(conn, new, "change pin")
    return result


def check_pin(conn: sqlite3.Connection, pin: str, now: datetime.datetime | None = None) -> PinResult:
    """Check a typed PIN at time `now` (UTC; default the current time), counting wrong tries."""
    now = (now or datetime.datetime.now(datetime.UTC)).astimezone(datetime.UTC)
    with transaction(conn):
        stored = read_pin(conn)
        if stored is None:
            raise PinError("No staff PIN has been set. Set one with the command: kiosk-admin set-pin")
        locked_until = datetime.datetime.fromisoformat(stored.locked_until) if stored.locked_until else None
        if locked_until is not None and locked_until > now + LOCK_TIME:
            # The clock went back: never lock for longer than LOCK_TIME from now.
            locked_until = now + LOCK_TIME
            write_attempts(conn, 0, locked_until.isoformat())
        if locked_until is not None and now < locked_until:
            return PinResult(False, locked_until, 0)
        attempts = stored.failed_attempts if locked_until is None else 0
        if not PIN_PATTERN.fullmatch(pin):
            return PinResult(False, None, MAX_ATTEMPTS - attempts, too_short=True)
        if hmac.compare_digest(_hash(pin, stored.salt), stored.hash):
            write_attempts(conn, 0, None)
            return PinResult(True, None, MAX_ATTEMPTS)
        attempts += 1
        if attempts >= MAX_ATTEMPTS:
            locked_until = now + LOCK_TIME
            write_attempts(conn, 0, locked_until.isoformat())
            record_action(conn, "wrong pin", "no tries left")
            record_action(conn, "pin locked", f"{MAX_ATTEMPTS} wrong PINs; locked for 5 minutes")
            return PinResult(False, locked_until, 0)
        write_attempts(conn, attempts, None)
        record_action(conn, "wrong pin", f"{MAX_ATTEMPTS - attempts} tries left before the lock")
        return PinResult(False, None, MAX_ATTEMPTS - attempts)
