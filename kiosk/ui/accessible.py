"""What a screen reader finds: headings with levels, sections, the idle alert, and only what is on show.

Qt describes widgets to screen readers (Orca, over AT-SPI) through accessibility interfaces, made only when
an assistive technology asks. One factory here gives the kiosk's own widgets the interfaces Qt cannot guess:
a screen title is a heading of level 1 and a section title one of level 2; a painted section (one widget
drawing its title and text) is a section holding a heading and its text; the "Are you still there?" cover
is an alert; and a container lists only the children on show, so the screens kept for Back, and hidden
buttons, are not in the tree. `announce` says a short message without moving focus."""

import shiboken6
from PySide6.QtCore import QObject, QRect, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleAttributesInterface, QAccessibleObject
from PySide6.QtWidgets import QAccessibleWidget, QFrame, QLabel, QMainWindow, QStackedWidget, QWidget

from kiosk.ui.painted import TextPanel

Role = QAccessible.Role
HEADING_LEVELS = {"Heading": 1, "SubHeading": 2}  # a section's title: 2, or 3 below a SubHeading
SECTION_TITLE = "SectionTitle"
SECTION_NAMES = {"Section", "Warning"}  # a panel's object name: a section (its title is its heading)
ALERT_NAMES = {"IdlePanel"}  # a cover that asks the patient something at once
PART_NAMES = ("SectionHeading", "SectionText")  # the two parts of a painted section, as screen readers see them
# Plain containers (and the kiosk's own subclasses of them) list only their children on show.
CONTAINERS = (QStackedWidget, QFrame, QWidget, QMainWindow)


class Announcer(QObject):
    """Sends short messages to screen readers; `said` lets the kiosk (and its tests) hear them too."""

    said = Signal(str)


announcer = Announcer()


def announce(source: QObject, message: str, urgent: bool = False) -> None:
    """Have a screen reader say `message` now (urgent: interrupting what it is saying)."""
    event = QAccessibleAnnouncementEvent(source, message)
    if urgent:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
    announcer.said.emit(message)


NO_INTERFACE = shiboken6.VoidPtr(0)


def _attributes_pointer(interface) -> shiboken6.VoidPtr:
    """The address Qt needs for `interface` seen as its QAccessibleAttributesInterface (its second C++ base)."""
    return shiboken6.VoidPtr(shiboken6.getCppPointer(interface)[1])


class HeadingInterface(QAccessibleWidget, QAccessibleAttributesInterface):
    """A title label as a heading, with its level."""

    __slots__ = ("level",)

    def __init__(self, label: QLabel, level: int):
        QAccessibleWidget.__init__(self, label, Role.Heading)
        QAccessibleAttributesInterface.__init__(self)
        self.level = level

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self.widget().accessibleName() or self.widget().text()
        return super().text(kind)

    def interface_cast(self, kind: QAccessible.InterfaceType):
        if kind == QAccessible.InterfaceType.AttributesInterface:
            return _attributes_pointer(self)
        found = super().interface_cast(kind)
        return NO_INTERFACE if found is None else found  # Qt's None must go back as a null pointer

    def attributeKeys(self) -> list:  # noqa: N802 - Qt's name
        return [QAccessible.Attribute.Level]

    def attributeValue(self, key: QAccessible.Attribute):  # noqa: N802 - Qt's name
        return self.level if key == QAccessible.Attribute.Level else None


class ShownChildren(QAccessibleWidget):
    """A container listing only the children on show (Qt lists hidden ones too, marked invisible). A section
    has no name of its own (the heading inside says it); in an alert, the title that only repeats the alert's
    name is left out."""

    __slots__ = ()

    def __init__(self, widget: QWidget, role: Role):
        super().__init__(widget, role)

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name and self.role() == Role.Section:
            return ""
        return super().text(kind)

    def _shown(self) -> list[QWidget]:
        own = self.widget().accessibleName() if self.role() == Role.AlertMessage else ""
        return [
            child
            for child in self.widget().children()
            if isinstance(child, QWidget) and not child.isWindow() and not child.isHidden()
            and not (own and child.accessibleName() == own)
        ]  # fmt: skip

    def childCount(self) -> int:  # noqa: N802 - Qt's name
        return len(self._shown())

    def child(self, index: int):
        shown = self._shown()
        return QAccessible.queryAccessibleInterface(shown[index]) if 0 <= index < len(shown) else None

    def indexOfChild(self, child) -> int:  # noqa: N802 - Qt's name
        shown = self._shown()
        return shown.index(child.object()) if child is not None and child.object() in shown else -1


