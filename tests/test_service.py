"""IT installs the kiosk once: `kiosk-admin install-service` writes a restarting service and an autostart entry."""

import configparser
import subprocess
import sys


def install(tmp_path, *extra):
    return subprocess.run(
        [sys.executable, "-m", "kiosk.admin", "--db", str(tmp_path / "kiosk.db"), "install-service",
         "--config-dir", str(tmp_path / "config"), *extra],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_install_service_writes_a_unit_that_restarts_the_kiosk_and_an_autostart_entry(tmp_path):
    result = install(tmp_path)
    assert result.returncode == 0, result.stderr
    unit = configparser.ConfigParser(interpolation=None)
    unit.read(tmp_path / "config" / "systemd" / "user" / "hairloss-kiosk.service")
    assert unit["Service"]["Restart"] == "always"
    assert "kiosk" in unit["Service"]["ExecStart"] and str(tmp_path / "kiosk.db") in unit["Service"]["ExecStart"]
    assert "--windowed" not in unit["Service"]["ExecStart"]
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(tmp_path / "config" / "autostart" / "hairloss-kiosk.desktop")
    assert "systemctl --user start hairloss-kiosk.service" in entry["Desktop Entry"]["Exec"]
    assert "systemctl --user enable --now" in result.stdout


def test_print_shows_the_files_and_writes_nothing(tmp_path):
    result = install(tmp_path, "--print")
    assert result.returncode == 0
    assert "Restart=always" in result.stdout
    assert not (tmp_path / "config").exists()


def test_the_service_command_line_really_starts_the_kiosk(tmp_path):
    install(tmp_path)
    unit = configparser.ConfigParser(interpolation=None)
    unit.read(tmp_path / "config" / "systemd" / "user" / "hairloss-kiosk.service")
    command = unit["Service"]["ExecStart"].split() + ["--help"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "--windowed" in result.stdout
