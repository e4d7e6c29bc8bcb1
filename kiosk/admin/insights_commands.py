"""kiosk-admin insights: the anonymous daily counts, as a short report or as CSV for a spreadsheet."""

import argparse
import csv
import sys

from kiosk.admin.console import DONE, add_command, open_library, say
from kiosk.content.insights import csv_rows, load_insights


def command_insights(arguments: argparse.Namespace) -> int:
    """Show the anonymous counts of the last days, or write every count as CSV."""
    library = open_library(arguments)
    try:
        if arguments.csv:
            csv.writer(sys.stdout, lineterminator="\n").writerows(csv_rows(library.conn))
            return DONE
        say(*report_lines(load_insights(library.conn, arguments.days)))
    finally:
        library.close()
    return DONE


def report_lines(insights) -> list[str]:
    """The counts in a few plain lines."""
    state = "on" if insights.counting else "off (turn it on with: kiosk-admin settings set count_visits 1)"
    lines = [f"Counting is {state}. Counts are kept for {insights.keep_days} days."]
    days = len(insights.days)
    if not insights.has_counts:
        return [*lines, f"Nothing was counted in the last {days} days."]
    lines.append(f"In the last {days} days, for everyone together:")
    lines.append(f"  screens opened: {sum(day.screens for day in insights.days)}")
    lines.append(f"  cards opened: {sum(day.cards for day in insights.days)}")
    lines.append(f"  lists of questions shown or printed: {sum(day.summaries for day in insights.days)}")
    lines.append("Most opened cards:")
    lines += [f"  {card.count:>6}  {card.name}" for card in insights.top_cards]
    return lines


def add_insights_commands(commands: argparse._SubParsersAction) -> None:
    """Add insights to the kiosk-admin parser."""
    insights = add_command(
        commands,
        "insights",
        command_insights,
        "show the anonymous daily counts (what patients open most)",
        "Show how often screens and cards were opened, and lists of questions shown or printed, day by day, "
        "for all patients together. The kiosk counts only when the setting count_visits is 1; it never keeps "
        "who, the time of day, or the order of screens. Changes nothing.",
    )
    insights.add_argument("--csv", action="store_true", help="write every count as CSV (day, what, name, count)")
    insights.add_argument("--days", type=_days, default=30, help="how many days back the report goes (default 30)")


def _days(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 3650:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of days from 1 to 3650")
    return int(text)
