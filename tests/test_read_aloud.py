"""Read aloud: the screen on show is read, title first, then its text in reading order, then the doctor
guidance, with the part being read highlighted; it stops on a second tap, on any navigation and at the idle
reset; the voice follows the language. Qt's silent "mock" engine stands in for the voice."""

import gc

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTextToSpeech import QTextToSpeech

from kiosk.content.languages import content_in, guidance_in
from kiosk.ui import accessible
from kiosk.ui.navigator import Route
from kiosk.ui.speech import ReadAloud, screen_parts

START_EN = [
    "Worried about hair loss?",
    "You are not alone. Hair loss is common, and there are many causes. Find out what might be going on, "
    "and what can help.",
    "Tap to start",
    "See a doctor soon if…",
    "Nothing you tap here is saved or shared.",
    "This kiosk gives general facts only. Talk to your doctor before you start, stop or change any treatment.",
]

START_ES = [
    "¿Le preocupa la caída del cabello?",
    "Esto le pasa a mucha gente. La caída del cabello es común y tiene muchas causas. Vea qué podría estar "
    "pasando y qué puede ayudar.",
    "Toque para empezar",
    "Vea pronto a un médico si…",
    "Nada de lo que toque aquí se guarda ni se comparte.",
]


def listen(window) -> list[tuple[str, str]]:
    """What the kiosk says from now on, each part with the highlight on its widget as it is said."""
    heard = []
    speech = window.read_aloud

    def on_part(text):
        lit = speech._lit
        heard.append((text, lit.styleSheet() if lit is not None else ""))

    speech.part_started.connect(on_part)
    return heard


def tap(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_read_aloud_reads_the_start_screen_title_first_then_its_text_then_the_guidance(window, patient, qtbot):
    heard = listen(window)
    button = patient.button("Read aloud")
    tap(qtbot, button)
    assert button.isChecked() and button.accessibleName() == "Read aloud"
    qtbot.waitUntil(lambda: not window.read_aloud.reading, timeout=30000)
    assert [text for text, _ in heard] == START_EN
    assert all("background-color: #FFF3C4" in lit for _, lit in heard), "a part was read without its highlight"
    assert not button.isChecked()
    assert window.frame.guidance_label.styleSheet() == ""  # the highlight goes when reading ends


def test_a_card_is_read_in_the_order_a_screen_reader_finds_it(window, patient, qtbot):
    card = window.content.treatments[0]
    window.navigator.go(Route("treatment", card.id))
    parts = [part.text for part in screen_parts(window.current_screen(), window.frame.guidance_label)]
    assert parts[:3] == [card.name, "Key points. " + " ".join(card.key_points), card.summary]
    assert parts[-1] == window.settings.doctor_guidance
    assert parts.index("If you stop. " + card.if_you_stop) < parts.index("Questions to ask your doctor")


def test_the_part_being_read_is_scrolled_into_view(window, patient, qtbot):
    window.resize(1080, 1920)
    window.navigator.go(Route("treatment", window.content.treatments[0].id))
    screen = window.current_screen()
    parts = screen_parts(screen, window.frame.guidance_label)
    last_on_screen = next(part for part in reversed(parts) if part.widget is not window.frame.guidance_label)
    window.read_aloud.read([last_on_screen], "en")
    qtbot.waitUntil(lambda: window.read_aloud._lit is last_on_screen.widget)
    assert screen.scroll.verticalScrollBar().value() > 0
    top = last_on_screen.widget.mapTo(screen.scroll.viewport(), QPoint(0, 0)).y()
    assert 0 <= top < screen.scroll.viewport().height()
    window.read_aloud.stop()
    assert last_on_screen.widget.styleSheet() == ""


def test_a_second_tap_navigation_and_the_idle_reset_each_stop_reading(window, patient, qtbot):
    button = patient.button("Read aloud")
    tap(qtbot, button)
    assert window.read_aloud.reading
    tap(qtbot, button)
    assert not window.read_aloud.reading and not button.isChecked()

    tap(qtbot, button)
    heard = listen(window)
    patient.tap("Tap to start")
    assert not window.read_aloud.reading and not button.isChecked()
    qtbot.wait(300)  # nothing more is said after the patient moved on
    assert heard == []

    tap(qtbot, patient.button("Read aloud"))
    window.reset_session()
    assert not window.read_aloud.reading and not patient.button("Read aloud").isChecked()


def test_in_spanish_the_screen_is_read_from_the_spanish_content_and_guidance(window, patient, qtbot):
    spanish = content_in(window.content, "es")
    group = next(g for g in spanish.cause_groups if g.id == "nutritional")
    guidance = (
        "Este quiosco da solo información general. Hable con su médico antes de empezar, dejar o cambiar "
        "cualquier tratamiento."
    )
    assert guidance_in(window.content, window.settings.doctor_guidance, "es") == guidance
    patient.tap("Español")
    assert [part.text for part in screen_parts(window.current_screen(), window.frame.guidance_label)] == [
        *START_ES,
        guidance,
    ]
    window.navigator.go(Route("cause", group.id))
    parts = [part.text for part in screen_parts(window.current_screen(), window.frame.guidance_label)]
    assert parts[:3] == [
        "Nutrición",
        "Puntos clave. Tener poco hierro, vitamina D, vitamina B12 o zinc puede estar ligado a la caída del cabello. "
        "Los suplementos solo ayudan si un análisis de sangre muestra que le falta algo. Si toma demasiado de "
        "algunos suplementos, se le puede caer el cabello.",
        group.summary,
    ]
    assert parts[-1] == guidance


def test_without_a_voice_for_the_language_read_aloud_is_not_offered_in_it(window, patient, qtbot):
    assert window.read_aloud.available_for("en") and not window.read_aloud.available_for("es")  # the mock engine
    patient.tap("Español")
    assert not window.frame.access_bar.read_aloud_button.isVisibleTo(window)
    patient.tap("English")
    assert patient.button("Read aloud").isVisible()


@pytest.mark.skipif("speechd" not in QTextToSpeech.availableEngines(), reason="speech-dispatcher is not installed")
def test_speech_dispatcher_has_a_spanish_voice(qtbot):
    speech = ReadAloud(engine="speechd")
    with qtbot.waitSignal(speech.engine_started, timeout=15000):
        speech.start_engine()  # asked first, on a worker thread, whether it answers
    assert speech.available_for("en") and speech.available_for("es")
    assert speech._locale_for("es").language() == speech._locale_for("es-ES").language()


def test_reading_screens_leaves_no_accessibility_objects_behind(window, patient, qtbot):
    """PySide keeps every accessibility interface the kiosk's factory makes until the process ends: read aloud
    must not make one for each widget of each screen it reads, or memory grows all day at a kiosk that speaks."""

    def interfaces() -> int:
        kinds = (accessible.ShownChildren, accessible.HeadingInterface, accessible.SectionPart)
        return sum(isinstance(thing, kinds) for thing in gc.get_objects())

    before = interfaces()
    for route in (Route("causes"), Route("cause", "hormonal"), Route("treatment", "minoxidil-topical")):
        window.navigator.go(route)
        assert screen_parts(window.current_screen())  # what read aloud says there
    assert interfaces() == before
