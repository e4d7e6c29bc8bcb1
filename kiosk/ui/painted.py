"""Text drawn straight onto one widget: a section's title and text, or a card button's title, badge and detail.

Each widget costs time on a first visit (made, styled, laid out, painted) and memory while it lives; a panel
of labels in nested layouts cost about 1.6 ms per section, one widget drawing its own text about a third of
that. The text is drawn as plain text, never as HTML: staff-typed `<b>` shows as `<b>`."""

import sys
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.storage.rows import Evidence

EVIDENCE_DOTS = {3: "●●●●", 2: "●●●○", 1: "●●○○", 0: "○○○○"}  # Not proven: no filled dot
# The badge colours, as in theme.qss (white text on each, at least 7:1): the words say the level, colour repeats it.
EVIDENCE_COLOURS = {"strong": "#1B5E20", "moderate": "#0D47A1", "limited": "#6B3A00", "not_proven": "#8E1B1B"}
BADGE_PADDING = (14, 6)
BULLET = "•"
WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


@dataclass(frozen=True)
class Block:
    """One piece of text: its size as a share of the widget's font, bold or not, and the gap above it."""

    text: str
    scale: float = 1.0
    bold: bool = False
    gap: int = 10
    evidence: Evidence | None = None  # drawn as a badge: the level in dots and words, on its colour
    mark: str = ""  # a bullet or a step number, drawn left of the text, which wraps clear of it

    @property
    def said(self) -> str:
        """The line as a screen reader says it: a step's number is read out, a bullet is not."""
        return f"{self.mark}  {self.text}" if self.mark and self.mark != BULLET else self.text


EVIDENCE_WORDS = {
    Evidence.STRONG: QT_TRANSLATE_NOOP("Evidence", "Strong evidence"),
    Evidence.MODERATE: QT_TRANSLATE_NOOP("Evidence", "Moderate evidence"),
    Evidence.LIMITED: QT_TRANSLATE_NOOP("Evidence", "Limited evidence"),
    Evidence.NOT_PROVEN: QT_TRANSLATE_NOOP("Evidence", "Not proven"),
}


def evidence_words(evidence: Evidence) -> str:
    """The level as a patient reads it on a badge ("Strong evidence" … "Not proven"), in the interface language
    (asked for each time a badge is measured: only its own words are translated)."""
    return QCoreApplication.translate("Evidence", EVIDENCE_WORDS[evidence])


def badge_text(evidence: Evidence) -> str:
    """The evidence level in dots and words."""
    return f"{EVIDENCE_DOTS[evidence.rank]}  {evidence_words(evidence)}"


def badge_lines(evidence: Evidence, metrics: QFontMetrics, width: int) -> str:
    """The badge's text as drawn within `width`: dots and words on one line, or on two where one is too wide."""
    across = 2 * BADGE_PADDING[0]
    if metrics.horizontalAdvance(badge_text(evidence)) + across <= width:
        return badge_text(evidence)
    return f"{EVIDENCE_DOTS[evidence.rank]}\n{evidence_words(evidence)}"


_METRICS: dict[str, QFontMetrics] = {}
_WRAPPED: dict[tuple[str, int, str], tuple[int, int]] = {}  # (font, width, text): (width, height); places come back
MEASURED_TEXTS = 4000  # about a day's worth of places at a few widths: forgotten all at once beyond that


def font_metrics(font: QFont, key: str | None = None) -> QFontMetrics:
    """The metrics of `font` (whose `font.key()` may be given), made once per font."""
    key = key or font.key()
    metrics = _METRICS.get(key)
    if metrics is None:
        metrics = _METRICS[key] = QFontMetrics(font)
    return metrics


def wrapped_size(font: QFont, width: int, text: str, key: str | None = None) -> tuple[int, int]:
    """(width, height) of `text` wrapped within `width` in `font` (whose interned `font.key()` may be given: one
    string for every entry of a font), measured once (text layout is the dearest part)."""
    key = key or font.key()
    size = _WRAPPED.get((key, width, text))
    if size is None:
        if len(_WRAPPED) >= MEASURED_TEXTS:
            _WRAPPED.clear()
        bounds = font_metrics(font, key).boundingRect(QRect(0, 0, width, 1 << 20), WRAP, text)
        size = _WRAPPED[(key, width, text)] = (bounds.width(), bounds.height())  # a Qt value object weighs 3 times more
    return size


