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
