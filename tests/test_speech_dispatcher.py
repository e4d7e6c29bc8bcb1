"""Read aloud never holds the kiosk: speech-dispatcher is asked on a worker thread, with a time limit, whether it
answers, before Qt's engine (which waits without one) is made. A dispatcher that never answers leaves the kiosk
working, without read aloud; a dispatcher that died and left its socket is started again."""

import logging
import stat
import sys
import tempfile
import time
from pathlib import Path

import pytest
from conftest import Patient
from fake_dispatcher import FakeDispatcher
from PySide6.QtTextToSpeech import QTextToSpeech

from kiosk.app import build_window
from kiosk.ui import speech_dispatcher
from kiosk.ui.speech_dispatcher import dispatcher_answers

HERE = Path(__file__).parent


@pytest.fixture
def socket_folder(monkeypatch):
    """A short folder for the socket (a Unix socket's path has at most 107 characters), named in SPEECHD_ADDRESS
    as the dispatcher's client library reads it."""
    with tempfile.TemporaryDirectory(prefix="sd") as folder:
        path = Path(folder) / "speechd.sock"
        monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{path}")
        yield path


def test_a_dispatcher_that_answers_is_asked_what_the_engine_asks(socket_folder):
    dispatcher = FakeDispatcher(socket_folder, answering=True)
    assert dispatcher_answers(2)
    assert dispatcher.heard == [b'SET SELF CLIENT_NAME "kiosk:check:main"', b"LIST SYNTHESIS_VOICES", b"QUIT"]
    dispatcher.close()


def test_a_dispatcher_that_never_answers_is_given_up_on_in_time(socket_folder):
    dispatcher = FakeDispatcher(socket_folder, answering=False)
    started = time.monotonic()
    assert not dispatcher_answers(0.5)
    assert time.monotonic() - started < 1.5
    assert dispatcher.connections == 1
    dispatcher.close()


def test_a_dispatcher_that_left_only_its_socket_behind_is_started_again(socket_folder, tmp_path, monkeypatch):
    left = FakeDispatcher(socket_folder, answering=True)
    left.close()  # its socket file stays: connecting is refused, as after a dispatcher that died
    program = tmp_path / "speech-dispatcher"  # starts an answering stand-in where it is told, then ends
    program.write_text(
        f"#!{sys.executable}\nimport subprocess, sys\n"
        "path = sys.argv[sys.argv.index('--socket-path') + 1]\n"
        f"subprocess.Popen([{sys.executable!r}, {str(HERE / 'fake_dispatcher.py')!r}, path], start_new_session=True)\n"
    )
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert dispatcher_answers(10)


def test_without_a_dispatcher_program_there_is_nothing_to_wait_for(socket_folder, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    started = time.monotonic()
    assert not dispatcher_answers(5)
    assert time.monotonic() - started < 1


@pytest.mark.skipif("speechd" not in QTextToSpeech.availableEngines(), reason="Qt's speechd engine is missing")
def test_the_kiosk_answers_taps_while_a_dispatcher_does_not_answer_and_then_offers_no_read_aloud(
    socket_folder, monkeypatch, qtbot, db_path, caplog
):
    monkeypatch.setenv("KIOSK_SPEECH_ENGINE", "speechd")
    monkeypatch.setattr(speech_dispatcher, "ANSWER_LIMIT_S", 1.5)
    dispatcher = FakeDispatcher(socket_folder, answering=False)
    window = build_window(db_path)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    qtbot.waitExposed(window)
    patient = Patient(qtbot, window)
    started: list[bool] = []
    window.read_aloud.engine_started.connect(lambda: started.append(True))
    try:
        with caplog.at_level(logging.WARNING, logger="kiosk.speech"):
            window.read_aloud.start_engine()  # what the kiosk does 3 s after its first frame
            qtbot.waitUntil(lambda: dispatcher.connections == 1, timeout=2000)
            patient.tap("Tap to start")  # while the dispatcher is being asked
            assert patient.sees("What might be causing it?") and not started
            qtbot.waitUntil(lambda: bool(started), timeout=5000)
        assert not window.frame.access_bar.read_aloud_button.isVisibleTo(window)
        assert "speech-dispatcher did not answer in time" in caplog.text
        window.reset_session()  # the next patient: asked again, so that read aloud comes back once it answers
        qtbot.waitUntil(lambda: dispatcher.connections == 2, timeout=2000)
    finally:
        dispatcher.close()
        window.close()
        window.library.close()
