"""The kiosk's settings: names, types, allowed ranges and defaults, checked before anything is stored."""

import sqlite3
from dataclasses import dataclass

from kiosk.content.plain_text import CONTROL_CHARACTERS
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
            "count_visits", int, "0", "1 keeps anonymous daily totals of screens and cards opened; 0 keeps none.",
            minimum=0, maximum=1,
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
    """The value as it will be stored, or SettingError saying what is wrong."""
    spec = SPECS.get(key)
    if spec is None:
        raise SettingError(f"There is no setting called '{key}'. Settings: {', '.join(SPECS)}.")
    if spec.kind is int:
        try:
            number = int(value.strip())
        except ValueError:
            raise SettingError(f"{key} must be a whole number, not '{value}'.") from None
        if not spec.minimum <= number <= spec.maximum:
            raise SettingError(f"{key} must be between {spec.minimum} and {spec.maximum}; '{value}' is not.")
        return str(number)
    value = value.strip()
    if len(value) > spec.max_length:
        raise SettingError(f"{key} is too long ({len(value)} characters; at most {spec.max_length}).")
    if CONTROL_CHARACTERS.search(value):
        raise SettingError(f"{key} contains control characters; use plain text.")
    if key == "doctor_guidance" and not value:
        raise SettingError("doctor_guidance cannot be empty: every screen must tell patients to see their doctor.")
    return value


@dataclass(frozen=True)
class Settings:
    """The settings in force, typed."""

    clinic_name: str
    doctor_guidance: str
    idle_timeout_seconds: int
    idle_warning_seconds: int
    backups_to_keep: int
    count_visits: int
    counts_keep_days: int


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
    """Check and store one setting; returns the stored value."""
    checked = check_setting(key, value)
    write_settings(conn, {key: checked})
    return checked
