"""Printing my questions: one page with the clinic name and doctor guidance; a broken printer never holds anyone up."""

import subprocess
import sys
import threading

from admin_runner import kiosk_admin
from PySide6.QtCore import QPoint, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel

from kiosk.content.settings import save_setting
from kiosk.ui.printing import PRINTED, PRINTER_PROBLEM, PrinterProblem
from kiosk.ui.questions import QuestionToggle


def pdf_printer(path):
    """A printer that prints to a PDF file, as a CUPS printer would print to paper."""

    def make():
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return printer

    return make


def pdf_pages(path) -> list[str]:
    """The text of every page of a PDF."""
    document = QPdfDocument()
    document.load(str(path))
    pages = [document.getAllText(page).text() for page in range(document.pageCount())]
    document.close()
    return pages


def with_a_question_chosen(patient, window, qtbot, printer_set_up=True, make_printer=None):
    """A patient who picked the first question of the first card and opened My questions."""
    window.printing.is_set_up = lambda: printer_set_up
    if make_printer is not None:
        window.printing.make_printer = make_printer
    card = window.content.treatments[0]
    patient.tap("Tap to start")
    patient.tap("All treatments")
    patient.tap(f"{card.name}, ")
    patient.reads()
    toggle = window.current_screen().findChildren(QuestionToggle)[0]
    window.current_screen().scroll.ensureWidgetVisible(toggle)
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    with qtbot.waitSignal(window.printing.availability_changed, timeout=5000):  # the printer look-up reports
        patient.tap("My questions (1)")
    patient.reads()
    return card


def tap_print(patient, qtbot):
    button = patient.button("Print my questions")
    window = patient.window
    window.current_screen().scroll.ensureWidgetVisible(button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))


def test_print_puts_the_questions_clinic_and_guidance_on_one_page(patient, window, qtbot, tmp_path):
    save_setting(window.library.conn, "clinic_name", "Hillside Clinic")
    window.apply_settings()
    out = tmp_path / "printed.pdf"
    card = with_a_question_chosen(patient, window, qtbot, make_printer=pdf_printer(out))
    tap_print(patient, qtbot)
    qtbot.waitUntil(lambda: patient.sees(PRINTED), timeout=10000)
    pages = pdf_pages(out)
    assert len(pages) == 1
    text = " ".join(pages[0].split())
    for expected in ("Hillside Clinic", card.name, card.questions[0], window.settings.doctor_guidance):
        assert " ".join(expected.split()) in text


def test_a_broken_printer_gets_one_plain_sentence_and_the_qr_code_stays(patient, window, qtbot):
    def out_of_paper():
        raise PrinterProblem("media-empty")

    with_a_question_chosen(patient, window, qtbot, make_printer=out_of_paper)
    tap_print(patient, qtbot)
    qtbot.waitUntil(lambda: patient.sees(PRINTER_PROBLEM), timeout=10000)
    code = window.current_screen().findChild(QLabel, "QrCode")
    assert code.isVisible()
    assert code.visibleRegion().boundingRect().height() > 0  # scrolled into view: offered the code


def test_no_print_button_where_no_printer_is_set_up(patient, window, qtbot):
    with_a_question_chosen(patient, window, qtbot, printer_set_up=False)
    names = [b.accessibleName() for b in patient.visible_buttons()]
    assert "Print my questions" not in names
    assert window.current_screen().findChild(QLabel, "QrCode").isVisible()


def test_the_kiosk_never_waits_on_a_slow_printer(patient, window, qtbot, tmp_path):
    release = threading.Event()
    out = tmp_path / "slow.pdf"
    printer = pdf_printer(out)

    def hanging_printer():
        release.wait(30)
        return printer()

    with_a_question_chosen(patient, window, qtbot, make_printer=hanging_printer)
    tap_print(patient, qtbot)
    assert patient.sees("Printing…")
    patient.tap("Back")  # the screen answers while the printer hangs
    patient.tap("Home")
    assert patient.sees("Worried about hair loss?")
    release.set()
    qtbot.waitUntil(lambda: not window.printing.busy, timeout=10000)
    assert len(pdf_pages(out)) == 1


def test_print_sample_writes_the_printout_as_a_one_page_pdf(tmp_path):
    db = tmp_path / "kiosk.db"
    out = tmp_path / "sample.pdf"
    assert kiosk_admin(db, "init").returncode == 0
    result = kiosk_admin(db, "print-sample", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "sample printout" in result.stdout
    pages = pdf_pages(out)
    assert len(pages) == 1 and "My questions for the doctor" in pages[0]


def test_looking_for_a_printer_leaves_the_printer_libraries_out_of_the_kiosk():
    """The look-up My questions makes runs in a helper process: the kiosk's memory does not keep the printer
    system's libraries for every patient who never prints. (This machine has no printer set up.)"""
    code = (
        "import sys; from kiosk.ui.printing import printer_is_set_up; "
        "print(printer_is_set_up(), 'PySide6.QtPrintSupport' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.split() == ["False", "False"]