class SectionInterface(ShownChildren):
    """A painted section: no name of its own (its heading says it), a heading and its text as children."""

    # PySide keeps every interface a Python factory made until the process ends (about 240 bytes each), so an
    # interface keeps no Python reference to its widget or its parts (those would outlive them), and no __dict__.
    __slots__ = ()

    def __init__(self, panel: TextPanel):
        super().__init__(panel, Role.Section)
        for name in PART_NAMES:  # made only when a reader asks
            QObject(panel, objectName=name)

    def _parts(self) -> list[QObject]:
        return [
            self.widget().findChild(QObject, name, Qt.FindChildOption.FindDirectChildrenOnly) for name in PART_NAMES
        ]

    def text(self, kind: QAccessible.Text) -> str:
        return "" if kind == QAccessible.Text.Name else super().text(kind)

    def childCount(self) -> int:  # noqa: N802 - Qt's name
        return len(PART_NAMES)

    def child(self, index: int):
        return QAccessible.queryAccessibleInterface(self._parts()[index]) if 0 <= index < len(PART_NAMES) else None

    def indexOfChild(self, child) -> int:  # noqa: N802 - Qt's name
        parts = self._parts()
        return parts.index(child.object()) if child is not None and child.object() in parts else -1


class SectionPart(QAccessibleObject, QAccessibleAttributesInterface):
    """A painted section's title (a heading of level 2) or its text, drawn by the section itself."""

    __slots__ = ("is_heading",)

    def __init__(self, part: QObject):
        QAccessibleObject.__init__(self, part)
        QAccessibleAttributesInterface.__init__(self)
        self.is_heading = part.objectName() == PART_NAMES[0]

    @property
    def panel(self) -> TextPanel:
        """The section that draws this part."""
        return self.object().parent()

    def role(self) -> Role:
        return Role.Heading if self.is_heading else Role.StaticText

    def text(self, kind: QAccessible.Text) -> str:
        if kind != QAccessible.Text.Name:
            return ""
        title, text = self.panel.parts()
        return title if self.is_heading else text

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.invisible = not self.panel.isVisible()
        return state

    def rect(self) -> QRect:
        local = self.panel.part_rects()[0 if self.is_heading else 1]
        return QRect(self.panel.mapToGlobal(local.topLeft()), local.size())

    def parent(self):
        return QAccessible.queryAccessibleInterface(self.panel)

    def child(self, index: int):
        return None

    def childCount(self) -> int:  # noqa: N802 - Qt's name
        return 0

    def indexOfChild(self, child) -> int:  # noqa: N802 - Qt's name
        return -1

    def interface_cast(self, kind: QAccessible.InterfaceType):
        if self.is_heading and kind == QAccessible.InterfaceType.AttributesInterface:
            return _attributes_pointer(self)
        return NO_INTERFACE  # a part has no other interface

    def attributeKeys(self) -> list:  # noqa: N802 - Qt's name
        return [QAccessible.Attribute.Level] if self.is_heading else []

    def attributeValue(self, key: QAccessible.Attribute):  # noqa: N802 - Qt's name
        return section_level(self.panel) if self.is_heading and key == QAccessible.Attribute.Level else None


def section_level(widget: QWidget) -> int:
    """A section title's heading level: 2, or 3 in a part of the screen under a SubHeading (a cause's
    conditions each have their own sections)."""
    item, column = widget, None
    while item.parentWidget() is not None:
        if item.parentWidget().objectName() == "ScreenColumn" and item.parentWidget().parentWidget() is not None \
                and item.parentWidget().parentWidget().objectName() == "ScreenPage":  # fmt: skip
            column = item.parentWidget().layout()
            break
        item = item.parentWidget()
    if column is None:
        return 2
    for index in range(column.count()):
        above = column.itemAt(index).widget()
        if above is item:
            return 2
        if isinstance(above, QLabel) and above.objectName() == "SubHeading":
            return 3
    return 2


def interface_for(key: str, thing: QObject):
    """The kiosk's interface for `thing`, or None to let Qt make its own (asked once per class, most derived
    first: decide on the first key only, so a button keeps Qt's button interface)."""
    if key != thing.metaObject().className():
        return None
    name = thing.objectName()
    if name in PART_NAMES and isinstance(thing.parent(), TextPanel):
        return SectionPart(thing)
    if not isinstance(thing, QWidget):
        return None
    if isinstance(thing, TextPanel):
        return SectionInterface(thing)
    if isinstance(thing, QLabel):
        if name == SECTION_TITLE:
            return HeadingInterface(thing, section_level(thing))
        return HeadingInterface(thing, HEADING_LEVELS[name]) if name in HEADING_LEVELS else None
    if name in ALERT_NAMES:
        return ShownChildren(thing, Role.AlertMessage)
    if _qt_class(thing) not in CONTAINERS:
        return None  # Qt's own controls (buttons, scroll areas, text fields) keep Qt's interfaces
    if isinstance(thing, QStackedWidget):
        return ShownChildren(thing, Role.LayeredPane)
    if name in SECTION_NAMES:
        return ShownChildren(thing, Role.Section)
    return ShownChildren(thing, Role.Window if thing.isWindow() else Role.Client)


def _qt_class(thing: QObject) -> type:
    """The Qt class `thing` is made from (the kiosk's own classes are Python subclasses of one)."""
    return next(cls for cls in type(thing).__mro__ if cls.__module__.startswith("PySide6"))


_installed = False


def install() -> None:
    """Give the kiosk's widgets their interfaces (once per process; costs nothing until a reader asks)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(interface_for)
        _installed = True
