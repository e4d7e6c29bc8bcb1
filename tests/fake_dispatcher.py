"""A stand-in for speech-dispatcher on a Unix socket: one that answers the kiosk's questions as SSIP does, or one
that takes the connection and never answers (the dispatcher that froze a kiosk).

`python tests/fake_dispatcher.py SOCKET_PATH` serves one connection, answering, then ends (at most 20 s)."""

import socket
import sys
import threading
from pathlib import Path

ANSWERS = {
    b"SET": [b"208 OK CLIENT NAME SET"],
    b"LIST": [b"249-English\ten\tnone", b"249-Spanish\tes\tnone", b"249 OK VOICE LIST SENT"],
    b"QUIT": [b"231 HAPPY HACKING"],
}


class FakeDispatcher:
    """Listens on `path`; `answering` says whether it answers. `connections` counts who connected."""

    def __init__(self, path: Path, answering: bool):
        self.path = path
        self.answering = answering
        self.connections = 0
        self.heard: list[bytes] = []
        self.told_to_quit = threading.Event()  # its client has said QUIT: all it asked is answered
        self._server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._server.bind(str(path))
        self._server.listen()
        self._held: list[socket.socket] = []  # a silent dispatcher keeps its connections open, never answering
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self, limit: int | None = None) -> None:
        """Take connections (`limit` of them, or until closed)."""
        while limit is None or self.connections < limit:
            try:
                connection, _ = self._server.accept()
            except OSError:  # closed
                return
            self.connections += 1
            if self.answering:
                self._answer(connection)
            else:
                self._held.append(connection)

    def _answer(self, connection: socket.socket) -> None:
        with connection:
            for line in connection.makefile("rb"):
                command = line.strip()
                self.heard.append(command)
                connection.sendall(b"".join(answer + b"\r\n" for answer in ANSWERS[command.split(b" ")[0]]))
                if command == b"QUIT":
                    self.told_to_quit.set()
                    return

    def close(self) -> None:
        """Stop listening and drop every connection; the socket file stays, as a dispatcher that died leaves it."""
        try:
            self._server.shutdown(socket.SHUT_RDWR)  # wakes the thread waiting in accept: close alone would not
        except OSError:
            pass
        self._server.close()
        for connection in self._held:
            connection.close()


if __name__ == "__main__":
    Path(sys.argv[1]).unlink(missing_ok=True)  # what a dispatcher that died left behind
    dispatcher = FakeDispatcher(Path(sys.argv[1]), answering=True)
    dispatcher.told_to_quit.wait(20)
    dispatcher.close()
