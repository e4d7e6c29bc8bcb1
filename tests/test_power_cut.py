"""Power cuts: killing the process (SIGKILL) at any moment during an import, publish, rollback or restore
leaves a database that passes integrity_check and holds either the old content or the new, never half."""

import json
import os
import random
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from power_cut_worker import card_marks

from kiosk.content.library import Library
from kiosk.content.packs import export_pack, import_pack
from kiosk.storage.backup import backup_to

WORKER = Path(__file__).with_name("power_cut_worker.py")
KILLS_PER_OPERATION = 10


def marked_library(path: Path, mark: str) -> Library:
    """A database whose every card name ends with `mark`, so a half-applied change would show."""
    library = Library.open(path)
    library.conn.execute("UPDATE treatment SET name = name || ?", (f" {mark}",))
    return library


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    folder = tmp_path_factory.mktemp("versions")
    packs, backups = {}, {}
    for mark in ("A", "B"):
        library = marked_library(folder / f"{mark}.db", mark)
        packs[mark] = export_pack(library.conn, folder / f"{mark}.zip")
        backups[mark] = backup_to(library.conn, folder / f"backup-{mark}.db")
        library.close()
    return packs, backups


def kill_at_random_moments(operation: str, db: Path, packs, backups, chooser: random.Random) -> int:
    """Start the worker, let it write for a random while, kill -9 it; repeat. Returns how many kills landed."""
    landed = 0
    for _ in range(KILLS_PER_OPERATION):
        worker = subprocess.Popen(
            worker_command("loop", operation, db, packs, backups), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        assert worker.stdout.readline().strip() == "READY", worker.stderr.read()
        try:
            worker.wait(timeout=chooser.uniform(0.02, 0.4))
            pytest.fail(f"the {operation} worker stopped by itself: {worker.stderr.read()}")
        except subprocess.TimeoutExpired:
            os.kill(worker.pid, signal.SIGKILL)
        worker.wait()
        worker.stdout.close()
        worker.stderr.close()
        landed += 1
        state = card_marks(db)
        assert state["integrity"] == "ok" and state["foreign_key_problems"] == 0, state
        assert state["cards"] and len(state["marks"]) == 1, f"half-applied {operation}: {state}"
    return landed


def starting_database(operation, folder: Path, packs) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "kiosk.db"
    library = Library.open(db)
    if operation == "rollback":  # versions 1 (as installed) and 2 (pack A) to flip between
        import_pack(library.conn, packs["A"])
    library.close()
    return db


def worker_command(mode: str, operation: str, db: Path, packs, backups) -> list[str]:
    return [sys.executable, str(WORKER), mode, operation, str(db), str(packs["A"]), str(packs["B"]),
            str(backups["A"]), str(backups["B"])]  # fmt: skip


OPERATIONS = ["import", "publish", "rollback", "restore"]


SAMPLED_KILL_POINTS = 40  # by default; `pytest -m thorough` kills before every statement


def sweep_kills(operation: str, versions, tmp_path: Path, most: int | None) -> None:
    """Kill a write before each chosen SQL statement: the copy then holds the old content or the new, whole."""
    packs, backups = versions
    db = starting_database(operation, tmp_path / "start", packs)
    command = worker_command("sweep", operation, db, packs, backups) + ([str(most)] if most else [])
    result = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    first, *points = [json.loads(line) for line in result.stdout.splitlines()]
    old, new = first["old"]["marks"], first["new"]["marks"]
    assert len(old) == len(new) == 1 and old != new
    assert first["total"] > 5 and [point["point"] for point in points] == first["points"]
    assert first["points"][0] == 1 and first["points"][-1] == first["total"]
    for point in points:
        where = f"{operation} killed before SQL statement {point['point']} of {first['total']}"
        assert point["killed"], where
        assert point["integrity"] == "ok" and point["foreign_key_problems"] == 0, (where, point)
        assert point["marks"] in (old, new), f"{where}: cards carry {point['marks']}, not {old} or {new}"


@pytest.mark.parametrize("operation", ["import", "publish", "rollback"])  # restore copies pages, not SQL
def test_killed_before_sql_statements_spread_over_the_write_the_content_is_old_or_new(operation, versions, tmp_path):
    sweep_kills(operation, versions, tmp_path, SAMPLED_KILL_POINTS)


@pytest.mark.thorough
@pytest.mark.parametrize("operation", ["import", "publish", "rollback"])
def test_killed_before_every_sql_statement_the_content_is_old_or_new(operation, versions, tmp_path):
    sweep_kills(operation, versions, tmp_path, None)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_kill_minus_nine_at_random_moments_never_leaves_half_content(operation, versions, tmp_path):
    packs, backups = versions
    db = starting_database(operation, tmp_path, packs)
    chooser = random.Random(f"power-cut-{operation}")
    assert kill_at_random_moments(operation, db, packs, backups, chooser) == KILLS_PER_OPERATION
    shutil.copy(db, tmp_path / "after.db")
    reopened = Library.open(db)
    assert reopened.recovery is None
    assert reopened.content().treatments
    reopened.close()
