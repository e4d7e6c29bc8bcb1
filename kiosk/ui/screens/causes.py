"""'What might be causing it?': the cause groups as big tiles, and ways to see every treatment."""

from collections.abc import Iterator

from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.ui.screens.base import Screen
from kiosk.ui.translation import translate
from kiosk.ui.widgets import CardButton, text_label, touch_button


class CausesScreen(Screen):
    """The cause picker."""

    title = "What might be causing it?"

    def build(self, argument: str | None) -> Iterator[None]:
        self.column.addWidget(text_label(translate("CausesScreen", "What might be causing it?"), "Heading"))
        self.column.addWidget(
            text_label(
                translate("CausesScreen", "Tap the one that sounds closest. You can go back at any time."), "Lead"
            )
        )
        tiles = QWidget()
        tiles.setObjectName("ScreenColumn")
        grid = QGridLayout(tiles)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(20)
        for index, group in enumerate(self.content.cause_groups):
            tile = CardButton(group.title, group.summary, icon=group.icon, role="CauseTile")
            tile.clicked.connect(lambda _=False, group_id=group.id: self.go("cause", group_id))
            grid.addWidget(tile, index // 2, index % 2)
        self.column.addWidget(tiles)
        self.column.addSpacing(8)
        red_flags = touch_button(translate("CausesScreen", "See a doctor soon if…"), "Alert", icon="warning")
        red_flags.clicked.connect(lambda: self.go("red_flags"))
        self.column.addWidget(red_flags)
        if self.content.pictures:
            pictures = touch_button(
                translate("CausesScreen", "What does it look like? See drawings"), "Secondary", icon="book"
            )
            pictures.clicked.connect(lambda: self.go("pictures"))
            self.column.addWidget(pictures)
        for topic in self.content.topics:
            button = touch_button(topic.title, "Secondary", icon="doctor")
            button.clicked.connect(lambda _=False, topic_id=topic.id: self.go("topic", topic_id))
            self.column.addWidget(button)
        everything = touch_button(translate("CausesScreen", "All treatments"), "Secondary", icon="list")
        everything.clicked.connect(lambda: self.go("treatments"))
        self.column.addWidget(everything)
        compare = touch_button(
            translate("CausesScreen", "What actually works? Compare treatments"), "Secondary", icon="compare"
        )
        compare.clicked.connect(lambda: self.go("compare"))
        self.column.addWidget(compare)
        yield
