"""The texts of one card in another language: the English above each box, out-of-date translations marked."""

from typing import Any

from PySide6.QtWidgets import QWidget

from kiosk.admin.staff.fields import Field, TextField
from kiosk.admin.staff.form_page import FormPage
from kiosk.content.editing import get_draft
from kiosk.content.language_check import offered_languages
from kiosk.content.languages import language_name
from kiosk.content.translation_editing import set_translations, translated_fields
from kiosk.storage.translations import stored_languages
from kiosk.ui.widgets import touch_button

OUT_OF_DATE = "Out of date: the English changed since this was translated. Check it; Save marks it as checked."
INTRO = "Patients who choose {name} read these. A box left empty shows the English. Changes go into the draft."


class TranslationPage(FormPage):
    """Every text of one item in one language; Save puts them in the draft like any other edit."""

    def __init__(self, area, language: str, prefix: str, item_name: str):
        self.language = language
        self.title = f"{language_name(language)}: {item_name}"
        rows = translated_fields(area.conn, language, prefix)
        fields: list[Field] = []
        for row in rows:
            hint = f"English: {row.english}" + (f"\n{OUT_OF_DATE}" if row.out_of_date else "")
            fields.append(TextField(row.key, row.label.removeprefix(f"{item_name}: "), hint, lines=2))
        super().__init__(area, fields, {row.key: row.translated for row in rows}, INTRO.format(name=self.title))
        self.save_unchanged = any(row.out_of_date for row in rows)

    def write(self, changes: dict[str, Any]) -> None:
        set_translations(self.conn, self.language, changes)


def translation_buttons(area, prefix: str, item_name: str) -> list[QWidget]:
    """One header button per language the kiosk offers, like "Spanish", opening that language's texts."""
    content = get_draft(area.conn).content
    buttons: list[QWidget] = []
    for code in offered_languages(content, stored_languages(area.conn)):
        button = touch_button(language_name(code), "HeaderAction")
        button.clicked.connect(lambda _=False, code=code: area.open(TranslationPage(area, code, prefix, item_name)))
        buttons.append(button)
    return buttons
