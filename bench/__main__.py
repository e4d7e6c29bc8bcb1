"""`python -m bench`: measure the kiosk against a bare window and Chromium, print the table, write the JSON.

Exit status: 0 every budget kept, 1 some budget over (named in the table), 2 the bench itself failed.
"""

import argparse
import json
import sys
from pathlib import Path

from bench import measure, report
from bench.processes import ProbeFailed

DEFAULT_JSON = Path(__file__).resolve().parent / "results" / "latest.json"


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """The bench's options."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run of everything on small inputs (smoke test)")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help=f"where to write the results ({DEFAULT_JSON})")
    parser.add_argument("--skip-chromium", action="store_true", help="leave out the Chromium comparison")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the bench; see the module docstring for the exit status."""
    arguments = parse_arguments(argv)
    plan = (measure.Plan.quick if arguments.quick else measure.Plan.full)(arguments.skip_chromium)

    def progress(message: str) -> None:
        print(f"bench: {message}", file=sys.stderr, flush=True)

    try:
        results = measure.run(plan, progress)
    except ProbeFailed as error:
        print(f"bench: a measured process failed: {error}", file=sys.stderr)
        return 2
    budgets = report.check_budgets(results)
    results["budgets"] = report.budgets_as_json(budgets)
    results["ok"] = all(budget.ok for budget in budgets)
    arguments.json.parent.mkdir(parents=True, exist_ok=True)
    arguments.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(report.format_results(results, budgets))
    over = [budget.name for budget in budgets if not budget.ok]
    if over:
        print(f"\nOver budget: {', '.join(over)}", file=sys.stderr)
        return 1
    return 0


raise SystemExit(main())
