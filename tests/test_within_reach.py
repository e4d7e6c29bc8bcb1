"""Within reach: a kiosk setting that keeps every button of a portrait screen in its lower two thirds, for
seated people and wheelchair users; the top third shows the clinic name."""

import pytest
from admin_runner import kiosk_admin
from PySide6.QtWidgets import QAbstractButton

from kiosk.content.settings import save_setting
from kiosk.ui.look import Look
from kiosk.ui.navigator import Route


def buttons_above(window, line: int) -> list[str]:
    """The names of the visible buttons whose top is above `line` (in window coordinates)."""
    return [
        button.accessibleName()
        for button in window.findChildren(QAbstractButton)
        if button.isVisibleTo(window) and button.mapTo(window, button.rect().topLeft()).y() < line
    ]


@pytest.mark.parametrize("text_scale", [1.0, 1.6])
def test_every_button_of_a_portrait_screen_is_in_its_lower_two_thirds(window, qtbot, text_scale):
    save_setting(window.library.conn, "within_reach", "1")
    window.apply_settings()
    window.resize(1080, 1920)
    window.frame.looks.choose(Look(text_scale=text_scale))
    line = 1920 // 3
    for route in [Route("start"), Route("causes"), Route("treatment", window.content.treatments[0].id)]:
        window.navigator.home()
        window.navigator.go(route)
        qtbot.waitUntil(lambda: window.frame.reach_space.isVisible() and window.frame.reach_space.height() == line)
        try:
            qtbot.waitUntil(lambda: not buttons_above(window, line), timeout=1000)  # laid out at Qt's next turn
        except qtbot.TimeoutError:
            raise AssertionError(f"{route}: {buttons_above(window, line)} out of reach") from None
        assert window.frame.reach_title.isVisible()
    window.idle.overlay.cover()  # "Are you still there?"
    assert window.idle.overlay.still_here_button.isVisible()
    assert buttons_above(window, line) == []


def test_the_setting_changes_nothing_in_landscape_or_when_off(window, qtbot):
    window.resize(1080, 1920)
    qtbot.waitUntil(lambda: window.frame.portrait_title_bar.isVisible())
    assert not window.frame.reach_space.isVisible()
    save_setting(window.library.conn, "within_reach", "1")
    window.apply_settings()
    assert window.frame.reach_space.isVisible() and not window.frame.portrait_title_bar.isVisible()
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: not window.frame.reach_space.isVisible())


def test_staff_turn_it_on_with_kiosk_admin_and_a_bad_value_is_refused(db_path, window):
    refused = kiosk_admin(db_path, "settings", "set", "within_reach", "2")
    assert refused.returncode != 0 and "within reach" in (refused.stdout + refused.stderr).lower()
    assert kiosk_admin(db_path, "settings", "set", "within_reach", "1").returncode == 0
    window.apply_settings()
    assert window.settings.within_reach == 1
