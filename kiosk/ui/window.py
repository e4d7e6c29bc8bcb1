"""The kiosk's top-level window: the shared frame, the navigator, and the patient session around them."""

import gc
import logging
from itertools import product

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPixmapCache
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QMainWindow, QScrollArea, QWidget

from kiosk.content.languages import ENGLISH, guidance_in
from kiosk.content.library import Library
from kiosk.storage.rows import Content
from kiosk.storage.translations import stored_languages
from kiosk.ui import accessible
from kiosk.ui.crash import CrashHandler
from kiosk.ui.frame import Frame
from kiosk.ui.icons import prepare_high_contrast_icons
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.lockdown import Lockdown
from kiosk.ui.look import HIGH, STANDARD, Look, content_for
from kiosk.ui.navigator import START, Navigator, Route
from kiosk.ui.questions import MyQuestions
from kiosk.ui.screens.registry import screen_factories
from kiosk.ui.speech import ReadAloud, screen_parts
from kiosk.ui.text_size import TEXT_SCALES
from kiosk.ui.translation import prepare_language
from kiosk.ui.visit_counts import VisitCounter

log = logging.getLogger("kiosk.window")
CHANGE_POLL_MS = 2000
SPEECH_START_MS = 3000
FIRST_FRAME_AT_LATEST_MS = 5000


class FirstFrameWatch(QObject):
    """Emits `shown` once, a turn of the event loop after the window's first frame has been painted (or after
    FIRST_FRAME_AT_LATEST_MS, should a window that nobody can see never be painted: the log files and the
    heartbeat must start all the same)."""

    shown = Signal()

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self._done = False
        window.installEventFilter(self)
        QTimer.singleShot(FIRST_FRAME_AT_LATEST_MS, self, self._emit)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._emit)
        return False

    def _emit(self) -> None:
        if not self._done:
            self._done = True
            self.shown.emit()


