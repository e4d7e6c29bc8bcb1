"""The one shared frame around every screen: header with Back and Home, the doctor guidance and the access bar.

The guidance and the access bar sit outside the scrolling area, so they are on every screen and never scroll
out of view. The frame holds the patient's look and changes it when the access bar asks.
"""

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from kiosk.ui.access_bar import AccessBar
from kiosk.ui.icons import use_high_contrast_icons
from kiosk.ui.long_press import LongPress
from kiosk.ui.look import Look, Looks, rules_for
from kiosk.ui.translation import filled
from kiosk.ui.widgets import bundled_icon, styled_bar, text_label, touch_button

TITLE_MIN_WINDOW_WIDTH = 1500


def default_title() -> str:
    """The kiosk's own title, in the interface language."""
    return QCoreApplication.translate("Frame", "Hair loss: know your options")


class Frame(QWidget):
    """Header, the screen stack, and the doctor guidance bar."""

    back_requested = Signal()
    home_requested = Signal()
    glossary_requested = Signal()
    staff_requested = Signal()
    my_questions_requested = Signal()

    def __init__(self):
        super().__init__()
        self.setObjectName("Frame")
        self.looks = Looks(self)  # the look patients chose; screens ask it, the header and guidance follow it
        self._look = self.looks.current()  # the look the frame shows now
        self._bar_names: dict[int, frozenset[str]] = {}  # by id of a bar: the object names in it
        self.looks.changed.connect(self._use_look)
        use_high_contrast_icons(False)  # icons are drawn for the look in use: a new frame starts in the normal one
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # Within reach (a kiosk setting): on a portrait screen the top third shows only the clinic name.
        self.reach_space, reach_row = styled_bar("Header", (20, 20, 20, 20), 0)
        self.reach_title = text_label(default_title(), "HeaderTitle")
        self.reach_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        reach_row.addWidget(self.reach_title, 1)
        self.reach_space.hide()
        self.within_reach = False
        self._clinic_name = ""
        self._question_count = (0, False)
        layout.addWidget(self.reach_space)
        layout.addWidget(self._build_header())
        # In portrait the header has no room for the clinic name beside the buttons: it gets a line of its own.
        self.portrait_title_bar, row = styled_bar("Header", (20, 0, 20, 10), 0)
        self.portrait_title = text_label(default_title(), "HeaderTitle")
        row.addWidget(self.portrait_title, 1)
        self.portrait_title_bar.hide()
        layout.addWidget(self.portrait_title_bar)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        layout.addWidget(self._build_guidance())
        self.access_bar = AccessBar()
        look = self.looks.current
        self.access_bar.text_size_requested.connect(lambda: self.looks.choose(look().with_next_text_size()))
        self.access_bar.contrast_toggled.connect(lambda high: self.looks.choose(look().with_high_contrast(high)))
        self.access_bar.language_chosen.connect(lambda code: self.looks.choose(look().with_language(code)))
        layout.addWidget(self.access_bar)

    def _build_header(self) -> QWidget:
        header, row = styled_bar("Header", (20, 12, 20, 12), 16)
        self.header_bar = header
        self.back_button = touch_button(QCoreApplication.translate("Frame", "Back"), "NavButton", icon="back")
        self.back_button.clicked.connect(self.back_requested)
        self.home_button = touch_button(QCoreApplication.translate("Frame", "Home"), "NavButton", icon="home")
        self.home_button.clicked.connect(self.home_requested)
        self.words_button = touch_button(
            QCoreApplication.translate("Frame", "Words explained"), "NavButton", icon="book"
        )
        self.words_button.clicked.connect(self.glossary_requested)
        for button in (self.back_button, self.home_button, self.words_button):
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.title_label = text_label(default_title(), "HeaderTitle")
        self.title_label.setWordWrap(True)
        # On a narrow screen the title gives way, never the buttons.
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(self.back_button)
        row.addWidget(self.home_button)
        row.addWidget(self.title_label, 1)
        row.addStretch(0)
        row.addWidget(self.words_button)
        return header

    def _build_guidance(self) -> QWidget:
        bar, row = styled_bar("Guidance", (28, 16, 28, 16), 20)
        icon = QLabel()
        icon.setPixmap(bundled_icon("doctor").pixmap(QSize(56, 56)))
        icon.setAccessibleName(QCoreApplication.translate("Frame", "Doctor"))
        icon.setObjectName("GuidanceText")
        icon.setMinimumSize(72, 72)
        # Staff hold the doctor picture in the bottom-left corner for three seconds to reach the staff area.
        self.staff_corner = icon
        LongPress(icon).held.connect(self.staff_requested)
        self.guidance_label = text_label("", "GuidanceText")
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.guidance_label, 1)
        # Beside the guidance (the header is full on a portrait screen): the questions to take to the doctor.
        self.my_questions_button = touch_button("", "NavButton", icon="list")
        self.my_questions_button.clicked.connect(self.my_questions_requested)
        self.my_questions_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.set_question_count(0, False)  # hidden until the patient adds a question
        row.addWidget(self.my_questions_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.guidance_bar = bar
        return bar

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        # Below this width the buttons need the room; the title is the one thing the header can do without.
        self._fit(event.size())

    def _fit(self, size: QSize) -> None:
        wide = size.width() >= TITLE_MIN_WINDOW_WIDTH
        portrait = size.height() > size.width()
        reach = self.within_reach and portrait
        self.title_label.setVisible(wide and not reach)
        self.portrait_title_bar.setVisible(not wide and portrait and not reach)
        self.reach_space.setVisible(reach)
        self.reach_space.setFixedHeight(size.height() // 3)
        self._restyle_bars()

    def set_within_reach(self, on: bool) -> None:
        """Keep every control of a portrait screen in its lower two thirds (the top third shows the clinic name)."""
        self.within_reach = on
        self._fit(self.size())

    def set_guidance(self, text: str) -> None:
        """The talk-to-your-doctor text shown on every screen."""
        self.guidance_label.setText(text)
        self.guidance_label.setAccessibleName(text)

    def set_title(self, text: str) -> None:
        """The clinic name, or the kiosk's own title when none is set."""
        self._clinic_name = text
        title = text or default_title()
        for label in (self.title_label, self.portrait_title, self.reach_title):
            label.setText(title)
            label.setAccessibleName(title)

    def _use_look(self, look: Look) -> None:
        """The header and the guidance bar in `look` (the screen on show is built again by the navigator); the
        access bar in its colours, at its own size."""
        # Loaded here, not at import: an English start (the usual one) never loads a translation.
        from kiosk.ui.translation import use_language

        before, self._look = self._look, look
        # Only what changed, before the frame: a new text size needs neither new words nor new icons.
        use_language(look.language)  # the first to hear of the change: before anything is built in it
        if look.language != before.language:
            self.retranslate()
        if look.contrast != before.contrast:
            use_high_contrast_icons(look.high_contrast)
            self._show_icons()
            # Contrast is set per bar and per screen, not once on the frame: a frame-wide swap restyled every
            # widget of the screens kept for Back too (25-40 ms on a long screen; built again, 10-17 ms).
            self._restyle(self.access_bar, Look(contrast=look.contrast).stylesheet())
        self._restyle_bars()
        self.access_bar.show_look(look)

    def take_room_of_look(self) -> None:
        """Lay the bars out now at their heights in the look just chosen (a larger text makes them taller): the
        screen built next in it fills the room it will have in the frame, not the room it had."""
        self.layout().activate()

    def retranslate(self) -> None:
        """The frame's own words in the interface language now."""
        for button, words in (
            (self.back_button, QCoreApplication.translate("Frame", "Back")),
            (self.home_button, QCoreApplication.translate("Frame", "Home")),
            (self.words_button, QCoreApplication.translate("Frame", "Words explained")),
        ):
            button.setText(words)
            button.setAccessibleName(words)
        self.staff_corner.setAccessibleName(QCoreApplication.translate("Frame", "Doctor"))
        self.set_title(self._clinic_name)
        self.set_question_count(*self._question_count)
        self.access_bar.retranslate()

    def _show_icons(self) -> None:
        """The frame's icons in the colours of the look in use."""
        for button, name in (
            (self.back_button, "back"),
            (self.home_button, "home"),
            (self.words_button, "book"),
            (self.my_questions_button, "list"),
            (self.access_bar.text_size_button, "text-size"),
        ):
            button.setIcon(bundled_icon(name))
        self.staff_corner.setPixmap(bundled_icon("doctor").pixmap(QSize(56, 56)))

    def _restyle_bars(self) -> None:
        """The look's stylesheet on the bars on show; a hidden bar gets it when it shows (in `_fit`)."""
        for bar in (self.reach_space, self.header_bar, self.portrait_title_bar, self.guidance_bar):
            if not bar.isHidden():
                self._restyle(bar, self.looks.current().stylesheet())

    def _restyle(self, widget: QWidget, sheet: str) -> None:
        # Only where it changes, and only the rules for its own widgets: Qt parses a stylesheet and styles every
        # widget under it again (about 2 ms a bar with every rule of the look, 0.6 ms with its own).
        names = self._bar_names.get(id(widget))
        if names is None:  # a bar's widgets keep their names: found once
            names = self._bar_names[id(widget)] = frozenset(
                c.objectName() for c in (widget, *widget.findChildren(QWidget))
            )
        sheet = rules_for(sheet, names)
        if widget.styleSheet() != sheet:
            widget.setStyleSheet(sheet)

    def set_question_count(self, count: int, visible: bool) -> None:
        """Say "My questions (n)" on the button, and show or hide it."""
        self._question_count = (count, visible)
        label = filled(QCoreApplication.translate("Frame", "My questions (%1)"), count)
        self.my_questions_button.setText(label)
        self.my_questions_button.setAccessibleName(label)
        self.my_questions_button.setVisible(visible)

    def header_buttons(self) -> list[QWidget]:
        """The header's buttons, in reading order."""
        return [self.back_button, self.home_button, self.words_button]

    def footer_buttons(self) -> list[QWidget]:
        """My questions and the access bar's buttons, in reading order."""
        return [self.my_questions_button, *self.access_bar.every_button()]

    def set_navigation_visible(self, visible: bool) -> None:
        """Back and Home show everywhere but the start screen."""
        self.back_button.setVisible(visible)
        self.home_button.setVisible(visible)
