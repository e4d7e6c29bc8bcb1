"""Kiosk mode: the keys and gestures that would leave or break the kiosk do nothing."""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

BLOCKED_KEYS = {Qt.Key.Key_Escape, Qt.Key.Key_F11, Qt.Key.Key_F4}
BLOCKED_WITH_CONTROL = {Qt.Key.Key_Q, Qt.Key.Key_W}
BLOCKED_EVENTS = {QEvent.Type.ContextMenu, QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop}
RIGHT_BUTTON_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick}


class Lockdown(QObject):
    """A filter on the kiosk's window: in kiosk mode it swallows exit keys, the right button (which opens
    context menus), context menus and drag-and-drop."""

    def __init__(self, window):
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not self._window.locked:
            return False
        if event.type() in BLOCKED_EVENTS:
            return True
        if event.type() in RIGHT_BUTTON_EVENTS and event.button() != Qt.MouseButton.LeftButton:
            return True
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and self._is_exit_key(event):
            return True
        return False

    @staticmethod
    def _is_exit_key(event: QKeyEvent) -> bool:
        key = Qt.Key(event.key())
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if key in BLOCKED_KEYS:
            return True
        if control and key in BLOCKED_WITH_CONTROL:
            return True
        return event.matches(QKeySequence.StandardKey.Quit) or event.matches(QKeySequence.StandardKey.Close)