class Blocks:
    """Lays out and draws blocks of text within a width, in the font a widget has now (its look)."""

    def __init__(self, blocks: list[Block]):
        self.blocks = blocks
        self._fonts: tuple[int, list[QFont], list[str]] = (0, [], [])  # (base px, a font per block, their keys)
        self._rects: dict[int, list[QRect]] = {}  # by width, for the base px of the fonts

    def fonts(self, base: QFont) -> list[QFont]:
        """A font per block, for the widget's font now (made once per size: layouts ask many times)."""
        if self._fonts[0] != base.pixelSize():
            fonts = []
            for block in self.blocks:
                font = QFont(base)
                if block.scale != 1.0:
                    font.setPixelSize(round(base.pixelSize() * block.scale))
                font.setBold(block.bold or block.evidence is not None)
                fonts.append(font)
            self._fonts, self._rects = (base.pixelSize(), fonts, [sys.intern(font.key()) for font in fonts]), {}
        return self._fonts[1]

    def rects(self, base: QFont, width: int) -> list[QRect]:
        """Where each block goes, from the top left, at `width` (measured once per font size and width)."""
        fonts = self.fonts(base)
        if width not in self._rects:
            if len(self._rects) > 4:
                self._rects.clear()
            rects, top = [], 0
            keys = self._fonts[2]
            for index, (block, font, key) in enumerate(zip(self.blocks, fonts, keys, strict=True)):
                top += block.gap if index else 0
                metrics = font_metrics(font, key)
                indent = metrics.horizontalAdvance(block.mark + "  ") if block.mark else 0
                if block.evidence is not None:
                    across, down = BADGE_PADDING
                    lines = badge_lines(block.evidence, metrics, width - indent).split("\n")
                    size = (max(metrics.horizontalAdvance(line) for line in lines) + 2 * across,
                            metrics.height() * len(lines) + 2 * down)  # fmt: skip
                else:
                    size = wrapped_size(font, max(width - indent, 1), block.text, key)
                rects.append(QRect(indent, top, min(size[0], width - indent), size[1]))
                top += size[1]
            self._rects[width] = rects
        return self._rects[width]

    def height(self, base: QFont, width: int) -> int:
        """The height of every block at `width`."""
        rects = self.rects(base, width)
        return rects[-1].bottom() + 1 if rects else 0

    def paint(self, painter: QPainter, base: QFont, area: QRect, colour: QColor) -> None:
        """Draw the blocks into `area`."""
        rects = self.rects(base, area.width())
        for block, font, rect in zip(self.blocks, self.fonts(base), rects, strict=True):
            rect = rect.translated(area.topLeft())
            painter.setFont(font)
            if block.evidence is not None:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(EVIDENCE_COLOURS[block.evidence.value]))
                painter.drawRoundedRect(rect, 10, 10)
                painter.setPen(QColor("#FFFFFF"))
                lines = badge_lines(block.evidence, font_metrics(font), rect.width())
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, lines)
            else:
                painter.setPen(colour)
                painter.drawText(rect.adjusted(0, 0, 0, 1), WRAP, block.text)
                if block.mark:
                    painter.drawText(QRect(area.left(), rect.top(), rect.left() - area.left(), rect.height()),
                                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, block.mark)  # fmt: skip


