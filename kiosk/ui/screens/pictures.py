"""'What does it look like?': simple drawings of patterns of hair loss, each leading to the causes worth reading."""

from collections.abc import Iterator
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QSizePolicy

from kiosk.resources import picture_path
from kiosk.storage.rows import PicturePattern
from kiosk.ui.screens.base import Screen
from kiosk.ui.translation import filled, translate
from kiosk.ui.widgets import CardButton, ResponsiveColumns, section, text_label

TITLE = QT_TRANSLATE_NOOP("PicturesScreen", "What does it look like?")
ONLY_A_DOCTOR = QT_TRANSLATE_NOOP(
    "PicturesScreen",
    "A drawing cannot tell you the cause. Only a doctor can tell for sure. "
    "Show your doctor the pattern that looks closest to yours.",
)
THUMBNAIL = QSize(200, 150)  # the drawings are 4:3
DRAWING_HEIGHT = 340


@cache
def thumbnail(picture: str) -> QIcon:
    """A pattern's drawing as an icon for its tile, read once (Qt keeps what it draws from it for each size)."""
    return QIcon(str(picture_path(picture)))


def drawing(pattern: PicturePattern, height: int) -> QSvgWidget:
    """The pattern's SVG drawing at `height` pixels, its shape kept, described for screen readers."""
    widget = QSvgWidget(str(picture_path(pattern.picture)))
    widget.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    size = widget.renderer().defaultSize()
    widget.setFixedSize(round(height * size.width() / max(1, size.height())), height)
    widget.setAccessibleName(filled(translate("PicturesScreen", "Drawing: %1"), pattern.title))
    widget.setAccessibleDescription(pattern.description)
    widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    return widget


class PicturesScreen(Screen):
    """The list of patterns, each with its drawing."""

    title = TITLE

    def build(self, argument: str | None) -> Iterator[None]:
        self.column.addWidget(text_label(translate("PicturesScreen", TITLE), "Heading"))
        self.column.addWidget(
            text_label(translate("PicturesScreen", "Tap the drawing that looks most like your hair loss."), "Lead")
        )
        self.column.addWidget(text_label(translate("PicturesScreen", ONLY_A_DOCTOR)))
        tiles = ResponsiveColumns([], 1100)
        self.column.addWidget(tiles)
        yield
        for pattern in self.content.pictures:
            tile = CardButton(
                pattern.title,
                pattern.caption,
                accessible_name=filled(translate("PicturesScreen", "Pattern: %1"), pattern.title),
            )
            tile.show_picture(thumbnail(pattern.picture), THUMBNAIL)
            tile.clicked.connect(lambda _=False, pattern_id=pattern.id: self.go("picture", pattern_id))
            tiles.add(tile)
            yield


class PictureScreen(Screen):
    """One pattern: a large drawing, what it shows, that only a doctor can tell, and the causes to read."""

    def build(self, argument: str | None) -> Iterator[None]:
        pattern = self.content.picture(argument)
        self.title = pattern.title
        self.column.addWidget(text_label(pattern.title, "Heading"))
        picture = drawing(pattern, DRAWING_HEIGHT)
        picture.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.column.addWidget(picture, 0, Qt.AlignmentFlag.AlignHCenter)
        self.column.addWidget(text_label(pattern.caption, "Lead"))
        self.column.addWidget(
            section(
                translate("PicturesScreen", "Only a doctor can tell for sure"),
                text_label(translate("PicturesScreen", ONLY_A_DOCTOR)),
                role="Warning",
            )
        )
        yield
        buttons = []
        for cause_id in pattern.cause_ids:
            group = self.content.cause_group(cause_id)
            button = CardButton(
                group.title,
                group.summary,
                icon=group.icon,
                accessible_name=filled(translate("PicturesScreen", "Read: %1"), group.title),
            )
            button.clicked.connect(lambda _=False, group_id=group.id: self.go("cause", group_id))
            buttons.append(button)
        self.column.addWidget(
            section(translate("PicturesScreen", "Causes worth reading about"), ResponsiveColumns(buttons, 1100))
        )
        yield
