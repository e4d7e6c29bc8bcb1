"""The bundled SVG icons in the look's colours: as drawn (teal) normally, white in high contrast.

In high contrast a light control turns black with white text (kiosk.ui.contrast); a teal icon on black would
fall far below 7:1, so there the icons are drawn from their SVG text with its colours replaced by white."""

import re
from functools import cache

from PySide6.QtGui import QIcon

from kiosk.resources import icon_names, icon_path

HIGH_CONTRAST_COLOUR = "#FFFFFF"
DRAWN_PIXELS = 144  # drawn once this large: buttons show icons at 40 to 72 px (sharp on a 2x screen too)
_COLOUR = re.compile(r'\b(stroke|fill)="#[0-9A-Fa-f]{6}"')
_colour_in_use: list[str] = []  # empty: as drawn


@cache
def _icon(name: str, colour: str | None) -> QIcon:
    """An icon read once per colour (Qt keeps the pictures it draws from it for each size)."""
    if colour is None:
        return QIcon(str(icon_path(name)))
    # Only for high contrast: nothing more to load on the usual start.
    from PySide6.QtCore import QByteArray, QRectF, Qt
    from PySide6.QtGui import QPainter, QPixmap
    from PySide6.QtSvg import QSvgRenderer

    svg = _COLOUR.sub(lambda match: f'{match.group(1)}="{colour}"', icon_path(name).read_text(encoding="utf-8"))
    pixmap = QPixmap(DRAWN_PIXELS, DRAWN_PIXELS)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    QSvgRenderer(QByteArray(svg.encode("utf-8"))).render(painter, QRectF(pixmap.rect()))
    painter.end()
    return QIcon(pixmap)


def look_icon(name: str) -> QIcon:
    """The bundled icon `name` in the colours of the look in use."""
    return _icon(name, _colour_in_use[0] if _colour_in_use else None)


def use_high_contrast_icons(high: bool) -> None:
    """Draw icons made from now on white (high contrast) or as drawn."""
    _colour_in_use[:] = [HIGH_CONTRAST_COLOUR] if high else []


def prepare_high_contrast_icons() -> None:
    """Draw every icon for high contrast now (a moment after the start, before a patient is there): the first tap
    on High contrast drew a dozen from their SVG text while the patient waited, 8 ms on top of the tap."""
    for name in icon_names():
        _icon(name, HIGH_CONTRAST_COLOUR)
