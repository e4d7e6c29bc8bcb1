"""The one navigation controller: which screen shows, the history behind it, Back, Home and reset."""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

START = "start"


@dataclass(frozen=True)
class Route:
    """A place in the kiosk: a screen name and what it shows (a card or cause id), if anything."""

    screen: str
    argument: str | None = None


class Navigator(QObject):
    """Owns the history. Screens are built lazily, once, by the factories it is given."""

    changed = Signal(object)  # the Route now shown

    def __init__(self, stack: QStackedWidget, factories: dict[str, Callable[[], QWidget]]):
        super().__init__()
        self._stack = stack
        self._factories = factories
        self._screens: dict[str, QWidget] = {}
        self._history: list[Route] = []
        self._scroll_positions: list[int] = []

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

    def screen(self, name: str) -> QWidget:
        """The screen widget with this name, built on first use."""
        if name not in self._screens:
            widget = self._factories[name]()
            widget.navigate.connect(self.go)
            self._screens[name] = widget
            self._stack.addWidget(widget)
        return self._screens[name]

    def built_screens(self) -> dict[str, QWidget]:
        """The screens built so far."""
        return dict(self._screens)

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
        """New content: drop every built screen and start again from home."""
        self._factories = factories
        for widget in self._screens.values():
            self._stack.removeWidget(widget)
            widget.deleteLater()
        self._screens.clear()
        self.home()

    def _show(self, route: Route, scroll: int) -> None:
        widget = self.screen(route.screen)
        widget.show_route(route.argument)
        self._stack.setCurrentWidget(widget)
        widget.set_scroll_position(scroll)
        self.changed.emit(route)
