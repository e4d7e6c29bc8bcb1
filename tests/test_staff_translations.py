"""Staff translate a card's texts on the kiosk: a "Spanish" button on the card editor, the English above each
box, out-of-date texts marked, saved in the draft and shown to Spanish readers once published."""

import pytest
from language_helpers import FINASTERIDE_ES, GUIDANCE_ES, content_copy, write_overlay
from staff_helpers import Staff

from kiosk.admin.staff.card_editor import CardEditorPage
from kiosk.admin.staff.translation_page import OUT_OF_DATE, TranslationPage
from kiosk.content.bundled import load_bundle
from kiosk.content.editing import get_draft, update_treatment
from kiosk.content.languages import content_in
from kiosk.storage.content_tables import replace_content


@pytest.fixture
def staff(qtbot, window, tmp_path):
    folder = content_copy(tmp_path)
    write_overlay(folder, "es", {"treatments/finasteride.toml": FINASTERIDE_ES, "index.toml": GUIDANCE_ES})
    replace_content(window.library.conn, load_bundle(folder).content)
    window.reload_content()
    member = Staff(qtbot, window)
    member.unlock()
    return member


def open_spanish_texts(staff, card) -> TranslationPage:
    staff.tap("Edit cards")
    staff.tap(f"Edit {card.name}")
    staff.qtbot.waitUntil(lambda: isinstance(staff.area.page, CardEditorPage))
    staff.tap("Spanish")
    staff.qtbot.waitUntil(lambda: isinstance(staff.area.page, TranslationPage))
    return staff.area.page


def test_staff_translate_a_card_summary_in_the_draft(staff, window):
    card = window.content.treatment("finasteride")
    page = open_spanish_texts(staff, card)
    assert staff.sees("Spanish: Finasteride tablets")
    assert staff.sees(f"English: {card.summary}")
    assert page.field("treatments/finasteride/name").value() == "Finasterida en tabletas"
    box = page.field("treatments/finasteride/summary").input
    assert box.toPlainText() == ""
    box.setPlainText("Una tableta diaria para la calvicie de patrón.")
    staff.tap("Save")
    staff.wait_to_see("Saved in the draft")
    draft = get_draft(window.library.conn).content
    assert content_in(draft, "es").treatment("finasteride").summary == "Una tableta diaria para la calvicie de patrón."
    assert content_in(window.content, "es").treatment("finasteride").summary == card.summary  # not yet published


def test_an_english_change_shows_its_spanish_as_out_of_date_until_staff_check_it(staff, window):
    update_treatment(window.library.conn, "finasteride", {"side_effects": "Some men have less interest in sex."})
    card = window.content.treatment("finasteride")
    open_spanish_texts(staff, card)
    assert staff.sees("English: Some men have less interest in sex.")
    assert staff.sees(OUT_OF_DATE)
    staff.tap("Save")
    staff.wait_to_see("Saved in the draft")
    draft = get_draft(window.library.conn).content
    shown = content_in(draft, "es").treatment("finasteride").side_effects
    assert shown.startswith("Algunos hombres tienen menos deseo sexual")


def test_staff_translate_a_cause_title_from_the_cause_group_editor(staff, window):
    group = window.content.cause_group("hormonal")
    staff.tap("Edit causes")
    staff.tap(f"Edit group: {group.title}")
    staff.tap("Spanish")
    staff.qtbot.waitUntil(lambda: isinstance(staff.area.page, TranslationPage))
    page = staff.area.page
    condition = group.conditions[0]
    assert staff.sees(f"English: {condition.what_it_is}")
    page.field("causes/hormonal/title").input.setPlainText("Hormonas")
    staff.tap("Save")
    staff.wait_to_see("Saved in the draft")
    assert content_in(get_draft(window.library.conn).content, "es").cause_group("hormonal").title == "Hormonas"
