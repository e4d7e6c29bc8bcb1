"""Larger text for patients who need it: the one stylesheet, with every font size scaled."""

import re

from PySide6.QtWidgets import QApplication

from kiosk.resources import ui_file

LARGE = 1.3
_FONT_SIZE = re.compile(r"font-size:\s*(\d+)px")


def scaled_stylesheet(stylesheet: str, factor: float) -> str:
    """`stylesheet` with every `font-size: Npx` multiplied by `factor`."""
    return _FONT_SIZE.sub(lambda match: f"font-size: {round(int(match.group(1)) * factor)}px", stylesheet)


def apply_text_size(large: bool) -> None:
    """Set the application's text to normal or large size."""
    app = QApplication.instance()
    if bool(app.property("kiosk_large_text")) == large:
        return
    stylesheet = ui_file("theme.qss").read_text(encoding="utf-8")
    app.setStyleSheet(scaled_stylesheet(stylesheet, LARGE) if large else stylesheet)
    app.setProperty("kiosk_large_text", large)