def _height_for_width_policy(widget: QWidget, horizontal: QSizePolicy.Policy) -> None:
    policy = QSizePolicy(horizontal, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    widget.setSizePolicy(policy)


class TextPanel(QLabel):
    """A section as one widget: a title over blocks of text, on a panel the stylesheet paints (role Section or
    Warning). A label to screen readers and to Qt, whose text is every line of it; it draws the text itself."""

    MARGINS = (28, 18, 28, 22)  # inside the border

    def __init__(self, title: str, blocks: list[Block], role: str = "Section"):
        super().__init__()
        self.setWordWrap(True)  # else QLabel drops the height-for-width policy whenever its text or font changes
        _height_for_width_policy(self, QSizePolicy.Policy.Preferred)
        self.fill(title, blocks, role)

    def fill(self, title: str, blocks: list[Block], role: str = "Section") -> None:
        """Show this title and these blocks (a panel emptied from a screen is filled again for the next place)."""
        if role != self.objectName():
            self.setObjectName(role)
            if self.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
                self.style().unpolish(self)  # the stylesheet's rule for the new role (Section or Warning)
                self.style().polish(self)
        self.blocks = Blocks([Block(title, scale=28 / 24, bold=True, gap=0), *blocks])
        text = "\n".join(block.said for block in self.blocks.blocks)
        self.setText(text)  # plain text, never shown by QLabel itself
        self.setAccessibleName(text)
        self.updateGeometry()

    def parts(self) -> tuple[str, str]:
        """The title and the text under it, as a screen reader says them (kiosk/ui/accessible.py)."""
        title, *rest = self.blocks.blocks
        return title.text, "\n".join(block.said for block in rest)

    def part_rects(self) -> tuple[QRect, QRect]:
        """Where the title and the text under it are drawn, in the panel."""
        left, top, _, _ = self.MARGINS
        offset = QPoint(left + self.frameWidth(), top + self.frameWidth())
        title, *rest = self.blocks.rects(self.font(), self._text_width(self.width()))
        text = QRect()
        for rect in rest:
            text = text.united(rect)
        return title.translated(offset), text.translated(offset)

    def _text_width(self, width: int) -> int:
        left, _, right, _ = self.MARGINS
        return width - left - right - 2 * self.frameWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        _, top, _, bottom = self.MARGINS
        return self.blocks.height(self.font(), self._text_width(width)) + top + bottom + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(600, self.heightForWidth(600))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(200, 0)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        QFrame.paintEvent(self, event)  # the panel: background and border, not QLabel's own text
        left, top, _, _ = self.MARGINS
        frame = self.frameWidth()
        area = QRect(left + frame, top + frame, self._text_width(self.width()), self.height())
        painter = QPainter(self)
        self.blocks.paint(painter, self.font(), area, self.palette().color(self.foregroundRole()))


_spare_panels: list[TextPanel] | None = None  # the panels of the screen being built, emptied for reuse


@contextmanager
def reusing(panels: list[TextPanel]):
    """While building a screen: `text_panel` takes its panels from `panels` (those the screen emptied) first."""
    global _spare_panels
    outer, _spare_panels = _spare_panels, panels
    try:
        yield
    finally:
        _spare_panels = outer


def text_panel(title: str, blocks: list[Block], role: str = "Section") -> TextPanel:
    """A section panel: one the screen being built emptied, filled again, or a new one.

    Qt and PySide6 keep a few dozen bytes for every widget made and deleted (with a stylesheet, in 6.11), so a
    kiosk that made new panels for every place it showed grew all day."""
    if _spare_panels:
        panel = _spare_panels.pop()
        panel.fill(title, blocks, role)
        panel.raise_()  # last among its siblings, as a new panel would be: screen readers and Tab follow that order
        panel.show()  # hidden when its screen was emptied; it shows with the screen
        return panel
    return TextPanel(title, blocks, role)


class PaintedButton(QPushButton):
    """A large button drawing wrapped text itself (a title, a badge, a line of detail) beside an optional icon."""

    MARGINS = (24, 16, 24, 18)
    ICON = QSize(72, 72)
    ICON_GAP = 20

    def __init__(self, blocks: list[Block], icon=None, icon_size: QSize = ICON):
        super().__init__()
        self.blocks = Blocks(blocks)
        self._icon = icon  # a QIcon (an icon, or a drawing), drawn within icon_size
        self._icon_size = icon_size
        _height_for_width_policy(self, QSizePolicy.Policy.Expanding)

    def show_picture(self, icon, size: QSize) -> None:
        """Draw `icon` (a QIcon: an icon or a drawing) within `size`, left of the text."""
        self._icon, self._icon_size = icon, size
        self.updateGeometry()

    def _text_left(self) -> int:
        return self.MARGINS[0] + (self._icon_size.width() + self.ICON_GAP if self._icon is not None else 0)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        _, top, right, bottom = self.MARGINS
        text = self.blocks.height(self.font(), width - self._text_left() - right)
        return max(text, self._icon_size.height() if self._icon is not None else 0) + top + bottom

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(400, self.heightForWidth(400))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(200, 72)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)  # the button: background, border, pressed look
        left, top, right, _ = self.MARGINS
        painter = QPainter(self)
        if self._icon is not None:
            size = self._icon_size
            self._icon.paint(painter, QRect(QPoint(left, (self.height() - size.height()) // 2), size))
        text_left = self._text_left()
        width = self.width() - text_left - right
        height = self.blocks.height(self.font(), width)
        area = QRect(text_left, max(top, (self.height() - height) // 2), width, height)
        self.blocks.paint(painter, self.font(), area, self.palette().color(self.foregroundRole()))
