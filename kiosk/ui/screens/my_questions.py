"""My questions: what the patient chose to ask, card by card, as a QR code to take away and a page to print."""

from collections.abc import Iterator
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.content.languages import ENGLISH, guidance_in
from kiosk.content.summary import ChosenCard, Summary, build_summary, warning_lines
from kiosk.ui.printing import PRINTER_PROBLEM, QR_SCREEN_PIXELS, Printing
from kiosk.ui.questions import (
    MyQuestions,
    in_language,
    my_questions_for,
    service_for,
    summary_words,
    toggle_button,
)
from kiosk.ui.screens.base import Screen
from kiosk.ui.translation import filled, translate
from kiosk.ui.widgets import bullet_label, section, text_label, touch_button

NONE_YET = QT_TRANSLATE_NOOP(
    "MyQuestionsScreen",
    "You have not added any questions yet. On a treatment card, tap “Add to my questions” under each "
    "question you want to ask your doctor.",
)
TAKE_IT = QT_TRANSLATE_NOOP(
    "MyQuestionsScreen",
    "Show this to your doctor. Or point your phone’s camera at the code to keep the questions as text.",
)
NOTHING_LEAVES = QT_TRANSLATE_NOOP(
    "MyQuestionsScreen", "The code holds only the words above. Nothing is sent anywhere."
)


def summary_of(questions: MyQuestions, content, guidance: str | None = None, english=None) -> Summary:
    """The summary of the questions chosen in this visit, in the interface language and the language of
    `content` (`english`: the same content in English; `guidance`: the doctor guidance in that language)."""
    guidance = guidance or questions.doctor_guidance
    chosen = chosen_in(questions, content, english)
    return build_summary(chosen, content, questions.clinic_name, guidance, summary_words())


def chosen_in(questions: MyQuestions, content, english) -> tuple[ChosenCard, ...]:
    """The chosen questions as `content` words them (the list keeps them in English)."""
    if english is None or english is content:
        return questions.cards()
    shown = []
    for chosen in questions.cards():
        try:
            card, card_in_english = content.treatment(chosen.card_id), english.treatment(chosen.card_id)
        except KeyError:
            shown.append(chosen)
            continue
        words = tuple(in_language(question, card_in_english, card) for question in chosen.questions)
        shown.append(replace(chosen, questions=words))
    return tuple(shown)


def printing_for(widget: QWidget) -> Printing:
    """The window's printing service."""
    return service_for(widget, "printing", Printing)


