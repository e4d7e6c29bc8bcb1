"""Start the kiosk and restart it if it ever stops, in one of two set-ups:

- desktop (the default): a systemd user service (Restart=always) started by an XDG autostart entry when the
  clinic PC logs in to its desktop;
- cage: the way Linux kiosk appliances run: a dedicated user, and the `cage` Wayland kiosk compositor on the
  first console (tty1) started by a system unit with Restart=always, with no desktop behind it.
"""

import shlex
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

SERVICE_NAME = "hairloss-kiosk.service"
DESKTOP_NAME = "hairloss-kiosk.desktop"
# The service needs the session's display; the autostart entry hands it over, then starts the service.
START_FROM_SESSION = (
    f"systemctl --user import-environment DISPLAY WAYLAND_DISPLAY XAUTHORITY; systemctl --user start {SERVICE_NAME}"
)


@dataclass(frozen=True)
class ServiceFiles:
    """The two files to install and where they go."""

    unit_path: Path
    unit_text: str
    desktop_path: Path
    desktop_text: str


def kiosk_command(db_path: Path | None) -> str:
    """The command line that starts this installed kiosk, full screen."""
    script = shutil.which("kiosk", path=str(Path(sys.executable).parent)) or shutil.which("kiosk")
    parts = [script] if script else [sys.executable, "-m", "kiosk"]
    if db_path is not None:
        parts += ["--db", str(Path(db_path).resolve())]
    return shlex.join(parts)


def service_files(config_dir: Path, db_path: Path | None) -> ServiceFiles:
    """The unit and autostart entry for a user whose configuration folder is `config_dir` (~/.config)."""
    unit = f"""[Unit]
Description=Hair-loss education kiosk
PartOf=graphical-session.target
After=graphical-session.target
# A crash loop would hide the problem: after 10 restarts in 2 minutes systemd stops trying; see the log.
StartLimitIntervalSec=120
StartLimitBurst=10

[Service]
ExecStart={kiosk_command(db_path)}
Restart=always
RestartSec=3

[Install]
WantedBy=graphical-session.target
"""
    desktop = f"""[Desktop Entry]
Type=Application
Name=Hair-loss education kiosk
Comment=Starts the kiosk service when this computer logs in
Exec=sh -c "{START_FROM_SESSION}"
X-GNOME-Autostart-enabled=true
NoDisplay=true
"""
    return ServiceFiles(
        config_dir / "systemd" / "user" / SERVICE_NAME, unit, config_dir / "autostart" / DESKTOP_NAME, desktop
    )


def install_service_files(files: ServiceFiles) -> list[Path]:
    """Write both files (replacing older versions); the paths written."""
    written = []
    for path, text in ((files.unit_path, files.unit_text), (files.desktop_path, files.desktop_text)):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


CAGE_SERVICE = "hairloss-kiosk-cage.service"
KIOSK_USER = "hairloss-kiosk"
SYSUSERS_NAME = "hairloss-kiosk.conf"


@dataclass(frozen=True)
class UnitFile:
    """One file of the cage set-up: where it goes under the root folder, and what it says."""

    relative_path: str
    text: str


def cage_units(db_path: Path | None, cage: str = "/usr/bin/cage", user: str = KIOSK_USER) -> list[UnitFile]:
    """The system unit that runs cage on tty1 as `user`, and the sysusers.d entry that makes that user."""
    unit = f"""[Unit]
Description=Hair-loss education kiosk (cage Wayland kiosk compositor on tty1)
Documentation=https://github.com/cage-kiosk/cage
After=systemd-user-sessions.service dbus.socket systemd-logind.service plymouth-quit-wait.service
Wants=dbus.socket systemd-logind.service
# The kiosk takes the first console instead of a login prompt.
Conflicts=getty@tty1.service
After=getty@tty1.service
# Restart for ever (a kiosk must come back), but never faster than RestartSec.
StartLimitIntervalSec=0

[Service]
Type=simple
User={user}
# /var/lib/{user}: the user's home, made and owned by systemd; the database lives under it unless --db says.
StateDirectory={user}
# A real login session on tty1 (through PAM and logind) gives cage the screen, keyboard and touch screen.
PAMName=login
TTYPath=/dev/tty1
TTYReset=yes
TTYVHangup=yes
TTYVTDisallocate=yes
StandardInput=tty-fail
StandardOutput=journal
StandardError=journal
UtmpIdentifier=tty1
UtmpMode=user
Environment=XDG_SESSION_TYPE=wayland QT_QPA_PLATFORM=wayland
# -s: allow switching consoles (Ctrl+Alt+F2) for IT; the kiosk itself blocks every way out for patients.
ExecStart={shlex.join([cage, "-s", "--"])} {kiosk_command(db_path)}
Restart=always
RestartSec=3

[Install]
WantedBy=graphical.target
"""
    sysusers = f"""# The dedicated user the kiosk runs as (systemd-sysusers creates it): no password, no login shell.
u {user} - "Hair-loss education kiosk" /var/lib/{user} /usr/sbin/nologin
m {user} video
m {user} input
m {user} render
"""
    return [
        UnitFile(f"etc/systemd/system/{CAGE_SERVICE}", unit),
        UnitFile(f"etc/sysusers.d/{SYSUSERS_NAME}", sysusers),
    ]


