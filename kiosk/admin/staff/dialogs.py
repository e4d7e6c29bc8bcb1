"""Panels that cover the staff area: a question with two big answers, and "please wait" with a progress bar.

They live inside the window (no separate dialog windows), so they are as large as everything else and stay
inside kiosk mode.
"""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from kiosk.ui.widgets import text_label, touch_button


class Cover(QWidget):
    """A dimmed layer over its parent with one white panel in the middle."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("StaffCover")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.panel = QFrame()
        self.panel.setObjectName("StaffPanel")
        self.panel.setMaximumWidth(1000)
        self.panel.setMinimumWidth(min(760, parent.width() - 40) if parent.width() > 100 else 600)
        self.inner = QVBoxLayout(self.panel)
        self.inner.setContentsMargins(48, 40, 48, 40)
        self.inner.setSpacing(24)
        layout.addWidget(self.panel)
        self.hide()

    def cover(self) -> None:
        """Fill the parent and come to the front."""
        self.setGeometry(self.parentWidget().rect())
        self.panel.setMinimumWidth(min(760, self.width() - 40))
        self.raise_()
        self.show()


class ConfirmPanel(Cover):
    """Asks one question; the staff member answers with one of two large buttons."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.question = text_label("", "PanelTitle")
        self.detail = text_label("", "PanelText")
        self.inner.addWidget(self.question)
        self.inner.addWidget(self.detail)
        row = QHBoxLayout()
        row.setSpacing(24)
        self.no_button = touch_button("Cancel", "Secondary")
        self.yes_button = touch_button("OK", "Primary")
        self.no_button.clicked.connect(self.hide)
        self.yes_button.clicked.connect(self._yes)
        row.addWidget(self.no_button)
        row.addWidget(self.yes_button)
        self.inner.addLayout(row)
        self._on_yes: Callable[[], None] = lambda: None

    def ask(self, question: str, detail: str, yes_text: str, on_yes: Callable[[], None], no_text: str = "Cancel"):
        """Show the question; `on_yes` runs only if staff tap `yes_text`."""
        for label, text in ((self.question, question), (self.detail, detail)):
            label.setText(text)
            label.setAccessibleName(text)
            label.setVisible(bool(text))
        for button, text in ((self.yes_button, yes_text), (self.no_button, no_text)):
            button.setText(text)
            button.setAccessibleName(text)
        self._on_yes = on_yes
        self.cover()

    def _yes(self) -> None:
        self.hide()
        self._on_yes()


class ProgressPanel(Cover):
    """Shows "please wait" while an operation runs; it also keeps taps away from the pages underneath."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.label = text_label("", "PanelTitle")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # the operations cannot say how far along they are: a busy bar
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName("Working")
        self.bar.setMinimumHeight(40)
        note = text_label("Please wait. Keep any USB stick in until this is done.", "PanelText")
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.inner.addWidget(self.label)
        self.inner.addWidget(self.bar)
        self.inner.addWidget(note)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def start(self, text: str) -> None:
        """Show `text` (like "Publishing…") with the busy bar."""
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.cover()
        self.setFocus()

    def stop(self) -> None:
        """The operation ended."""
        self.hide()
