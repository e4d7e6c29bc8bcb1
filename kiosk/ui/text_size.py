"""Text sizes for patients who need them: every font size in the stylesheet, scaled, for one part of the window.

Only the widgets that show the larger text get it (the screen on show, the header and the guidance bar);
changing the application's stylesheet instead would restyle every widget alive, which takes seconds.
"""

import re
from functools import cache

from PySide6.QtWidgets import QWidget

from kiosk.resources import ui_file

LARGE = 1.3
LARGEST = 1.6
TEXT_SCALES = (1.0, LARGE, LARGEST)  # 100 %, 130 %, 160 %
_RULE = re.compile(r"([^{}]+)\{([^}]*)\}")
_FONT_SIZE = re.compile(r"font-size:\s*(\d+)px")
# Qt keeps letters up to 64 px in its cache of drawn letters; larger ones it draws from their outlines at every
# paint (a heading at 160 %, 70 px, took 1.6 ms of each frame it was in, 0.2 ms at 64). Raising Qt's limit
# made them blank. The largest titles stop growing there: a heading is 44 px, 57 px at 130 %, 64 px at 160 %.
LARGEST_FONT_PX = 64


def scaled_font_rules(stylesheet: str, factor: float) -> str:
    """Only the font sizes of `stylesheet`, each multiplied by `factor` (up to LARGEST_FONT_PX), under the same
    selectors.

    A widget's own stylesheet outranks the application's whatever the selectors, so every rule that sets a
    size is repeated here: between themselves they rank as they do in the application's stylesheet."""
    rules = []
    for selector, body in _RULE.findall(_without_comments(stylesheet)):
        size = _FONT_SIZE.search(body)
        if size:
            pixels = int(size.group(1))
            scaled = max(min(round(pixels * factor), LARGEST_FONT_PX), pixels)
            rules.append(f"{selector.strip()} {{ font-size: {scaled}px; }}")
    return "\n".join(rules)


@cache
def font_rules(factor: float) -> str:
    """The stylesheet that shows a widget's text at `factor` times the normal size ("" for normal)."""
    if factor == 1.0:
        return ""
    return scaled_font_rules(ui_file("theme.qss").read_text(encoding="utf-8"), factor)


def larger_text_rules() -> str:
    """The stylesheet that makes a widget's text larger."""
    return font_rules(LARGE)


def use_text_size(widget: QWidget, large: bool) -> None:
    """Show `widget` and everything in it with normal or larger text."""
    widget.setStyleSheet(font_rules(LARGE if large else 1.0))


def _without_comments(stylesheet: str) -> str:
    return re.sub(r"/\*.*?\*/", "", stylesheet, flags=re.DOTALL)
