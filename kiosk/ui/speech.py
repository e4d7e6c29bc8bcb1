"""Read aloud: a small service over Qt's QTextToSpeech that reads the screen on show, a part at a time.

It reads the screen's title, then every visible element in reading order (each with the name a screen reader
finds for it), then the doctor guidance; the part being read is highlighted. The voice follows the patient's
language; where the engine has no voice for it, read aloud is not offered in it.
KIOSK_SPEECH_ENGINE names the engine (tests use Qt's "mock"); by default speech-dispatcher where present, asked
first on a worker thread whether it answers (kiosk/ui/speech_dispatcher.py)."""

import logging
import os
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QWidget

log = logging.getLogger("kiosk.speech")
ENGINE_VARIABLE = "KIOSK_SPEECH_ENGINE"
DISPATCHER = "speechd"  # Qt's name for speech-dispatcher's engine
PREFERRED_ENGINES = ("speechd", "flite")
TITLE_ROLES = ("ScreenTitle", "Heading")
# The part being read: dark on pale yellow, or black on yellow in high contrast (both above 7:1).
HIGHLIGHT = {False: "background-color: #FFF3C4; color: #3B2F00;", True: "background-color: #FFFF00; color: #000000;"}


@dataclass(frozen=True)
class Part:
    """One thing to say, and the widget that shows it (highlighted while it is read), if any."""

    text: str
    widget: QWidget | None = None


def spoken(text: str) -> str:
    """A part's lines as sentences (a section's title and each entry end with a pause)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) == 1:
        return lines[0]
    return " ".join(line if line[-1] in ".!?:…" else f"{line}." for line in lines)


def screen_parts(screen: QWidget, guidance: QWidget | None = None) -> list[Part]:
    """What read aloud says for `screen`, in order: its title, every visible element, then the guidance (the
    screen is built to its end first)."""
    screen.finish_building()
    QCoreApplication.sendPostedEvents()  # Qt shows the parts just built at its next turn: now
    parts: list[Part] = []

    # The widgets themselves, in the order the accessible tree lists them. Not through Qt's accessibility
    # interfaces: PySide keeps each one the kiosk's factory makes until the process ends (kiosk/ui/accessible.py),
    # which read aloud, asking for every widget of every screen it reads, made about 750 bytes a screen.
    def walk(widget: QWidget) -> None:
        if not widget.isVisible():
            return
        # A painted section's name holds its title and text (screen readers get them as a heading and a text).
        name = (widget.accessibleName() or _shown_text(widget)).strip()
        if name and (not parts or parts[-1].text != name):
            parts.append(Part(spoken(name), widget))
            return  # a section or button says all it holds in its name
        for child in widget.children():
            if isinstance(child, QWidget) and not child.isWindow():
                walk(child)

    walk(screen)
    titles = [part for part in parts if part.widget is not None and part.widget.objectName() in TITLE_ROLES]
    if titles:
        parts.remove(titles[0])
        parts.insert(0, titles[0])
    if guidance is not None and guidance.isVisible() and guidance.accessibleName():
        parts.append(Part(spoken(guidance.accessibleName()), guidance))
    return parts


def _shown_text(widget: QWidget) -> str:
    """The text a label or button shows, as Qt's accessibility names it when it has no name of its own: rich
    text as plain text, and without the & that marks a shortcut."""
    if isinstance(widget, QLabel):
        text = widget.text()
        rich = widget.textFormat() == Qt.TextFormat.RichText or (
            widget.textFormat() == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)
        )
        if rich:
            from PySide6.QtGui import QTextDocumentFragment  # rarely needed, and not on the way to the first frame

            text = QTextDocumentFragment.fromHtml(text).toPlainText()
    elif isinstance(widget, QAbstractButton):
        text = widget.text()
    else:
        return ""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def engine_name() -> str | None:
    """The speech engine to use here: the one named in KIOSK_SPEECH_ENGINE, else the best installed, or None."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    engines = QTextToSpeech.availableEngines()
    chosen = os.environ.get(ENGINE_VARIABLE)
    if chosen:
        return chosen if chosen in engines else None
    return next((engine for engine in PREFERRED_ENGINES if engine in engines), None)