def write_cage_units(root: Path, units: list[UnitFile]) -> list[Path]:
    """Write the cage set-up under `root` ("/" to install it for real); the paths written."""
    written = []
    for unit in units:
        path = root / unit.relative_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(unit.text, encoding="utf-8")
        written.append(path)
    return written


def command_install_cage(arguments) -> int:
    """Write the cage set-up (into --out, or the system folders) and say how to switch it on."""
    units = cage_units(arguments.db, arguments.cage, arguments.user)
    if arguments.print_only:
        print("\n".join(f"# /{unit.relative_path}\n{unit.text}" for unit in units))
        return 0
    root = arguments.out or Path("/")
    try:
        written = write_cage_units(root, units)
    except OSError as error:
        print(f"Could not write the service files under {root} ({error.strerror}). Run as root, or use --out.")
        return 1
    for path in written:
        print(f"Wrote {path}")
    prefix = "" if root == Path("/") else "Copy these into place under / (they mirror it), then: "
    print(
        f"{prefix}systemd-sysusers && systemctl daemon-reload && systemctl enable --now {CAGE_SERVICE} && "
        "systemctl set-default graphical.target"
    )
    return 0


def default_config_dir() -> Path:
    """The user's configuration folder (~/.config on Linux)."""
    from PySide6.QtCore import QStandardPaths

    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation))


def command_install_service(arguments) -> int:
    """Start the kiosk when this computer logs in, and restart it if it ever stops."""
    if arguments.compositor == "cage":
        return command_install_cage(arguments)
    config_dir = arguments.config_dir or default_config_dir()
    files = service_files(config_dir, arguments.db)
    if arguments.print_only:
        print(f"# {files.unit_path}\n{files.unit_text}\n# {files.desktop_path}\n{files.desktop_text}")
        return 0
    for path in install_service_files(files):
        print(f"Wrote {path}")
    print(
        f"The kiosk will start at the next login. To start it now: systemctl --user daemon-reload && "
        f"systemctl --user enable --now {SERVICE_NAME}"
    )
    return 0


def add_service_command(commands) -> None:
    """Add `install-service` to kiosk-admin."""
    parser = commands.add_parser(
        "install-service",
        help="start the kiosk at login and restart it if it stops",
        description=command_install_service.__doc__
        + " Writes a systemd user service (Restart=always) and an autostart entry for the desktop session.",
    )
    parser.add_argument("--config-dir", type=Path, help="the configuration folder (default: ~/.config)")
    parser.add_argument(
        "--print", dest="print_only", action="store_true", help="show the two files without writing them"
    )
    parser.add_argument(
        "--compositor",
        choices=("desktop", "cage"),
        default="desktop",
        help="desktop: start with the desktop session (default); cage: a dedicated user and the cage kiosk "
        "compositor on tty1, with no desktop (needs root, or --out)",
    )
    parser.add_argument("--out", type=Path, help="with --compositor cage: write the files under this folder instead")
    parser.add_argument("--cage", default="/usr/bin/cage", help="with --compositor cage: the cage program")
    parser.add_argument("--user", default=KIOSK_USER, help="with --compositor cage: the dedicated user's name")
    parser.set_defaults(run=command_install_service)
