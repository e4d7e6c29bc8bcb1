"""One full bench run: every measurement, side by side, as one plain dictionary (the JSON that is written)."""

import statistics
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench import cards, chromium, machine
from bench.processes import compile_ahead, median_of, percentiles, run_probe, start_runs
from bench.taps import SAME_SCREEN, is_same_screen
from kiosk.content.bundled import load_bundle
from kiosk.content.library import Library

SCREEN_KINDS = ("start", "causes", "cause", "treatment", "treatments", "compare", "red_flags", "glossary")
KB_PER_MB = 1024


@dataclass(frozen=True)
class Plan:
    """How much to measure."""

    start_runs: int
    taps: int
    min_taps_per_screen: int
    import_sizes: tuple[int, ...]
    many_cards: int
    chromium_runs: int
    tap_cards: int  # the taps again on the bundled content cloned to this many cards
    tap_cards_taps: int
    look_visits: int  # first visits of each kind of screen in each of the 12 looks

    @classmethod
    def full(cls, skip_chromium: bool) -> "Plan":
        """The real thing: the numbers in docs/performance.md."""
        return cls(7, 10_000, 50, (20, 1000, 10_000), 10_000, 0 if skip_chromium else 5, 1000, 1000, 20)

    @classmethod
    def quick(cls, skip_chromium: bool) -> "Plan":
        """Every measurement once, on small inputs: checks that the bench works, not how fast the kiosk is."""
        return cls(1, 20, 1, (20, 200, 1000), 1000, 0 if skip_chromium else 1, 200, 20, 1)


def _mb(kb: float) -> float:
    return kb / KB_PER_MB


def _start_summary(runs: list[dict]) -> dict:
    summary = {key: median_of(runs, key) for key in ("first_frame_s", "interpreter_up_s") if key in runs[0]}
    return {**summary, "rss_after_start_mb": _mb(median_of(runs, "rss_after_start_kb")), "runs": len(runs)}


def _tap_probe(folder: Path, db: Path, taps: int, per_kind: int) -> dict:
    arguments = ("taps", "kiosk", "--db", str(db), "--taps", str(taps), "--min-per-kind", str(per_kind))
    return run_probe(folder, *arguments)


def _tap_summary(kiosk: dict, taps: int) -> dict:
    latencies, first = kiosk["tap_to_paint_ms"], kiosk["first_visit_ms"]
    timeouts = kiosk["tap_timeouts_by_kind"]
    for kind in timeouts:
        latencies.setdefault(kind, [])  # a control whose every tap went unanswered still has its row
    return {
        "count": taps,
        "timeouts": kiosk["tap_timeouts"],
        "errors_caught": kiosk["errors_caught"],
        "random_taps_by_screen": kiosk["random_taps_by_kind"],
        "by_screen": {kind: percentiles(latencies.get(kind, [])) for kind in SCREEN_KINDS},
        "first_visits": {kind: percentiles(first.get(kind, [])) for kind in SCREEN_KINDS},
        "returns_built_again": percentiles(kiosk.get("return_built_again_ms", [])),
        "same_screen": percentiles(
            [ms for kind, samples in latencies.items() if is_same_screen(kind) for ms in samples]
        ),
        "same_screen_by_control": {
            kind.removeprefix(f"{SAME_SCREEN}: "): {**percentiles(samples), "timeouts": timeouts.get(kind, 0)}
            for kind, samples in sorted(latencies.items())
            if is_same_screen(kind)
        },
        "all": percentiles([sample for samples in latencies.values() for sample in samples]),
        "all_taps": kiosk["all_taps"],
    }


