"""What machine the numbers came from."""

import os
import platform
import subprocess
from pathlib import Path


def cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def chromium_version(executable: str | None) -> str | None:
    """`chromium --version`, if it is installed."""
    if executable is None:
        return None
    try:
        done = subprocess.run([executable, "--version"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() or None


def load_average() -> float | None:
    """The 1-minute load average: how busy the machine was (other work inflates every number)."""
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def describe(chromium: str | None) -> dict[str, str | int | None]:
    """CPU, cores, memory, operating system, Python, PySide6, Qt and Chromium versions."""
    import PySide6
    from PySide6.QtCore import qVersion

    memory_kb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_kb = int(line.split()[1])
    except OSError:
        pass
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "memory_gb": round(memory_kb / 1024 / 1024, 1) if memory_kb else None,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "qt": qVersion(),
        "chromium": chromium_version(chromium),
        "load_before": load_average(),
    }
