"""The high-contrast look: theme.qss's colours mapped to white and yellow on black, rule by rule.

Made from the one stylesheet, so a rule added there gets its high-contrast colours without a second copy to
keep. Each rule's pair stays a pair: a light panel becomes black with white text, a dark (strong) button or
badge becomes yellow with black text, and a pressed or checked state becomes the opposite of its resting look,
so the change shows by more than a shade. Meaning is never by colour alone: badges carry words and dots,
warnings a title and an icon."""

import re
from functools import cache

from PySide6.QtGui import QColor

from kiosk.resources import ui_file

BLACK, WHITE, YELLOW = "#000000", "#FFFFFF", "#FFFF00"
_RULE = re.compile(r"([^{}]+)\{([^}]*)\}")
_HEX = re.compile(r"#[0-9A-Fa-f]{6}")
_STATES = (":pressed", ":checked", '[on="true"]')
# A focused button, whatever its colours: black, with white words and a thick yellow edge (a button that is
# yellow or white when not focused turns black; a black one gets the yellow edge in place of a thin white one).
FOCUS_COLOURS = "background-color: #000000; color: #FFFFFF; border: 6px solid #FFFF00"


def is_light(colour: str) -> bool:
    """Whether a colour is light (text on it should be dark)."""
    return QColor(colour).lightnessF() > 0.5


def _pair(selector: str, background: str | None) -> tuple[str | None, str]:
    """The high-contrast (background, text) for a rule whose own background is `background` (None: none)."""
    if background is None:
        return None, WHITE
    if "::handle" in selector:
        return WHITE, BLACK  # a scroll bar's handle, to see on the black track
    if any(state in selector for state in _STATES):
        return (YELLOW if is_light(background) else WHITE), BLACK
    return (BLACK, WHITE) if is_light(background) else (YELLOW, BLACK)


def _colour_rule(selector: str, body: str) -> str:
    """Only the colour declarations of one rule, in high contrast ("" if it sets no colour)."""
    if ":focus" in selector and "QPushButton" in selector:
        return f"{selector.strip()} {{ {FOCUS_COLOURS}; }}"
    declarations = [part.strip() for part in body.split(";") if part.strip()]
    background = next(
        (m.group(0) for d in declarations if d.startswith("background-color") for m in [_HEX.search(d)] if m), None
    )
    new_background, text = _pair(selector, background)
    warning = "Warning" in selector or "Alert" in selector
    if warning and text == WHITE:
        text = YELLOW  # warnings stand out in yellow too (their title and icon say what they are)
    edge = BLACK if new_background in (YELLOW, WHITE) and text == BLACK and "pressed" in selector else WHITE
    edge = YELLOW if warning and edge == WHITE else edge
    kept = []
    for declaration in declarations:
        name = declaration.split(":", 1)[0].strip()
        if name == "color" and _HEX.search(declaration):
            kept.append(f"color: {text}")
        elif name == "background-color" and new_background is not None and _HEX.search(declaration):
            kept.append(f"background-color: {new_background}")
        elif name.startswith("border") and _HEX.search(declaration):
            kept.append(_HEX.sub(edge, declaration))
    if new_background is not None and not any(d.startswith("color") for d in kept):
        kept.append(f"color: {text}")  # a state that changes only the background must not leave white on yellow
    if not kept:
        return ""
    return f"{selector.strip()} {{ {'; '.join(kept)}; }}"


def high_contrast_stylesheet(stylesheet: str) -> str:
    """The colour rules of `stylesheet`, mapped to high contrast, under the same selectors."""
    text = re.sub(r"/\*.*?\*/", "", stylesheet, flags=re.DOTALL)
    rules = [_colour_rule(selector, body) for selector, body in _RULE.findall(text)]
    return "\n".join(rule for rule in rules if rule)


@cache
def high_contrast_rules() -> str:
    """The high-contrast colours for the kiosk's stylesheet (made once)."""
    return high_contrast_stylesheet(ui_file("theme.qss").read_text(encoding="utf-8"))
