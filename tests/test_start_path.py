"""The way to the first frame: only what that frame shows is made or imported before it; the rest comes in one
step right after it (read aloud's engines, the log files, the kiosk's unattended services)."""

import subprocess
import sys
import textwrap

from kiosk.app import show_window
from kiosk.content.library import Library
from kiosk.ui.screens.base import Screen

# Imported after the first frame, when first needed, or never on a quiet start.
NOT_BEFORE_THE_FIRST_FRAME = (
    "PySide6.QtTextToSpeech",
    "kiosk.content.overlays",
    "kiosk.content.document",
    "kiosk.ui.screens.cause",
    "kiosk.ui.screens.treatment",
    "kiosk.ui.screens.pictures",
    "logging.handlers",
    "kiosk.content.labels",
    "kiosk.content.glyphs",
    "kiosk.storage.audit",
    "kiosk.ui.printing",
    "kiosk.ui.translation_files",  # the other languages' words and the high-contrast icons are prepared after it
    "PySide6.QtSvg",
)


def test_read_aloud_is_offered_a_moment_after_the_first_frame(qtbot, db_path):
    window = show_window(Library.open(db_path), fullscreen=False)
    qtbot.addWidget(window)
    button = window.frame.access_bar.read_aloud_button
    assert not button.isVisibleTo(window)  # no engine looked for on the way to the first frame
    qtbot.waitUntil(button.isVisible, timeout=3000)
    window.locked = False
    window.close()
    window.library.close()


def test_the_first_frame_imports_only_what_it_shows(db_path):
    Library.open(db_path).close()  # made and filled at installation; this is an everyday start
    probe = textwrap.dedent(
        f"""
        import sys
        from kiosk.app import ensure_application, show_window
        from kiosk.content.library import Library

        ensure_application()
        window = show_window(Library.open({str(db_path)!r}), fullscreen=True)
        print(sorted(set({NOT_BEFORE_THE_FIRST_FRAME!r}) & set(sys.modules)))
        """
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == "[]"


def test_a_window_nobody_can_see_still_finishes_starting(qtbot, db_path):
    from kiosk.app import ensure_application
    from kiosk.ui.window import KioskWindow

    ensure_application()
    window = KioskWindow(Library.open(db_path))  # never shown, so never painted
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_frame.shown, timeout=8000):
        pass
    assert window.frame.access_bar.read_aloud_button.isVisibleTo(window)  # the engines were looked for
    window.library.close()


def test_a_visit_in_spanish_never_loads_openssl(db_path):
    """The translations' fingerprints use the standard library's own SHA-256: hashlib would map OpenSSL's
    libcrypto into the kiosk for good (3.6 MB resident), for nothing a patient does."""
    Library.open(db_path).close()
    probe = textwrap.dedent(
        f"""
        import sys
        from kiosk.app import build_window
        from kiosk.ui.navigator import Route

        window = build_window({str(db_path)!r})
        window.frame.access_bar.language_buttons["es"].click()
        for route in (Route("causes"), Route("cause", "hormonal"), Route("treatment", "minoxidil-topical")):
            window.navigator.go(route)
            window.current_screen().finish_building()
        print(window.current_screen().heading().text(), "hashlib" in sys.modules)
        """
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True)
    title, hashlib_loaded = done.stdout.split("\n")[-2].rsplit(" ", 1)
    assert title != "Minoxidil liquid or foam"  # the card was shown in Spanish
    assert hashlib_loaded == "False"


def test_after_the_first_frame_the_other_looks_are_prepared_but_nothing_is_built_or_changed(
    qtbot, db_path, monkeypatch
):
    from kiosk.app import build_window
    from kiosk.ui import translation
    from kiosk.ui.look import NORMAL

    monkeypatch.setattr(translation, "_translators", {})  # as in a kiosk just started
    window = build_window(db_path)  # the step after the first frame included
    qtbot.addWidget(window)
    assert translation._translators.get("es") is not None  # read once, not at the first tap on Español
    assert window.frame.looks.current() == NORMAL
    assert window.frame.access_bar.contrast_button.text().endswith("High contrast")
    assert [screen.builds for screen in window.frame.stack.findChildren(Screen) if screen.column.count()] == [1]
    window.close()
    window.library.close()


def test_python_s_collector_waits_until_the_first_frame_then_runs_again(db_path):
    """The kiosk's entry point pauses the collector for the start (61 runs, about 8 ms of it); left paused, a kiosk
    running for months would never free what it made in cycles."""
    Library.open(db_path).close()
    probe = textwrap.dedent(
        f"""
        import gc
        import kiosk.app as app
        from kiosk import launch
        from PySide6.QtWidgets import QApplication

        collecting = {{}}
        make_window = app.show_window

        def show_window(library, fullscreen):
            collecting["while the window is made"] = gc.isenabled()
            return make_window(library, fullscreen)

        def after_the_first_frame(window, db_path):
            collecting["after the first frame"] = gc.isenabled()
            QApplication.exit(0)

        app.show_window = show_window
        app.start_unattended_services = after_the_first_frame
        status = launch.main(["--db", {str(db_path)!r}, "--windowed"])
        print(status, collecting)
        """
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.splitlines()[-1] == "0 {'while the window is made': False, 'after the first frame': True}"
