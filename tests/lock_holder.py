"""Another process that holds a kiosk database: SQLite's exclusive lock or the one-kiosk lock file.

Run as `python tests/lock_holder.py sqlite|kiosk DB [SECONDS]`: prints "held" once it holds the lock, and lets
go when its standard input closes or, if SECONDS is given, after that many seconds.
"""

import sqlite3
import sys
import threading


def hold_sqlite(db: str):
    """An exclusive lock, as a program writing (or recovering the write-ahead log) holds it."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("PRAGMA user_version")
    return conn


def hold_kiosk_lock(db: str):
    """The lock file a running kiosk holds."""
    from PySide6.QtCore import QLockFile

    lock = QLockFile(f"{db}.lock")
    assert lock.tryLock(1000)
    return lock


def main() -> None:
    kind, db = sys.argv[1], sys.argv[2]
    held = hold_sqlite(db) if kind == "sqlite" else hold_kiosk_lock(db)
    print("held", flush=True)
    reader = threading.Thread(target=sys.stdin.read, daemon=True)
    reader.start()
    reader.join(timeout=float(sys.argv[3]) if len(sys.argv) > 3 else None)  # input closed, or time is up
    if kind == "sqlite":
        held.execute("ROLLBACK")
        held.close()
    else:
        held.unlock()


if __name__ == "__main__":
    main()
