"""The screens need no change for another language: handed Content in Spanish, the real window shows it,
with English for any text not yet translated (never a blank)."""

from language_helpers import FINASTERIDE_ES, GUIDANCE_ES, content_copy, write_overlay

from kiosk.content.bundled import load_bundle
from kiosk.content.languages import content_in, guidance_in
from kiosk.storage.content_tables import replace_content

GENETIC_ES = 'id = "genetic"\ntitle = "Genes y familia"\n'


def test_the_real_window_shows_spanish_content_with_english_where_it_is_missing(qtbot, window, patient, tmp_path):
    folder = content_copy(tmp_path)
    files = {
        "treatments/finasteride.toml": FINASTERIDE_ES,
        "causes/genetic.toml": GENETIC_ES,
        "index.toml": GUIDANCE_ES,
    }
    write_overlay(folder, "es", files)
    replace_content(window.library.conn, load_bundle(folder).content)
    window.reload_content()
    english = window.content
    window._content = content_in(english, "es")  # what the language switch will do
    window.frame.set_guidance(guidance_in(english, window.settings.doctor_guidance, "es"))

    patient.tap("Tap to start")
    patient.tap("Genes y familia")
    assert patient.sees(english.cause_group("genetic").summary)  # not translated yet: English, never a blank
    patient.tap("Finasterida en tabletas")
    assert patient.sees("Algunos hombres tienen menos deseo sexual")
    assert patient.sees(english.treatment("finasteride").summary)
    assert not patient.sees(english.treatment("finasteride").side_effects)
    assert window.frame.guidance_label.text().startswith("Hable con su médico antes de empezar")
    assert patient.sees("Hable con su médico antes de empezar")
