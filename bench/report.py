"""The budgets the kiosk must keep, and the results as a table a person reads."""

from dataclasses import asdict, dataclass

START_RATIO = 1.5
MEMORY_MARGIN_MB = 40
TAP_P95_MS = 33
MANY_CARDS_SLOWDOWN = 1.10
IMPORT_1000_S = 2
IMPORT_BUDGET_CARDS = 1000
# Spare references to True lost per tap beyond what the bare window's probe loses (PySide6 6.12.0 emit bug).
REFS_LOST_TOLERANCE = 0.05


@dataclass(frozen=True)
class Budget:
    """One promise about performance, and whether this run kept it."""

    name: str
    limit: str
    value: str
    ok: bool


def check_budgets(results: dict) -> list[Budget]:
    """Every budget, checked against one run's results."""
    start, memory, taps = results["start"], results["memory"], results["taps"]
    budgets = []
    bare, kiosk = start["bare"]["first_frame_s"], start["kiosk"]["first_frame_s"]
    budgets.append(
        Budget(
            "start to first frame", f"≤ {START_RATIO}× bare", f"{kiosk / bare:.2f}× bare", kiosk <= START_RATIO * bare
        )
    )
    for moment in ("after_start_mb", "after_taps_mb"):
        extra = memory["kiosk"][moment] - memory["bare"][moment]
        label = "memory after start" if moment == "after_start_mb" else f"memory after {taps['count']} taps"
        budgets.append(
            Budget(label, f"≤ bare + {MEMORY_MARGIN_MB} MB", f"bare + {extra:.1f} MB", extra <= MEMORY_MARGIN_MB)
        )
    for kind, stats in [*taps["by_screen"].items(), ("same screen (no navigation)", taps["same_screen"])]:
        if kind.startswith("same screen") and stats["n"] == 0:
            continue  # no button today changes the screen without navigating
        if stats["n"] == 0:
            budgets.append(Budget(f"tap to painted: {kind}", f"p95 ≤ {TAP_P95_MS} ms", "never reached", False))
            continue
        p95 = stats["p95"]
        budgets.append(
            Budget(f"tap to painted: {kind}", f"p95 ≤ {TAP_P95_MS} ms", f"p95 {p95:.1f} ms", p95 <= TAP_P95_MS)
        )
    many, bundled = start["many"], start["kiosk"]
    slowdown = many["first_frame_s"] / bundled["first_frame_s"]
    budgets.append(
        Budget(
            f"start with {many['cards']:,} cards",
            f"≤ {MANY_CARDS_SLOWDOWN:.2f}× bundled",
            f"{slowdown:.2f}× bundled",
            slowdown <= MANY_CARDS_SLOWDOWN,
        )
    )
    for pack in results["imports"]["packs"]:
        if pack["cards"] == IMPORT_BUDGET_CARDS:
            seconds = pack["seconds"]
            budgets.append(
                Budget(
                    f"import {IMPORT_BUDGET_CARDS:,} cards",
                    f"≤ {IMPORT_1000_S} s",
                    f"{seconds:.2f} s",
                    seconds <= IMPORT_1000_S,
                )
            )
    lost = results["refs_lost_per_tap"]["kiosk"]["True"] - results["refs_lost_per_tap"]["bare"]["True"]
    budgets.append(
        Budget("references to True kept", "0 lost per tap", f"{lost:.2f} lost per tap", lost <= REFS_LOST_TOLERANCE)
    )
    return budgets


def budgets_as_json(budgets: list[Budget]) -> list[dict]:
    """The budgets as plain data."""
    return [asdict(budget) for budget in budgets]


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _row(cells) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def _table(header: tuple[str, ...], rows: list[tuple]) -> list[str]:
    return [_row(header), _row("---" for _ in header), *(_row(row) for row in rows)]


def format_results(results: dict, budgets: list[Budget]) -> str:
    """The whole run as Markdown tables: machine, side by side numbers, tap latency, imports, budgets."""
    machine = results["machine"]
    start, memory, taps, chromium = results["start"], results["memory"], results["taps"], results["chromium"]
    none = "–"
    lines = [
        f"Machine: {machine['cpu']}, {machine['cores']} cores, {machine['memory_gb']} GB, {machine['system']}; "
        f"Python {machine['python']}, PySide6 {machine['pyside6']}, Qt {machine['qt']}"
        + (f"; {machine['chromium']}" if machine.get("chromium") else ""),
        f"Load average (1 min) before/after the run: {machine['load_before']} / {machine['load_after']}"
        f" on {machine['cores']} cores",
        "",
        f"Start and memory (median of {start['bare']['runs']} fresh processes each; offscreen, 1920×1080):",
        "",
    ]
    rows = [
        ("spawn → first painted frame (s)", f"{start['bare']['first_frame_s']:.3f}",
         f"{start['kiosk']['first_frame_s']:.3f}", f"{start['many']['first_frame_s']:.3f}",
         f"{chromium['first_paint_s']:.3f}" if chromium else none),
        ("  of which interpreter up (s)", f"{start['bare']['interpreter_up_s']:.3f}",
         f"{start['kiosk']['interpreter_up_s']:.3f}", f"{start['many']['interpreter_up_s']:.3f}", none),
        ("memory after start (MB)", f"{start['bare']['rss_after_start_mb']:.1f}",
         f"{start['kiosk']['rss_after_start_mb']:.1f}", f"{start['many']['rss_after_start_mb']:.1f}",
         f"{chromium['rss_mb']:.0f} RSS / {chromium['pss_mb']:.0f} PSS" if chromium else none),
        (f"memory after {taps['count']:,} taps (MB)", f"{memory['bare']['after_taps_mb']:.1f}",
         f"{memory['kiosk']['after_taps_mb']:.1f}", none, none),
        ("True refs lost per tap", f"{results['refs_lost_per_tap']['bare']['True']:.2f}",
         f"{results['refs_lost_per_tap']['kiosk']['True']:.2f}", none, none),
    ]  # fmt: skip
    header = ("", "bare PySide6", f"kiosk ({start['kiosk']['cards']} cards)",
              f"kiosk ({start['many']['cards']:,} cards)", "Chromium page")  # fmt: skip
    lines += _table(header, rows)
    lines += [
        "",
        f"Tap → painted (ms): {taps['count']:,} random taps on visible buttons, then taps that prefer screens with"
        f" few samples ({taps['all_taps']:,} taps in all, {taps['timeouts']} with no frame within 5 s):",
        "",
    ]
    kinds = [*taps["by_screen"].items(), ("same screen (no navigation)", taps["same_screen"]), ("all", taps["all"])]
    rows = [(kind, stats["n"], *(_ms(stats[key]) for key in ("p50", "p95", "max"))) for kind, stats in kinds]
    lines += _table(("screen", "taps", "p50", "p95", "max"), rows)
    lines += ["", f"Imports of generated packs ({results['imports']['method']}):", ""]
    rows = [
        (f"{p['cards']:,}", f"{p['seconds']:.3f}", f"{p['db_bytes'] / 1024 / 1024:.1f}")
        for p in results["imports"]["packs"]
    ]
    lines += _table(("cards", "import (s)", "database (MB)"), rows)
    lines += ["", "Budgets:", ""]
    rows = [(b.name, b.limit, b.value, "ok" if b.ok else "OVER") for b in budgets]
    lines += _table(("budget", "limit", "this run", ""), rows)
    for note in results["notes"]:
        lines += ["", f"Note: {note}"]
    return "\n".join(lines)
