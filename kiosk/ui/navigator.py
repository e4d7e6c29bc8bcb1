"""The one navigation controller: which screen shows, the history behind it, Back, Home and reset."""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from kiosk.ui.look import Look, Looks

START = "start"

Factories = dict[str, Callable[[], QWidget]]


@dataclass(frozen=True)
class Route:
    """A place in the kiosk: a screen name and what it shows (a card or cause id), if anything."""

    screen: str
    argument: str | None = None


class Navigator(QObject):
    """Owns the history. A screen is built when it is shown, in the look in use, and kept only while its place
    is in the history, so that Back finds it as it was left. Nothing is built ahead and no copy is kept per look.

    A screen whose place has left the history is emptied and filled again for the next place of its kind:
    every new scroll area registers a gesture with Qt, which keeps about 4 KB for it until the process ends."""

    changed = Signal(object)  # the Route now shown

    def __init__(self, stack: QStackedWidget, factories: Factories, looks: Looks | None = None):
        super().__init__(stack)  # lives and dies with the screens it shows
        self._stack = stack
        self._factories = factories
        self._looks = looks or Looks(self)
        self._looks.changed.connect(self._show_in_look)
        self._history: list[Route] = []
        self._scroll_positions: list[int] = []
        self._screens: dict[Route, QWidget] = {}  # one for each place in the history
        self._spare: dict[str, list[QWidget]] = defaultdict(list)  # emptied, by kind

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
        """The screen for `route`, built (as far as the first view) for the look in use."""
        widget = self._screens.get(route)
        if widget is None:
            spare = self._spare[route.screen]
            widget = spare.pop() if spare else self._made(route.screen)
            self._screens[route] = widget
        widget.show_route(route.argument, self._looks.current())
        return widget

    def _made(self, name: str) -> QWidget:
        widget = self._factories[name]()
        widget.navigate.connect(self.go)
        self._stack.addWidget(widget)
        return widget

    def go(self, route: Route) -> None:
        """Show `route` and remember where we came from."""
        if route == self.current:
            return
        if self._history:
            self._scroll_positions.append(self._stack.currentWidget().scroll_position())
        self._history.append(route)
        self._show(route, scroll=0)

    def back(self) -> None:
        """Return to the previous screen, at the place it was left."""
        if self.can_go_back:
            self._history.pop()
            self._show(self._history[-1], scroll=self._scroll_positions.pop())

    def home(self) -> None:
        """Forget the history and return to the start screen, at its top."""
        self._history = [Route(START)]
        self._scroll_positions = []
        self._show(self._history[-1], scroll=0)

    def replace_factories(self, factories: Factories) -> None:
        """New content: every screen made again by the new factories, starting from home."""
        self._factories = factories
        for widget in [*self._screens.values(), *(w for kind in self._spare.values() for w in kind)]:
            self._stack.removeWidget(widget)
            widget.hide()
            widget.deleteLater()  # a tap inside the screen on show may still be on its way out
        self._screens, self._spare = {}, defaultdict(list)
        self.home()

    def drop_built_screens(self, keep: Route | None = None) -> None:
        """Empty every screen but the one for `keep` whose place is not in the history (no other is kept)."""
        self._empty_screens_left_behind()

    def _show(self, route: Route, scroll: int) -> None:
        widget = self._screens.get(route)
        look = self._looks.current()
        if widget is not None and scroll > 0 and widget.look != look:
            # Back to a place left in another look: built again in this one from the block that was at the top of
            # the view, as a change of look does, rather than from the top and then down to the place.
            self._stack.setCurrentWidget(widget)
            widget.show_in_look(look)
        else:
            widget = self.screen(route)
            self._stack.setCurrentWidget(widget)
            widget.set_scroll_position(scroll)
        self._empty_screens_left_behind()
        self.changed.emit(route)

    def _empty_screens_left_behind(self) -> None:
        for route in [route for route in self._screens if route not in self._history]:
            widget = self._screens.pop(route)
            widget.clear()
            self._spare[route.screen].append(widget)

    def _show_in_look(self, look: Look) -> None:
        """The screen on show, built again in `look` at the same place; the others when they are shown."""
        if self.current is not None:
            self._stack.currentWidget().show_in_look(look)
