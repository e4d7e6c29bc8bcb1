"""The kiosk's settings: names, types, allowed ranges and defaults, checked before anything is stored."""

import sqlite3
from dataclasses import dataclass

from kiosk.content.plain_text import CONTROL_CHARACTERS
from kiosk.storage.db import transaction
from kiosk.storage.settings import read_settings, write_settings


@dataclass(frozen=True)
class SettingSpec:
    """What one setting may hold."""

    key: str
    kind: type
    default: str
    help: str
    minimum: int = 0
    maximum: int = 0
    max_length: int = 0


SPECS = {
    spec.key: spec
    for spec in (
        SettingSpec("clinic_name", str, "", "The clinic name shown at the top of every screen.", max_length=80),
        SettingSpec(
            "doctor_guidance",
            str,
            "This kiosk gives general information only. Talk to your doctor before you start or stop any treatment.",
            "The talk-to-your-doctor message shown on every screen.",
            max_length=300,
        ),
        SettingSpec(
            "idle_timeout_seconds", int, "90", "Seconds without a touch before the kiosk asks if anyone is there.",
            minimum=15, maximum=3600,
        ),
        SettingSpec(
            "idle_warning_seconds", int, "15", "Seconds the 'Are you still there?' countdown lasts.",
            minimum=5, maximum=120,
        ),
        SettingSpec("backups_to_keep", int, "10", "How many automatic backups to keep.", minimum=1, maximum=100),
        SettingSpec(
            "allow_unsigned_packs", int, "1", "1: staff may import unsigned packs by hand; 0: only signed packs.",
            minimum=0, maximum=1,
        ),
        SettingSpec(
            "watched_folder", str, "", "A folder the kiosk takes new signed packs from by itself (empty: none).",
            max_length=400,
        ),
        SettingSpec(
            "opening_hours", str, "", "When the kiosk is on, like 'Mon-Fri 08:00-18:00, Sat 09:00-12:00' "
            "(empty: always). Outside them the screen goes dark until touched.", max_length=200,
        ),
        SettingSpec(
            "check_after_months", int, "12", "Months after a clinician's check before a card, cause or the warning "
            "signs are listed as due for a new check.", minimum=1, maximum=60,
        ),
        SettingSpec(
            "count_visits", int, "0", "1 keeps anonymous daily totals of screens and cards opened; 0 keeps none.",
            minimum=0, maximum=1,
        ),
        SettingSpec(
            "within_reach", int, "0", "1 keeps every button on a portrait screen in its lower two thirds, within "
            "reach of a seated person or a wheelchair user; 0 uses the whole screen.", minimum=0, maximum=1,
        ),
        SettingSpec(
            "counts_keep_days", int, "365", "Days the anonymous daily totals are kept before they are deleted.",
            minimum=1, maximum=3650,
        ),
    )
}  # fmt: skip


class SettingError(ValueError):
    """A setting name or value that is not allowed; the message says why in plain words."""


def check_setting(key: str, value: str) -> str:
    """The value as it will be stored, or SettingError saying what is wrong and what to do."""
    spec = SPECS.get(key)
    if spec is None:
        raise SettingError(f"There is no setting called '{key}'. Use one of: {', '.join(SPECS)}.")
    if spec.kind is int:
        try:
            number = int(value.strip())
        except ValueError:
            message = f"{_label(key)} must be a whole number, like {spec.default}; '{value}' is not."
            raise SettingError(message) from None
        if not spec.minimum <= number <= spec.maximum:
            raise SettingError(
                f"{_label(key)} must be between {_amount(key, spec.minimum)} and {_amount(key, spec.maximum)}; "
                f"'{value}' is not. Type a number in that range."
            )
        return str(number)
    value = value.strip()
    if len(value) > spec.max_length:
        raise SettingError(
            f"{_label(key)} is too long ({len(value)} characters; at most {spec.max_length}). Shorten it and try again."
        )
    if CONTROL_CHARACTERS.search(value):
        raise SettingError(f"{_label(key)} contains control characters. Type it again as plain text.")
    if key == "doctor_guidance" and not value:
        raise SettingError(
            "Doctor guidance cannot be empty: every screen must tell patients to see their doctor. Type a message."
        )
    if key == "watched_folder" and value and not value.startswith("/") and ":" not in value[:3]:
        raise SettingError(
            "The watched folder must be a full path, like /var/lib/hairloss-kiosk/incoming. Type the whole path."
        )
    if key == "opening_hours":
        from kiosk.content.opening_hours import OpeningHoursError, parse_opening_hours

        try:
            parse_opening_hours(value)
        except OpeningHoursError as error:
            raise SettingError(f"Opening hours: {error}") from None
    return value


def _label(key: str) -> str:
    """The setting's name as staff see it (the labels are imported only when a message needs one: a kiosk reads
    its settings on the way to its first frame)."""
    from kiosk.content.labels import field_label

    return field_label(key)


def _amount(key: str, number: int) -> str:
    from kiosk.content.labels import duration

    return f"{number} ({duration(number)})" if key.endswith("_seconds") and number >= 60 else str(number)


def describe_value(key: str, value: object) -> str:
    """A setting's value for staff: times also in minutes and seconds ("90 seconds (1 minute 30 seconds)")."""
    from kiosk.content.labels import duration

    if key.endswith("_seconds"):
        return f"{value} seconds" + (f" ({duration(int(value))})" if int(value) >= 60 else "")
    return str(value)


@dataclass(frozen=True)
class Settings:
    """The settings in force, typed."""

    clinic_name: str
    doctor_guidance: str
    idle_timeout_seconds: int
    idle_warning_seconds: int
    backups_to_keep: int
    allow_unsigned_packs: int
    watched_folder: str
    opening_hours: str
    count_visits: int
    counts_keep_days: int
    check_after_months: int = 12
    within_reach: int = 0


def load_settings(conn: sqlite3.Connection) -> Settings:
    """The stored settings, with defaults for any that are missing or no longer valid."""
    stored = read_settings(conn)
    values = {}
    for key, spec in SPECS.items():
        try:
            text = check_setting(key, stored.get(key, spec.default))
        except SettingError:
            text = spec.default
        values[key] = spec.kind(text)
    return Settings(**values)


def save_setting(conn: sqlite3.Connection, key: str, value: str) -> str:
    """Check and store one setting, and record it in the audit log (one transaction); returns the stored value."""
    from kiosk.content.glyphs import drawing_message, undrawable  # only when saving: reading needs no fonts
    from kiosk.storage.audit import record_action

    checked = check_setting(key, value)
    if undrawable(checked):
        raise SettingError(f"{_label(key)} {drawing_message(undrawable(checked))}.")
    before = read_settings(conn).get(key, SPECS[key].default)
    if checked == before:
        return checked
    with transaction(conn):
        write_settings(conn, {key: checked})
        record_action(conn, "change setting", f"{_label(key)}: {describe_value(key, checked)}")
    return checked
