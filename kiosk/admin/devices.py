"""What the kiosk's computer offers for reading aloud and printing, asked of Qt, for `check --json`."""


def _application():
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.instance() or QCoreApplication([])


def speech_status() -> dict:
    """Whether a text-to-speech engine works here, with the reason if not."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return {"available": False, "reason": "Qt's speech module is missing: install PySide6-Addons"}
    _application()
    engines = [engine for engine in QTextToSpeech.availableEngines() if engine != "mock"]  # mock: Qt's test engine
    if not engines:
        return {
            "available": False,
            "engines": [],
            "reason": "no speech engine is installed (install speech-dispatcher)",
        }
    speech = QTextToSpeech(engines[0])
    if speech.state() == QTextToSpeech.State.Error:
        reason = speech.errorString() or "the speech engine reported an error"
        return {"available": False, "engines": engines, "reason": reason}
    return {"available": True, "engines": engines, "voices": len(speech.availableVoices())}


def printer_status() -> dict:
    """The printers Qt can see, with the reason if there are none."""
    try:
        from PySide6.QtPrintSupport import QPrinterInfo
    except ImportError:
        return {"available": False, "reason": "Qt's print support is missing from this installation"}
    _application()
    names = QPrinterInfo.availablePrinterNames()
    if not names:
        return {"available": False, "printers": [], "reason": "no printer is set up on this computer"}
    return {"available": True, "printers": names, "default": QPrinterInfo.defaultPrinterName()}
