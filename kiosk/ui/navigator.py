"""The one navigation controller: which screen shows, the history behind it, Back, Home and reset."""

from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

START = "start"
KEEP_BUILT = 64  # screens kept built; the least recently shown beyond this are dropped
PREPARE_WHEN_QUIET_MS = 400  # building ahead waits until the patient has not moved for this long


@dataclass(frozen=True)
class Route:
    """A place in the kiosk: a screen name and what it shows (a card or cause id), if anything."""

    screen: str
    argument: str | None = None


class Navigator(QObject):
    """Owns the history. Each place is built once, by the factories it is given, and kept for next time."""

    changed = Signal(object)  # the Route now shown

    def __init__(self, stack: QStackedWidget, factories: dict[str, Callable[[], QWidget]]):
        super().__init__(stack)  # lives and dies with the screens it shows
        self._stack = stack
        self._factories = factories
        self._screens: OrderedDict[Route, QWidget] = OrderedDict()
        self._history: list[Route] = []
        self._scroll_positions: list[int] = []
        self._to_prepare: list[Route] = []
        self._preparer = QTimer(self, singleShot=True, interval=PREPARE_WHEN_QUIET_MS)
        self._preparer.timeout.connect(self._prepare_next)

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
        """The screen for `route`, made on first use and filled whenever it is empty."""
        if route in self._screens:
            self._screens.move_to_end(route)
            widget = self._screens[route]
        else:
            widget = self._factories[route.screen]()
            widget.navigate.connect(self.go)
            self._screens[route] = widget
            self._stack.addWidget(widget)
            self._drop_least_recent()
        widget.show_route(route.argument)
        return widget

    def prepare(self, routes: Iterable[Route]) -> None:
        """Build these screens ahead of time, one per turn of the event loop, so a tap only has to show them."""
        self._to_prepare = [route for route in routes if self._needs_building(route)]
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

    def replace_factories(self, factories: dict[str, Callable[[], QWidget]]) -> None:
        """New content (or a new look): drop every built screen and start again from home."""
        self._factories = factories
        self.drop_built_screens()
        self.home()

    def empty_built_screens(self, keep: Route | None = None) -> None:
        """Empty every screen but `keep`, keeping its scroll area (a new one would register a new gesture
        with Qt every time); each is filled again when shown or prepared."""
        for route, widget in self._screens.items():
            if route != keep:
                widget.empty()

    def drop_built_screens(self, keep: Route | None = None) -> None:
        """Delete every built screen except `keep`."""
        self._to_prepare = []
        for route in [route for route in self._screens if route != keep]:
            self._drop(route)

    def _show(self, route: Route, scroll: int) -> None:
        if self._preparer.isActive():
            self._preparer.start(PREPARE_WHEN_QUIET_MS)  # someone is tapping: build ahead once they pause
        widget = self.screen(route)
        self._stack.setCurrentWidget(widget)
        widget.set_scroll_position(scroll)
        self.changed.emit(route)

    def _prepare_next(self) -> None:
        while self._to_prepare:
            route = self._to_prepare.pop(0)
            if self._needs_building(route):
                self.screen(route).ensurePolished()
                break
        if self._to_prepare:
            self._preparer.start(0)

    def _needs_building(self, route: Route) -> bool:
        return route not in self._screens or self._screens[route].is_empty()

    def _drop_least_recent(self) -> None:
        while len(self._screens) > KEEP_BUILT:
            oldest = next(route for route in self._screens if route != self.current)
            self._drop(oldest)

    def _drop(self, route: Route) -> None:
        widget = self._screens.pop(route)
        showing = widget is self._stack.currentWidget()
        self._stack.removeWidget(widget)
        if showing:  # a tap inside it may still be on its way out: let Qt delete it when that is done
            widget.hide()
            widget.deleteLater()
        else:  # at once: a restyle that follows would otherwise polish the dying widgets too
            shiboken6.delete(widget)
