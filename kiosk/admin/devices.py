"""What the kiosk's computer offers for reading aloud and printing, asked of Qt, for `check` and `check --json`."""

import subprocess
import sys

from kiosk.content.glyphs import command_line_application
from kiosk.content.languages import language_name, native_name

INSTALL_SPEECH = "Install speech-dispatcher and espeak-ng (see README)."
VOICE_CHECK_SECONDS = 20  # speech-dispatcher can take seconds to list its voices, or hang: never wait longer
# Run in a process of its own, so that a speech engine that hangs cannot hang the check.
_LIST_VOICES = """
from PySide6.QtCore import QCoreApplication, QLocale
from kiosk.ui.speech import engine_name
application = QCoreApplication([])
engine = engine_name()
if engine is None:
    print("no-engine")
else:
    from PySide6.QtTextToSpeech import QTextToSpeech
    speech = QTextToSpeech(engine)
    if speech.state() == QTextToSpeech.State.Error:
        print("error", speech.errorString())
    else:
        codes = {QLocale(locale.language()).name().split("_")[0] for locale in speech.availableLocales()}
        print("voices", len(speech.availableVoices()))
        print("languages", *sorted(codes))
"""


def speech_status(seconds: float = VOICE_CHECK_SECONDS, answers: list[str] | None = None) -> dict:
    """Whether a text-to-speech engine works here, with the reason if not (from `answers` the engine already gave,
    if given: see `ask_speech_engine`)."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return {"available": False, "reason": "Qt's speech module is missing: install PySide6-Addons"}
    command_line_application()
    engines = [engine for engine in QTextToSpeech.availableEngines() if engine != "mock"]  # mock: Qt's test engine
    if not engines:
        return {
            "available": False,
            "engines": [],
            "reason": "no speech engine is installed (install speech-dispatcher)",
        }
    answers = ask_speech_engine(seconds) if answers is None else answers
    state, words = _last_answer(answers)
    if state == "ok":
        voices = next((int(line.split()[1]) for line in answers if line.startswith("voices ")), 0)
        return {"available": True, "engines": engines, "voices": voices}
    reasons = {
        "slow": f"the speech engine did not answer within {seconds:g} seconds: restart the kiosk computer",
        "no-engine": f"no speech engine could be started. {INSTALL_SPEECH}",
        "error": f"{' '.join(words) or 'the speech engine reported an error'}. {INSTALL_SPEECH}",
    }
    return {"available": False, "engines": engines, "reason": reasons[state]}


def ask_speech_engine(seconds: float = VOICE_CHECK_SECONDS) -> list[str]:
    """What the speech engine the kiosk would use says (the lines `_LIST_VOICES` prints), asked in a process of
    its own: ["slow"] if it has not answered within `seconds` (a speech-dispatcher that hangs)."""
    try:
        run = subprocess.run(
            [sys.executable, "-c", _LIST_VOICES], capture_output=True, text=True, timeout=seconds, check=False
        )
    except subprocess.TimeoutExpired:
        return ["slow"]
    return run.stdout.strip().splitlines() or ["error"]


def printer_status() -> dict:
    """The printers Qt can see, with the reason if there are none."""
    try:
        from PySide6.QtPrintSupport import QPrinterInfo
    except ImportError:
        return {"available": False, "reason": "Qt's print support is missing from this installation"}
    command_line_application()
    names = QPrinterInfo.availablePrinterNames()
    if not names:
        return {"available": False, "printers": [], "reason": "no printer is set up on this computer"}
    return {"available": True, "printers": names, "default": QPrinterInfo.defaultPrinterName()}


def voice_languages(seconds: float = VOICE_CHECK_SECONDS, answers: list[str] | None = None) -> tuple[str, set[str]]:
    """Ask the speech engine the kiosk would use which languages it has a voice for (or read it from `answers` it
    already gave): ("ok", codes), or ("no-engine" | "error" | "slow", set())."""
    state, words = _last_answer(ask_speech_engine(seconds) if answers is None else answers)
    return state, set(words) if state == "ok" else set()


def _last_answer(answers: list[str]) -> tuple[str, list[str]]:
    """The engine's last line read as ("ok", language codes), ("slow" | "no-engine", []) or ("error", its words)."""
    first, *words = answers[-1].split() or ["error"]
    if first == "languages":
        return "ok", words
    if first in ("slow", "no-engine"):
        return first, []
    return "error", words if first == "error" else []


def voice_lines(languages: tuple[str, ...], seconds: float = VOICE_CHECK_SECONDS) -> list[str]:
    """A line for each language read aloud will be hidden in (no engine, or no voice for it), saying what to do."""
    state, found = voice_languages(seconds)
    if state == "no-engine":
        return [f"Read aloud is hidden: no speech engine is installed. {INSTALL_SPEECH}"]
    if state == "slow":
        return [
            f"The speech engine did not list its voices within {seconds:g} seconds, so read aloud may be hidden. "
            "Run kiosk-admin check again; if it stays slow, restart the kiosk computer."
        ]
    if state == "error":
        return [f"Read aloud is hidden: the speech engine reported an error. {INSTALL_SPEECH}"]
    return [
        f"Read aloud will be hidden for {native_name(code)}: no {language_name(code)} voice is installed. "
        "Install espeak-ng (see README)."
        for code in languages
        if code not in found
    ]
