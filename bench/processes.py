"""Running the probe in fresh processes and summarising what they report."""

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCREEN_CONFIG = Path(__file__).resolve().parent / "offscreen-1920x1080.json"
PROBE_TIMEOUT_S = 1800


class ProbeFailed(RuntimeError):
    """A probe process did not report a measurement."""


def probe_environment(home: Path) -> dict[str, str]:
    """Offscreen Qt on a 1920×1080 screen, the repo importable, silent speech, the kiosk's data and logs in `home`."""
    environment = dict(os.environ)
    environment["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN_CONFIG}"
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), environment.get("PYTHONPATH")]))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        environment[name] = str(home / name.lower())
    environment.pop("BENCH_SPAWN_MONOTONIC", None)
    # Compiled once, as `pip install` does: a kiosk never compiles its own code at every start.
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    environment["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    # Qt's silent speech engine: a tap on Read aloud is timed like any other and the bench makes no sound.
    environment.setdefault("KIOSK_SPEECH_ENGINE", "mock")
    return environment


def run_probe(home: Path, *arguments: str, module: str = "bench.probe") -> dict:
    """Spawn `python -m MODULE ARGUMENTS` (a probe) and return its one JSON line."""
    environment = probe_environment(home)
    command = [sys.executable, "-m", module, *arguments]
    environment["BENCH_SPAWN_MONOTONIC"] = repr(time.monotonic())
    done = subprocess.run(
        command, cwd=REPO, env=environment, capture_output=True, text=True, timeout=PROBE_TIMEOUT_S, check=False
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    result = json.loads(lines[-1]) if lines else {}
    if done.returncode != 0 or not lines or "error" in result:
        noise = "This plugin does not support propagateSizeHints()"
        tail = "\n".join([line for line in done.stderr.splitlines() if line != noise][-15:])
        raise ProbeFailed(f"{' '.join(arguments)} exited with {done.returncode}: {result.get('error', '')}\n{tail}")
    return result


def compile_ahead(home: Path) -> None:
    """Compile the kiosk and the bench to bytecode for the probes (an installed kiosk has its .pyc files)."""
    command = [sys.executable, "-m", "compileall", "-q", "kiosk", "bench"]
    subprocess.run(command, cwd=REPO, env=probe_environment(home), capture_output=True, timeout=300, check=True)


def start_runs(home: Path, runs: int, variants: dict[str, tuple[str, ...]]) -> dict[str, list[dict]]:
    """`runs` fresh starts of each variant (after one not counted), interleaved so that drift in the machine hits
    all alike.

    A variant is (module, arguments...): `bench.probe` takes "start" first; `bench.first_frame` does not."""
    results: dict[str, list[dict]] = {name: [] for name in variants}
    for run in range(runs + 1):
        for name, (module, *arguments) in variants.items():
            prefix = ("start",) if module == "bench.probe" else ()
            result = run_probe(home, *prefix, *arguments, module=module)
            if run:  # the first start of each is a warm-up, not counted: the files are read, the bytecode written
                results[name].append(result)
    return results


def median_of(results: list[dict], key: str) -> float:
    """The median of one reported number over several runs."""
    return statistics.median(result[key] for result in results)


def percentiles(samples: list[float]) -> dict[str, float]:
    """p50, p95 and max of some milliseconds, with how many there were (None for each when there are none)."""
    ordered = sorted(samples)
    if not ordered:
        return {"n": 0, "p50": None, "p95": None, "max": None}
    return {
        "n": len(ordered),
        "p50": statistics.median(ordered),
        "p95": _nearest_rank(ordered, 0.95),
        "max": ordered[-1],
    }


def _nearest_rank(ordered: list[float], fraction: float) -> float:
    rank = max(1, -(-len(ordered) * fraction // 1))  # ceil(n × fraction), at least 1
    return ordered[int(rank) - 1]