def run(plan: Plan, progress=print) -> dict:
    """Measure everything in `plan`; returns the results dictionary."""
    browser = chromium.find_chromium() if plan.chromium_runs else None
    results: dict = {"machine": machine.describe(browser), "plan": plan.__dict__, "notes": []}
    bundled = load_bundle().content
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as scratch:
        folder = Path(scratch)
        compile_ahead(folder)
        bundled_db = folder / "bundled.db"
        Library.open(bundled_db).close()
        many_db = folder / "many.db"
        cards.fill_database(many_db, cards.generated_content(plan.many_cards, bundled))

        cards_db = folder / "cards.db"
        cards.fill_database(cards_db, cards.generated_content(plan.tap_cards, bundled))

        progress(f"start: {plan.start_runs} fresh processes each of 7 kinds (bare, label, kiosk, 10,000 cards)")
        starts = start_runs(
            folder,
            plan.start_runs,
            {
                "label": ("bench.first_frame", "label"),
                "label_qt": ("bench.first_frame", "label-qt"),
                "kiosk": ("bench.first_frame", "kiosk", "--db", str(bundled_db)),
                "many": ("bench.first_frame", "kiosk", "--db", str(many_db)),
                "bare_probe": ("bench.probe", "bare"),
                "kiosk_probe": ("bench.probe", "kiosk", "--db", str(bundled_db)),
                "many_probe": ("bench.probe", "kiosk", "--db", str(many_db)),
            },
        )
        results["start"] = {name: _start_summary(runs) for name, runs in starts.items()}
        results["start"]["many"]["cards"] = results["start"]["many_probe"]["cards"] = plan.many_cards
        results["start"]["kiosk"]["cards"] = len(bundled.treatments)

        progress(f"taps: {plan.taps} random taps on the bare window and on the kiosk")
        bare = run_probe(folder, "taps", "bare", "--taps", str(plan.taps))
        kiosk = _tap_probe(folder, bundled_db, plan.taps, plan.min_taps_per_screen)
        progress(f"taps: {plan.tap_cards_taps} random taps on the kiosk with {plan.tap_cards:,} cards")
        with_cards = _tap_probe(folder, cards_db, plan.tap_cards_taps, plan.min_taps_per_screen)
        progress(f"looks: {plan.look_visits} first visits of each kind of screen in each of the 12 looks")
        looks = run_probe(folder, "looks", "kiosk", "--db", str(bundled_db), "--min-per-kind", str(plan.look_visits))
    results["memory"] = {
        name: {"after_start_mb": _mb(probe["rss_after_start_kb"]), "after_taps_mb": _mb(probe["rss_after_taps_kb"]),
               "by_taps_mb": {int(taps): _mb(kb) for taps, kb in probe["rss_by_taps_kb"].items()}}
        for name, probe in (("bare", bare), ("kiosk", kiosk))
    }  # fmt: skip
    results["taps"] = _tap_summary(kiosk, plan.taps)
    results["taps_with_cards"] = {**_tap_summary(with_cards, plan.tap_cards_taps), "cards": plan.tap_cards}
    results["widgets_per_screen"] = kiosk["widgets_per_screen"]
    results["looks"] = {"per_kind": plan.look_visits, "errors_caught": looks["errors_caught"]}
    results["looks"]["by_look"] = looks["looks"]
    results["refs_lost_per_tap"] = {
        name: {key: value / plan.taps for key, value in probe["refs_lost_in_taps"].items()}
        for name, probe in (("bare", bare), ("kiosk", kiosk))
    }

    progress(f"imports: generated packs of {', '.join(str(size) for size in plan.import_sizes)} cards")
    imports = cards.import_measurements(plan.import_sizes)
    methods = {entry["method"] for entry in imports.values()}
    results["imports"] = {"method": "/".join(sorted(methods)), "packs": list(imports.values())}
    if "replace_content" in methods:
        results["notes"].append(cards.PACKS_UNAVAILABLE)

    results["chromium"] = None
    if plan.chromium_runs and browser is None:
        results["notes"].append("Chromium is not installed; its column is empty (apt-get install chromium).")
    elif plan.chromium_runs:
        progress(f"chromium: {plan.chromium_runs} fresh headless starts on the same content as one HTML page")
        measured = chromium.measure(bundled, plan.chromium_runs)
        runs = measured["runs"]
        results["chromium"] = {
            "first_paint_s": statistics.median(r["first_paint_s"] for r in runs),
            "rss_mb": _mb(statistics.median(r["rss_kb"] for r in runs)),
            "pss_mb": _mb(statistics.median(r["pss_kb"] for r in runs)),
            "runs": len(runs),
        }
    else:
        results["notes"].append("Chromium skipped (--skip-chromium).")
    results["machine"]["load_after"] = machine.load_average()
    return results
