"""The 12 looks (language × text size × contrast): first visits of every kind of screen in each, and the taps on
the access bar that switch into it, with the kiosk's widgets counted after each look (no copy per look).

The probe taps its way into each look as a patient would (Text size, High contrast, Español / English), then
taps at random, preferring buttons that open a kind of screen with few first visits in this look, until every
kind has its share. Results are kept per look; the tapper's own counts start again for the next look.
"""

from collections.abc import Callable
from itertools import product

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QWidget

from bench import taps
from bench.processes import percentiles

LANGUAGES = ("en", "es")
TEXT_PERCENTS = (100, 130, 160)
CONTRASTS = ("standard", "high")


def every_look() -> list[tuple[str, int, str]]:
    """The 12 looks as (language, text size in per cent, contrast), the default first."""
    return list(product(LANGUAGES, TEXT_PERCENTS, CONTRASTS))


def look_name(look: tuple[str, int, str]) -> str:
    """A look as a short name: "es 130 % high"."""
    language, percent, contrast = look
    return f"{language} {percent} % {contrast}"


def _is(window, look: tuple[str, int, str]) -> bool:
    current = window.frame.looks.current()
    return (current.language, current.percent, current.contrast) == look


def switch_button(window, look: tuple[str, int, str]) -> QAbstractButton | None:
    """The access-bar button a patient taps next to reach `look` (None once it is in use)."""
    language, percent, contrast = look
    current, bar = window.frame.looks.current(), window.frame.access_bar
    if current.percent != percent:
        return bar.text_size_button
    if current.contrast != contrast:
        return bar.contrast_button
    if current.language != language:
        return bar.language_buttons[language]
    return None


class LooksRun:
    """Drives the tapper through every look, then calls `finished(results)`."""

    def __init__(self, window, tapper: taps.Tapper, kinds: tuple[str, ...], per_kind: int, seed: int,
                 finished: Callable[[dict], None]):  # fmt: skip
        self.window, self.tapper, self.kinds, self.per_kind, self.seed = window, tapper, kinds, per_kind, seed
        self.finished = finished
        self.looks = every_look()
        self.results: dict[str, dict] = {}
        self._index = 0

    def start(self) -> None:
        """Begin with the first look."""
        self._next_look()

    def _next_look(self) -> None:
        if self._index == len(self.looks):
            self.finished(self.results)
            return
        look = self.looks[self._index]
        self.tapper.latencies, self.tapper.first_visits, self.tapper.timeouts_by_kind = {}, {}, {}
        self.tapper.leads_to = {}  # the buttons' names change with the language
        limit = 20 * self.per_kind * len(self.kinds)
        visits = taps.top_up_taps(self.tapper, self.kinds, self.per_kind, self.seed + self._index, limit)

        def choose(buttons: list[QAbstractButton]) -> QAbstractButton | None:
            if not _is(self.window, look):
                return switch_button(self.window, look)
            return visits(buttons)

        self.tapper.run(choose, self._look_done)

    def _look_done(self) -> None:
        self.window.navigator.home()
        QTimer.singleShot(0, self._count_and_go_on)  # widgets deleted at home are gone a turn later

    def _count_and_go_on(self) -> None:
        look, tapper = self.looks[self._index], self.tapper
        switches = {kind: samples for kind, samples in tapper.latencies.items() if taps.is_same_screen(kind)}
        self.results[look_name(look)] = {
            "first_visits": {kind: percentiles(tapper.first_visits.get(kind, [])) for kind in self.kinds},
            "switch": percentiles([ms for samples in switches.values() for ms in samples]),
            "timeouts": sum(tapper.timeouts_by_kind.values()),
            "widgets_alive": len(self.window.findChildren(QWidget)),
            "screens_kept": self.window.frame.stack.count(),
        }
        self._index += 1
        self._next_look()
