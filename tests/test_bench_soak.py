"""The soak's verdict on memory reads a trend through every reading, not one reading against another."""

import pytest

from bench.soak import fitted_growth, window_means


def readings(memory_at) -> list[dict]:
    """50 readings, one every half minute from the fifth minute on, of memory between patients."""
    rows = []
    for half_minutes in range(10, 60):
        minutes = half_minutes / 2
        rows.append({"minutes": minutes, "between_patients_mb": memory_at(minutes), "resident_mb": 0.0})
    return rows


def swinging(minutes: float) -> float:
    """Flat at 104 MB, swinging by 2.5 MB either way with what the emptied screens hold (as the real soak does)."""
    return 104.0 + 2.5 * ((-1) ** int(minutes * 2))


def test_a_flat_but_swinging_memory_reads_as_no_growth_even_when_its_first_reading_is_a_high_one():
    rows = readings(swinging)
    assert rows[-1]["between_patients_mb"] - rows[0]["between_patients_mb"] == pytest.approx(-5.0)
    assert abs(fitted_growth(rows, "between_patients_mb")) < 0.5


def test_a_slow_leak_hidden_in_the_swing_is_found():
    rows = readings(lambda minutes: swinging(minutes) + 0.1 * (minutes - 5))  # 100 KB a minute
    assert fitted_growth(rows, "between_patients_mb") == pytest.approx(2.5, abs=0.5)


def test_five_minute_means_close_their_last_window_on_the_last_reading():
    rows = [
        {"minutes": minutes, "between_patients_mb": mb} for minutes, mb in [(0, 80), (4.5, 100), (5, 102), (10, 106)]
    ]
    assert window_means(rows) == [90.0, 104.0]
