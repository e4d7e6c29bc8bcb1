"""A long press that a patient will not make by chance: the hidden way into the staff area."""

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

STAFF_PRESS_MS = 3000


class LongPress(QObject):
    """Emits `held` when `widget` is pressed and held, without letting go, for `milliseconds`."""

    held = Signal()

    def __init__(self, widget: QWidget, milliseconds: int = STAFF_PRESS_MS):
        super().__init__(widget)
        self._timer = QTimer(self, singleShot=True, interval=milliseconds)
        self._timer.timeout.connect(self.held)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self._timer.start()
        elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.Leave, QEvent.Type.Hide):
            self._timer.stop()
        return False
