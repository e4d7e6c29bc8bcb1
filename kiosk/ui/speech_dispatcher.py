"""Whether speech-dispatcher answers, asked with a time limit before Qt's engine is made.

Qt's speech-dispatcher engine connects (starting a dispatcher if none runs) and lists the voices while it is
being made, on the thread that makes it, and waits for the answers without a time limit: a dispatcher that
never answered froze the kiosk for good. So the kiosk asks first, on a worker thread, the same things in the
same way (SSIP, the dispatcher's text protocol, on its socket); only a dispatcher that answers in time gets
asked by Qt. Blocks: call it from a worker thread.
"""

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

ANSWER_LIMIT_S = 10.0  # a dispatcher started just now lists its voices in 1-2 s
# What Qt's engine asks when it is made; QUIT is answered only after the others, then the dispatcher hangs up.
QUESTIONS = b'SET SELF CLIENT_NAME "kiosk:check:main"\r\nLIST SYNTHESIS_VOICES\r\nQUIT\r\n'
LAST_ANSWER = b"231 "  # the answer to QUIT


def socket_path() -> Path | None:
    """Where the dispatcher listens, found as its client library finds it (None: a network address, not checked)."""
    address = os.environ.get("SPEECHD_ADDRESS", "")
    if address.startswith("unix_socket:"):
        return Path(address.removeprefix("unix_socket:"))
    if address:
        return None
    runtime = os.environ.get("XDG_RUNTIME_DIR") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(runtime) / "speech-dispatcher" / "speechd.sock"


def dispatcher_answers(limit_s: float | None = None) -> bool:
    """Whether the dispatcher (started now if none runs) answers the engine's questions within `limit_s`
    (ANSWER_LIMIT_S by default)."""
    path = socket_path()
    if path is None:
        return True  # a dispatcher elsewhere on the network: its client library has its own time limits
    deadline = time.monotonic() + (ANSWER_LIMIT_S if limit_s is None else limit_s)
    connection = _connect(path, deadline)
    if connection is None and _start_dispatcher(path, deadline):
        connection = _connect_when_listening(path, deadline)
    if connection is None:
        return False
    with connection:
        return _answers_in_time(connection, deadline)


def _connect(path: Path, deadline: float) -> socket.socket | None:
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    connection.settimeout(max(deadline - time.monotonic(), 0.001))
    try:
        connection.connect(str(path))
    except OSError:  # no dispatcher yet, or one that died and left its socket
        connection.close()
        return None
    return connection


def _start_dispatcher(path: Path, deadline: float) -> bool:
    """Start a dispatcher on `path` as the client library would, and let it go if it does not start in time."""
    program = shutil.which("speech-dispatcher")
    if program is None:
        return False
    command = [program, "--spawn", "--communication-method", "unix_socket", "--socket-path", str(path)]
    quiet = subprocess.DEVNULL  # not pipes: the dispatcher it leaves running would hold them open, and so the wait
    try:
        subprocess.run(
            command, stdin=quiet, stdout=quiet, stderr=quiet, timeout=max(deadline - time.monotonic(), 0.001)
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return True


def _connect_when_listening(path: Path, deadline: float) -> socket.socket | None:
    while time.monotonic() < deadline:
        connection = _connect(path, deadline)
        if connection is not None:
            return connection
        time.sleep(0.1)  # a worker thread waiting for another process: nobody waits on it
    return None


def _answers_in_time(connection: socket.socket, deadline: float) -> bool:
    heard = b""
    try:
        connection.sendall(QUESTIONS)
        while time.monotonic() < deadline:
            connection.settimeout(max(deadline - time.monotonic(), 0.001))
            chunk = connection.recv(65536)
            if not chunk:
                break
            heard += chunk
    except OSError:  # the time ran out, or the dispatcher hung up before answering
        pass
    return any(line.startswith(LAST_ANSWER) for line in heard.split(b"\r\n"))
