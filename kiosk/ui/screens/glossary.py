"""'Words explained': the hard words on the cards, in plain language."""

from collections.abc import Iterator

from kiosk.ui.screens.base import Screen
from kiosk.ui.translation import translate
from kiosk.ui.widgets import text_label, text_section


class GlossaryScreen(Screen):
    """The glossary."""

    title = "Words explained"

    def build(self, argument: str | None) -> Iterator[None]:
        self.column.addWidget(text_label(translate("GlossaryScreen", "Words explained"), "Heading"))
        for entry in self.content.glossary:
            self.add_block(lambda entry=entry: text_section(entry.term, entry.meaning))
            yield
