"""What a patient sees of the safety content, by taps on the real window: Get help now, key points, numbered next
steps, checked-by lines, Not proven cards under their own heading, the topics patients ask for within three taps,
and the "What does it look like?" picture guide."""

import pytest
from conftest import read_screen
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QAbstractButton, QFrame, QLabel

from kiosk.content.guide_schema import UNPROVEN_HEADING
from kiosk.ui.navigator import Route
from kiosk.ui.painted import badge_text
from kiosk.ui.screens.registry import guide_routes


def _frame_titled(widget) -> str:
    """The accessible name of the nearest section around `widget`."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QFrame) and parent.objectName() in ("Section", "Warning"):
            return parent.accessibleName().split("\n")[0]
        parent = parent.parentWidget()
    return ""


def _section(window, title: str) -> QFrame:
    """The section titled `title` (its accessible name starts with the title, then its text a line at a time)."""
    frames = [f for f in window.current_screen().findChildren(QFrame) if f.accessibleName().split("\n")[0] == title]
    assert frames, f"no section '{title}' on screen"
    return frames[0]


def test_the_finasteride_card_warns_and_says_what_to_do_next(patient, window):
    card = window.content.treatment("finasteride")
    patient.tap("Tap to start")
    patient.tap("Genetic")
    patient.tap(f"{card.name}, ")
    seen = patient.reads()
    assert "Key points" in seen and card.key_points[2] in seen
    help_now = _section(window, "Get help now if…")
    assert help_now.objectName() == "Warning"
    assert "You have thoughts of hurting or killing yourself." in seen
    assert card.get_help_action in seen
    steps = read_screen(_section(window, "What to do next"))
    assert steps[1].startswith("1.  Ask your doctor") and steps[2].startswith("2.  Do not give blood")
    assert "Checked by Kiosk content team, medical content reviewers, on 2026-11-30." in seen
    on_screen = read_screen(window.current_screen())
    assert on_screen[:3] == [card.name, "Key points", card.key_points[0]]  # the key points come under the title


def test_a_cause_page_shows_not_proven_cards_only_under_their_own_heading(patient, window):
    patient.tap("Tap to start")
    patient.tap("Genetic")
    seen = patient.reads()
    assert UNPROVEN_HEADING in seen
    group = window.content.cause_group("genetic")
    assert group.key_points[0] in seen and "What to do next" in seen
    for card_id in ("exosomes", "peptides"):
        card = window.content.treatment(card_id)
        buttons = [b for b in patient.visible_buttons() if b.accessibleName() == f"{card.name}, Not proven"]
        assert buttons and all(_frame_titled(b) == UNPROVEN_HEADING for b in buttons)
    options = [b for b in patient.visible_buttons() if _frame_titled(b) == "Treatments that may help"]
    assert options and not any(b.accessibleName().endswith("Not proven") for b in options)
    patient.tap("Exosome therapy, Not proven")
    assert window.navigator.current == Route("treatment", "exosomes")
    evidence = read_screen(_section(window, "How good is the evidence?"))
    assert evidence[1] == "Not proven"
    badge = next(block for block in _section(window, "How good is the evidence?").blocks.blocks if block.evidence)
    assert "●" not in badge_text(badge.evidence) and badge_text(badge.evidence).startswith("○○○○")


def test_the_warning_signs_include_low_mood_numbered_steps_and_who_checked_them(patient, window):
    patient.tap("See a doctor soon if…")
    seen = patient.reads()
    assert any("thoughts of hurting yourself while you take a hair-loss medicine" in text for text in seen)
    assert any(text.startswith("1.  Call your doctor's office today") for text in seen)
    assert any(text.startswith("Checked by ") for text in seen)


# (what a patient wants, the buttons they tap from the start, words they then see)
TOPICS = [
    ("normal shedding", ["Tap to start", "Not sure / other causes"], "about 50 to 100 hairs a day is normal"),
    ("hair transplant", ["Tap to start", "Genetic", "Hair transplant surgery, "], "Moves your own hair to thin"),
    (
        "cosmetic options",
        ["Tap to start", "Living with hair loss", "Wigs, toppers and other cover-ups, "],
        "Scalp micropigmentation",
    ),  # fmt: skip
    ("support groups", ["Tap to start", "Living with hair loss"], "National Alopecia Areata Foundation"),
    ("scarring hair loss", ["Tap to start", "Not sure / other causes"], "lichen planopilaris"),
    ("tinea spreads", ["Tap to start", "Not sure / other causes"], "do not share combs"),
    ("chemotherapy", ["Tap to start", "Not sure / other causes"], "Scalp cooling during treatment"),
    ("medicines", ["Tap to start", "Not sure / other causes"], "isotretinoin for acne"),
    ("fast weight loss", ["Tap to start", "Nutritional"], "weight-loss medicines and weight-loss surgery"),
    ("breakage", ["Tap to start", "Not sure / other causes"], "Chemical relaxers, bleach"),
]


@pytest.mark.parametrize(("topic", "taps", "words"), TOPICS, ids=[topic for topic, _, _ in TOPICS])
def test_each_topic_patients_ask_for_is_within_three_taps(patient, window, topic, taps, words):
    for name in taps:
        patient.tap(name)
    assert len(taps) <= 3
    assert any(words in text for text in patient.reads()), f"{topic}: '{words}' not on screen after {taps}"


def test_the_picture_guide_is_one_tap_from_the_cause_picker_and_never_names_the_answer(patient, window):
    patient.tap("Tap to start")
    patient.tap("What does it look like? See drawings")
    assert window.navigator.current == Route("pictures")
    patterns = window.content.pictures
    assert 6 <= len(patterns) <= 8
    for pattern in patterns:
        patient.tap(f"Pattern: {pattern.title}")
        seen = patient.reads()
        assert pattern.caption in seen
        assert "Only a doctor can tell for sure" in seen
        screen = window.current_screen()
        drawings = [d for d in screen.findChildren(QSvgWidget) if d.isVisibleTo(screen)]  # not one left from before
        assert drawings and drawings[0].renderer().isValid()
        assert drawings[0].accessibleDescription() == pattern.description
        assert drawings[0].height() >= 300
        for cause_id in pattern.cause_ids:
            assert patient.button(f"Read: {window.content.cause_group(cause_id).title}")
        patient.tap("Back")
    patient.tap(f"Pattern: {patterns[0].title}")
    patient.tap("Read: Genetic")
    assert window.navigator.current == Route("cause", "genetic")


def test_the_picture_guide_fits_a_small_landscape_and_a_portrait_screen(patient, window, qtbot):
    for width, height in ((1280, 800), (1080, 1920)):
        window.resize(width, height)
        window.navigator.go(Route("picture", "widening-part"))
        patient.reads()
        screen = window.current_screen()
        drawing = next(d for d in screen.findChildren(QSvgWidget) if d.isVisibleTo(screen))
        assert drawing.width() <= screen.scroll.viewport().width()
        assert drawing.mapTo(screen, drawing.rect().bottomRight()).y() < screen.height()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1280, 800)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_pattern_screens_are_touch_sized_readable_and_named(window, qtbot, size):
    window.resize(*size)
    for route in guide_routes(window.content):
        window.navigator.home()
        window.navigator.go(route)
        qtbot.waitUntil(lambda: window.current_screen().isVisible())
        window.current_screen().finish_building()
        for button in window.findChildren(QAbstractButton):
            if button.isVisibleTo(window):
                assert button.height() >= 60 and button.width() >= 60, (route, button.accessibleName())
                assert button.accessibleName().strip()
                assert button.mapTo(window, button.rect().topRight()).x() <= window.width()
        for label in window.findChildren(QLabel):
            if label.isVisibleTo(window) and label.text():
                assert label.fontInfo().pixelSize() >= 20, (route, label.text()[:40])
                assert label.accessibleName().strip(), (route, label.text()[:40])
                assert label.mapTo(window, label.rect().topRight()).x() <= window.width() + 1
