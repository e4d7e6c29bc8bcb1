"""The bench's tapper on the real window: which taps it counts as first visits, and a button gone before its tap."""

from PySide6.QtCore import QTimer

from bench.probe import access_control, screens_built
from bench.taps import RefGuard, Tapper
from kiosk.ui.widgets import CardButton


def _tap_in_turn(window, steps):
    """A chooser for the tapper: each step picks one of the buttons on show, then nothing (the run ends)."""
    steps = list(steps)

    def choose(buttons):
        return steps.pop(0)(window, buttons) if steps else None

    return choose


def _named(name):
    def pick(window, buttons):
        return next(button for button in buttons if button.accessibleName().startswith(name))

    return pick


def _contrast(window, buttons):
    return window.frame.access_bar.contrast_button


def _last_card(window, buttons):
    """The last treatment card built on the screen (far down the page: the tapper scrolls to it)."""
    return [button for button in buttons if isinstance(button, CardButton)][-1]


def test_back_to_a_place_left_in_another_look_is_a_return_not_a_first_visit(qtbot, window):
    tapper = Tapper(window, lambda: window.navigator.current, RefGuard(), lambda: screens_built(window),
                    lambda button: access_control(window, button))  # fmt: skip
    group = window.content.cause_groups[-1].title
    steps = [_named("Tap to start"), _named(group), _last_card, _contrast, _named("Back"), _named("Back")]
    finished = []
    tapper.run(_tap_in_turn(window, steps), lambda: finished.append(True))
    qtbot.waitUntil(lambda: bool(finished), timeout=10_000)

    assert window.navigator.current.screen == "causes"
    # Back to the causes, left at their top: built again from the top, as on a first visit.
    assert {kind: len(samples) for kind, samples in tapper.first_visits.items()} == {
        "causes": 2,
        "cause": 1,
        "treatment": 1,
    }
    # Back to the cause page, left far down in the default look: built again from that place in high contrast.
    assert {kind: len(samples) for kind, samples in tapper.returns_built_again.items()} == {"cause": 1}
    assert tapper.timeouts == 0


def test_a_button_taken_away_before_the_tap_is_not_tapped_and_the_taps_go_on(qtbot, window):
    tapper = Tapper(window, lambda: window.navigator.current, RefGuard(), lambda: screens_built(window),
                    lambda button: access_control(window, button))  # fmt: skip

    def taken_away(window, buttons):
        button = window.frame.access_bar.contrast_button
        QTimer.singleShot(0, button.hide)  # before the tapper's press, at the next turn
        return button

    finished = []
    tapper.run(_tap_in_turn(window, [taken_away, _named("Tap to start")]), lambda: finished.append(True))
    qtbot.waitUntil(lambda: bool(finished), timeout=10_000)

    assert tapper.gone_before_tap == 1
    assert tapper.taps == 1
    assert window.navigator.current.screen == "causes"
    assert not window.frame.looks.current().high_contrast
