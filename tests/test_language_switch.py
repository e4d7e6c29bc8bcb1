"""Español on the access bar: the content and the doctor guidance in Spanish on every screen, English again with
English, and English for the next patient."""

from kiosk.content.languages import content_in, guidance_in
from kiosk.ui.navigator import Route


def test_espanol_shows_the_content_and_guidance_in_spanish_and_english_brings_english_back(window, patient, qtbot):
    english = window.content
    spanish = content_in(english, "es")
    card_en, card_es = english.treatments[0], spanish.treatments[0]
    group_en, group_es = next(
        (en, es) for en, es in zip(english.cause_groups, spanish.cause_groups, strict=True) if en.title != es.title
    )
    assert card_es.summary != card_en.summary  # the bundled content has Spanish
    guidance_es = guidance_in(english, window.settings.doctor_guidance, "es")
    assert guidance_es != window.settings.doctor_guidance

    patient.tap("Español")  # on the start screen
    assert window.frame.guidance_label.text() == guidance_es
    assert patient.sees(guidance_es)
    patient.tap("Toque para empezar")  # the interface words are in Spanish too
    patient.tap(group_es.title)
    assert patient.sees(group_es.summary) and not patient.sees(group_en.summary)
    window.navigator.go(Route("treatment", card_en.id))
    assert patient.sees(card_es.summary) and not patient.sees(card_en.summary)

    patient.tap("English")  # the screen on show is built again in English, at once
    assert patient.sees(card_en.summary) and not patient.sees(card_es.summary)
    assert window.frame.guidance_label.text() == window.settings.doctor_guidance
    patient.tap("Español")
    window.reset_session()  # the next patient starts in English
    assert window.frame.looks.current().language == "en"
    assert window.frame.guidance_label.text() == window.settings.doctor_guidance
    patient.tap("Tap to start")
    assert patient.sees(group_en.title)
