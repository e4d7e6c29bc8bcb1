"""The one navigation controller: which screen shows, the history behind it, Back, Home and reset."""

from collections import Counter, OrderedDict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from kiosk.memory import release_free_memory

START = "start"
KEEP_BUILT = 32  # screens kept built; the least recently shown beyond this are dropped
PREPARE_WHEN_QUIET_MS = 400  # building ahead waits until the patient has not moved for this long
RELEASE_AFTER_DROP_MS = 1000  # memory of dropped screens goes back to the system this long after the first drop
# Work that may wait for whatever Qt has to paint: posted events of this priority come after its update requests.
AFTER_PAINTING = Qt.EventPriority.LowEventPriority.value - 1
_BUILD_OTHER_LOOKS = QEvent.Type(QEvent.registerEventType())

Factories = dict[str, Callable[[], QWidget]]


@dataclass(frozen=True)
class Route:
    """A place in the kiosk: a screen name and what it shows (a card or cause id), if anything."""

    screen: str
    argument: str | None = None


class Navigator(QObject):
    """Owns the history. Each place is built once, by the factories it is given, and kept for next time.

    Screens are kept per look (normal or larger text), each look with its own factories. Switching the look
    shows the same place built for the new look; the place on show is also built in the other looks while
    nothing else waits, so that switching is quick too."""

    changed = Signal(object)  # the Route now shown

    def __init__(self, stack: QStackedWidget, looks: dict[Hashable, Factories], look: Hashable = None):
        super().__init__(stack)  # lives and dies with the screens it shows
        self._stack = stack
        self._looks = looks
        self._look = look
        self._other_looks_posted = False
        self._screens: OrderedDict[tuple[Hashable, Route], QWidget] = OrderedDict()
        self._history: list[Route] = []
        self._scroll_positions: list[int] = []
        self._to_prepare: list[Route] = []
        self._preparer = QTimer(self, singleShot=True, interval=PREPARE_WHEN_QUIET_MS)
        self._preparer.timeout.connect(self._prepare_next)
        self._releaser = QTimer(self, singleShot=True, interval=RELEASE_AFTER_DROP_MS)
        self._releaser.timeout.connect(release_free_memory)

    @property
    def current(self) -> Route | None:
        """The route on screen."""
        return self._history[-1] if self._history else None

    @property
    def history(self) -> tuple[Route, ...]:
        """Every route since the start screen, oldest first."""
        return tuple(self._history)

    @property
    def can_go_back(self) -> bool:
        """Whether Back has somewhere to go."""
        return len(self._history) > 1

    def screen(self, route: Route) -> QWidget:
        """The screen for `route`, made on first use and filled (as far as the first view) whenever it is empty."""
        widget = self._made(route, self._look)
        widget.show_route(route.argument)
        return widget

    def _made(self, route: Route, look: Hashable) -> QWidget:
        key = (look, route)
        if key in self._screens:
            self._screens.move_to_end(key)
            return self._screens[key]
        widget = self._looks[look][route.screen]()
        widget.navigate.connect(self.go)
        widget.completed.connect(self._build_other_looks_soon)
        self._screens[key] = widget
        self._stack.addWidget(widget)
        self._drop_least_recent()
        return widget

    def built_routes(self) -> list[tuple[Hashable, Route]]:
        """The screens kept built, as (look, route), least recently shown first."""
        return list(self._screens)

    def prepare(self, routes: Iterable[Route]) -> None:
        """Build these screens ahead of time, a slice per turn of the event loop, so a tap only has to show them."""
        self._to_prepare = [route for route in routes if self.needs_building(route, self._look)]
        self._preparer.start(PREPARE_WHEN_QUIET_MS)

    def go(self, route: Route) -> None:
        """Show `route` and remember where we came from."""
        if route == self.current:
            return
        if self._history:
            self._scroll_positions.append(self._stack.currentWidget().scroll_position())
        self._history.append(route)
        self._show(route, scroll=0)

    def back(self) -> None:
        """Return to the previous screen."""
        if self.can_go_back:
            self._history.pop()
            self._show(self._history[-1], scroll=self._scroll_positions.pop())

    def home(self) -> None:
        """Forget the history and return to the start screen, every scroll position at the top."""
        self._history = [Route(START)]
        self._scroll_positions = []
        for widget in self._screens.values():
            widget.reset_scroll()
        self._show(self._history[-1], scroll=0)

    def set_look(self, look: Hashable) -> None:
        """Show the current place, and every place from now on, as built for `look`."""
        if look == self._look:
            return
        fraction = self._stack.currentWidget().scroll_fraction() if self.current else 0.0
        self._look = look
        self._to_prepare = []
        if self.current:
            widget = self.screen(self.current)
            self._stack.setCurrentWidget(widget)
            widget.set_scroll_fraction(fraction)

    def replace_factories(self, looks: dict[Hashable, Factories]) -> None:
        """New content: drop every built screen and start again from home."""
        self._looks = looks
        self.drop_built_screens()
        self.home()

    def drop_built_screens(self, keep: Route | None = None) -> None:
        """Delete every built screen except `keep`."""
        self._to_prepare = []
        for key in [key for key in self._screens if key != (self._look, keep)]:
            self._drop(key)

    def _show(self, route: Route, scroll: int) -> None:
        if self._preparer.isActive():
            self._preparer.start(PREPARE_WHEN_QUIET_MS)  # someone is tapping: build ahead once they pause
        widget = self.screen(route)
        self._stack.setCurrentWidget(widget)
        widget.set_scroll_position(scroll)
        self.changed.emit(route)
        self._build_other_looks_soon()

    def _build_other_looks_soon(self) -> None:
        """Once the screen on show is complete (it says so), build it in the other looks, after any painting."""
        current = self._stack.currentWidget()
        if len(self._looks) > 1 and current is not None and current.is_complete() and not self._other_looks_posted:
            self._other_looks_posted = True
            QCoreApplication.postEvent(self, QEvent(_BUILD_OTHER_LOOKS), AFTER_PAINTING)

    def event(self, event: QEvent) -> bool:
        if event.type() == _BUILD_OTHER_LOOKS:
            self._other_looks_posted = False
            self._build_other_looks_slice()
            return True
        return super().event(event)

    def _build_other_looks_slice(self) -> None:
        """A slice of the place on show, in the other looks, once the screen on show is complete."""
        route = self.current
        if route is None or not self._stack.currentWidget().is_complete():
            return  # the screen on show comes first; it asks again when it is complete
        for look in self._looks:
            if not self.needs_building(route, look):
                continue
            widget = self._made(route, look)
            widget.start_building(route.argument)
            if not widget.build_more():
                self._build_other_looks_soon()
            return

    def _prepare_next(self) -> None:
        while self._to_prepare and not self.needs_building(self._to_prepare[0], self._look):
            self._to_prepare.pop(0)
        if self._to_prepare:
            route = self._to_prepare[0]
            widget = self._made(route, self._look)
            widget.start_building(route.argument)
            widget.build_more()
            self._preparer.start(0)

    def needs_building(self, route: Route, look: Hashable) -> bool:
        """Whether the place is not built, or not completely, for `look`."""
        key = (look, route)
        return key not in self._screens or not self._screens[key].is_complete()

    def _drop_least_recent(self) -> None:
        """Drop screens beyond KEEP_BUILT: the least recently shown of the kind with the most kept (the cards,
        as a rule: the quickest to build again), so one kind never crowds out the places patients return to."""
        while len(self._screens) > KEEP_BUILT:
            # Never the screen on show, nor the same place in the other text size (a patient may switch back).
            droppable = [key for key in self._screens if key[1] != self.current]
            crowded, _ = Counter(route.screen for _, route in droppable).most_common(1)[0]
            self._drop(next(key for key in droppable if key[1].screen == crowded))

    def _drop(self, key: tuple[Hashable, Route]) -> None:
        if not self._releaser.isActive():
            self._releaser.start()  # not restarted by later drops: a patient tapping on must not put it off
        widget = self._screens.pop(key)
        showing = widget is self._stack.currentWidget()
        self._stack.removeWidget(widget)
        if showing:  # a tap inside it may still be on its way out: let Qt delete it when that is done
            widget.hide()
            widget.deleteLater()
        else:  # at once: nothing is using it (about 1 ms for a hundred widgets)
            shiboken6.delete(widget)
