"""Power-cut worker for test_power_cut.py: performs one kind of write and gets killed doing it.

python tests/power_cut_worker.py loop  OPERATION DB PACK_A PACK_B BACKUP_A BACKUP_B
    repeats the write, flipping between versions A and B, until the test kills it (SIGKILL);
python tests/power_cut_worker.py sweep OPERATION DB PACK_A PACK_B BACKUP_A BACKUP_B [MOST]
    for every SQL statement N of one write (or MOST of them, evenly spread, first and last included): a forked
    child copy runs the write on a fresh copy of DB and kills itself just before statement N; prints one JSON
    line per N with what the copy then holds.
"""

import json
import os
import shutil
import signal
import sqlite3
import sys
import tempfile
from pathlib import Path

from kiosk.content.editing import update_treatment
from kiosk.content.library import Library
from kiosk.content.packs import import_pack
from kiosk.content.publishing import NothingToChange, publish, restore_version
from kiosk.storage.backup import restore_from


def card_marks(db: Path) -> dict:
    """integrity_check, foreign_key_check, and which versions ('A', 'B', 'original') the card names carry."""
    conn = sqlite3.connect(db)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        foreign = len(conn.execute("PRAGMA foreign_key_check").fetchall())
        names = [row[0] for row in conn.execute("SELECT name FROM treatment")]
    finally:
        conn.close()
    marks = sorted({name[-1] if name.endswith((" A", " B")) else "original" for name in names})
    return {"integrity": integrity, "foreign_key_problems": foreign, "cards": len(names), "marks": marks}


def prepare(library: Library, operation: str, flip: int) -> None:
    """What comes before the write itself: for publish, a draft that renames every card."""
    if operation == "publish":
        for card in library.content().treatments:  # every card, so a half-published change would show
            base = card.name.removesuffix(" A").removesuffix(" B")
            update_treatment(library.conn, card.id, {"name": f"{base} {'AB'[flip]}"})


def write(library: Library, operation: str, flip: int, packs: list[str], backups: list[str]) -> None:
    """The write that must be all or nothing."""
    conn = library.conn
    try:
        if operation == "import":
            import_pack(conn, Path(packs[flip]))
        elif operation == "publish":
            publish(conn)
        elif operation == "rollback":
            restore_version(conn, 2 - flip)
        elif operation == "restore":
            restore_from(conn, Path(backups[flip]))
    except NothingToChange:
        pass  # a killed run had already got that far: the content is the wanted one, no version is added


def run_killed_at(point: int, db: Path, operation: str, packs: list[str], backups: list[str]) -> tuple[int, int]:
    """In a forked child, run the write on `db` and SIGKILL it just before SQL statement `point` (0: never).

    Returns the child's wait status and, when it finished, how many SQL statements the write ran."""
    reader, writer = os.pipe()
    child = os.fork()
    if child:
        os.close(writer)
        with os.fdopen(reader) as pipe:
            reported = pipe.read()
        _, status = os.waitpid(child, 0)
        return status, int(reported or 0)
    os.close(reader)
    library = Library.open(db)
    statements = 0

    def count(_sql: str) -> None:
        nonlocal statements
        statements += 1
        if statements == point:
            os.kill(os.getpid(), signal.SIGKILL)

    library.conn.set_trace_callback(count)
    write(library, operation, 1, packs, backups)
    os.write(writer, str(statements).encode())
    os._exit(0)


def kill_points(total: int, most: int | None) -> list[int]:
    """Every statement 1..total, or `most` of them spread evenly, the first and the last included."""
    if most is None or total <= most:
        return list(range(1, total + 1))
    return sorted({1 + round(step * (total - 1) / (most - 1)) for step in range(most)})


def sweep(operation: str, db: Path, packs: list[str], backups: list[str], most: int | None = None) -> None:
    library = Library.open(db)
    prepare(library, operation, 1)  # once, before the copies: only the write itself is killed
    library.close()
    with tempfile.TemporaryDirectory() as scratch:

        def fresh_copy(name: str) -> Path:
            shutil.copytree(db.parent, Path(scratch) / name)
            return Path(scratch) / name / db.name

        complete = fresh_copy("complete")
        _, total = run_killed_at(0, complete, operation, packs, backups)
        points = kill_points(total, most)
        print(json.dumps({"total": total, "points": points, "old": card_marks(db), "new": card_marks(complete)}))
        for point in points:
            copy = fresh_copy(f"at-{point}")
            status, _ = run_killed_at(point, copy, operation, packs, backups)
            killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
            print(json.dumps({"point": point, "killed": killed, **card_marks(copy)}), flush=True)
            shutil.rmtree(copy.parent)


def main() -> None:
    mode, operation, db, pack_a, pack_b, backup_a, backup_b = sys.argv[1:8]
    packs, backups = [pack_a, pack_b], [backup_a, backup_b]
    if mode == "sweep":
        sweep(operation, Path(db), packs, backups, int(sys.argv[8]) if len(sys.argv) > 8 else None)
        return
    library = Library.open(db)
    print("READY", flush=True)
    flip = 0
    while True:
        prepare(library, operation, flip)
        write(library, operation, flip, packs, backups)
        flip ^= 1


if __name__ == "__main__":
    main()
