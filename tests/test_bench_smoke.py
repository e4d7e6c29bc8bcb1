"""The bench runs end to end on small inputs and reports every measurement as a number (timings are not judged)."""

import json
import math
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCREENS = {"start", "causes", "cause", "treatment", "treatments", "compare", "red_flags", "glossary"}


def _number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def test_quick_bench_reports_every_measurement(tmp_path):
    output = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--skip-chromium", "--json", str(output)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    # 0: every budget kept, 1: some budget over (not judged here), 2: the bench itself failed.
    assert done.returncode in (0, 1), done.stderr
    results = json.loads(output.read_text(encoding="utf-8"))

    for variant in ("label", "label_qt", "kiosk", "many", "bare_probe", "kiosk_probe", "many_probe"):
        start = results["start"][variant]
        for key in ("first_frame_s", "interpreter_up_s", "rss_after_start_mb"):
            assert _number(start[key]), (variant, key)
    for variant in ("bare", "kiosk"):
        for key in ("after_start_mb", "after_taps_mb"):
            assert _number(results["memory"][variant][key]), (variant, key)
        assert _number(results["refs_lost_per_tap"][variant]["True"])
    assert all(_number(mb) for mb in results["memory"]["kiosk"]["by_taps_mb"].values())
    for taps in (results["taps"], results["taps_with_cards"]):
        assert set(taps["by_screen"]) == set(taps["first_visits"]) == SCREENS
        assert _number(taps["same_screen"]["n"]) and taps["errors_caught"] == 0
        for screen, stats in taps["first_visits"].items():
            assert stats["n"] > 0, screen  # every kind of screen was built on a first visit and timed
            for key in ("p50", "p95", "max"):
                assert _number(stats[key]), (screen, key)
    assert set(results["widgets_per_screen"]) == SCREENS
    looks = results["looks"]["by_look"]
    assert len(looks) == 12 and results["looks"]["errors_caught"] == 0  # language × text size × contrast
    for name, look in looks.items():
        assert set(look["first_visits"]) == SCREENS - {"start"}, name
        assert _number(look["widgets_alive"]) and _number(look["screens_kept"]), name
    assert any(budget["name"] == "no copy of a screen per look" for budget in results["budgets"])
    for screen, counts in results["widgets_per_screen"].items():
        assert 0 < counts["first_view"] <= counts["complete"], screen
    assert [pack["cards"] for pack in results["imports"]["packs"]] == [20, 200, 1000]
    for pack in results["imports"]["packs"]:
        assert _number(pack["seconds"]) and _number(pack["db_bytes"])
    assert results["chromium"] is None
    assert results["machine"]["cpu"] and results["machine"]["pyside6"]
    names = {budget["name"] for budget in results["budgets"]}
    assert names >= {"start to first frame", "start to first frame (bench probe, as before)", "memory after start"}
    assert "Budgets:" in done.stdout
