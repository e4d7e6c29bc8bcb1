"""What a patient sees stays right when the kiosk saves work: a screen emptied for the next place fills its old
section panels with the new text, and a bar hidden during a change of look shows the look when it appears."""

from conftest import wait_until_complete
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from kiosk.ui.painted import TextPanel


def visible_panels(window) -> list[TextPanel]:
    return [panel for panel in window.current_screen().findChildren(TextPanel) if panel.isVisibleTo(window)]


def test_the_next_card_reuses_the_panels_of_the_last_and_shows_only_its_own_text(window, patient, qtbot):
    first, second = window.content.treatments[0], window.content.treatments[1]
    patient.tap("Tap to start")
    patient.tap("All treatments")
    patient.tap(first.name)
    wait_until_complete(qtbot, window)
    card_screen, panels = window.current_screen(), set(visible_panels(window))
    patient.tap("Back")
    patient.tap(second.name)
    wait_until_complete(qtbot, window)
    assert window.current_screen() is card_screen  # the emptied screen, filled for the next card
    shown = visible_panels(window)
    assert panels & set(shown), "every section panel was made again"
    text = "\n".join(patient.reads())
    assert second.name in text and second.what_it_is in text
    assert first.what_it_is not in text, "a panel kept the last card's text"
    assert all(panel.height() >= panel.heightForWidth(panel.width()) for panel in shown), "a panel cut off"


def test_high_contrast_chosen_in_landscape_reaches_the_portrait_title_line(window, patient, qtbot):
    qtbot.mouseClick(patient.button("High contrast"), Qt.MouseButton.LeftButton)
    bar = window.frame.portrait_title_bar
    assert bar.isHidden()  # landscape: the clinic name is in the header
    window.resize(1080, 1920)
    qtbot.waitUntil(bar.isVisible)
    title = window.frame.portrait_title
    assert title.palette().color(title.foregroundRole()).name().upper() in ("#000000", "#FFFF00", "#FFFFFF")
    assert "#FFFF00" in bar.styleSheet() or "#000000" in bar.styleSheet()  # its high-contrast rules


def test_a_screen_filled_again_is_read_in_the_order_it_shows(window, patient, qtbot):
    """Screen readers, read aloud and Tab follow the order of a screen's widgets: reused panels must take their
    place in it, not keep the place they had on the last card."""
    from kiosk.ui.speech import screen_parts

    def spoken() -> list[str]:
        wait_until_complete(qtbot, window)
        return [part.text for part in screen_parts(window.current_screen(), window.frame.guidance_label)]

    minoxidil, finasteride = (window.content.treatment(id_) for id_ in ("minoxidil-topical", "finasteride"))
    patient.tap("Tap to start")
    patient.tap("All treatments")
    patient.tap(minoxidil.name)
    first_visit = spoken()
    for name in (finasteride.name, minoxidil.name):
        patient.tap("Back")
        patient.tap(name)
    assert spoken() == first_visit


def widgets_alive() -> int:
    """Widgets in the application once those waiting for deleteLater are gone."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return len(QApplication.allWidgets())


def test_changing_the_text_size_again_and_again_leaves_no_widgets_behind(window, patient, qtbot):
    patient.tap("Tap to start")
    patient.tap("All treatments")
    patient.tap(window.content.treatments[0].name)
    size = patient.button("Text size")
    for _ in range(3):  # once round the three sizes: every panel and widget made once
        qtbot.mouseClick(size, Qt.MouseButton.LeftButton)
        wait_until_complete(qtbot, window)
    before = widgets_alive()
    for _ in range(6):
        qtbot.mouseClick(size, Qt.MouseButton.LeftButton)
        wait_until_complete(qtbot, window)
    assert widgets_alive() <= before
    assert size.text().endswith("100 %")
    assert window.content.treatments[0].what_it_is in "\n".join(patient.reads())


def test_a_language_alone_keeps_the_screen_in_its_text_size_and_contrast(window, patient, qtbot):
    qtbot.mouseClick(patient.button("Text size"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(patient.button("High contrast"), Qt.MouseButton.LeftButton)
    patient.tap("Tap to start")
    sheet = window.current_screen().look_stylesheet()
    assert "#FFFF00" in sheet  # high contrast
    qtbot.mouseClick(patient.button("Español"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: patient.sees("Tamaño del texto"))
    assert window.current_screen().look_stylesheet() == sheet
    assert window.frame.access_bar.text_size_button.text().endswith("130 %")
    assert window.frame.access_bar.contrast_button.isChecked()


class FirstFrameOfPage(QObject):
    """Notes, at the first frame that paints a screen's page, the sections on it drawn shorter than their text."""

    def __init__(self, window):
        super().__init__()
        self.window, self.painted, self.squeezed = window, False, []

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            for panel in visible_panels(self.window):
                if panel.height() < panel.heightForWidth(panel.width()):
                    self.squeezed.append((panel.parts()[0], panel.height(), panel.heightForWidth(panel.width())))
        return False


def test_a_card_at_a_new_text_size_shows_its_first_view_at_full_height_in_the_first_frame(window, patient, qtbot):
    """Portrait, a card read to its end, then Text size: the first frame shows the card's first view with each
    section at its full height. Before, the card's two-column sections took no room until Qt's next turn, so the
    whole card was built before the first frame and painted squeezed into the page's old height, then jumped."""
    window.resize(1080, 1920)
    patient.tap("Tap to start")
    patient.tap("All treatments")
    patient.tap(f"{window.content.treatments[0].name}, ")
    wait_until_complete(qtbot, window)
    page = window.current_screen().scroll.widget()
    first_frame = FirstFrameOfPage(window)
    page.installEventFilter(first_frame)
    qtbot.mouseClick(patient.button("Text size"), Qt.MouseButton.LeftButton)
    assert not window.current_screen().is_complete()  # the first view only, before the first frame
    qtbot.waitUntil(lambda: first_frame.painted)
    page.removeEventFilter(first_frame)
    assert first_frame.squeezed == []
