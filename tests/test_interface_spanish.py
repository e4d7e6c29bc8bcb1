"""Español on the access bar puts the kiosk's own words in Spanish too: a patient who walks every screen in
Spanish meets no English interface word and no English content text that has a Spanish translation; the idle
reset brings English back; the summary they take away is in Spanish; a word with no translation shows in
English, never as a blank."""

import dataclasses
import json
import os
import re
import shutil

from admin_runner import kiosk_admin
from conftest import read_screen
from PySide6.QtCore import QPoint, Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QLabel

from kiosk import resources
from kiosk.admin.devices import voice_lines
from kiosk.content import interface_texts as interface_texts_module
from kiosk.content.interface_texts import interface_texts, missing_interface_texts
from kiosk.content.language_check import interface_line
from kiosk.content.languages import content_in, guidance_in
from kiosk.resources import translation_source
from kiosk.ui import translation_files
from kiosk.ui.closed_screen import ClosedScreen
from kiosk.ui.questions import QuestionToggle
from kiosk.ui.translation import translate
from kiosk.ui.translation_files import compiled_file


def english_interface_words() -> tuple[set[str], list[re.Pattern]]:
    """The interface's English strings that Spanish changes: plain ones, and ones with %1… as patterns."""
    plain, patterns = set(), []
    for text in interface_texts("es"):
        if text.translation == text.english:
            continue  # "%1 %" reads the same in both
        if re.search(r"%\d|%n", text.english):
            parts = re.split(r"%\d|%n", text.english)
            patterns.append(re.compile(".*".join(re.escape(part) for part in parts)))
        else:
            plain.add(text.english)
    return plain, patterns


def paired_texts(english, spanish):
    """Every (English, Spanish) pair of texts in two copies of the same content."""
    if isinstance(english, str):
        yield english, spanish
    elif isinstance(english, tuple):
        for one, other in zip(english, spanish, strict=True):
            yield from paired_texts(one, other)
    elif dataclasses.is_dataclass(english):
        for field in dataclasses.fields(english):
            if field.name != "translations":
                yield from paired_texts(getattr(english, field.name), getattr(spanish, field.name))


def english_with_spanish(window) -> set[str]:
    """Content texts (and the doctor guidance) whose Spanish differs: none may show in Spanish."""
    english = window.content
    pairs = list(paired_texts(english, content_in(english, "es")))
    same_in_spanish = {es for _, es in pairs}  # "DHT", "FDA": a term both languages write alike
    texts = {en for en, es in pairs if en.strip() and en != es and en not in same_in_spanish}
    guidance = window.settings.doctor_guidance
    return texts | ({guidance} if guidance_in(english, guidance, "es") != guidance else set())


def on_screen(window) -> list[str]:
    """Every line a patient can see or hear: accessible names, and the text of visible labels and buttons."""
    lines = list(read_screen(window))
    for widget in [*window.findChildren(QLabel), *window.findChildren(QAbstractButton)]:
        if widget.isVisibleTo(window) and widget.text():
            lines += [line for line in widget.text().split("\n") if line.strip()]
    return lines


class SpanishReader:
    """Reads each screen in Spanish and keeps every English line found, with where it was found."""

    def __init__(self, patient, window):
        self.patient, self.window = patient, window
        self.interface, self.patterns = english_interface_words()
        self.content = english_with_spanish(window)
        self.english: list[tuple[str, str]] = []
        self.screens: list[str] = []

    def read(self, where: str) -> None:
        self.patient.reads()  # the screen built to its end
        self.screens.append(where)
        for line in on_screen(self.window):
            text = line.removeprefix("✓").strip()
            if text in self.interface or any(pattern.fullmatch(text) for pattern in self.patterns):
                self.english.append((where, f"interface: {text}"))
            elif text in self.content:
                self.english.append((where, f"content: {text[:80]}"))
        found = [what for place, what in self.english if place == where]
        assert not found, f"English on the {where} screen in Spanish: " + "; ".join(found)


