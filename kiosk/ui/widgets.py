"""Small building blocks every screen uses: plain-text labels, touch buttons, sections, evidence badges."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.resources import icon_path
from kiosk.storage.rows import Evidence

EVIDENCE_DOTS = {3: "●●●●", 2: "●●●○", 1: "●●○○", 0: "●○○○"}


def text_label(text: str, role: str = "Body") -> QLabel:
    """A wrapped label showing `text` exactly as written (never as HTML), named for screen readers."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    label.setObjectName(role)
    label.setAccessibleName(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def bullet_label(text: str) -> QLabel:
    """One entry of a list, with a bullet a reader can see."""
    label = text_label(f"•  {text}", "Bullet")
    label.setAccessibleName(text)
    return label


def touch_button(text: str, role: str = "ListItem", icon: str | None = None) -> QPushButton:
    """A large button for a finger: plain text, an accessible name, no focus ring, optional SVG icon."""
    button = QPushButton(text)
    button.setObjectName(role)
    button.setAccessibleName(text)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
    if icon:
        button.setIcon(QIcon(str(icon_path(icon))))
        size = 72 if role == "Tile" else 40
        button.setIconSize(QSize(size, size))
    return button


def evidence_badge(evidence: Evidence) -> QLabel:
    """The evidence level in words and dots (colour only repeats what the words say)."""
    text = f"{EVIDENCE_DOTS[evidence.rank]}  {evidence.label} evidence"
    badge = text_label(text, "Evidence")
    badge.setWordWrap(False)
    badge.setProperty("evidence", evidence.value)
    badge.setAccessibleName(f"{evidence.label} evidence")
    badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return badge


def section(title: str, *widgets: QWidget, role: str = "Section") -> QFrame:
    """A white panel with a title and the widgets under it."""
    panel = QFrame()
    panel.setObjectName(role)
    panel.setAccessibleName(title)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(28, 20, 28, 24)
    layout.setSpacing(10)
    layout.addWidget(text_label(title, "SectionTitle"))
    for widget in widgets:
        layout.addWidget(widget)
    return panel


def text_section(title: str, text: str) -> QFrame:
    """A section holding one block of text."""
    return section(title, text_label(text))


def list_section(title: str, entries: tuple[str, ...], role: str = "Section") -> QFrame:
    """A section holding a bulleted list."""
    return section(title, *(bullet_label(entry) for entry in entries), role=role)
