"""The fleet simulation runs end to end on a few kiosks: all end on the newest valid content, none on a bad one."""

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_a_small_fleet_converges_on_the_newest_valid_pack(tmp_path):
    output = tmp_path / "fleet.json"
    done = subprocess.run(
        [sys.executable, "-m", "bench.fleet", "--kiosks", "5", "--json", str(output)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    figures = json.loads(output.read_text(encoding="utf-8"))
    assert figures["converged"] is True and figures["final_versions"] == [4]
    assert figures["bad_content_ever_shown"] == 0
    assert figures["seconds_to_converge"] >= 0 and figures["rounds_to_converge"] >= 1
    assert "content-v9-unknown-key.zip" in figures["files_left_in_folder"]
