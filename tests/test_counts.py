"""Anonymous counts: off unless staff turn them on, per day only, never slowing or disturbing a patient."""

import csv
import datetime
import io
import logging
import sqlite3
from collections import Counter
from dataclasses import replace

from admin_runner import kiosk_admin
from staff_helpers import Staff

from kiosk.content.settings import save_setting
from kiosk.storage import counts as counts_storage
from kiosk.storage.counts import add_counts, read_counts
from kiosk.storage.db import open_database
from kiosk.ui.navigator import Route
from kiosk.ui.visit_counts import PRIVACY_OFF, PRIVACY_ON


def turn_counting_on(window) -> None:
    save_setting(window.library.conn, "count_visits", "1")
    window.apply_settings()


def idle_reset(window, qtbot) -> None:
    """The patient walks away: the quiet spell, the countdown, and the reset."""
    window.settings = replace(window.settings, idle_timeout_seconds=1, idle_warning_seconds=1)
    window.idle.restart()
    qtbot.waitUntil(lambda: window.navigator.history == (Route("start"),) and not window.idle.overlay.isVisible(),
                    timeout=5000)  # fmt: skip


def visit_a_card(patient, card) -> None:
    patient.tap("Tap to start")
    patient.tap("All treatments")
    patient.tap(f"{card.name}, ")


def stored(window) -> dict[tuple[str, str], int]:
    return {(row.kind, row.name): row.count for row in read_counts(window.library.conn)}


def test_nothing_is_counted_unless_staff_turn_counting_on(patient, window, qtbot):
    assert patient.sees(PRIVACY_OFF) and not patient.sees(PRIVACY_ON)
    visit_a_card(patient, window.content.treatments[0])
    idle_reset(window, qtbot)
    assert read_counts(window.library.conn) == []


def test_with_counting_on_only_daily_totals_are_kept_and_the_start_screen_says_so(patient, window, qtbot):
    turn_counting_on(window)
    assert patient.sees(PRIVACY_ON)
    first, second = window.content.treatments[0], window.content.treatments[1]
    visit_a_card(patient, first)
    patient.tap("Back")
    patient.tap(f"{second.name}, ")
    patient.tap("Back")
    patient.tap(f"{first.name}, ")
    assert read_counts(window.library.conn) == []  # counted in memory: no tap waits for the disk
    idle_reset(window, qtbot)
    counts = stored(window)
    assert counts[("card", first.id)] == 2 and counts[("card", second.id)] == 1
    assert counts[("screen", "treatments")] == 3 and counts[("screen", "treatment")] == 3
    assert ("screen", "start") not in counts
    rows = window.library.conn.execute("SELECT * FROM daily_count").fetchall()
    assert {row[0] for row in rows} == {datetime.date.today().isoformat()}  # the day, nothing finer
    columns = [row[1] for row in window.library.conn.execute("PRAGMA table_info(daily_count)")]
    assert columns == ["day", "kind", "name", "count"]  # no time, no visitor, no order


def test_summaries_taken_are_counted(patient, window, qtbot):
    turn_counting_on(window)
    card = window.content.treatments[0]
    window.my_questions.choose(card.id, card.questions[0], True)
    patient.tap("My questions (1)")
    idle_reset(window, qtbot)
    assert stored(window)[("summary", "shown")] == 1


def test_a_full_disk_never_disturbs_the_patient_and_the_counts_wait_for_next_time(patient, window, qtbot, monkeypatch,
                                                                                   caplog):  # fmt: skip
    turn_counting_on(window)

    def full_disk(*_arguments):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("kiosk.ui.visit_counts.add_counts", full_disk)
    visit_a_card(patient, window.content.treatments[0])
    with caplog.at_level(logging.WARNING, logger="kiosk.counts"):
        idle_reset(window, qtbot)
    assert "Could not save the visit counts" in caplog.text
    assert patient.sees("Worried about hair loss?")
    visit_a_card(patient, window.content.treatments[1])  # the kiosk carries on as ever
    monkeypatch.setattr("kiosk.ui.visit_counts.add_counts", counts_storage.add_counts)
    idle_reset(window, qtbot)
    assert stored(window)[("screen", "treatment")] == 2


def test_counts_older_than_the_setting_are_deleted(tmp_path):
    conn = open_database(tmp_path / "kiosk.db")
    today = datetime.date(2026, 11, 30)
    old = Counter({("2025-11-29", "card", "a"): 3, ("2025-12-01", "card", "b"): 2})
    add_counts(conn, old, keep_days=400, today=today)
    add_counts(conn, Counter({(today.isoformat(), "card", "a"): 1}), keep_days=365, today=today)
    assert [(row.day, row.name) for row in read_counts(conn)] == [("2025-12-01", "b"), ("2026-11-30", "a")]


def test_staff_turn_counting_on_and_see_the_chart_and_top_cards(patient, window, qtbot):
    first = window.content.treatments[0]
    add_counts(window.library.conn, Counter({(datetime.date.today().isoformat(), "card", first.id): 7,
                                             (datetime.date.today().isoformat(), "screen", "treatment"): 9}),
               keep_days=365, today=datetime.date.today())  # fmt: skip
    staff = Staff(qtbot, window)
    staff.unlock()
    staff.tap("Visit counts")
    staff.wait_to_see("Counting is off")
    staff.tap("Count visits")
    staff.wait_to_see("Counting is on.")
    assert window.settings.count_visits == 1
    staff.wait_to_see(f"7  ×  {first.name}")
    chart = staff.area.page.findChild(object, "InsightsChart")
    assert chart is not None and chart.isVisible()
    staff.tap("90 days")
    staff.wait_to_see("kept for 90 days")
    assert window.settings.counts_keep_days == 90


def test_kiosk_admin_insights_exports_csv_with_card_names(tmp_path):
    db = tmp_path / "kiosk.db"
    assert kiosk_admin(db, "init").returncode == 0
    assert kiosk_admin(db, "settings", "set", "count_visits", "1").returncode == 0
    conn = open_database(db)
    card = conn.execute("SELECT id, name FROM treatment ORDER BY id LIMIT 1").fetchone()
    add_counts(conn, Counter({("2026-11-29", "card", card[0]): 4, ("2026-11-29", "screen", "compare"): 2}),
               keep_days=3650, today=datetime.date.today())  # fmt: skip
    conn.close()
    result = kiosk_admin(db, "insights", "--csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["day", "what", "name", "count"]
    assert ["2026-11-29", "card opened", card[1], "4"] in rows
    assert ["2026-11-29", "screen opened", "Compare treatments", "2"] in rows
    report = kiosk_admin(db, "insights", "--days", "3650")
    assert "Counting is on" in report.stdout and card[1] in report.stdout
    assert kiosk_admin(db, "insights", "--days", "0").returncode == 2
