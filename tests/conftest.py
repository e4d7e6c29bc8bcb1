"""Fixtures that build the real kiosk window on a temporary database, and a patient who uses it."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KIOSK_SPEECH_ENGINE", "mock")  # Qt's silent test engine: tests hear what would be said

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt  # noqa: E402
from PySide6.QtGui import QAccessible  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QScrollArea  # noqa: E402

from kiosk.app import build_window  # noqa: E402
from kiosk.ui.translation import use_language  # noqa: E402


@pytest.fixture
def db_path(tmp_path):
    """A database file that does not exist yet."""
    return tmp_path / "kiosk.db"


@pytest.fixture
def window(qtbot, db_path):
    """The real kiosk window at 1920×1080 on a fresh database."""
    kiosk = build_window(db_path)
    qtbot.addWidget(kiosk)
    kiosk.resize(1920, 1080)
    qtbot.waitExposed(kiosk)
    yield kiosk
    kiosk.locked = False
    kiosk.close()
    kiosk.library.close()
    kiosk.deleteLater()
    use_language("en")  # the interface translation belongs to the application: the next test starts in English
    # Outside a running event loop Qt would keep every old window (thousands of widgets) until the end.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def wait_until_complete(qtbot, window) -> None:
    """Wait until the screen on show (in the kiosk window or a staff preview) has been built below the first
    view, and its last part shown."""
    qtbot.waitUntil(lambda: window.current_screen().is_complete(), timeout=2000)
    QCoreApplication.sendPostedEvents()  # Qt shows widgets added to a visible screen at its next turn


def read_screen(widget) -> list[str]:
    """What a screen reader finds on screen: the accessible names of every visible element, a line at a time
    (a section is one element whose name is its title and text, one per line)."""
    names: list[str] = []

    def walk(interface):
        if interface is None or not interface.isValid():
            return
        if interface.state().invisible:
            return
        name = interface.text(QAccessible.Text.Name)
        if name:
            names.extend(line for line in name.split("\n") if line)
        for index in range(interface.childCount()):
            walk(interface.child(index))

    walk(QAccessible.queryAccessibleInterface(widget))
    return names


class Patient:
    """Someone standing at the kiosk: reads what is on screen and taps buttons by what they say."""

    def __init__(self, qtbot, window):
        self.qtbot = qtbot
        self.window = window

    def reads(self) -> list[str]:
        """Everything on the screen once it is complete (the part below the first view comes a moment later),
        as a screen reader would say it."""
        wait_until_complete(self.qtbot, self.window)
        return read_screen(self.window)

    def sees(self, text: str) -> bool:
        """Whether some visible element says `text` (or contains it)."""
        return any(text in name for name in self.reads())

    def visible_buttons(self) -> list[QAbstractButton]:
        """Every button a finger could reach now (scrolling if needed)."""
        return [b for b in self.window.findChildren(QAbstractButton) if b.isVisibleTo(self.window)]

    def button(self, name: str) -> QAbstractButton:
        """The visible button whose accessible name is, or starts with, `name` (waiting for it to appear)."""

        def matching():
            buttons = self.visible_buttons()
            exact = [b for b in buttons if b.accessibleName() == name]
            return exact or [b for b in buttons if b.accessibleName().startswith(name)]

        try:
            self.qtbot.waitUntil(lambda: bool(matching()), timeout=2000)
        except Exception:
            names = [b.accessibleName() for b in self.visible_buttons()]
            raise AssertionError(f"no button '{name}' on screen; buttons: {names}") from None
        matches = matching()
        different = {b.accessibleName() for b in matches}
        assert len(different) == 1, f"'{name}' could mean any of {sorted(different)}"
        return matches[0]  # the same button may stand twice (a card linked from two causes): take the first

    def tap(self, name: str) -> None:
        """Scroll the button into view, then tap it with a finger-sized press and release."""
        button = self.button(name)
        scroll_area = _scroll_area_of(button)
        if scroll_area is not None:
            scroll_area.ensureWidgetVisible(button, 0, 0)
        before = self.window.navigator.current
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(button.width() // 2, button.height() // 2))
        self.qtbot.waitUntil(lambda: self.window.navigator.current != before or not button.isVisible(), timeout=2000)


def _scroll_area_of(widget):
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


@pytest.fixture
def patient(qtbot, window):
    """A patient at the real kiosk window."""
    return Patient(qtbot, window)


@pytest.fixture
def usb_stick(tmp_path):
    """A mounted USB stick folder, as /media/<user>/<label> would be."""
    stick = tmp_path / "media" / "staff" / "CLINIC"
    stick.mkdir(parents=True)
    return stick


@pytest.fixture
def staff(qtbot, window, tmp_path):
    """A staff member who has unlocked the staff area; its file pickers see only this test's folders."""
    from staff_helpers import Staff

    from kiosk.admin.staff.places import Places

    member = Staff(qtbot, window)
    member.unlock()
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    member.area.places = Places(mount_roots=(tmp_path / "media",), home=home)
    return member
