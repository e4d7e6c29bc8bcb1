"""The access bar at the foot of every screen: text size, contrast, read aloud and language, as large buttons.

Each button keeps one name; its state is told by its value (text size), or its checked state (contrast, read
aloud), so a screen reader says "Text size, 130 %" rather than a new name each tap. The bar keeps its own
text size while the screens grow, so the buttons stay where the patient found them."""

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget

from kiosk.content.languages import native_name
from kiosk.ui.look import Look
from kiosk.ui.translation import filled
from kiosk.ui.widgets import touch_button

SPACING = 16
MARGINS = (28, 10, 28, 14)


class AccessBar(QWidget):
    """Four kinds of large button, one row when they fit and two when they do not."""

    text_size_requested = Signal()
    contrast_toggled = Signal(bool)
    read_aloud_toggled = Signal(bool)
    language_chosen = Signal(str)  # a language code

    def __init__(self):
        super().__init__()
        self.setObjectName("AccessBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(*MARGINS)
        self._grid.setSpacing(SPACING)
        self.text_size_button = self._button(QCoreApplication.translate("AccessBar", "Text size"), "text-size")
        self.text_size_button.clicked.connect(self.text_size_requested)
        self.contrast_button = self._button(QCoreApplication.translate("AccessBar", "High contrast"))
        self.contrast_button.setCheckable(True)
        self.contrast_button.toggled.connect(self.contrast_toggled)
        self.read_aloud_button = self._button(QCoreApplication.translate("AccessBar", "Read aloud"))
        self.read_aloud_button.setCheckable(True)
        self.read_aloud_button.toggled.connect(self.read_aloud_toggled)
        self.language_buttons: dict[str, QPushButton] = {}
        self._columns = 0
        self._language = Look().language
        self.show_look(Look())

    def _button(self, name: str, icon: str | None = None) -> QPushButton:
        button = touch_button(name, "AccessButton", icon)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._grid.addWidget(button, 0, self._grid.count())  # a child from the start; _arrange places it
        return button

    def set_languages(self, languages: tuple[str, ...]) -> None:
        """Offer these languages (codes, English first); a button for each but the one in use."""
        for button in self.language_buttons.values():
            button.deleteLater()
        self.language_buttons = {}
        for code in languages if len(languages) > 1 else ():
            button = self._button(native_name(code))
            button.setLocale(QLocale(code))  # a screen reader says the name in its own language
            button.clicked.connect(lambda _=False, chosen=code: self.language_chosen.emit(chosen))
            button.setVisible(code != self._language)
            self.language_buttons[code] = button
        self._columns = 0
        self._arrange()

    def show_look(self, look: Look) -> None:
        """Show the state of each choice in `look` (without asking for it again)."""
        size = filled(QCoreApplication.translate("AccessBar", "%1 %"), look.percent)
        name = QCoreApplication.translate("AccessBar", "Text size")
        self.text_size_button.setText(f"{name}  {size}")
        self.text_size_button.setAccessibleDescription(size)
        self._set_checked(self.contrast_button, look.high_contrast)
        self._language = look.language
        pressed = next((button for button in self.language_buttons.values() if button.hasFocus()), None)
        for code, button in self.language_buttons.items():
            button.setVisible(code != look.language)
        if pressed is not None and pressed.isHidden():  # chosen by keys: focus stays on the language buttons
            next(b for b in self.language_buttons.values() if not b.isHidden()).setFocus(Qt.FocusReason.TabFocusReason)
        self._columns = 0
        self._arrange()

    def retranslate(self) -> None:
        """The buttons' names in the interface language now (their states stay)."""
        for button, name in (
            (self.contrast_button, QCoreApplication.translate("AccessBar", "High contrast")),
            (self.read_aloud_button, QCoreApplication.translate("AccessBar", "Read aloud")),
        ):
            button.setAccessibleName(name)
            self._set_checked(button, button.isChecked())
        self.text_size_button.setAccessibleName(QCoreApplication.translate("AccessBar", "Text size"))
        self._columns = 0
        self._arrange()

    def set_reading(self, reading: bool) -> None:
        """Show the Read aloud button as on (speaking) or off."""
        self._set_checked(self.read_aloud_button, reading)

    def set_read_aloud_available(self, available: bool) -> None:
        """Hide Read aloud where this kiosk has no speech engine or voice."""
        self.read_aloud_button.setVisible(available)
        self._columns = 0
        self._arrange()

    @staticmethod
    def _set_checked(button: QPushButton, checked: bool) -> None:
        button.blockSignals(True)
        button.setChecked(checked)
        button.blockSignals(False)
        state = (
            QCoreApplication.translate("AccessBar", "On") if checked else QCoreApplication.translate("AccessBar", "Off")
        )
        button.setAccessibleDescription(state)
        # On shows by a tick as well as by the fill; the name stays the same for screen readers.
        name = button.accessibleName()
        button.setText(f"✓ {name}" if checked else name)

    def every_button(self) -> list[QPushButton]:
        """Every button, shown or not, in reading order."""
        return [self.text_size_button, self.contrast_button, self.read_aloud_button, *self.language_buttons.values()]

    def buttons(self) -> list[QPushButton]:
        """The buttons on show, in reading order."""
        return [button for button in self.every_button() if not button.isHidden()]

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """One row if every button fits at its natural width, else two rows."""
        buttons = self.buttons()
        room = self.width() - MARGINS[0] - MARGINS[2]
        needed = sum(button.sizeHint().width() for button in buttons) + SPACING * (len(buttons) - 1)
        columns = len(buttons) if needed <= room else (len(buttons) + 1) // 2
        if columns == self._columns:
            return
        self._columns = columns
        for button in buttons:
            self._grid.removeWidget(button)
        for index, button in enumerate(buttons):
            self._grid.addWidget(button, index // max(columns, 1), index % max(columns, 1))
        for button in [*self.language_buttons.values(), self.read_aloud_button]:
            if button.isHidden():
                self._grid.removeWidget(button)