class ReadAloud(QObject):
    """Reads a list of parts with the engine; says when reading starts and stops, and each part as it starts."""

    reading_changed = Signal(bool)
    part_started = Signal(str)  # the text the engine is about to say
    engine_started = Signal()  # ask `available_for` again: the engine is ready, or known not to work

    def __init__(self, parent: QObject | None = None, engine: str | None = None):
        super().__init__(parent)
        self._engine = engine  # looked up when first asked: listing the engines loads Qt's speech plugins
        self._engine_known = engine is not None
        self._speech = None  # made on first need: speech-dispatcher takes about 2 s to list its voices
        self._prepared = False
        self._dispatcher_answered = False  # speech-dispatcher's engine is made only once it has answered
        self._checking = False
        self._told_not_answering = False
        self._background = None  # made when speech-dispatcher is first asked
        self._parts: list[Part] = []
        self._next = 0  # engines number their texts unevenly: the parts start in the order they were queued
        self._lit: QWidget | None = None
        self._high_contrast = False
        self.reading = False

    @property
    def may_be_available(self) -> bool:
        """Whether an engine is installed (known without starting it)."""
        if not self._engine_known:
            self._engine, self._engine_known = engine_name(), True
        return self._engine is not None

    @property
    def _uses_dispatcher(self) -> bool:
        return self.may_be_available and self._engine == DISPATCHER

    def start_engine(self) -> None:
        """Start the engine where it cannot hold the window, then say `engine_started`: speech-dispatcher is first
        asked on a worker thread whether it answers (again at each call until it has, so that read aloud comes
        back once a stuck dispatcher is stopped); any other engine is started at once."""
        if self._prepared or self._checking:
            return
        if not self._uses_dispatcher:
            self.prepare()
            self.engine_started.emit()
            return
        from kiosk.ui.background import Background
        from kiosk.ui.speech_dispatcher import dispatcher_answers

        if self._background is None:
            self._background = Background(self)
        self._checking = True
        self._background.run(dispatcher_answers, self._on_dispatcher_checked)

    def _on_dispatcher_checked(self, answered: bool) -> None:
        self._checking = False
        if answered:
            self._dispatcher_answered = True
            log.info("speech-dispatcher answers: read aloud is offered")
            self.prepare()
        elif not self._told_not_answering:  # once, not at every patient
            self._told_not_answering = True
            log.warning("speech-dispatcher did not answer in time: read aloud is off until it does")
        self.engine_started.emit()

    def prepare(self) -> None:
        """Start the engine now, if that has not been done (speech-dispatcher: only once it has answered)."""
        if self._prepared:
            return
        if self._uses_dispatcher and not self._dispatcher_answered:
            return  # see start_engine
        self._prepared = True
        if not self.may_be_available:
            return
        from PySide6.QtTextToSpeech import QTextToSpeech  # PySide6-Addons: loaded only when speech is used

        self._state = QTextToSpeech.State
        speech = QTextToSpeech(self._engine, self)
        if speech.state() == QTextToSpeech.State.Error:
            return
        self._speech = speech
        speech.aboutToSynthesize.connect(self._on_part_started)
        speech.stateChanged.connect(self._on_state)

    def available_for(self, language: str) -> bool:
        """Whether this kiosk can read aloud in `language` (an engine, and a voice for the language)."""
        self.prepare()
        return self._speech is not None and self._locale_for(language) is not None

    def _locale_for(self, language: str) -> QLocale | None:
        wanted = QLocale(language).language()
        locales = [locale for locale in self._speech.availableLocales() if locale.language() == wanted]
        preferred = QLocale(language).territory()
        return next((locale for locale in locales if locale.territory() == preferred), locales[0] if locales else None)

    def read(self, parts: list[Part], language: str, high_contrast: bool = False) -> None:
        """Read `parts` in order in `language`'s voice (anything being read stops first)."""
        self.stop()
        locale = self._locale_for(language) if self.available_for(language) else None
        if locale is None or not parts:
            return
        self._speech.setLocale(locale)
        self._high_contrast = high_contrast
        self._set_reading(True)
        self._parts, self._next = list(parts), 0
        for part in parts:
            self._speech.enqueue(part.text)

    def stop(self) -> None:
        """Stop reading, and take the highlight away."""
        self._parts, self._next = [], 0
        if self._speech is not None and self._speech.state() != self._state.Ready:
            self._speech.stop()
        self._light(None)
        self._set_reading(False)

    def _on_part_started(self, _id: int) -> None:
        if self._next < len(self._parts):
            part = self._parts[self._next]
            self._next += 1
            self._light(part.widget)
            self.part_started.emit(part.text)

    def _on_state(self, state) -> None:
        if state == self._state.Ready and self.reading and self._next >= len(self._parts):
            self.stop()  # the last part has been said

    def _light(self, widget: QWidget | None) -> None:
        if self._lit is not None:
            try:
                self._lit.setStyleSheet("")
            except RuntimeError:
                pass  # the screen was built again meanwhile
        self._lit = widget
        if widget is not None:
            widget.setStyleSheet(HIGHLIGHT[self._high_contrast])
            area = widget.parentWidget()
            while area is not None and not isinstance(area, QScrollArea):
                area = area.parentWidget()
            if area is not None:
                area.ensureWidgetVisible(widget, 0, 40)  # the part being read is on the glass

    def _set_reading(self, reading: bool) -> None:
        if reading != self.reading:
            self.reading = reading
            self.reading_changed.emit(reading)
