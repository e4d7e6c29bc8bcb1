"""A topic screen such as 'Living with hair loss': key points, what to know, cards to read, and what to do next."""

from collections.abc import Iterator

from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.cause import treatment_button
from kiosk.ui.screens.sign_off import checked_by_label, key_points_section, next_steps_section, sources_line
from kiosk.ui.translation import translate
from kiosk.ui.widgets import ResponsiveColumns, list_section, section, text_label


class TopicScreen(Screen):
    """One topic."""

    def build(self, argument: str | None) -> Iterator[None]:
        topic = self.content.topic(argument)
        self.title = topic.title
        self.column.addWidget(text_label(topic.title, "Heading"))
        self.column.addWidget(key_points_section(topic.key_points))
        self.column.addWidget(text_label(topic.summary, "Lead"))
        yield
        parts = ResponsiveColumns([list_section(part.title, part.entries) for part in topic.sections])
        self.column.addWidget(parts)
        yield
        buttons = []
        for card_id in topic.treatment_ids:
            button = treatment_button(self.content.treatment(card_id))
            button.clicked.connect(lambda _=False, card=card_id: self.go("treatment", card))
            buttons.append(button)
        if buttons:
            self.column.addWidget(section(translate("TopicScreen", "Read more"), ResponsiveColumns(buttons, 900)))
        self.column.addWidget(next_steps_section(topic.next_steps))
        self.column.addWidget(checked_by_label(topic.checked_by, sources_line(topic.sources)))
        yield
