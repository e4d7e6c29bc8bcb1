"""The staff PIN: set by staff, stored only as a salted hash, locked for 5 minutes after 5 wrong tries."""

import datetime

import pytest
from admin_runner import kiosk_admin

from kiosk.content.library import Library
from kiosk.content.pin import PinError, check_pin, pin_is_set, set_pin

NINE_AM = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def library(db_path):
    opened = Library.open(db_path)
    yield opened
    opened.close()


def minutes(count: float) -> datetime.timedelta:
    return datetime.timedelta(minutes=count)


def test_there_is_no_pin_until_staff_set_one(library):
    assert not pin_is_set(library.conn)
    with pytest.raises(PinError, match="kiosk-admin set-pin"):
        check_pin(library.conn, "0000", NINE_AM)


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", " 1234", "١٢٣٤", ""])
def test_a_pin_is_4_to_8_plain_digits(library, pin):
    with pytest.raises(PinError, match="4 to 8 digits"):
        set_pin(library.conn, pin)
    assert not pin_is_set(library.conn)


def test_the_pin_is_stored_only_as_a_salted_hash(library, db_path):
    set_pin(library.conn, "482916")
    salt, pin_hash = library.conn.execute("SELECT salt, hash FROM staff_pin").fetchone()
    assert len(salt) == 16 and b"482916" not in pin_hash
    assert b"482916" not in db_path.read_bytes()
    set_pin(library.conn, "482916")
    assert library.conn.execute("SELECT salt FROM staff_pin").fetchone()[0] != salt
    assert check_pin(library.conn, "482916", NINE_AM).ok


def test_five_wrong_pins_lock_for_five_minutes_even_across_a_restart(library, db_path):
    set_pin(library.conn, "2468")
    left = [check_pin(library.conn, "1111", NINE_AM + minutes(0.1 * n)).attempts_left for n in range(4)]
    assert left == [4, 3, 2, 1]
    locked = check_pin(library.conn, "1111", NINE_AM + minutes(1))
    assert not locked.ok and locked.locked_until == NINE_AM + minutes(6)

    library.close()
    restarted = Library.open(db_path)
    try:
        during = check_pin(restarted.conn, "2468", NINE_AM + minutes(5.9))
        assert not during.ok and during.locked_until == NINE_AM + minutes(6)
        after = check_pin(restarted.conn, "2468", NINE_AM + minutes(6))
        assert after.ok and after.attempts_left == 5
        assert check_pin(restarted.conn, "0000", NINE_AM + minutes(7)).attempts_left == 4
    finally:
        restarted.conn.close()


def test_a_right_pin_resets_the_count(library):
    set_pin(library.conn, "13579")
    for _ in range(4):
        check_pin(library.conn, "00000", NINE_AM)
    assert check_pin(library.conn, "13579", NINE_AM).ok
    assert check_pin(library.conn, "00000", NINE_AM).attempts_left == 4


def test_a_clock_set_back_does_not_lock_for_longer(library):
    set_pin(library.conn, "2468")
    for _ in range(5):
        check_pin(library.conn, "1111", NINE_AM)
    earlier = NINE_AM - datetime.timedelta(hours=3)
    assert check_pin(library.conn, "2468", earlier).locked_until == earlier + minutes(5)
    assert check_pin(library.conn, "2468", earlier + minutes(5)).ok


def test_staff_set_the_pin_with_kiosk_admin(db_path):
    assert kiosk_admin(db_path, "init").returncode == 0
    done = kiosk_admin(db_path, "set-pin", stdin="7391\n7391\n")
    assert done.returncode == 0, done.stderr
    assert "The staff PIN is set" in done.stdout
    library = Library.open(db_path)
    assert check_pin(library.conn, "7391", NINE_AM).ok
    library.close()

    different = kiosk_admin(db_path, "set-pin", stdin="1111\n2222\n")
    assert different.returncode == 1 and "The two PINs are different" in different.stderr
    short = kiosk_admin(db_path, "set-pin", stdin="12\n12\n")
    assert short.returncode == 1 and "4 to 8 digits" in short.stderr
    missing = kiosk_admin(db_path, "set-pin", stdin="")
    assert missing.returncode == 1 and "typed twice" in missing.stderr
    library = Library.open(db_path)
    assert check_pin(library.conn, "7391", NINE_AM).ok
    library.close()
