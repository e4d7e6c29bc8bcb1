"""Small building blocks every screen uses: plain-text labels, touch buttons, sections, evidence badges.

A section or a card button is one widget drawing its own text (kiosk/ui/painted.py) rather than a panel of
labels in nested layouts: each widget costs time to build, style and lay out on a first visit.
"""

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.storage.rows import Evidence
from kiosk.ui.icons import look_icon
from kiosk.ui.painted import BULLET, EVIDENCE_DOTS, Block, PaintedButton, evidence_words, text_panel


def bundled_icon(name: str) -> QIcon:
    """A bundled SVG icon in the look's colours, read once per colour (see kiosk.ui.icons)."""
    return look_icon(name)


def text_label(text: str, role: str = "Body") -> QLabel:
    """A wrapped label showing `text` exactly as written (never as HTML), named for screen readers."""
    label = QLabel()
    label.setObjectName(role)  # first: a screen reader's interface for it (a heading or not) is made at setText
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def bullet_label(text: str) -> QLabel:
    """One entry of a list, with a bullet a reader can see."""
    label = text_label(f"•  {text}", "Bullet")
    label.setAccessibleName(text)
    return label


def by_keys_too(button: QPushButton) -> QPushButton:
    """Reachable by Tab (a keyboard, or a switch that sends Tab) and pressed by Enter as well as Space; a tap
    does not leave it focused, so the focus ring shows only for keys."""
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    button.setAutoDefault(True)  # Enter presses it (outside a dialog Qt only lets Space)
    return button


FRAME_ROLES = {"NavButton"}


class WrappingButton(QPushButton):
    """A button whose words go onto more lines when it is narrower than its text (a long translation, or a title
    staff typed, at the largest text size) rather than making the whole screen wider than the glass."""

    def __init__(self, text: str):
        super().__init__(text)
        self._words = text

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._words = text
        super().setText(text)
        self._wrap(self.width())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """As wide as the words on one line (a button wrapped once would otherwise keep asking for less)."""
        hint = super().sizeHint()
        around = self._room_around_text(hint)
        return QSize(around + self.fontMetrics().horizontalAdvance(self._words), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()  # Qt's own minimum for a push button is its size hint, the words on one line
        metrics = self.fontMetrics()
        longest_word = max((metrics.horizontalAdvance(word) for word in self._words.split()), default=0)
        return QSize(self._room_around_text(hint) + longest_word, hint.height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._wrap(event.size().width())

    def _room_around_text(self, hint: QSize | None = None) -> int:
        """The button's width less its text's: padding, border and icon (`hint`: Qt's size hint, if known)."""
        shown = super().text().split("\n")
        width = (hint or super().sizeHint()).width()
        return width - max(self.fontMetrics().horizontalAdvance(line) for line in shown)

    def _wrap(self, width: int) -> None:
        room, metrics = width - self._room_around_text(), self.fontMetrics()
        lines: list[str] = []
        for word in self._words.split():
            if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= room:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        wrapped = "\n".join(lines) if len(lines) > 1 and metrics.horizontalAdvance(self._words) > room else self._words
        if wrapped != super().text():
            super().setText(wrapped)
            self.updateGeometry()


def touch_button(text: str, role: str = "ListItem", icon: str | None = None) -> QPushButton:
    """A large button for a finger (and keys): plain text (on a screen, wrapped where it must), an accessible name,
    optional SVG icon."""
    # The header's buttons keep their words on one line: the clinic's name beside them wraps first.
    button = by_keys_too(QPushButton(text) if role in FRAME_ROLES else WrappingButton(text))
    button.setObjectName(role)
    button.setAccessibleName(text)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
    if icon:
        button.setIcon(bundled_icon(icon))
        size = 72 if role == "Tile" else 40
        button.setIconSize(QSize(size, size))
    return button


def evidence_badge(evidence: Evidence) -> QLabel:
    """The evidence level in words and dots (colour only repeats what the words say)."""
    text = f"{EVIDENCE_DOTS[evidence.rank]}  {evidence_words(evidence)}"
    badge = text_label(text, "Evidence")
    badge.setWordWrap(False)
    badge.setProperty("evidence", evidence.value)
    badge.setAccessibleName(evidence_words(evidence))
    badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return badge


def _as_block(widget: QWidget) -> Block | None:
    """A plain label made by these helpers, as a block of a one-widget section; None for any other widget."""
    if not isinstance(widget, QLabel) or widget.textFormat() != Qt.TextFormat.PlainText:
        return None
    evidence = widget.property("evidence")
    if evidence is not None:
        return Block(evidence_words(Evidence(evidence)), evidence=Evidence(evidence))
    if widget.objectName() == "Bullet":
        return Block(widget.accessibleName(), mark=BULLET)
    return Block(widget.text(), bold=widget.objectName() == "SectionTitle")


def section(title: str, *widgets: QWidget, role: str = "Section") -> QFrame:
    """A white panel with a title and the widgets under it: one widget drawing it all when they are labels."""
    blocks = [_as_block(widget) for widget in widgets]
    if all(block is not None for block in blocks):
        return text_panel(title, blocks, role)
    panel = QFrame()
    panel.setObjectName(role)
    panel.setAccessibleName(title)  # screen readers get a section holding its title as a heading, not the name
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(28, 20, 28, 24)
    layout.setSpacing(10)
    layout.addWidget(text_label(title, "SectionTitle"))
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)  # beside a taller panel, keep the text at the top
    return panel


def add_to_section(panel: QFrame, widget: QWidget) -> None:
    """Add `widget` at the end of a section made by `section` from widgets other than plain labels."""
    layout = panel.layout()
    layout.insertWidget(layout.count() - 1, widget)  # above the stretch
    show_added(widget)
    has_grown(panel)


def show_added(widget: QWidget) -> None:
    """Show `widget`, just added to a container on show, now rather than at Qt's next turn: hidden, it takes no
    room, so a screen building its first view would not see it fill the view, and would build every card of a
    long list before the first frame."""
    if widget.parentWidget().isVisible() and not widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide):
        widget.show()


