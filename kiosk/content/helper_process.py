"""Work that would weigh on the kiosk's own process, done in a short-lived helper process instead.

Some libraries stay in memory for good once loaded (segno's imports, the printer system's client libraries):
a helper loads them, answers in one line of JSON on stdout, and ends, so the kiosk's memory stays as it was.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])


def ask_helper(module: str, request: object, timeout_s: float) -> object:
    """Run `python -m module` with `request` as JSON on stdin; its JSON answer. Raises OSError, ValueError or
    subprocess.SubprocessError if it cannot run, fails, or takes longer than `timeout_s`."""
    search_path = os.pathsep.join(filter(None, [PACKAGE_ROOT, os.environ.get("PYTHONPATH")]))
    environment = dict(os.environ, PYTHONPATH=search_path)
    environment["QT_QPA_PLATFORM"] = "offscreen"  # a helper shows nothing, whatever screen the kiosk uses
    done = subprocess.run(
        [sys.executable, "-m", module],
        input=json.dumps(request).encode("utf-8"),
        capture_output=True,
        timeout=timeout_s,
        env=environment,
        check=True,
    )
    return json.loads(done.stdout)
