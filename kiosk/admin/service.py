"""Start the kiosk with the desktop session and restart it if it ever stops: a systemd user service
(Restart=always) started by an XDG autostart entry when the clinic PC logs in."""

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


def default_config_dir() -> Path:
    """The user's configuration folder (~/.config on Linux)."""
    from PySide6.QtCore import QStandardPaths

    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation))


def command_install_service(arguments) -> int:
    """Start the kiosk when this computer logs in, and restart it if it ever stops."""
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
    parser.set_defaults(run=command_install_service)