def has_grown(widget: QWidget | None) -> None:
    """Tell every layout around `widget` at once that it needs more room (Qt would only tell the one it is in,
    and the rest at the next turn of the event loop)."""
    while widget is not None:
        widget.updateGeometry()
        widget = widget.parentWidget()


def text_section(title: str, text: str) -> QFrame:
    """A section holding one block of text."""
    return text_panel(title, [Block(text)])


def list_section(title: str, entries: tuple[str, ...], role: str = "Section") -> QFrame:
    """A section holding a bulleted list."""
    return text_panel(title, [Block(entry, mark=BULLET) for entry in entries], role)


def numbered_section(title: str, steps: tuple[str, ...], role: str = "Section") -> QFrame:
    """A section holding steps in order, numbered (the number is read out too)."""
    return text_panel(title, [Block(step, mark=f"{number}.") for number, step in enumerate(steps, start=1)], role)


class CardButton(PaintedButton):
    """A large button holding wrapped text: a title, an optional evidence badge, and a line of detail."""

    def __init__(
        self,
        title: str,
        detail: str = "",
        evidence: Evidence | None = None,
        accessible_name: str = "",
        icon: str | None = None,
        role: str = "CardButton",
    ):
        blocks = [Block(title, scale=(34 if role == "CauseTile" else 28) / 24, bold=True, gap=0)]
        if evidence is not None:
            blocks.append(Block(evidence_words(evidence), evidence=evidence, gap=8))
        if detail:
            blocks.append(Block(detail, scale=22 / 24, gap=8))
        super().__init__(blocks, bundled_icon(icon) if icon else None)
        self.setObjectName(role)
        by_keys_too(self)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(accessible_name or title)
        if detail:
            self.setAccessibleDescription(detail)


class ResponsiveColumns(QWidget):
    """Lays its widgets out in two columns when there is room, one column when there is not.

    The default threshold is clear of a portrait 1080-pixel screen (a 1,016-pixel column, 1,000 once the
    scroll bar shows), so that a screen there does not jump from two columns to one as it grows long enough
    to scroll."""

    def __init__(self, widgets: list[QWidget], two_columns_from: int = 1100):
        super().__init__()
        self.setObjectName("ScreenColumn")
        self._widgets = list(widgets)
        self._threshold = two_columns_from
        self._columns = 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(20)
        self._arrange(1)

    def column_count(self) -> int:
        """How many columns the widgets are in now."""
        return self._columns

    def add(self, widget: QWidget) -> None:
        """One more widget, after the others."""
        self._widgets.append(widget)
        index = len(self._widgets) - 1
        self._grid.addWidget(widget, index // self._columns, index % self._columns)
        show_added(widget)
        has_grown(self)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit(event.size().width())

    def fit(self, width: int) -> None:
        """One column or two for `width` (a hidden widget hears of its size only once it shows: a screen built
        hidden asks before, so that it measures its first view as it will show)."""
        wanted = 2 if width >= self._threshold else 1
        if wanted != self._columns:
            self._arrange(wanted)

    def _arrange(self, columns: int) -> None:
        self._columns = columns
        for widget in self._widgets:
            self._grid.removeWidget(widget)
        for index, widget in enumerate(self._widgets):
            self._grid.addWidget(widget, index // columns, index % columns)
        for column in range(2):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)


def styled_bar(name: str, margins: tuple[int, int, int, int], spacing: int) -> tuple[QWidget, QHBoxLayout]:
    """A full-width strip painted by the stylesheet rule for `name` (a header, a footer), and its row."""
    bar = QWidget()
    bar.setObjectName(name)
    bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
    row = QHBoxLayout(bar)
    row.setContentsMargins(*margins)
    row.setSpacing(spacing)
    return bar, row
