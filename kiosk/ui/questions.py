"""My questions: the questions a patient picks on the cards, held by the window for the whole visit."""

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QPushButton, QSizePolicy, QWidget

from kiosk.content.summary import ChosenCard, QuestionPicks, SummaryWords
from kiosk.storage.rows import Treatment
from kiosk.ui.translation import translate
from kiosk.ui.widgets import bullet_label, by_keys_too, section

ADD_LABEL = QT_TRANSLATE_NOOP("MyQuestions", "Add to my questions")
CHOSEN_MARK = "✓  "
T = TypeVar("T")


class MyQuestions(QObject):
    """The questions chosen in this visit. Screens ask for it with `my_questions_for(widget)`."""

    changed = Signal(int)  # how many questions are chosen now

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._picks = QuestionPicks()
        self.clinic_name = ""
        self.doctor_guidance = ""

    def __len__(self) -> int:
        return len(self._picks)

    def is_chosen(self, card_id: str, question: str) -> bool:
        """Whether this question is on the list."""
        return self._picks.is_chosen(card_id, question)

    def choose(self, card_id: str, question: str, chosen: bool) -> None:
        """Add or remove one question."""
        if self._picks.choose(card_id, question, chosen):
            self.changed.emit(len(self))

    def has_warning(self, card_id: str) -> bool:
        """Whether the card's warning lines go into the summary."""
        return self._picks.has_warning(card_id)

    def include_warning(self, card_id: str, included: bool) -> None:
        """Add or remove a chosen card's warning lines."""
        if self._picks.include_warning(card_id, included):
            self.changed.emit(len(self))

    def clear(self) -> None:
        """Forget every choice (the Clear button, and the idle reset for the next patient)."""
        if self._picks.clear():
            self.changed.emit(0)

    def cards(self) -> tuple[ChosenCard, ...]:
        """The choices, card by card."""
        return self._picks.cards()


def summary_words() -> SummaryWords:
    """The words of the summary (the QR codes and the printout) in the interface language."""
    return SummaryWords(
        heading=translate("Summary", "My questions for the doctor"),
        heading_at_clinic=translate("Summary", "My questions for the doctor (%1)"),
        get_help=translate("Summary", "Get help now if:"),
        part=translate("Summary", "Part %1 of %2"),
        kiosk_title=translate("Frame", "Hair loss: know your options"),
        scan=translate("Summary", "Scan with your phone to keep these questions:"),
    )


def in_language(question: str, english: Treatment, card: Treatment) -> str:
    """A question kept by its English words, as `card` (the same card in the language on show) words it."""
    if question in english.questions and len(english.questions) == len(card.questions):
        return card.questions[english.questions.index(question)]
    return question


def service_for(widget: QWidget, name: str, make: Callable[[QWidget], T]) -> T:
    """The service called `name` held by the window `widget` is in; one of its own, made by `make`, where
    there is none (a screen in a staff preview)."""
    holder = widget
    while holder is not None:
        if hasattr(holder, name):
            return getattr(holder, name)
        holder = holder.parentWidget()
    setattr(widget, name, make(widget))
    return getattr(widget, name)


def my_questions_for(widget: QWidget) -> MyQuestions:
    """The visit's list of questions."""
    return service_for(widget, "my_questions", MyQuestions)


def questions_section(screen: QWidget, card: Treatment, english: Treatment | None = None) -> QFrame:
    """A card's questions for the doctor, each with its "Add to my questions" toggle. The list keeps a question
    by its English words (`english`: the card in English), so that it stays chosen in every language."""
    questions = my_questions_for(screen)
    keys = english.questions if english is not None and len(english.questions) == len(card.questions) else ()
    rows: list[QWidget] = []
    for index, question in enumerate(card.questions):
        key = keys[index] if keys else question
        rows += [bullet_label(question), QuestionToggle(questions, card.id, key, question)]
    return section(translate("MyQuestions", "Questions to ask your doctor"), *rows)


def toggle_button(label: str, description: str, chosen: bool) -> QPushButton:
    """A new large on/off button (see make_toggle)."""
    return make_toggle(QPushButton(), label, description, chosen)


def make_toggle(button: QPushButton, label: str, description: str, chosen: bool) -> QPushButton:
    """A large on/off button whose accessible name stays `label`; its state is read out as checked or not."""
    button.setText(label)
    button.setObjectName("Choice")
    button.setAccessibleName(label)
    by_keys_too(button)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    button.setCheckable(True)
    button.setAccessibleDescription(description)
    button.toggled.connect(lambda on: button.setText(CHOSEN_MARK + label if on else label))
    button.setChecked(chosen)
    return button


class QuestionToggle(QPushButton):
    """The "Add to my questions" toggle for one question, kept in step with the list (other screens change it too)."""

    def __init__(self, questions: MyQuestions, card_id: str, question: str, shown: str | None = None):
        super().__init__()
        chosen = questions.is_chosen(card_id, question)
        make_toggle(self, translate("MyQuestions", ADD_LABEL), shown or question, chosen)
        self._questions, self._card_id, self._question = questions, card_id, question
        self.toggled.connect(self._on_toggled)
        questions.changed.connect(self.follow)  # a method of a QObject: Qt disconnects it when the button goes

    def _on_toggled(self, on: bool) -> None:
        self._questions.choose(self._card_id, self._question, on)

    def follow(self, _count: int = 0) -> None:
        """Show the question as chosen or not, as the list has it now."""
        chosen = self._questions.is_chosen(self._card_id, self._question)
        if self.isChecked() != chosen:
            self.setChecked(chosen)