class MyQuestionsScreen(Screen):
    """The chosen questions under their card names; the QR code; Print where a printer is set up; Clear."""

    title = "My questions"

    def __init__(self, content):
        super().__init__(content)
        self._stale = False
        self._listening = False
        self._shown: list[tuple[str, tuple[str, ...]]] = []  # the cards and questions the screen shows
        self._warnings: dict[str, QLabel] = {}
        self._codes: QWidget | None = None
        self._clear_button = None
        self._code_labels: list[QLabel] = []
        self._codes_ticket = 0
        self._codes_to_make: list[str] = []
        self.print_button = None
        self.print_message: QLabel | None = None

    def start_building(self, argument: str | None) -> None:
        if self._stale:
            self._stale = False
            self.clear()
            self._built_for = None  # build again: the list changed since this screen was built
        super().start_building(argument)

    def build(self, argument: str | None) -> Iterator[None]:
        questions, printing = self._services()
        self.column.addWidget(text_label(translate("MyQuestionsScreen", "My questions"), "Heading"))
        if not len(questions):
            self.column.addWidget(text_label(translate("MyQuestionsScreen", NONE_YET), "Lead"))
            return
        self.column.addWidget(text_label(translate("MyQuestionsScreen", TAKE_IT), "Lead"))
        self._shown = self._showable(questions)
        for chosen in questions.cards():
            if self._has_card(chosen.card_id):
                self.column.addWidget(self._card_section(questions, chosen))
                yield
        self._codes = self._codes_section(self._summary(questions))
        self.column.addWidget(self._codes)
        yield
        self._add_print(printing)
        self._clear_button = touch_button(translate("MyQuestionsScreen", "Clear my questions"), "Alert")
        self._clear_button.clicked.connect(questions.clear)
        self.column.addWidget(self._clear_button)

    def clear(self, keep_panels: bool = True) -> None:
        super().clear(keep_panels)
        self.print_button = self.print_message = self._codes = self._clear_button = None
        self._code_labels, self._codes_ticket, self._codes_to_make = [], 0, []
        self._warnings = {}

    def _showable(self, questions: MyQuestions) -> list[tuple[str, tuple[str, ...]]]:
        return [(chosen.card_id, chosen.questions) for chosen in questions.cards() if self._has_card(chosen.card_id)]

    def _show_cleared(self) -> None:
        """After Clear: everything but the heading goes, and the button says it is done (it stays put under
        the finger, so the tap lands on nothing else)."""
        for index in range(1, self.column.count()):
            widget = self.column.itemAt(index).widget()
            if widget is not None and widget is not self._clear_button:
                widget.hide()
        self.column.insertWidget(1, text_label(translate("MyQuestionsScreen", NONE_YET), "Lead"))
        cleared = translate("MyQuestionsScreen", "Cleared")
        self._clear_button.setText(f"✓  {cleared}")
        self._clear_button.setAccessibleName(cleared)  # left enabled: a second tap does nothing, and shows it
        self._shown = []

    def _services(self) -> tuple[MyQuestions, Printing]:
        """The window's list and printer, listened to from the first build on."""
        questions, printing = my_questions_for(self), printing_for(self)
        if not self._listening:
            self._listening = True
            questions.changed.connect(self._on_questions_changed)
            printing.availability_changed.connect(self._on_printer_found)
            printing.finished.connect(self._on_printed)
            printing.codes_ready.connect(self._on_codes_ready)
        return questions, printing

    def _summary(self, questions: MyQuestions) -> Summary:
        """The summary in the language of this screen's look."""
        language = self.look.language
        english = questions.doctor_guidance
        guidance = english if language == ENGLISH else guidance_in(self.english_content, english, language)
        return summary_of(questions, self.content, guidance, self.english_content)

    def _has_card(self, card_id: str) -> bool:
        try:
            self.content.treatment(card_id)
        except KeyError:
            return False
        return True

    def _card_section(self, questions: MyQuestions, chosen) -> QWidget:
        card, card_in_english = self.content.treatment(chosen.card_id), self.english_content.treatment(chosen.card_id)
        rows: list[QWidget] = [bullet_label(in_language(q, card_in_english, card)) for q in chosen.questions]
        toggle = toggle_button(
            translate("MyQuestionsScreen", "Add when to get help now"), warning_lines(card), chosen.with_warning
        )
        toggle.toggled.connect(lambda on, card_id=chosen.card_id: questions.include_warning(card_id, on))
        rows.append(toggle)
        warning = text_label(warning_lines(card))
        warning.setVisible(chosen.with_warning)
        self._warnings[chosen.card_id] = warning
        rows.append(warning)
        return section(card.name, *rows)

    def _codes_section(self, summary: Summary) -> QWidget:
        parts = summary.qr_parts()
        widgets: list[QWidget] = []
        if len(parts) > 1:
            widgets.append(
                text_label(
                    filled(
                        translate(
                            "MyQuestionsScreen",
                            "Your questions are too many for one code: scan all %1 codes, in order.",
                        ),
                        len(parts),
                    ),
                    "Body",
                )
            )
        self._code_labels = []
        for number, part in enumerate(parts, start=1):
            picture = QLabel()
            picture.setObjectName("QrCode")
            picture.setMinimumSize(QR_SCREEN_PIXELS, QR_SCREEN_PIXELS)  # the room the code takes when it comes
            picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._code_labels.append(picture)
            name = translate("MyQuestionsScreen", "QR code of my questions")
            if len(parts) > 1:
                name = filled(translate("MyQuestionsScreen", "QR code of my questions, %1 of %2"), number, len(parts))
            picture.setAccessibleName(name)
            picture.setProperty("qr_text", part)
            if len(parts) > 1:
                widgets.append(
                    text_label(
                        filled(translate("MyQuestionsScreen", "Code %1 of %2"), number, len(parts)), "SectionTitle"
                    )
                )
            widgets.append(picture)
        widgets.append(text_label(translate("MyQuestionsScreen", NOTHING_LEAVES), "Small"))
        self._codes_to_make = parts  # made once this screen is painted (see paintEvent)
        return section(translate("MyQuestionsScreen", "Take it with you"), *widgets)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if self._codes_to_make:
            # Making a code takes 5 to 100 ms of pure Python: in a worker thread, started after this frame,
            # so that the screen is on the glass first and the worker does not hold the GIL while Qt paints.
            QTimer.singleShot(0, self, self._make_codes)

    def _make_codes(self) -> None:
        if self._codes_to_make:
            parts, self._codes_to_make = self._codes_to_make, []
            self._codes_ticket = printing_for(self).make_codes(parts)

    def _on_codes_ready(self, ticket: int, images: list) -> None:
        if ticket != self._codes_ticket:
            return  # codes for a list that has changed since
        for label, image in zip(self._code_labels, images, strict=True):
            label.setPixmap(QPixmap.fromImage(image))

    def _add_print(self, printing: Printing) -> None:
        self.print_button = touch_button(translate("MyQuestionsScreen", "Print my questions"), "Secondary")
        self.print_button.setVisible(printing.available)
        self.print_button.clicked.connect(lambda: self._print(printing))
        self.print_message = text_label("", "Lead")
        self.print_message.hide()
        printing.look_for_printer()
        self.column.addWidget(self.print_button)
        self.column.addWidget(self.print_message)

    def _print(self, printing: Printing) -> None:
        self._show_print_message(translate("MyQuestionsScreen", "Printing…"))
        printing.print_summary(self._summary(my_questions_for(self)))

    def _on_printer_found(self, available: bool) -> None:
        if self.print_button is not None and self.is_complete():
            self.print_button.setVisible(available)

    def _on_printed(self, message: str) -> None:
        if self.print_message is not None and self.is_complete():
            self._show_print_message(translate("Printing", message))
            if message == PRINTER_PROBLEM:
                self.scroll.ensureWidgetVisible(self.findChild(QLabel, "QrCode"), 0, 40)  # offer the code

    def _show_print_message(self, text: str) -> None:
        self.print_message.setText(text)
        self.print_message.setAccessibleName(text)
        self.print_message.show()

    def _on_questions_changed(self, _count: int) -> None:
        questions = my_questions_for(self)
        if self.is_complete() and self._shown and self._showable(questions) == self._shown:
            self._show_warnings(questions)  # in place: the button just tapped stays where it is
            return
        self._stale = True
        if self.isVisible() and not len(questions) and self._shown and self._clear_button is not None:
            self._show_cleared()
        elif self.isVisible():
            self.show_route(None)
            self.finish_building()

    def _show_warnings(self, questions: MyQuestions) -> None:
        """Show or hide each card's warning lines, and put them in (or take them out of) the QR codes."""
        for chosen in questions.cards():
            if chosen.card_id in self._warnings:
                self._warnings[chosen.card_id].setVisible(chosen.with_warning)
        codes = self._codes_section(self._summary(questions))
        self.column.replaceWidget(self._codes, codes)
        codes.show()
        self._codes.hide()
        self._codes.deleteLater()
        self._codes = codes
        QTimer.singleShot(0, self, self._make_codes)