def tap_card_question(window, qtbot) -> None:
    """Tap the first "Add to my questions" on the card on show."""
    toggle = window.current_screen().findChildren(QuestionToggle)[0]
    window.current_screen().scroll.ensureWidgetVisible(toggle)
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))


def test_every_screen_a_patient_reaches_in_spanish_shows_no_english_that_has_a_spanish_text(window, patient, qtbot):
    spanish = content_in(window.content, "es")
    reader = SpanishReader(patient, window)
    patient.tap("Español")
    reader.read("start")
    patient.tap("Toque para empezar")
    reader.read("causes")

    def visit_and_go_back(button: str, screen: str) -> None:
        patient.tap(button)
        reader.read(screen)
        patient.tap("Atrás")

    for group in spanish.cause_groups:
        visit_and_go_back(group.title, f"cause {group.id}")
    patient.tap("¿Cómo se ve? Vea dibujos")
    reader.read("pictures")
    pattern = spanish.pictures[0]
    patient.tap(f"Patrón: {pattern.title}")
    reader.read(f"picture {pattern.id}")
    patient.tap("Atrás")
    patient.tap("Atrás")
    for topic in spanish.topics:
        visit_and_go_back(topic.title, f"topic {topic.id}")
    patient.tap("¿Qué funciona de verdad? Compare los tratamientos")
    reader.read("compare")
    patient.tap("Atrás")
    patient.tap("Vea pronto a un médico si…")
    reader.read("warning signs")
    patient.tap("Palabras explicadas")
    reader.read("glossary")
    patient.tap("Atrás")
    patient.tap("Atrás")
    patient.tap("Todos los tratamientos")
    reader.read("all treatments")
    card = spanish.treatments[0]
    patient.tap(f"{card.name}, ")
    reader.read(f"card {card.id}")
    tap_card_question(window, qtbot)
    reader.read("card with a question added")
    patient.tap("Mis preguntas (1)")
    reader.read("my questions")
    window.settings = dataclasses.replace(window.settings, idle_timeout_seconds=1, idle_warning_seconds=20)
    window.idle.restart()
    qtbot.waitUntil(window.idle.overlay.isVisible, timeout=5000)
    reader.read("idle prompt")
    assert patient.sees("¿Sigue ahí?") and patient.sees("Segundos que quedan: ")
    patient.tap("Sigo aquí")
    closed = ClosedScreen(window)  # as outside opening hours (here without the reset that comes before it)
    closed.cover()
    reader.read("closed screen")
    assert "El quiosco está en reposo. Toque la pantalla para empezar." in read_screen(window)
    assert len(reader.screens) == 13 + len(spanish.cause_groups) + len(spanish.topics)
    assert reader.english == [], "\n".join(f"{where}: {what}" for where, what in reader.english)


def test_the_idle_reset_brings_the_english_interface_back_for_the_next_patient(window, patient):
    patient.tap("Español")
    assert window.frame.back_button.text() == "Atrás" and patient.sees("Toque para empezar")
    window.reset_session()
    assert patient.sees("Tap to start") and not patient.sees("Toque para empezar")
    assert window.frame.words_button.text() == "Words explained"
    assert [button.text() for button in window.frame.access_bar.buttons()][:2] == ["Text size  100 %", "High contrast"]
    assert window.idle.overlay.still_here_button.text() == "I'm still here"


def test_the_header_guidance_bar_and_access_bar_change_language_on_the_screen_on_show(window, patient):
    patient.tap("Tap to start")
    patient.tap("Español")
    assert patient.sees("¿Cuál podría ser la causa?")  # the screen on show, built again
    frame = window.frame
    assert (frame.back_button.text(), frame.home_button.text()) == ("Atrás", "Inicio")
    assert frame.back_button.accessibleName() == "Atrás"
    assert frame.staff_corner.accessibleName() == "Médico"
    assert patient.button("Alto contraste").isVisible() and patient.button("English").isVisible()
    patient.tap("English")
    assert (frame.back_button.text(), frame.home_button.text()) == ("Back", "Home")
    assert patient.sees("What might be causing it?")


