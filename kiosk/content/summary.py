"""A patient's questions for the doctor: which ones they chose, the summary text, and its QR-code parts."""

from dataclasses import dataclass

from kiosk.storage.rows import Content, Treatment

# What one QR code holds at most (UTF-8 bytes). Version 25 at error level M holds 997 bytes; a code of that
# version shown about 470 pixels wide has 4-pixel modules, which a phone camera reads at arm's length.
QR_MAX_BYTES = 900
QR_VERSION_LIMIT = 25
PART_HEADER = "Part %1 of %2\n"


@dataclass(frozen=True)
class ChosenCard:
    """The questions a patient chose on one card, and whether they want the card's warning lines too."""

    card_id: str
    questions: tuple[str, ...]
    with_warning: bool = False


class QuestionPicks:
    """Which questions a patient chose, card by card, in the order they chose them. Pure Python."""

    def __init__(self) -> None:
        self._questions: dict[str, list[str]] = {}
        self._warnings: set[str] = set()

    def __len__(self) -> int:
        return sum(len(questions) for questions in self._questions.values())

    def is_chosen(self, card_id: str, question: str) -> bool:
        """Whether this question of this card is on the list."""
        return question in self._questions.get(card_id, ())

    def choose(self, card_id: str, question: str, chosen: bool) -> bool:
        """Add or remove one question; True if that changed the list."""
        if chosen == self.is_chosen(card_id, question):
            return False
        if chosen:
            self._questions.setdefault(card_id, []).append(question)
        else:
            self._questions[card_id].remove(question)
            if not self._questions[card_id]:
                del self._questions[card_id]
                self._warnings.discard(card_id)
        return True

    def has_warning(self, card_id: str) -> bool:
        """Whether the card's warning lines go into the summary."""
        return card_id in self._warnings

    def include_warning(self, card_id: str, included: bool) -> bool:
        """Add or remove a chosen card's warning lines; True if that changed anything."""
        if card_id not in self._questions or included == self.has_warning(card_id):
            return False
        (self._warnings.add if included else self._warnings.discard)(card_id)
        return True

    def clear(self) -> bool:
        """Forget every choice; True if there was any."""
        had_any = bool(self._questions)
        self._questions.clear()
        self._warnings.clear()
        return had_any

    def cards(self) -> tuple[ChosenCard, ...]:
        """The chosen questions, card by card, in the order the cards were first chosen from."""
        return tuple(
            ChosenCard(card_id, tuple(questions), card_id in self._warnings)
            for card_id, questions in self._questions.items()
        )


@dataclass(frozen=True)
class SummaryCard:
    """One card as it appears in the summary: its name, the chosen questions, and its warning lines if wanted."""

    name: str
    questions: tuple[str, ...]
    warning: str = ""


WARNING_HEADING = "Get help now if:"


@dataclass(frozen=True)
class SummaryWords:
    """The summary's own words, in the patient's language (the interface gives them; English by default).
    %1 and %2 stand for the clinic name, or a code's number and how many codes there are."""

    heading: str = "My questions for the doctor"
    heading_at_clinic: str = "My questions for the doctor (%1)"
    get_help: str = WARNING_HEADING
    part: str = PART_HEADER.rstrip("\n")
    kiosk_title: str = "Hair loss: know your options"
    scan: str = "Scan with your phone to keep these questions:"


@dataclass(frozen=True)
class Summary:
    """What a patient takes to the doctor."""

    clinic_name: str
    doctor_guidance: str
    cards: tuple[SummaryCard, ...]
    words: SummaryWords = SummaryWords()

    def text(self) -> str:
        """The summary as plain text: what the QR code holds and the printout shows."""
        words = self.words
        lines = [words.heading_at_clinic.replace("%1", self.clinic_name) if self.clinic_name else words.heading]
        for card in self.cards:
            lines += ["", card.name]
            lines += [f"- {question}" for question in card.questions]
            if card.warning:
                lines.append(f"{words.get_help} {card.warning}")
        lines += ["", self.doctor_guidance]
        return "\n".join(lines)

    def qr_parts(self) -> list[str]:
        """The text as the contents of one QR code or more (see `qr_parts`), headed in the summary's words."""
        return qr_parts(self.text(), header=self.words.part + "\n")


def warning_lines(card: Treatment) -> str:
    """The card's signs that need a doctor the same day, and what to do then."""
    return " ".join((*card.get_help_now, card.get_help_action)).strip()


def build_summary(
    chosen: tuple[ChosenCard, ...],
    content: Content,
    clinic_name: str,
    guidance: str,
    words: SummaryWords = SummaryWords(),
) -> Summary:
    """The summary of the chosen questions, with card names and wanted warning lines from `content` (cards
    that newer content no longer has are left out)."""
    cards = []
    for choice in chosen:
        try:
            card = content.treatment(choice.card_id)
        except KeyError:
            continue
        cards.append(SummaryCard(card.name, choice.questions, warning_lines(card) if choice.with_warning else ""))
    return Summary(clinic_name, guidance, tuple(cards), words)


def sample_choices(content: Content) -> tuple[ChosenCard, ...]:
    """A patient's choice for review and tests: two questions from each of the first two cards, one with warnings."""
    return tuple(
        ChosenCard(card.id, card.questions[:2], with_warning=index == 0)
        for index, card in enumerate(content.treatments[:2])
    )


def qr_parts(text: str, max_bytes: int = QR_MAX_BYTES, header: str = PART_HEADER) -> list[str]:
    """The text as one QR code's content, or split at line ends into numbered parts ("Part 1 of 3") that
    together hold all of it: nothing is ever cut off. A single line too long for a code is split between
    words."""
    if len(text.encode("utf-8")) <= max_bytes:
        return [text]
    room = max_bytes - len(_numbered(header, 99, 99).encode("utf-8"))
    chunks: list[str] = []
    current = ""
    for piece in _pieces(text, room):
        if current and len((current + piece).encode("utf-8")) > room:
            chunks.append(current)
            current = ""
        current += piece
    chunks.append(current)
    return [_numbered(header, n, len(chunks)) + chunk for n, chunk in enumerate(chunks, start=1)]


def _numbered(header: str, number: int, total: int) -> str:
    return header.replace("%1", str(number)).replace("%2", str(total))


def joined_parts(parts: list[str]) -> str:
    """The text the parts were made from (what a reader gets by reading every code in order)."""
    if len(parts) == 1:
        return parts[0]
    return "".join(part.split("\n", 1)[1] for part in parts)


def _pieces(text: str, room: int) -> list[str]:
    """The text's lines (each keeping its line end), with any line longer than `room` bytes cut between words."""
    pieces = []
    for line in text.splitlines(keepends=True):
        while len(line.encode("utf-8")) > room:
            cut = _cut_point(line, room)
            pieces.append(line[:cut])
            line = line[cut:]
        pieces.append(line)
    return pieces


def _cut_point(line: str, room: int) -> int:
    """Where to cut `line` so the first part fits in `room` bytes, after a space if there is one."""
    end = room
    while len(line[:end].encode("utf-8")) > room:
        end -= 1
    space = line.rfind(" ", 0, end)
    return space + 1 if space > 0 else end
