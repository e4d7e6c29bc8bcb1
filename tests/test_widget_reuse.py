"""A screen filled for its next place (its section panels reused, its other widgets made again) shows only the
new place: nothing of the last one, no widgets left behind visit after visit, and Back still finds the old one
as it was left."""

from dataclasses import replace

from conftest import read_screen, wait_until_complete
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication

from kiosk.storage.content_tables import replace_content
from kiosk.storage.rows import Content
from kiosk.ui.questions import ADD_LABEL, QuestionToggle


def card_by_id(window, card_id):
    return next(card for card in window.content.treatments if card.id == card_id)


def visible_toggles(window) -> list[QuestionToggle]:
    return [t for t in window.current_screen().findChildren(QuestionToggle) if t.isVisibleTo(window)]


def own_lines(card, other) -> list[str]:
    """The lines of `card` a patient reads that `other` does not have."""
    lines = [card.name, card.summary, card.what_it_is, *card.questions, *card.key_points, *card.next_steps]
    theirs = {other.name, other.summary, other.what_it_is, *other.questions, *other.key_points, *other.next_steps}
    return [line for line in lines if line and line not in theirs]


def test_a_short_card_after_a_long_one_shows_only_its_own_sections_and_buttons(window, patient, qtbot):
    long, short = card_by_id(window, "minoxidil-topical"), card_by_id(window, "ketoconazole-shampoo")
    assert len(long.questions) > len(short.questions) and len(long.next_steps) > len(short.next_steps)
    patient.tap("Tap to start")
    patient.tap("All treatments")
    patient.tap(long.name)
    wait_until_complete(qtbot, window)
    card_screen = window.current_screen()
    assert len(visible_toggles(window)) == len(long.questions)
    patient.tap("Back")
    patient.tap(short.name)
    wait_until_complete(qtbot, window)
    assert window.current_screen() is card_screen  # the same screen, filled again with reused widgets
    text = "\n".join(patient.reads())
    assert short.name in text and short.what_it_is in text and all(q in text for q in short.questions)
    left_over = [line for line in own_lines(long, short) if line in text]
    assert not left_over, f"the last card's text is still on screen: {left_over}"
    toggles = visible_toggles(window)
    assert len(toggles) == len(short.questions), "a toggle of the last card is still on screen"
    assert [t.accessibleDescription() for t in toggles] == list(short.questions)
    steps = [line for line in text.split("\n") if line[:2] in ("1.", "2.", "3.", "4.", "5.")]
    assert len(steps) == len(short.next_steps), f"numbered steps shown: {steps}"


def test_a_question_chosen_on_one_card_is_not_shown_chosen_on_the_next(window, patient, qtbot):
    first, second = card_by_id(window, "minoxidil-topical"), card_by_id(window, "finasteride")
    patient.tap("Tap to start")
    patient.tap("All treatments")
    patient.tap(first.name)
    wait_until_complete(qtbot, window)
    toggle = visible_toggles(window)[0]
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert toggle.isChecked() and window.my_questions.is_chosen(first.id, first.questions[0])
    patient.tap("Back")
    patient.tap(second.name)
    wait_until_complete(qtbot, window)
    assert not any(t.isChecked() for t in visible_toggles(window)), "a reused toggle kept the last card's choice"
    first_toggle = visible_toggles(window)[0]
    qtbot.mouseClick(first_toggle, Qt.MouseButton.LeftButton)
    assert window.my_questions.is_chosen(second.id, second.questions[0])
    assert window.my_questions.is_chosen(first.id, first.questions[0])  # the first card's choice is untouched
    assert first_toggle.text().endswith(ADD_LABEL)


def test_back_finds_the_list_where_it_was_left_after_cards_reused_their_widgets(window, patient, qtbot):
    patient.tap("Tap to start")
    patient.tap("All treatments")
    wait_until_complete(qtbot, window)
    last = window.content.treatments[-1]
    patient.tap(last.name)  # scrolls the list down to it first
    patient.tap("Back")
    list_screen = window.current_screen()
    place = list_screen.scroll_position()
    assert place > 0
    patient.tap(window.content.treatments[-2].name)
    patient.tap("Back")
    wait_until_complete(qtbot, window)
    assert window.current_screen() is list_screen and patient.sees(last.name)
    qtbot.waitUntil(lambda: list_screen.scroll_position() > 0)


def test_staff_typed_markup_shows_as_typed_on_a_reused_heading_and_card_button(window, patient, qtbot):
    cards = window.content.treatments
    markup = "<b>Shampoo</b> <i>plus</i>"
    changed = replace(cards[1], name=markup, summary="<u>Under</u> the skin")
    content = window.content
    replace_content(
        window.library.conn,
        Content((cards[0], changed, *cards[2:]), content.cause_groups, content.red_flags, content.glossary),
    )
    window.reload_content()
    patient.tap("Tap to start")
    patient.tap("All treatments")
    patient.tap(cards[0].name)
    patient.tap("Back")
    assert patient.button(markup).accessibleName().startswith(markup)  # the list's card button, as typed
    patient.tap(markup)
    wait_until_complete(qtbot, window)
    names = read_screen(window)
    assert markup in names and "<u>Under</u> the skin" in names
    assert cards[0].name not in names


def test_visits_round_the_places_make_no_new_widgets(window, qtbot):
    from kiosk.ui.navigator import Route

    places = [Route("treatment", card.id) for card in window.content.treatments[:6]]
    places += [Route("cause", group.id) for group in window.content.cause_groups]
    places += [Route("compare"), Route("glossary"), Route("my_questions")]

    def round_of_visits() -> int:
        window.navigator.home()  # the next patient: the causes screen is filled again too
        window.navigator.go(Route("causes"))
        for route in places:
            window.navigator.go(route)
            window.current_screen().finish_building()
            window.navigator.back()
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return len(QApplication.allWidgets())

    round_of_visits()
    first = round_of_visits()
    assert round_of_visits() == first and round_of_visits() == first


def test_the_next_patient_sees_a_refilled_screen_laid_out_as_the_first_saw_it(window, patient, qtbot):
    def layout_of_screen() -> list[tuple[int, int]]:
        wait_until_complete(qtbot, window)
        column = window.current_screen().column
        items = [column.itemAt(index) for index in range(column.count())]
        return [(item.geometry().y(), item.geometry().height()) for item in items if item.widget() is not None]

    patient.tap("Tap to start")
    first = layout_of_screen()
    window.navigator.home()  # the next patient
    patient.tap("Tap to start")
    qtbot.waitUntil(lambda: layout_of_screen() == first, timeout=2000)  # a reused heading is no taller than before
