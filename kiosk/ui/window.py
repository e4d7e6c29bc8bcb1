"""The kiosk's top-level window: the shared frame, the navigator, and the content they show."""

from PySide6.QtWidgets import QMainWindow

from kiosk.content.library import Library
from kiosk.ui.frame import Frame
from kiosk.ui.navigator import START, Navigator, Route
from kiosk.ui.screens.registry import screen_factories


class KioskWindow(QMainWindow):
    """One window, one frame, one navigator."""

    def __init__(self, library: Library):
        super().__init__()
        self.library = library
        self.setWindowTitle("Hair loss: know your options")
        self.frame = Frame()
        self.setCentralWidget(self.frame)
        self.content = library.content()
        self.navigator = Navigator(self.frame.stack, screen_factories(self.content))
        self.navigator.changed.connect(self._on_route_changed)
        self.frame.back_requested.connect(self.navigator.back)
        self.frame.home_requested.connect(self.navigator.home)
        self.frame.glossary_requested.connect(lambda: self.navigator.go(Route("glossary")))
        self.apply_settings()
        self.navigator.home()

    def apply_settings(self) -> None:
        """Show the current clinic name and doctor guidance."""
        settings = self.library.settings()
        self.frame.set_title(settings.clinic_name)
        self.frame.set_guidance(settings.doctor_guidance)

    def reload_content(self) -> None:
        """Show newly published content, starting again from the start screen."""
        self.content = self.library.content()
        self.apply_settings()
        self.navigator.replace_factories(screen_factories(self.content))

    def current_screen(self):
        """The screen widget on show."""
        return self.frame.stack.currentWidget()

    def _on_route_changed(self, route: Route) -> None:
        self.frame.set_navigation_visible(route.screen != START)
        self.frame.words_button.setVisible(route.screen != "glossary")
