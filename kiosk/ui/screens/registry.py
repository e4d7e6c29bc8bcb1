"""Which screen class serves which route name, and every route the content offers."""

from collections.abc import Callable
from importlib import import_module

from kiosk.storage.rows import Content
from kiosk.ui.navigator import Route
from kiosk.ui.screens.base import Screen
from kiosk.ui.text_size import use_text_size

# Each screen's module is imported when the screen is first made: the first frame needs only the start screen.
SCREENS: dict[str, str] = {
    "start": "start.StartScreen",
    "causes": "causes.CausesScreen",
    "cause": "cause.CauseScreen",
    "treatment": "treatment.TreatmentScreen",
    "treatments": "treatments.TreatmentsScreen",
    "compare": "compare.CompareScreen",
    "red_flags": "red_flags.RedFlagsScreen",
    "glossary": "glossary.GlossaryScreen",
    "pictures": "pictures.PicturesScreen",
    "picture": "pictures.PictureScreen",
    "topic": "topic.TopicScreen",
    "my_questions": "my_questions.MyQuestionsScreen",
}


def screen_class(name: str) -> type[Screen]:
    """The class of the screen called `name` (its module imported now if it was not yet)."""
    module, cls = SCREENS[name].split(".")
    return getattr(import_module(f"kiosk.ui.screens.{module}"), cls)


def screen_factories(content: Callable[[], Content], larger_text: bool = False) -> dict[str, Callable[[], Screen]]:
    """A builder for each screen. `content()` is asked for only when a screen that shows content is built,
    so the start screen (and the first frame) never waits for the cards to be read."""

    def factory(name: str) -> Callable[[], Screen]:
        def make() -> Screen:
            screen = screen_class(name)(None if name == "start" else content())
            if larger_text:
                use_text_size(screen, larger_text)
            return screen

        return make

    return {name: factory(name) for name in SCREENS}


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
