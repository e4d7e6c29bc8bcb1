"""The rows of the content tables, as frozen dataclasses. One `Content` is everything a patient can see."""

from dataclasses import dataclass, field
from enum import StrEnum


class Evidence(StrEnum):
    """How well a treatment is shown to work for hair loss, strongest first."""

    STRONG = "strong"
    MODERATE = "moderate"
    LIMITED = "limited"
    NOT_PROVEN = "not_proven"

    @property
    def label(self) -> str:
        """The words a patient reads."""
        return {"strong": "Strong", "moderate": "Moderate", "limited": "Limited", "not_proven": "Not proven"}[
            self.value
        ]

    @property
    def words(self) -> str:
        """The level as a patient reads it on a badge: "Strong evidence" … "Not proven"."""
        return self.label if self is Evidence.NOT_PROVEN else f"{self.label} evidence"

    @property
    def rank(self) -> int:
        """3 for Strong down to 0 for Not proven."""
        return 3 - list(Evidence).index(self)


@dataclass(frozen=True)
class CheckedBy:
    """Who last checked an item's medical content, and when (an ISO date)."""

    name: str
    role: str
    date: str

    @property
    def line(self) -> str:
        """What a patient reads: "Checked by Dr. Ana Ruiz, dermatologist, on 2026-11-25"."""
        return f"Checked by {self.name}, {self.role}, on {self.date}"


NOT_CHECKED = "Not yet checked by a clinician"


@dataclass(frozen=True)
class Treatment:
    """One treatment card."""

    id: str
    name: str
    summary: str
    what_it_is: str
    how_used: str
    evidence: Evidence
    evidence_reason: str
    status: str
    who_may_help: str
    results_time: str
    if_you_stop: str
    side_effects: str
    who_must_avoid: str
    questions: tuple[str, ...]
    sources: tuple[str, ...]
    last_reviewed: str
    key_points: tuple[str, ...] = ()
    get_help_now: tuple[str, ...] = ()
    get_help_action: str = ""
    next_steps: tuple[str, ...] = ()
    checked_by: CheckedBy | None = None


@dataclass(frozen=True)
class Condition:
    """One cause of hair loss within a group, with the treatments that may apply."""

    id: str
    title: str
    what_it_is: str
    signs: tuple[str, ...]
    doctor_checks: tuple[str, ...]
    treatment_ids: tuple[str, ...]
    unproven_ids: tuple[str, ...] = ()  # sold for this, but not shown to work: shown only under their own heading


@dataclass(frozen=True)
class CauseGroup:
    """A choice on "What might be causing it?": hormonal, nutritional, genetic, other."""

    id: str
    title: str
    summary: str
    icon: str
    conditions: tuple[Condition, ...]
    key_points: tuple[str, ...] = ()
    next_steps: tuple[str, ...] = ()
    checked_by: CheckedBy | None = None


@dataclass(frozen=True)
class GlossaryTerm:
    """A hard word and its plain meaning."""

    term: str
    meaning: str


@dataclass(frozen=True)
class RedFlagsPage:
    """What goes with the warning signs: numbered next steps and who checked them."""

    next_steps: tuple[str, ...] = ()
    checked_by: CheckedBy | None = None


@dataclass(frozen=True)
class TopicSection:
    """A heading and its lines on a topic screen."""

    title: str
    entries: tuple[str, ...]


@dataclass(frozen=True)
class Topic:
    """A screen of its own that is not a cause or a card, like "Living with hair loss"."""

    id: str
    title: str
    summary: str
    key_points: tuple[str, ...]
    sections: tuple[TopicSection, ...]
    next_steps: tuple[str, ...]
    sources: tuple[str, ...]
    checked_by: CheckedBy | None = None
    treatment_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class PicturePattern:
    """One pattern of the "What does it look like?" guide: a drawing, what it shows, and causes to read."""

    id: str
    title: str
    caption: str
    description: str  # read aloud in place of the drawing
    picture: str  # the SVG file's name in assets/pictures, without ".svg"
    cause_ids: tuple[str, ...]


@dataclass(frozen=True)
class TranslatedText:
    """One patient-visible text in another language, and a fingerprint of the English it translates."""

    language: str  # a language code like "es"
    key: str  # where the text goes, like "treatments/finasteride/questions/2" (see kiosk.content.languages)
    text: str
    source: str  # fingerprint of the English text when it was translated: a mismatch means out of date


@dataclass(frozen=True)
class Content:
    """All published patient content (in English), with its translations as data."""

    treatments: tuple[Treatment, ...]
    cause_groups: tuple[CauseGroup, ...]
    red_flags: tuple[str, ...]
    glossary: tuple[GlossaryTerm, ...] = ()
    red_flags_page: RedFlagsPage = RedFlagsPage()
    topics: tuple[Topic, ...] = ()
    pictures: tuple[PicturePattern, ...] = ()
    translations: tuple[TranslatedText, ...] = ()
    _by_id: dict = field(default=None, init=False, repr=False, compare=False)

    def treatment(self, treatment_id: str) -> Treatment:
        """The card with this id (KeyError if there is none)."""
        if self._by_id is None:
            object.__setattr__(self, "_by_id", {t.id: t for t in self.treatments})
        return self._by_id[treatment_id]

    def cause_group(self, group_id: str) -> CauseGroup:
        """The cause group with this id (KeyError if there is none)."""
        for group in self.cause_groups:
            if group.id == group_id:
                return group
        raise KeyError(group_id)

    def topic(self, topic_id: str) -> Topic:
        """The topic with this id (KeyError if there is none)."""
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        raise KeyError(topic_id)

    def picture(self, pattern_id: str) -> PicturePattern:
        """The picture-guide pattern with this id (KeyError if there is none)."""
        for pattern in self.pictures:
            if pattern.id == pattern_id:
                return pattern
        raise KeyError(pattern_id)

    def treatments_for_group(self, group_id: str) -> tuple[Treatment, ...]:
        """Every card linked from a condition of this group, in first-mentioned order, no repeats."""
        seen: dict[str, Treatment] = {}
        for condition in self.cause_group(group_id).conditions:
            for treatment_id in condition.treatment_ids:
                seen.setdefault(treatment_id, self.treatment(treatment_id))
        return tuple(seen.values())
