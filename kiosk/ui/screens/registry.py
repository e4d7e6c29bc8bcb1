"""Which screen class serves which route name, and every route the content offers."""

from collections.abc import Callable

from kiosk.storage.rows import Content
from kiosk.ui.navigator import Route
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.cause import CauseScreen
from kiosk.ui.screens.causes import CausesScreen
from kiosk.ui.screens.compare import CompareScreen
from kiosk.ui.screens.glossary import GlossaryScreen
from kiosk.ui.screens.my_questions import MyQuestionsScreen
from kiosk.ui.screens.pictures import PictureScreen, PicturesScreen
from kiosk.ui.screens.red_flags import RedFlagsScreen
from kiosk.ui.screens.start import StartScreen
from kiosk.ui.screens.topic import TopicScreen
from kiosk.ui.screens.treatment import TreatmentScreen
from kiosk.ui.screens.treatments import TreatmentsScreen
from kiosk.ui.text_size import use_text_size

SCREENS: dict[str, type[Screen]] = {
    "start": StartScreen,
    "causes": CausesScreen,
    "cause": CauseScreen,
    "treatment": TreatmentScreen,
    "treatments": TreatmentsScreen,
    "compare": CompareScreen,
    "red_flags": RedFlagsScreen,
    "glossary": GlossaryScreen,
    "pictures": PicturesScreen,
    "picture": PictureScreen,
    "topic": TopicScreen,
    "my_questions": MyQuestionsScreen,
}


def screen_factories(content: Callable[[], Content], larger_text: bool = False) -> dict[str, Callable[[], Screen]]:
    """A builder for each screen. `content()` is asked for only when a screen that shows content is built,
    so the start screen (and the first frame) never waits for the cards to be read."""

    def factory(cls: type[Screen]) -> Callable[[], Screen]:
        def make() -> Screen:
            screen = cls(None if cls is StartScreen else content())
            if larger_text:
                use_text_size(screen, larger_text)
            return screen

        return make

    return {name: factory(cls) for name, cls in SCREENS.items()}


def all_routes(content: Content) -> list[Route]:
    """Every place a patient can reach, in a sensible reading order."""
    routes = [Route("start"), Route("causes")]
    routes += [Route("cause", group.id) for group in content.cause_groups]
    routes += [Route("treatments"), Route("compare"), Route("red_flags"), Route("glossary")]
    routes += [Route("treatment", card.id) for card in content.treatments]
    return routes


def guide_routes(content: Content) -> list[Route]:
    """The picture guide, each of its patterns, and the topic screens. Kept apart from `all_routes`, which the
    window builds ahead: the navigator keeps a fixed number of screens built, and these would crowd out the
    cause pages patients come back to. They are built when tapped."""
    routes = [Route("pictures")] + [Route("picture", pattern.id) for pattern in content.pictures]
    return routes + [Route("topic", topic.id) for topic in content.topics]
