"""Tapping the real window like a patient, and timing each tap until the new screen has been painted.

Each tap runs from the main event loop, as a real touch does: choose a visible button and scroll it into view;
next turn of the loop, press (the pressed look paints); next turn, note the time and release. The button's
handler shows the new screen synchronously (on a first visit, built as far as the first view); the tap is
timed until the first frame that paints the new screen is finished. That frame is caught with an event filter
on the new screen (a Paint event arrives while Qt paints the frame), not forced with repaint() or grab(): those
would paint at once, skipping Qt's own update request and the deferred deletes, layout and polish that come
before it, which a patient does wait for.
"""

import random
import sys
import time
from array import array
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QScrollArea

PAINT_TIMEOUT_MS = 5000
SAME_SCREEN = "same screen"  # taps that change what is shown without opening another screen


def is_same_screen(kind: str) -> bool:
    """Whether a kind of tap kept the screen (a change of look, read aloud, "Show more"...)."""
    return kind.startswith(SAME_SCREEN)


class FrameWatcher(QObject):
    """Calls back when a frame that paints one of the watched widgets has been finished.

    Qt paints a whole frame in one synchronous pass (the top-level's update request paints and flushes every
    dirty widget); a zero timer started at the watched widget's Paint event fires right after that pass. A
    handler may paint before it returns (read aloud asks Qt to show what it built at once): `seen` says a
    frame came while watching, and `adopt` gives that frame the callback once the handler has returned.
    """

    def __init__(self):
        super().__init__()
        self._widgets: list = []
        self._callback: Callable[[float], None] | None = None
        self._watch = 0  # which watch a pending frame belongs to
        self.seen = False

    def watch(self, widgets: list, callback: Callable[[float], None]) -> None:
        """Call `callback(time the frame was done)` after the next frame that paints one of `widgets`."""
        self.cancel()
        self._watch += 1
        self._widgets, self._callback, self.seen = widgets, callback, False
        for widget in widgets:
            widget.installEventFilter(self)

    def adopt(self, callback: Callable[[float], None]) -> None:
        """Give the frame already seen (its zero timer still pending) to `callback`."""
        self._callback = callback

    def cancel(self) -> None:
        """Stop watching (a frame seen is not called back)."""
        self._remove_filters()
        self._callback = None
        self._watch += 1

    def _remove_filters(self) -> None:
        for widget in self._widgets:
            try:
                widget.removeEventFilter(self)
            except RuntimeError:
                pass  # deleted meanwhile ("Show more" removes itself)
        self._widgets = []

    def _done(self, watch: int) -> None:
        callback = self._callback
        if watch == self._watch and callback is not None:
            self._callback = None
            callback(time.monotonic())

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and not self.seen and self._widgets:
            self.seen = True
            self._remove_filters()
            watch = self._watch
            QTimer.singleShot(0, lambda: self._done(watch))
        return False


class RefGuard:
    """Keeps None, True and False alive while the probe runs, and counts the references to them that were lost.

    PySide6 6.12.0 drops references to these singletons (True on every Python Signal.emit(), None in some
    timer and event-loop calls); on Python 3.11, where they are not immortal, the process aborts with
    "bool_dealloc" or "none_dealloc" once a count reaches zero. The probe holds spare references so that it
    can finish, and reports how many went missing; the bare window runs the same probe code, so the kiosk's
    own share is the difference.
    """

    SINGLETONS = {"None": None, "True": True, "False": False}

    def __init__(self):
        self._spare: dict[str, list] = {name: [] for name in self.SINGLETONS}
        self._start = {name: sys.getrefcount(value) for name, value in self.SINGLETONS.items()}

    def top_up(self) -> None:
        """Add spare references to any singleton whose count runs low."""
        for name, value in self.SINGLETONS.items():
            if sys.getrefcount(value) < 5000:
                self._spare[name].extend([value] * 10_000)

    def lost(self) -> dict[str, int]:
        """References lost since the guard was made (spares added are not counted as gains)."""
        return {
            name: self._start[name] + len(self._spare[name]) - sys.getrefcount(value)
            for name, value in self.SINGLETONS.items()
        }


