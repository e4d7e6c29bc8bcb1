"""A patient walks through the kiosk with taps on the real window."""

from kiosk.ui.navigator import Route


def test_start_screen_invites_and_has_no_back_or_home(patient):
    assert patient.sees("Worried about hair loss?")
    assert patient.button("Tap to start")
    names = [b.accessibleName() for b in patient.visible_buttons()]
    assert "Back" not in names and "Home" not in names


def test_cause_categories_are_two_taps_from_start(patient, window):
    patient.tap("Tap to start")
    assert patient.sees("What might be causing it?")
    for group in window.content.cause_groups:
        patient.tap(group.title)
        assert window.navigator.current == Route("cause", group.id)
        assert patient.sees(group.summary)
        patient.tap("Back")
        assert patient.sees("What might be causing it?")


def test_every_card_is_reached_by_taps_within_four(patient, window):
    reached = set()
    for group in window.content.cause_groups:
        for card in window.content.treatments_for_group(group.id):
            window.navigator.home()
            patient.tap("Tap to start")
            patient.tap(group.title)
            patient.tap(f"{card.name}, ")
            assert window.navigator.current == Route("treatment", card.id)
            assert len(window.navigator.history) <= 5  # start + at most 4 taps
            reached.add(card.id)
    for card in window.content.treatments:
        if card.id in reached:
            continue
        window.navigator.home()
        patient.tap("Tap to start")
        patient.tap("All treatments")
        patient.tap(f"{card.name}, ")
        assert window.navigator.current == Route("treatment", card.id)
        reached.add(card.id)
    assert reached == {card.id for card in window.content.treatments}


def test_a_card_shows_evidence_in_words_side_effects_and_when_to_ask(patient, window):
    card = window.content.treatments[0]
    patient.tap("Tap to start")
    patient.tap("All treatments")
    patient.tap(f"{card.name}, ")
    seen = patient.reads()
    assert card.evidence.words in seen
    for heading in ("What it is", "Who it may help", "Side effects", "Who must not use it, or must ask first",
                    "Questions to ask your doctor"):  # fmt: skip
        assert heading in seen, heading
    assert card.side_effects in seen
    assert card.who_must_avoid in seen
