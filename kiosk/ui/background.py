"""Work the window must never wait for (a printer, speech-dispatcher, a network folder), run on Qt's worker
threads, each result handed back on the GUI thread."""

from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal


class Background(QObject):
    """Runs plain functions on worker threads; what to do with each result runs on the GUI thread, unless this
    object (and so its owner) has gone meanwhile."""

    _work_done = Signal(int, object)  # from a worker thread: a piece of work's number, what it came to

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._then: dict[int, Callable[[object], None]] = {}  # what to do with each piece of work's result
        self._work_done.connect(self._done)  # queued: the answer is handled on the GUI thread
        self._numbers = iter(range(1, 1 << 62))

    def run(self, work: Callable[[], object], then: Callable[[object], None]) -> None:
        """Start `work` on a worker thread; `then(result)` follows on the GUI thread."""
        number = next(self._numbers)
        self._then[number] = then

        def run() -> None:
            result = work()
            try:
                self._work_done.emit(number, result)
            except RuntimeError:  # the window has closed meanwhile: nobody is waiting for the answer
                pass

        # A plain function, which Qt runs and then lets go of: a QRunnable started from Python stays in memory
        # with everything it holds, even after it has run, unless Qt deletes it, and then its signal could be
        # deleted before it is delivered.
        QThreadPool.globalInstance().start(run)

    def _done(self, number: int, result: object) -> None:
        self._then.pop(number)(result)