def tap_targets(window) -> list[QAbstractButton]:
    """Every button a finger could reach now (scrolling if needed)."""
    return [button for button in window.findChildren(QAbstractButton) if button.isVisibleTo(window)]


def bring_into_view(button: QAbstractButton) -> None:
    """Scroll the button's screen so the button is on the glass, as a patient would."""
    parent = button.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(button, 0, 0)


def _centre(button: QAbstractButton) -> QPoint:
    return QPoint(button.width() // 2, button.height() // 2)


class Tapper(QObject):
    """Taps the window's buttons one at a time from the event loop; times taps that change the screen.

    `choose(buttons)` picks the next button (None to stop). For the bare window, `route` is always None and
    no tap changes the screen. `builds()` counts the screens built so far: a tap that raised it built the
    screen it opened (a first visit), one that did not showed a screen kept for Back. Back to a place down a
    screen left in another look builds it again from that place, not from its top: a return, not a first visit.
    Results: `latencies` (ms by screen kind), `first_visits` (the same, first visits only), `returns_built_again`,
    `taps`, `timeouts`, and `leads_to`, which kind of screen each button (by screen and name) opened.
    """

    def __init__(self, window, route: Callable[[], object], guard: RefGuard, builds: Callable[[], int] = lambda: 0,
                 control: Callable[[QAbstractButton], str] = lambda button: "other"):  # fmt: skip
        super().__init__()
        self.window, self._route, self._guard, self._builds = window, route, guard, builds
        self._control = control  # which control a tap that keeps the screen was on (text size, language...)
        self.timeouts_by_kind: dict[str, int] = {}
        self._kind = ""
        # Samples as packed doubles: the probe's own lists of floats would count as the kiosk's memory (0.3 MB).
        self.latencies: dict[str, array] = {}
        self.first_visits: dict[str, array] = {}
        self.returns_built_again: dict[str, array] = {}
        self.leads_to: dict[tuple[str, str], str] = {}
        self.taps = self.timeouts = 0
        self.gone_before_tap = 0  # buttons chosen, then taken away by the kiosk before the finger came down
        self._watcher = FrameWatcher()
        self._timeout = QTimer(self, singleShot=True, interval=PAINT_TIMEOUT_MS)
        self._timeout.timeout.connect(self._timed_out)
        self._choose: Callable[[list[QAbstractButton]], QAbstractButton | None] = lambda buttons: None
        self._finished: Callable[[], None] = lambda: None

    def route(self):
        """Where the window is now (None for the bare window)."""
        return self._route()

    def run(self, choose, finished: Callable[[], None]) -> None:
        """Tap until `choose` returns None, then call `finished`."""
        self._choose, self._finished = choose, finished
        QTimer.singleShot(0, self._next)

    def _next(self) -> None:
        self._guard.top_up()
        button = self._choose(tap_targets(self.window))
        if button is None:
            self._finished()
            return
        bring_into_view(button)
        QTimer.singleShot(0, lambda: self._press(button))

    def _press(self, button: QAbstractButton) -> None:
        if self._gone(button):
            return
        QTest.mousePress(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _centre(button))
        QTimer.singleShot(0, lambda: self._release(button))

    def _release(self, button: QAbstractButton) -> None:
        if self._gone(button):
            return
        before = self._route()
        built_before = self._builds()
        history_before = self._history()
        name = button.accessibleName()
        released = time.monotonic()
        if before is not None:  # a frame painted by the handler itself, before it returns, is the answer too
            self._watcher.watch([self._page(), button], lambda done: None)
        QTest.mouseRelease(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _centre(button))
        self.taps += 1
        built = self._builds() > built_before
        route = self._route()
        returning = route != before and route in history_before and self._scrolled()
        if route is None:  # the bare window: nothing to time
            QTimer.singleShot(0, self._next)
            return
        # The frame that paints the screen's scrolled page (the screen itself may be hidden behind it): a new
        # screen, or the same one built again or grown (a change of look, "Show more"; a button that was tapped
        # may be gone by then, so it is not the one watched).
        painted = self._page()
        control = self._control(button) if route == before else ""
        kind = f"{SAME_SCREEN}: {control}" if route == before else route.screen
        self.leads_to[(before.screen, name)] = kind
        self._kind = kind
        self._timeout.start()
        # A change of look answers by painting the page in the new look. Read aloud answers by showing itself
        # on (the part being read lights up when the engine starts it); another button, by its own new state.
        watched = [painted, button] if control in ("read aloud", "other") else [painted]
        samples = self.returns_built_again if returning else self.first_visits
        callback = lambda done: self._painted(kind, released, done, samples if built else None)  # noqa: E731
        if route == before and self._watcher.seen:
            self._watcher.adopt(callback)
        else:
            self._watcher.watch(watched, callback)

    def _gone(self, button: QAbstractButton) -> bool:
        """Whether `button` was taken away since it was chosen (a screen changing on its own, a timer); if so,
        another is chosen (tapping it would have stopped the taps with an error, and the bench waited for ever)."""
        if shiboken6.isValid(button) and button.isVisibleTo(self.window):
            return False
        self.gone_before_tap += 1
        QTimer.singleShot(0, self._next)
        return True

    def _page(self):
        screen = self.window.current_screen()
        return screen.scroll.widget() if hasattr(screen, "scroll") else screen

    def _scrolled(self) -> bool:
        screen = self.window.current_screen()
        return hasattr(screen, "scroll_position") and screen.scroll_position() > 0

    def _history(self) -> tuple:
        navigator = getattr(self.window, "navigator", None)
        return navigator.history if navigator is not None else ()

    def _painted(self, kind: str, released: float, done: float, built: dict[str, array] | None) -> None:
        """Record a tap answered at `done`; `built` holds the samples of screens built by a tap (None: not built)."""
        self._timeout.stop()
        self.latencies.setdefault(kind, array("d")).append((done - released) * 1000)
        if built is not None and not is_same_screen(kind):
            built.setdefault(kind, array("d")).append((done - released) * 1000)
        QTimer.singleShot(0, self._next)

    def _timed_out(self) -> None:
        self._watcher.cancel()
        self.timeouts += 1
        self.timeouts_by_kind[self._kind] = self.timeouts_by_kind.get(self._kind, 0) + 1
        QTimer.singleShot(0, self._next)


def random_taps(count: int, seed: int) -> Callable[[list[QAbstractButton]], QAbstractButton | None]:
    """Any visible button, at random, `count` times."""
    rng = random.Random(seed)
    left = [count]

    def choose(buttons: list[QAbstractButton]) -> QAbstractButton | None:
        if left[0] == 0 or not buttons:
            return None
        left[0] -= 1
        return rng.choice(buttons)

    return choose


def top_up_taps(tapper: Tapper, kinds: tuple[str, ...], minimum: int, seed: int, limit: int):
    """Random taps that prefer buttons known to open a screen kind with fewer than `minimum` first visits.

    Stops when every kind has `minimum` first visits (or 4 × `minimum` taps), or after `limit` taps. Learns
    which button opens what from the taps themselves, so it does not depend on the buttons' wording.
    """
    rng = random.Random(seed)
    left = [limit]

    def choose(buttons: list[QAbstractButton]) -> QAbstractButton | None:
        # A kind reached 4 × minimum times is not pursued further even with fewer first visits: the start
        # screen is the root of the history, kept, and built again only after a change of look.
        short = {
            kind
            for kind in kinds
            if len(tapper.first_visits.get(kind, ())) < minimum and len(tapper.latencies.get(kind, ())) < 4 * minimum
        }
        if not short or left[0] == 0 or not buttons:
            return None
        left[0] -= 1
        here = tapper.route().screen
        leads_to = [tapper.leads_to.get((here, button.accessibleName())) for button in buttons]
        wanted = [button for button, kind in zip(buttons, leads_to, strict=True) if kind in short]
        untried = [button for button, kind in zip(buttons, leads_to, strict=True) if kind is None]
        # The screen's own buttons before the frame's (the access bar's choices lead nowhere new, on every screen).
        screen = tapper.window.current_screen()
        untried_here = [button for button in untried if screen.isAncestorOf(button)]
        moving = [button for button, kind in zip(buttons, leads_to, strict=True) if not is_same_screen(kind or "")]
        return rng.choice(wanted or untried_here or untried or moving or buttons)

    return choose
