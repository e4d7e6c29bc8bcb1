"""kiosk-admin print-sample, and the summary screen and printout that `kiosk-admin snapshot` saves for review."""

import argparse
import os
import time
from pathlib import Path

from kiosk.admin.console import DONE, add_command, open_library, say
from kiosk.content.summary import build_summary, sample_choices

TAKE_AWAY_FOLDER = "my-questions"  # beside the screens, so the numbered screen pictures stay one per route
PRINTOUT_NAME = "printout.pdf"
SUMMARY_NAME = "summary.png"
CODES_TIMEOUT_S = 30


def write_sample_printout(library, out: Path) -> Path:
    """The printout of a sample patient's questions, as a PDF, exactly as the kiosk would print it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.app import ensure_application
    from kiosk.ui.printout import write_pdf

    ensure_application()
    settings = library.settings()
    summary = build_summary(
        sample_choices(library.content()), library.content(), settings.clinic_name, settings.doctor_guidance
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    return write_pdf(summary, out)


def snapshot_take_away(window, out_dir: Path, settle) -> list[Path]:
    """For `kiosk-admin snapshot`: the summary screen of a sample patient's questions, and its printout."""
    questions = window.my_questions
    for choice in sample_choices(window.content):
        for question in choice.questions:
            questions.choose(choice.card_id, question, True)
        questions.include_warning(choice.card_id, choice.with_warning)
    window.frame.my_questions_button.click()
    window.current_screen().finish_building()
    settle()
    _wait_for_codes(window, settle)
    folder = out_dir / TAKE_AWAY_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    picture = folder / SUMMARY_NAME
    if not window.grab().save(str(picture)):
        raise OSError(f"could not write {picture}")
    questions.clear()
    return [picture, write_sample_printout(window.library, folder / PRINTOUT_NAME)]


def _wait_for_codes(window, settle) -> None:
    """Let the QR code pictures (made in a helper process) arrive on the summary screen."""
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QLabel

    deadline = time.monotonic() + CODES_TIMEOUT_S
    codes = window.current_screen().findChildren(QLabel, "QrCode")
    while any(code.pixmap().isNull() for code in codes) and time.monotonic() < deadline:
        QThreadPool.globalInstance().waitForDone(100)
        settle()


def command_print_sample(arguments: argparse.Namespace) -> int:
    """Write the one-page printout of a sample patient's questions as a PDF."""
    library = open_library(arguments)
    try:
        path = write_sample_printout(library, arguments.out)
    finally:
        library.close()
    say(f"Saved the sample printout to {path}")
    return DONE


def add_print_commands(commands: argparse._SubParsersAction) -> None:
    """Add print-sample to the kiosk-admin parser."""
    sample = add_command(
        commands,
        "print-sample",
        command_print_sample,
        "save the 'My questions' printout of a sample patient as a PDF",
        "Save the one-page printout a patient gets from 'Print my questions' (clinic name, the questions from "
        "the first two cards, and the doctor guidance) as a PDF, to check how it looks. Changes nothing.",
    )
    sample.add_argument("--out", type=Path, required=True, help="the PDF file to write, like sample.pdf")
