"""The same content as one static HTML page in headless Chromium: spawn to first contentful paint, and memory.

The page holds every screen (start screen shown, the rest `hidden`, as a single-page kiosk would), built from
the same Content with every text escaped. A small script reports the first-contentful-paint entry through
console.log, which Chromium writes to stderr with --enable-logging=stderr --log-level=0. Only a file:// URL
is opened, and every background network feature is switched off.
"""

import html
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import fontpkg_atkinson_hyperlegible

from kiosk.storage.rows import Content

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--enable-logging=stderr", "--log-level=0", "--window-size=1920,1080",
)  # fmt: skip
MARK = "BENCH-FCP "
TIMEOUT_S = 60

PAINT_SCRIPT = """
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.name === 'first-contentful-paint') console.log('BENCH-FCP ' + (performance.timeOrigin + entry.startTime));
  }
}).observe({type: 'paint', buffered: true});
"""


def find_chromium() -> str | None:
    """The chromium executable, if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _section(screen: str, title: str, parts: list[str], shown: bool = False) -> str:
    hidden = "" if shown else " hidden"
    return f'<section id="{_e(screen)}"{hidden}><h1>{_e(title)}</h1>{"".join(parts)}</section>'


def _button(text: str) -> str:
    return f"<button>{_e(text)}</button>"


def _list(items) -> str:
    return "<ul>" + "".join(f"<li>{_e(item)}</li>" for item in items) + "</ul>"


def content_page(content: Content) -> str:
    """Every screen of the kiosk as one HTML page; only the start screen is visible."""
    font = Path(fontpkg_atkinson_hyperlegible.__file__).parent / "files" / "AtkinsonHyperlegible-Regular.ttf"
    sections = [
        _section(
            "start",
            "Worried about hair loss?",
            ["<p>You are not alone. Hair loss is common, and there are many causes.</p>",
             '<button>Tap to start</button><button>See a doctor soon if…</button>'],
            shown=True,
        ),
        _section("causes", "What might be causing it?", [_button(group.title) for group in content.cause_groups]),
    ]  # fmt: skip
    for group in content.cause_groups:
        parts = [f"<p>{_e(group.summary)}</p>"]
        for condition in group.conditions:
            parts += [f"<h2>{_e(condition.title)}</h2>", f"<p>{_e(condition.what_it_is)}</p>"]
            parts += [_list(condition.signs), _list(condition.doctor_checks)]
        sections.append(_section(f"cause-{group.id}", group.title, parts))
    sections.append(_section("treatments", "All treatments", [_button(card.name) for card in content.treatments]))
    for card in content.treatments:
        parts = [f"<p>{_e(card.summary)}</p>", f"<p>{_e(card.evidence.label)} evidence: {_e(card.evidence_reason)}</p>"]
        for heading, text in (("What it is", card.what_it_is), ("How it is used", card.how_used),
                              ("Who it may help", card.who_may_help), ("Side effects", card.side_effects),
                              ("Who must not use it", card.who_must_avoid)):  # fmt: skip
            parts.append(f"<h2>{_e(heading)}</h2><p>{_e(text)}</p>")
        parts.append(_list(card.questions))
        sections.append(_section(f"treatment-{card.id}", card.name, parts))
    sections.append(_section("red_flags", "See a doctor soon if…", [_list(content.red_flags)]))
    glossary = [f"<h2>{_e(term.term)}</h2><p>{_e(term.meaning)}</p>" for term in content.glossary]
    sections.append(_section("glossary", "Words explained", glossary))
    style = (
        f"@font-face {{ font-family: 'Atkinson Hyperlegible'; src: url('{font.as_uri()}'); }}"
        " body { font: 24px 'Atkinson Hyperlegible', sans-serif; background: #f6f3ee; color: #1d2a33; margin: 0; }"
        " section { max-width: 1200px; margin: 0 auto; padding: 28px 32px; }"
        " button { display: block; width: 100%; min-height: 72px; font: inherit; margin: 12px 0; }"
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hair loss: know your options</title>'
        f"<style>{style}</style></head><body>{''.join(sections)}<script>{PAINT_SCRIPT}</script></body></html>"
    )


def _session_processes(session: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session:  # fields after the name: state, ppid, pgrp, session
            pids.append(int(entry.name))
    return pids


def _memory_kb(pids: list[int]) -> tuple[int, int]:
    """Summed RSS (counts shared pages in every process) and PSS (shares them out) of these processes."""
    rss = pss = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    rss += int(line.split()[1])
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            continue
    return rss, pss


def measure_once(executable: str, page: Path) -> dict:
    """One fresh Chromium on the page: seconds from spawn to first contentful paint, and memory at that point."""
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-chromium-") as profile:
        command = [executable, *FLAGS, f"--user-data-dir={profile}", page.as_uri()]
        spawned = time.time()
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True
        )
        deadline = time.monotonic() + TIMEOUT_S
        painted = None
        try:
            for line in process.stderr:
                if MARK in line:
                    painted = float(line.split(MARK, 1)[1].split('"', 1)[0]) / 1000
                    break
                if time.monotonic() > deadline:
                    break
            rss, pss = _memory_kb(_session_processes(process.pid))
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            process.stderr.close()
    if painted is None:
        raise RuntimeError("Chromium never reported a first contentful paint")
    return {"first_paint_s": painted - spawned, "rss_kb": rss, "pss_kb": pss}


def measure(content: Content, runs: int) -> dict | None:
    """`runs` fresh starts of Chromium on the content page; None when Chromium is not installed."""
    executable = find_chromium()
    if executable is None:
        return None
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-page-") as folder:
        page = Path(folder) / "kiosk.html"
        page.write_text(content_page(content), encoding="utf-8")
        return {"executable": executable, "runs": [measure_once(executable, page) for _ in range(runs)]}
