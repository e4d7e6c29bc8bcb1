"""The writing checks the kiosk's own tests make on the bundled content, made on staff's content before publishing.

- Reading grade: every block of prose a patient reads is at Flesch-Kincaid grade 8 or lower (textstat, pinned
  below 0.7.9, which would need downloads). Names and titles are labels, only held to being short.
- Overclaims: words that oversell ("cure", "reverses", ...) only on cards with strong evidence; "miracle" and
  "guaranteed" nowhere.
- Warnings kept: the safety warnings the bundled cards carry stay on those cards; supplement cards mention the
  blood test; cards that are not approved say so.

These are warnings for staff to read before publishing (they confirm), not refusals: a clinic may have reasons.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kiosk.content.labels import field_label
from kiosk.storage.rows import Content, Evidence, Treatment

MAX_GRADE = 8.0
MAX_LABEL_WORDS = 8
PROSE_FIELDS = (
    "summary",
    "what_it_is",
    "how_used",
    "evidence_reason",
    "status",
    "who_may_help",
    "results_time",
    "if_you_stop",
    "side_effects",
    "who_must_avoid",
)
OVERCLAIMS = {
    "cure": r"\bcur(e|es|ed|ing)\b",
    "guaranteed": r"\bguarantee",
    "miracle": r"\bmiracle",
    "most powerful": r"\bmost powerful\b",
    "highly effective": r"\bhighly effective\b",
    "reverses": r"\brevers(e|es|ed|ing)\b",
    "proven to": r"\bproven to\b",
}
NEVER = ("miracle", "guaranteed")
# card id -> (field, words that must stay): the safety warnings of the bundled cards.
KEPT_WARNINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "finasteride": (("who_must_avoid", "pregnant"), ("who_must_avoid", "broken or crushed tablets")),
    "dutasteride": (("who_must_avoid", "pregnant"),),
    "anti-androgens-women": (("who_must_avoid", "pregnant"),),
    "minoxidil-topical": (("who_must_avoid", "cats"),),
    "minoxidil-melatonin": (("who_must_avoid", "cats"),),
    "biotin": (("side_effects", "blood test"),),
    "vitamins-ace": (("side_effects", "hair loss"), ("who_must_avoid", "pregnant")),
    "exosomes": (("status", "FDA"),),
}
SUPPLEMENTS = ("vitamin-d", "vitamin-b12", "zinc", "biotin", "iron", "vitamins-ace")
NOT_APPROVED = ("exosomes", "peptides", "minoxidil-melatonin", "microneedling-hyaluronic", "prp")


@dataclass(frozen=True)
class QualityIssue:
    """One thing staff should look at before publishing: where ("Card: Biotin"), the field's label, and why."""

    place: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.place}, {self.field}: {self.message}"


def reading_grade(text: str) -> float:
    """The Flesch-Kincaid grade of one block of text."""
    import textstat  # loads its word lists on first use: only when checking

    return float(textstat.flesch_kincaid_grade(text))


def overclaims_in(text: str) -> list[str]:
    """The overselling words found in `text`."""
    return [word for word, pattern in OVERCLAIMS.items() if re.search(pattern, text, re.IGNORECASE)]


def _card_blocks(card: Treatment) -> Iterator[tuple[str, str]]:
    for field in PROSE_FIELDS:
        yield field, getattr(card, field)
    for question in card.questions:
        yield "questions", question


def _blocks(content: Content) -> Iterator[tuple[str, str, str, str]]:
    """(place, field, kind, text) for every block of prose a patient reads."""
    for card in content.treatments:
        for field, text in _card_blocks(card):
            yield f"Card: {card.name}", field, "card", text
    for group in content.cause_groups:
        yield f"Cause group: {group.title}", "summary", "group", group.summary
        for condition in group.conditions:
            place = f"Cause: {condition.title}"
            yield place, "what_it_is", "cause", condition.what_it_is
            for field in ("signs", "doctor_checks"):
                for entry in getattr(condition, field):
                    yield place, field, "cause", entry
    for flag in content.red_flags:
        yield "Warning signs", "red_flags", "", flag
    for term in content.glossary:
        yield f"Words explained: {term.term}", "meaning", "", term.meaning


def _labels(content: Content) -> Iterator[tuple[str, str, str, str]]:
    for card in content.treatments:
        yield f"Card: {card.name}", "name", "card", card.name
    for group in content.cause_groups:
        yield f"Cause group: {group.title}", "title", "group", group.title
        for condition in group.conditions:
            yield f"Cause: {condition.title}", "title", "cause", condition.title


def grade_issues(content: Content, doctor_guidance: str = "") -> list[QualityIssue]:
    """Every block above reading grade 8, and every name or title longer than 8 words."""
    issues = []
    blocks = list(_blocks(content))
    if doctor_guidance:
        blocks.append(("Doctor guidance", "doctor_guidance", "", doctor_guidance))
    for place, field, kind, text in blocks:
        grade = reading_grade(text)
        if grade > MAX_GRADE:
            issues.append(
                QualityIssue(
                    place,
                    field_label(field, kind),
                    f"reading grade {grade:.1f} (aim for {MAX_GRADE:.0f} or lower): “{_quote(text)}”. "
                    "Use shorter sentences and everyday words.",
                )
            )
    for place, field, kind, text in _labels(content):
        if len(text.split()) > MAX_LABEL_WORDS:
            issues.append(
                QualityIssue(place, field_label(field, kind), f"{len(text.split())} words; keep it to 8 or fewer.")
            )
    return issues


def overclaim_issues(content: Content) -> list[QualityIssue]:
    """Overselling words on cards without strong evidence, and "miracle" or "guaranteed" anywhere."""
    issues = []
    strong = {card.name for card in content.treatments if card.evidence is Evidence.STRONG}
    for place, field, kind, text in _blocks(content):
        is_strong_card = place.removeprefix("Card: ") in strong and kind == "card"
        for word in overclaims_in(text):
            if word in NEVER or (kind == "card" and not is_strong_card):
                why = "is never used on the kiosk" if word in NEVER else "oversells a treatment without strong evidence"
                issues.append(
                    QualityIssue(place, field_label(field, kind), f"“{word}” {why}. Say plainly what is known.")
                )
    return issues


def warning_issues(content: Content) -> list[QualityIssue]:
    """Cards that lost a safety warning the kiosk's own content carries."""
    issues = []
    for card in content.treatments:
        place = f"Card: {card.name}"
        for field, words in KEPT_WARNINGS.get(card.id, ()):
            if words.casefold() not in getattr(card, field).casefold():
                issues.append(
                    QualityIssue(place, field_label(field), f"the warning about “{words}” is missing. Put it back.")
                )
        text = " ".join(text for _, text in _card_blocks(card)).casefold()
        if card.id in SUPPLEMENTS and "blood test" not in text:
            issues.append(
                QualityIssue(place, field_label("who_may_help"), "say it helps only if a blood test shows a low level.")
            )
        if card.id in NOT_APPROVED and not re.search(r"\bnot approved\b", card.status, re.IGNORECASE):
            issues.append(QualityIssue(place, field_label("status"), "say plainly that it is not approved."))
    return issues


def quality_issues(content: Content, doctor_guidance: str = "") -> list[QualityIssue]:
    """Every writing problem in `content`: reading grade, overclaims, missing warnings."""
    return [*warning_issues(content), *overclaim_issues(content), *grade_issues(content, doctor_guidance)]


def _quote(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
