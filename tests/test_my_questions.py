"""My questions: a patient picks questions on the cards, sees them together, takes them away, and is forgotten."""

import gc
import threading
import weakref
from dataclasses import replace

import pytest
import zxingcpp
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QImage
from PySide6.QtWidgets import QLabel, QScrollArea

from kiosk.content.summary import joined_parts
from kiosk.ui import printing as printing_module
from kiosk.ui.navigator import Route
from kiosk.ui.questions import ADD_LABEL, QuestionToggle


def open_card(patient, card) -> None:
    """Tap from the start screen to a card."""
    patient.window.navigator.home()
    patient.tap("Tap to start")
    patient.tap("All treatments")
    patient.tap(f"{card.name}, ")
    patient.reads()  # the whole card is built


def toggle_for(window, question: str) -> QuestionToggle:
    """The "Add to my questions" toggle under `question` on the screen on show."""
    screen = window.current_screen()
    toggles = [
        t
        for t in screen.findChildren(QuestionToggle)
        if t.accessibleDescription() == question and t.isVisibleTo(screen)  # not one left from a look before
    ]
    assert len(toggles) == 1, question
    return toggles[0]


def press(qtbot, button) -> None:
    """A finger tap on a button that stays where it is, scrolled into view first."""
    parent = button.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(button, 0, 0)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(button.width() // 2, button.height() // 2))


def is_checked_for_screen_reader(button) -> bool:
    return QAccessible.queryAccessibleInterface(button).state().checked


def test_each_question_on_a_card_has_a_large_add_toggle_read_out_with_its_state(patient, window, qtbot):
    card = window.content.treatments[0]
    open_card(patient, card)
    toggles = window.current_screen().findChildren(QuestionToggle)
    assert [t.accessibleDescription() for t in toggles] == list(card.questions)
    toggle = toggle_for(window, card.questions[0])
    assert toggle.height() >= 60 and toggle.isCheckable() and not is_checked_for_screen_reader(toggle)
    assert not window.frame.my_questions_button.isVisible()
    press(qtbot, toggle)
    assert toggle.isChecked() and is_checked_for_screen_reader(toggle)
    assert toggle.accessibleName() == ADD_LABEL  # the name stays; the state says it was added
    assert patient.button("My questions (1)").isVisible()
    press(qtbot, toggle)
    assert not toggle.isChecked()
    assert not window.frame.my_questions_button.isVisible()


def test_the_summary_shows_chosen_questions_under_their_cards_and_can_add_warning_lines(patient, window, qtbot):
    first, second = window.content.treatments[0], window.content.treatments[3]
    open_card(patient, first)
    press(qtbot, toggle_for(window, first.questions[0]))
    press(qtbot, toggle_for(window, first.questions[2]))
    open_card(patient, second)
    press(qtbot, toggle_for(window, second.questions[1]))
    patient.tap("My questions (3)")
    assert window.navigator.current == Route("my_questions")
    seen = patient.reads()
    for text in (first.name, first.questions[0], first.questions[2], second.name, second.questions[1]):
        assert text in seen
    assert first.questions[1] not in seen
    assert first.get_help_action not in seen
    add_warning = [b for b in patient.visible_buttons() if b.accessibleName() == "Add when to get help now"][0]
    press(qtbot, add_warning)
    assert any(first.get_help_action in text for text in patient.reads())
    assert first.get_help_now[0] in decoded_codes(qtbot, window) and "Get help now if:" in decoded_codes(qtbot, window)


def test_clear_empties_the_list_and_unticks_the_cards(patient, window, qtbot):
    card = window.content.treatments[1]
    open_card(patient, card)
    toggle = toggle_for(window, card.questions[0])
    press(qtbot, toggle)
    patient.tap("My questions (1)")
    press(qtbot, patient.button("Clear my questions"))
    qtbot.waitUntil(lambda: patient.sees("You have not added any questions yet"))
    assert card.questions[0] not in patient.reads()
    assert "Cleared" in patient.reads() and not window.current_screen().findChild(QLabel, "QrCode").isVisible()
    assert not window.frame.my_questions_button.isVisible()
    patient.tap("Back")
    assert not toggle_for(window, card.questions[0]).isChecked()


def test_the_next_patient_never_sees_the_questions_after_the_idle_reset(patient, window, qtbot):
    card = window.content.treatments[0]
    open_card(patient, card)
    press(qtbot, toggle_for(window, card.questions[0]))
    patient.tap("My questions (1)")
    window.settings = replace(window.settings, idle_timeout_seconds=1, idle_warning_seconds=1)
    window.idle.restart()
    qtbot.waitUntil(lambda: window.navigator.current == Route("start"), timeout=5000)
    assert not window.frame.my_questions_button.isVisible()
    assert len(window.my_questions) == 0
    window.frame.my_questions_button.click()  # as if it were still there: the list is empty
    assert patient.sees("You have not added any questions yet")
    assert card.questions[0] not in patient.reads()


def test_a_choice_made_in_larger_text_shows_in_normal_text_too(patient, window, qtbot):
    card = window.content.treatments[2]
    open_card(patient, card)
    press(qtbot, patient.button("Text size"))  # 130 %
    patient.reads()
    press(qtbot, toggle_for(window, card.questions[0]))
    press(qtbot, patient.button("Text size"))  # 160 %
    press(qtbot, patient.button("Text size"))  # back to 100 %
    patient.reads()
    assert toggle_for(window, card.questions[0]).isChecked()


def read_codes(image: QImage) -> list[str]:
    """What a QR decoder reads in a picture (given as one byte a pixel)."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(grey.constBits())
    view = zxingcpp.ImageView(data, grey.width(), grey.height(), zxingcpp.ImageFormat.Lum, grey.bytesPerLine(), 1)
    return [code.text for code in zxingcpp.read_barcodes(view, formats=zxingcpp.BarcodeFormat.QRCode)]


def shown_codes(qtbot, window) -> list[QLabel]:
    """The QR codes on screen, once their pictures have come (they are made off the GUI thread)."""

    def codes():
        return [label for label in window.current_screen().findChildren(QLabel, "QrCode") if label.isVisible()]

    qtbot.waitUntil(lambda: codes() and all(not label.pixmap().isNull() for label in codes()), timeout=5000)
    return codes()


def decoded_codes(qtbot, window) -> str:
    """What a phone reads from the QR codes on screen, in order, joined as the patient's phone would."""
    codes = shown_codes(qtbot, window)
    parts = []
    for label in codes:
        found = read_codes(label.grab().toImage())
        assert len(found) == 1
        parts.append(found[0])
    return joined_parts(parts)


def test_the_qr_code_holds_exactly_the_summary_as_plain_text(patient, window, qtbot):
    from kiosk.ui.screens.my_questions import summary_of

    card = window.content.treatments[0]
    open_card(patient, card)
    press(qtbot, toggle_for(window, card.questions[0]))
    patient.tap("My questions (1)")
    patient.reads()
    text = decoded_codes(qtbot, window)
    assert text == summary_of(window.my_questions, window.content).text()
    assert card.name in text and card.questions[0] in text and window.settings.doctor_guidance in text
    assert "http" not in text and "://" not in text


@pytest.mark.parametrize("cards", [6])
def test_a_summary_too_long_for_one_code_is_split_into_numbered_codes_holding_all_of_it(patient, window, qtbot, cards):
    for card in window.content.treatments[:cards]:
        for question in card.questions:
            window.my_questions.choose(card.id, question, True)
        window.my_questions.include_warning(card.id, True)
    patient.tap("My questions")
    seen = patient.reads()
    from kiosk.ui.screens.my_questions import summary_of

    text = summary_of(window.my_questions, window.content).text()
    codes = window.current_screen().findChildren(QLabel, "QrCode")
    assert len(codes) > 1
    assert f"Code 1 of {len(codes)}" in seen
    assert any("scan all" in line for line in seen)
    assert decoded_codes(qtbot, window) == text


def test_the_codes_are_still_made_when_the_helper_process_cannot_run(monkeypatch):
    from kiosk.content import qr_codes

    def no_helper(*_arguments, **_options):
        raise OSError("no such file")

    monkeypatch.setattr(qr_codes.subprocess, "run", no_helper)
    pngs = qr_codes.pngs_of(["My questions for the doctor"], 300)
    assert len(pngs) == 1 and pngs[0].startswith(b"\x89PNG")


def test_codes_asked_for_while_others_are_made_are_made_once_for_the_latest_list_only(window, qtbot, monkeypatch):
    """Quick taps on My questions ask for codes again and again: work queued without end would hold memory and
    a worker for lists nobody sees any more. One set is made at a time, then only the latest list asked for."""
    window.finish_starting()
    release, made = threading.Event(), []

    def slow_codes(parts):
        release.wait(10)
        made.append(parts)
        return []

    monkeypatch.setattr(printing_module, "_qr_images", slow_codes)
    received = []
    window.printing.codes_ready.connect(lambda ticket, images: received.append(ticket))
    tickets = [window.printing.make_codes([f"list {number}"]) for number in range(4)]
    release.set()
    qtbot.waitUntil(lambda: tickets[-1] in received, timeout=5000)
    assert made == [["list 0"], ["list 3"]]
    assert received == [tickets[0], tickets[-1]]


def test_codes_once_made_leave_nothing_of_their_work_behind(window, qtbot, monkeypatch):
    """A kiosk makes codes all day: the work, and the list it was given, must be let go once the codes are shown."""

    class Parts(list):
        """A list a weak reference can follow."""

    window.finish_starting()
    monkeypatch.setattr(printing_module, "_qr_images", lambda parts: [])
    parts = Parts(["Questions for my doctor"])
    gone = weakref.ref(parts)
    with qtbot.waitSignal(window.printing.codes_ready, timeout=5000):
        window.printing.make_codes(parts)
    del parts
    qtbot.waitUntil(lambda: gc.collect() is not None and gone() is None, timeout=5000)