def test_my_questions_code_and_printout_are_in_the_chosen_language(window, patient, qtbot):
    from kiosk.ui.printout import summary_document

    card = content_in(window.content, "es").treatments[0]
    patient.tap("Español")
    patient.tap("Toque para empezar")
    patient.tap("Todos los tratamientos")
    patient.tap(f"{card.name}, ")
    patient.reads()
    tap_card_question(window, qtbot)
    patient.tap("Mis preguntas (1)")
    patient.reads()
    code = window.current_screen().findChild(QLabel, "QrCode").property("qr_text")
    guidance = guidance_in(window.content, window.settings.doctor_guidance, "es")
    assert code.splitlines()[:3] == ["Mis preguntas para el médico", "", card.name]
    assert code.splitlines()[3] == f"- {card.questions[0]}"
    assert code.splitlines()[-1] == guidance
    summary = window.current_screen()._summary(window.my_questions)
    printed = summary_document(summary, 96).toPlainText()
    for words in ("Caída del cabello: conozca sus opciones", "Mis preguntas para el médico", card.name, guidance):
        assert words in printed
    assert "Scan with your phone" not in printed and "Escanee con su teléfono" in printed


def test_a_string_without_translation_shows_in_english_never_blank(qtbot, tmp_path, monkeypatch):
    source = tmp_path / "kiosk_es.ts"
    shutil.copy(translation_source("es"), source)
    text = source.read_text(encoding="utf-8")
    text = text.replace("<translation>Atrás</translation>", '<translation type="unfinished"></translation>')
    text = text.replace("<translation>Inicio</translation>", '<translation type="unfinished">Casa</translation>')
    source.write_text(text, encoding="utf-8")
    qm = tmp_path / "kiosk_es.qm"
    assert translation_files.compile_translation(source, qm)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("Frame", "Back") == ""  # Qt falls back to the English source
    assert translator.translate("Frame", "Home") == ""  # unfinished: left out, as kiosk-admin check reports
    assert translator.translate("Frame", "Words explained") == "Palabras explicadas"


def test_a_source_checkout_compiles_the_translation_into_the_cache_and_again_when_it_changes(tmp_path, monkeypatch):
    folder = tmp_path / "i18n"
    folder.mkdir()
    shutil.copy(translation_source("es"), folder / "kiosk_es.ts")
    monkeypatch.setattr(resources, "translations_dir", lambda: folder)
    monkeypatch.setattr(translation_files, "compiled_translations_dir", lambda: tmp_path / "not-installed")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    first = compiled_file("es")
    assert first.is_relative_to(tmp_path / "cache") and first.stat().st_size > 0
    made = first.stat().st_mtime_ns
    assert compiled_file("es").stat().st_mtime_ns == made  # up to date: not compiled again
    source = folder / "kiosk_es.ts"
    source.write_text(source.read_text(encoding="utf-8").replace(">Atrás<", ">Volver<"), encoding="utf-8")
    later = first.stat().st_mtime + 5
    os.utime(source, (later, later))
    again = compiled_file("es")
    translator = QTranslator()
    assert translator.load(str(again)) and translator.translate("Frame", "Back") == "Volver"


def test_the_bundled_spanish_interface_translation_is_complete():
    assert [text.english for text in missing_interface_texts("es")] == []
    assert len(interface_texts("es")) >= 100
    assert translate("Frame", "Back") == "Back"  # no translator installed: English