class KioskWindow(QMainWindow):
    """One window, one frame, one navigator; idle reset, crash recovery and (full screen) lockdown."""

    # The hidden long press asks for the staff area; kiosk.app connects it (the UI never imports admin).
    staff_requested = Signal()

    def __init__(self, library: Library):
        super().__init__()
        accessible.install()
        # The one deferred step of the start: what the first frame does not need comes a turn after it.
        self.first_frame = FirstFrameWatch(self)
        self.first_frame.shown.connect(self.finish_starting)
        self._started = False
        self.library = library
        self.locked = False
        self.setWindowTitle(self.tr("Hair loss: know your options"))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.frame = Frame()
        self.setCentralWidget(self.frame)
        self._content: Content | None = None
        self.settings = library.settings()
        # The frame's guidance and room in a new look first: the navigator then builds the screen to fill it.
        self.frame.looks.changed.connect(self._show_guidance)
        self.frame.looks.changed.connect(self.frame.take_room_of_look)
        self.navigator = Navigator(self.frame.stack, self._screen_factories(), self.frame.looks)
        self.read_aloud = ReadAloud(self)
        self.read_aloud.reading_changed.connect(self.frame.access_bar.set_reading)
        self.frame.access_bar.read_aloud_toggled.connect(self.toggle_read_aloud)
        self.frame.looks.changed.connect(self.read_aloud.stop)  # the screen is built again
        self.frame.looks.changed.connect(self._offer_read_aloud)
        self.read_aloud.engine_started.connect(lambda: self._offer_read_aloud(self.frame.looks.current()))
        self.frame.access_bar.set_read_aloud_available(False)  # until the engines are known, after the first frame
        self.navigator.changed.connect(self._on_route_changed)
        self.frame.back_requested.connect(self.navigator.back)
        self.frame.home_requested.connect(self.go_home)
        self.frame.glossary_requested.connect(lambda: self.navigator.go(Route("glossary")))
        self.frame.staff_requested.connect(self.staff_requested)
        self.my_questions = MyQuestions(self)
        self.my_questions.changed.connect(self._show_question_count)
        self.frame.my_questions_requested.connect(lambda: self.navigator.go(Route("my_questions")))
        self.visit_counter = VisitCounter(self)
        looks = self.frame.looks
        self.idle = IdleWatcher(
            self, self._idle_settings, self.reset_session, self._is_fresh, lambda: looks.current().stylesheet()
        )
        self.crash_handler = CrashHandler(self.reset_session).install()
        self._lockdown = Lockdown(self)
        self._watched_window = None
        self._watch_window_events()
        self._content_stale = False
        self._data_version = self._read_data_version()
        self._change_poll = QTimer(self, interval=CHANGE_POLL_MS)
        self._change_poll.timeout.connect(self.check_for_changes)
        self._change_poll.start()
        self._show_settings()
        self.frame.access_bar.set_languages((ENGLISH, *stored_languages(self.library.conn)))
        self.navigator.home()

    def finish_starting(self) -> None:
        """After the first frame (or at once, when asked): the printing service, and a speech engine looked for
        (started a moment later)."""
        if self._started:
            return
        self._started = True
        from kiosk.ui.printing import PRINTED, Printing  # printing's module and its worker pool: not for the frame

        self.printing = Printing(self)
        self.printing.finished.connect(lambda message: message == PRINTED and self.visit_counter.count_printed())
        self.frame.access_bar.set_read_aloud_available(self.read_aloud.may_be_available)
        # The content is read now, between the first frame and the first tap rather than during it. It, the frame
        # and Qt's wrappers live as long as the process: Python's collector need not walk them again (with 1,000
        # cards a full collection took 17-19 ms in the middle of a tap, about 3 ms once they are left out).
        self.content  # noqa: B018 - read for its effect
        self._prepare_looks()
        gc.collect()  # what is garbage now is not frozen with the rest
        gc.freeze()
        gc.enable()  # paused by the entry point until now (kiosk/launch.py)
        # The engine starts a moment after the first frame, before a patient is likely to be there.
        QTimer.singleShot(SPEECH_START_MS, self.read_aloud, self.read_aloud.start_engine)

    def _prepare_looks(self) -> None:
        """What the first tap on each access choice would make while the patient waits, made now: the icons drawn
        for high contrast, each look's rules, each language's interface words and content (the first tap on
        High contrast took 13 ms more than the next ones, on Español 10 ms more). No screen is built."""
        prepare_high_contrast_icons()
        for scale, contrast in product(TEXT_SCALES, (STANDARD, HIGH)):
            Look(scale, contrast).stylesheet()
        for language in stored_languages(self.library.conn):
            prepare_language(language)
            content_for(self.content, language)

    @property
    def content(self) -> Content:
        """The published content, read from the database the first time a screen needs it."""
        if self._content is None:
            self._content = self.library.content()
        return self._content

    @property
    def larger_text(self) -> bool:
        """Whether the patient asked for larger text."""
        return self.frame.looks.current().larger_text

    def set_larger_text(self, large: bool) -> None:
        """Larger or normal text: the frame and the screen on show in the new look, the others when shown."""
        looks = self.frame.looks
        looks.choose(looks.current().with_larger_text(large))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(self.tr("Hair loss: know your options"))  # what a screen reader calls the window

    def lock_down(self) -> None:
        """Kiosk mode: full screen, no frame, no way out but the staff path."""
        self.locked = True
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.showFullScreen()
        self._watch_window_events()

    def quit_by_staff(self) -> None:
        """The one way out of kiosk mode."""
        self.locked = False
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.locked:
            event.ignore()
            return
        self._change_poll.stop()
        self.visit_counter.write(self.library.conn, self.settings.counts_keep_days)
        self.crash_handler.uninstall()
        super().closeEvent(event)

    def _watch_window_events(self) -> None:
        """Filter touches and keys where they enter: at this window's QWindow, not for every event in the
        application (an application-wide Python filter doubles the cost of building a screen)."""
        self.winId()  # make sure the native window exists; changing flags can replace it
        handle = self.windowHandle()
        if handle is self._watched_window:
            return
        if self._watched_window is not None:
            self._watched_window.removeEventFilter(self.idle)
            self._watched_window.removeEventFilter(self._lockdown)
        handle.installEventFilter(self.idle)
        handle.installEventFilter(self._lockdown)
        self._watched_window = handle

    def apply_settings(self) -> None:
        """Show the current clinic name and doctor guidance; idle times apply from the next quiet spell."""
        self.settings = self.library.settings()
        self._show_settings()

    def _show_settings(self) -> None:
        self.frame.set_title(self.settings.clinic_name)
        self.frame.set_within_reach(bool(self.settings.within_reach))
        self._show_guidance(self.frame.looks.current())
        self.my_questions.clinic_name = self.settings.clinic_name
        self.my_questions.doctor_guidance = self.settings.doctor_guidance
        self.visit_counter.set_counting(bool(self.settings.count_visits))

    def reload_content(self) -> None:
        """Show newly published content, starting again from the start screen."""
        self._content_stale = False
        self._content = None
        self.apply_settings()
        self.navigator.replace_factories(self._screen_factories())

    def reset_session(self) -> None:
        """Clear everything a patient did: history, scroll positions, overlays, typed text."""
        self.idle.dismiss()
        self.read_aloud.stop()
        for field in self.findChildren(QLineEdit):
            field.clear()
        self.frame.looks.reset()  # every choice a patient made goes back to the default, here and only here
        self.my_questions.clear()
        self.go_home()
        self.read_aloud.start_engine()  # again, if speech-dispatcher had not answered: read aloud comes back
        self.visit_counter.write(self.library.conn, self.settings.counts_keep_days)  # between patients: no tap waits
        # Qt keeps the pictures it drew during the visit (style pieces and icons, one for each size drawn) until its
        # cache holds 10 MB: 2-4 MB after a few visits, and the resident size rose and fell by up to 8 MB over a
        # 30-minute soak with what it held. Each patient starts from the same empty cache.
        QPixmapCache.clear()
        from kiosk.ui.unattended import return_freed_memory  # not on the way to the first frame

        return_freed_memory()

    def go_home(self) -> None:
        """Back to the start screen, with any content published meanwhile."""
        if self._content_stale:
            self.reload_content()
        else:
            self.navigator.home()

    def check_for_changes(self) -> None:
        """Notice content or settings changed by kiosk-admin; new content waits until the start screen."""
        version = self._read_data_version()
        if version == self._data_version:
            return
        self._data_version = version
        log.info("The database changed; loading new settings and content")
        self.apply_settings()
        self._content_stale = True
        if self._is_fresh():
            self.reload_content()

    def toggle_read_aloud(self, on: bool) -> None:
        """Read the screen on show aloud (title, its text in reading order, the doctor guidance), or stop."""
        if not on:
            self.read_aloud.stop()
            return
        look = self.frame.looks.current()
        parts = screen_parts(self.current_screen(), self.frame.guidance_label)
        self.read_aloud.read(parts, look.language, look.high_contrast)
        self.frame.access_bar.set_reading(self.read_aloud.reading)  # nothing to read: the button springs back

    def _offer_read_aloud(self, look: Look) -> None:
        """Offer read aloud only where there is a voice for the language."""
        self.frame.access_bar.set_read_aloud_available(self.read_aloud.available_for(look.language))

    def _show_guidance(self, look: Look) -> None:
        """The doctor guidance in the patient's language (English where it has no up-to-date translation)."""
        english = self.settings.doctor_guidance
        self.frame.set_guidance(
            english if look.language == ENGLISH else guidance_in(self.content, english, look.language)
        )

    def _screen_factories(self) -> dict:
        """Screen builders; each screen asks for the content only when it is first made."""
        return screen_factories(lambda: self.content)

    def current_screen(self):
        """The screen widget on show."""
        return self.frame.stack.currentWidget()

    def _read_data_version(self) -> int:
        return self.library.conn.execute("PRAGMA data_version").fetchone()[0]

    def _idle_settings(self) -> tuple[int, int]:
        return self.settings.idle_timeout_seconds, self.settings.idle_warning_seconds

    def _is_fresh(self) -> bool:
        return self.navigator.history == (Route(START),)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802 - Qt's names
        """Tab and Shift+Tab in reading order: the header, the screen from its title down, then My questions
        and the access bar (Qt's own order is the order widgets were made in, and screens are made later)."""
        focus = QApplication.focusWidget()
        screen = self.current_screen()
        if focus is None or screen is None or not self.frame.isAncestorOf(focus):
            return super().focusNextPrevChild(next)
        order = [*self.frame.header_buttons(), screen.heading(), *_tab_stops(screen), *self.frame.footer_buttons()]
        stops = [widget for widget in order if widget is not None and widget.isVisible()]
        if focus not in stops:
            return super().focusNextPrevChild(next)
        index = stops.index(focus)
        for step in range(1, len(stops) + 1):
            candidate = stops[(index + step if next else index - step) % len(stops)]
            if candidate.focusPolicy() & Qt.FocusPolicy.TabFocus:
                candidate.setFocus(Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
                _scroll_to(candidate)
                return True
        return False

    def _show_question_count(self) -> None:
        """Show "My questions (n)" once a question is chosen, except on the list itself."""
        count = len(self.my_questions)
        self.frame.set_question_count(count, count > 0 and self.navigator.current != Route("my_questions"))

    def _on_route_changed(self, route: Route) -> None:
        self.read_aloud.stop()
        self.current_screen().focus_title()  # a screen reader says the new screen's title
        self._show_question_count()
        self.visit_counter.count_screen(route.screen, route.argument, len(self.my_questions))
        self.frame.set_navigation_visible(route.screen != START)
        self.frame.words_button.setVisible(route.screen != "glossary")


def _tab_stops(screen: QWidget) -> list[QWidget]:
    """The controls of a screen that Tab reaches, in reading order (the order they were laid out in)."""
    return [w for w in screen.findChildren(QAbstractButton) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]


def _scroll_to(widget: QWidget) -> None:
    """Scroll the screen so that `widget`, just reached by Tab, is on show."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget)
