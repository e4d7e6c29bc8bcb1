"""My questions: what the patient chose to ask, card by card, as a QR code to take away and a page to print."""

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.content.summary import Summary, build_summary, qr_parts, warning_lines
from kiosk.ui.printing import PRINTER_PROBLEM, Printing, qr_image
from kiosk.ui.questions import MyQuestions, my_questions_for, service_for, toggle_button
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets import bullet_label, section, text_label, touch_button

NONE_YET = (
    "You have not added any questions yet. On a treatment card, tap “Add to my questions” under each "
    "question you want to ask your doctor."
)
TAKE_IT = "Show this to your doctor. Or point your phone’s camera at the code to keep the questions as text."
NOTHING_LEAVES = "The code holds only the words above. Nothing is sent anywhere."


def summary_of(questions: MyQuestions, content) -> Summary:
    """The summary of the questions chosen in this visit."""
    return build_summary(questions.cards(), content, questions.clinic_name, questions.doctor_guidance)


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
        self.column.addWidget(text_label("My questions", "Heading"))
        if not len(questions):
            self.column.addWidget(text_label(NONE_YET, "Lead"))
            return
        self.column.addWidget(text_label(TAKE_IT, "Lead"))
        summary = summary_of(questions, self.content)
        for chosen in questions.cards():
            if self._has_card(chosen.card_id):
                self.column.addWidget(self._card_section(questions, chosen))
                yield
        self.column.addWidget(self._codes_section(summary))
        yield
        self._add_print(printing, summary)
        clear = touch_button("Clear my questions", "Alert")
        clear.clicked.connect(questions.clear)
        self.column.addWidget(clear)

    def clear(self) -> None:
        super().clear()
        self.print_button = self.print_message = None

    def _services(self) -> tuple[MyQuestions, Printing]:
        """The window's list and printer, listened to from the first build on."""
        questions, printing = my_questions_for(self), printing_for(self)
        if not self._listening:
            self._listening = True
            questions.changed.connect(self._on_questions_changed)
            printing.availability_changed.connect(self._on_printer_found)
            printing.finished.connect(self._on_printed)
        return questions, printing

    def _has_card(self, card_id: str) -> bool:
        try:
            self.content.treatment(card_id)
        except KeyError:
            return False
        return True

    def _card_section(self, questions: MyQuestions, chosen) -> QWidget:
        card = self.content.treatment(chosen.card_id)
        rows: list[QWidget] = [bullet_label(question) for question in chosen.questions]
        label = "Add when to get help now" if getattr(card, "get_help_now", "") else "Add who must not use it"
        toggle = toggle_button(label, warning_lines(card), chosen.with_warning)
        toggle.toggled.connect(lambda on, card_id=chosen.card_id: questions.include_warning(card_id, on))
        rows.append(toggle)
        if chosen.with_warning:
            rows.append(text_label(warning_lines(card)))
        return section(card.name, *rows)

    def _codes_section(self, summary: Summary) -> QWidget:
        parts = qr_parts(summary.text())
        widgets: list[QWidget] = []
        if len(parts) > 1:
            widgets.append(
                text_label(f"Your questions are too many for one code: scan all {len(parts)} codes, in order.", "Body")
            )
        for number, part in enumerate(parts, start=1):
            picture = QLabel()
            picture.setObjectName("QrCode")
            picture.setPixmap(QPixmap.fromImage(qr_image(part)))
            picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
            name = "QR code of my questions" + (f", {number} of {len(parts)}" if len(parts) > 1 else "")
            picture.setAccessibleName(name)
            picture.setProperty("qr_text", part)
            if len(parts) > 1:
                widgets.append(text_label(f"Code {number} of {len(parts)}", "SectionTitle"))
            widgets.append(picture)
        widgets.append(text_label(NOTHING_LEAVES, "Small"))
        return section("Take it with you", *widgets)

    def _add_print(self, printing: Printing, summary: Summary) -> None:
        self.print_button = touch_button("Print my questions", "Secondary")
        self.print_button.setVisible(printing.available)
        self.print_button.clicked.connect(lambda: self._print(printing, summary))
        self.print_message = text_label("", "Lead")
        self.print_message.hide()
        printing.look_for_printer()
        self.column.addWidget(self.print_button)
        self.column.addWidget(self.print_message)

    def _print(self, printing: Printing, summary: Summary) -> None:
        self._show_print_message("Printing…")
        printing.print_summary(summary)

    def _on_printer_found(self, available: bool) -> None:
        if self.print_button is not None and self.is_complete():
            self.print_button.setVisible(available)

    def _on_printed(self, message: str) -> None:
        if self.print_message is not None and self.is_complete():
            self._show_print_message(message)
            if message == PRINTER_PROBLEM:
                self.scroll.ensureWidgetVisible(self.findChild(QLabel, "QrCode"), 0, 40)  # offer the code

    def _show_print_message(self, text: str) -> None:
        self.print_message.setText(text)
        self.print_message.setAccessibleName(text)
        self.print_message.show()

    def _on_questions_changed(self, _count: int) -> None:
        self._stale = True
        if self.isVisible():
            position = self.scroll_position()
            self.show_route(None)
            self.finish_building()
            self.set_scroll_position(position)