def test_kiosk_admin_check_says_the_interface_is_translated_and_where_read_aloud_will_be_hidden(tmp_path):
    db = tmp_path / "kiosk.db"
    assert kiosk_admin(db, "init").returncode == 0
    result = kiosk_admin(db, "check")  # Qt's mock engine (see conftest): an English voice, no Spanish one
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert f"Spanish interface: all {len(interface_texts('es'))} buttons and headings translated." in lines
    assert (
        "Read aloud will be hidden for Español: no Spanish voice is installed. Install espeak-ng (see README)." in lines
    )
    assert not any("hidden for English" in line for line in lines)
    report = json.loads(kiosk_admin(db, "check", "--json").stdout)
    assert [entry["interface_missing"] for entry in report["languages"]] == [[]]
    assert report["speech"]["read_aloud_hidden_for"] == ["es"]


def test_check_lists_the_interface_words_a_language_lacks_and_a_language_with_no_translation_file(
    tmp_path, monkeypatch
):
    source = tmp_path / "kiosk_es.ts"
    text = translation_source("es").read_text(encoding="utf-8")
    text = text.replace("<translation>Atrás</translation>", '<translation type="unfinished"></translation>')
    source.write_text(
        text.replace("<translation>Inicio</translation>", "<translation></translation>"), encoding="utf-8"
    )
    monkeypatch.setattr(resources, "translations_dir", lambda: tmp_path)
    monkeypatch.setattr(interface_texts_module, "translations_dir", lambda: tmp_path)
    line = interface_line("es")
    assert line.startswith(f"Spanish interface: 2 of {len(interface_texts('es'))} buttons and headings not translated")
    assert "“Back”, “Home” (patients see these in English)" in line
    assert "assets/i18n/kiosk_es.ts" in line
    assert interface_line("fr").startswith("French interface: there is no translation of the kiosk's buttons")
    assert "scripts/update-translations fr" in interface_line("fr")


def test_a_speech_engine_that_does_not_answer_in_time_never_holds_up_the_check():
    lines = voice_lines(("en", "es"), seconds=0.01)
    assert lines == [
        "The speech engine did not list its voices within 0.01 seconds, so read aloud may be hidden. "
        "Run kiosk-admin check again; if it stays slow, restart the kiosk computer."
    ]


def test_a_question_chosen_in_spanish_stays_chosen_in_english_and_is_listed_in_the_language_on_show(
    window, patient, qtbot
):
    english_card = window.content.treatments[0]
    spanish_card = content_in(window.content, "es").treatments[0]
    patient.tap("Español")
    patient.tap("Toque para empezar")
    patient.tap("Todos los tratamientos")
    patient.tap(f"{spanish_card.name}, ")
    patient.reads()
    tap_card_question(window, qtbot)
    patient.tap("English")  # the card again, in English: the same question is ticked
    patient.reads()
    toggle = next(t for t in window.current_screen().findChildren(QuestionToggle) if t.isVisibleTo(window))
    assert toggle.isChecked() and toggle.accessibleDescription() == english_card.questions[0]
    patient.tap("My questions (1)")
    assert patient.sees(english_card.questions[0]) and not patient.sees(spanish_card.questions[0])
    code = window.current_screen().findChild(QLabel, "QrCode").property("qr_text")
    assert f"- {english_card.questions[0]}" in code.splitlines()
    patient.tap("Español")
    assert patient.sees(spanish_card.questions[0]) and not patient.sees(english_card.questions[0])
    code = window.current_screen().findChild(QLabel, "QrCode").property("qr_text")
    assert f"- {spanish_card.questions[0]}" in code.splitlines()


def test_every_spanish_interface_sentence_is_easy_to_read():
    import textstat

    before = textstat.textstat._textstatistics__lang
    textstat.set_lang("es")
    try:
        scores = {
            text.translation: textstat.fernandez_huerta(text.translation)
            for text in interface_texts("es")
            if len(text.translation.split()) >= 8  # sentences; shorter ones are labels (buttons, headings)
        }
    finally:
        textstat.set_lang(before)
    assert len(scores) >= 25
    hard = {text: score for text, score in scores.items() if score < 60}
    assert not hard, hard
