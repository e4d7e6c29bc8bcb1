"""IT installs the kiosk once: `kiosk-admin install-service` writes a restarting service and an autostart entry."""

import configparser
import shutil
import subprocess
import sys

import pytest


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


def install_cage(tmp_path, *extra):
    """`install-service --compositor cage` into a folder, with a stand-in for the cage program."""
    cage = tmp_path / "bin" / "cage"
    cage.parent.mkdir(exist_ok=True)
    cage.write_text('#!/bin/sh\nexec "$@"\n')
    cage.chmod(0o755)
    return subprocess.run(
        [sys.executable, "-m", "kiosk.admin", "--db", str(tmp_path / "kiosk.db"), "install-service",
         "--compositor", "cage", "--out", str(tmp_path / "root"), "--cage", str(cage), *extra],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def cage_unit_path(tmp_path):
    return tmp_path / "root" / "etc" / "systemd" / "system" / "hairloss-kiosk-cage.service"


def test_cage_set_up_runs_the_kiosk_as_its_own_user_on_tty1_and_restarts_it(tmp_path):
    result = install_cage(tmp_path)
    assert result.returncode == 0, result.stderr
    unit = configparser.ConfigParser(interpolation=None, strict=False)
    unit.read(cage_unit_path(tmp_path))
    service = unit["Service"]
    assert service["Restart"] == "always"
    assert service["User"] == "hairloss-kiosk" and service["TTYPath"] == "/dev/tty1" and service["PAMName"] == "login"
    assert service["ExecStart"].startswith(f"{tmp_path / 'bin' / 'cage'} -s -- ")
    assert str(tmp_path / "kiosk.db") in service["ExecStart"]
    assert "getty@tty1.service" in unit["Unit"]["Conflicts"]
    assert unit["Install"]["WantedBy"] == "graphical.target"
    users = (tmp_path / "root" / "etc" / "sysusers.d" / "hairloss-kiosk.conf").read_text()
    assert users.splitlines()[1].startswith("u hairloss-kiosk ")
    assert "systemctl enable --now hairloss-kiosk-cage.service" in result.stdout
    assert not (tmp_path / "config").exists()  # the desktop autostart set-up is left alone


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_accepts_the_cage_unit(tmp_path):
    assert install_cage(tmp_path).returncode == 0
    verified = subprocess.run(
        ["systemd-analyze", "verify", str(cage_unit_path(tmp_path))], capture_output=True, text=True, timeout=60
    )
    assert verified.returncode == 0, verified.stderr
    assert "hairloss-kiosk-cage.service" not in verified.stderr  # systemd only warns about lines it ignores


@pytest.mark.skipif(shutil.which("systemd-sysusers") is None, reason="systemd-sysusers is not installed")
def test_systemd_makes_the_dedicated_user(tmp_path):
    assert install_cage(tmp_path).returncode == 0
    system = tmp_path / "system"
    (system / "etc").mkdir(parents=True)
    made = subprocess.run(
        ["systemd-sysusers", f"--root={system}", str(tmp_path / "root" / "etc" / "sysusers.d" / "hairloss-kiosk.conf")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    passwd = (system / "etc" / "passwd").read_text()
    assert "hairloss-kiosk:" in passwd and "/usr/sbin/nologin" in passwd
    assert "video:x:" in (system / "etc" / "group").read_text()


def test_desktop_autostart_stays_the_default(tmp_path):
    result = install(tmp_path)
    assert result.returncode == 0
    assert (tmp_path / "config" / "autostart" / "hairloss-kiosk.desktop").exists()
    assert not (tmp_path / "root").exists()
