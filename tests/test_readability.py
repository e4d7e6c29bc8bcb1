"""Every block of text a patient reads in the bundled content is at reading grade 8 or lower.

The grade is textstat's Flesch-Kincaid grade (textstat 0.7.8, pinned below 0.7.9 in pyproject.toml).
Names and titles (card names, cause titles, glossary terms, source names) are labels, not sentences:
Flesch-Kincaid gives nonsense for two or three words that are mostly drug names, so they are only
held to being short. Everything else counts: each text field and each list entry on its own.
"""

import tomllib

import pytest
import textstat

from kiosk.content.bundled import load_bundle
from kiosk.content.schema import TREATMENT_TEXT_FIELDS
from kiosk.resources import bundled_content_dir

MAX_GRADE = 8.0
MAX_LABEL_WORDS = 8
LABEL_FIELDS = {"name"}


def patient_text_blocks() -> list[tuple[str, str]]:
    """(where, text) for every block of patient-facing prose, e.g. ('treatments/finasteride.toml side_effects', …)."""
    content = load_bundle().content
    blocks: list[tuple[str, str]] = []
    for card in content.treatments:
        where = f"treatments/{card.id}.toml"
        for field in TREATMENT_TEXT_FIELDS:
            if field not in LABEL_FIELDS:
                blocks.append((f"{where} {field}", getattr(card, field)))
        for field in ("questions", "key_points", "get_help_now", "next_steps"):
            for number, entry in enumerate(getattr(card, field), start=1):
                blocks.append((f"{where} {field} #{number}", entry))
    for group in content.cause_groups:
        where = f"causes/{group.id}.toml"
        blocks.append((f"{where} summary", group.summary))
        for field in ("key_points", "next_steps"):
            for number, entry in enumerate(getattr(group, field), start=1):
                blocks.append((f"{where} {field} #{number}", entry))
        for condition in group.conditions:
            blocks.append((f"{where} {condition.id} what_it_is", condition.what_it_is))
            for field in ("signs", "doctor_checks"):
                for number, entry in enumerate(getattr(condition, field), start=1):
                    blocks.append((f"{where} {condition.id} {field} #{number}", entry))
    for number, flag in enumerate(content.red_flags, start=1):
        blocks.append((f"red_flags.toml flags #{number}", flag))
    for number, step in enumerate(content.red_flags_page.next_steps, start=1):
        blocks.append((f"red_flags.toml next_steps #{number}", step))
    for topic in content.topics:
        where = f"topics.toml {topic.id}"
        blocks.append((f"{where} summary", topic.summary))
        entries = [*topic.key_points, *topic.next_steps, *(entry for part in topic.sections for entry in part.entries)]
        blocks += [(f"{where} entry #{number}", entry) for number, entry in enumerate(entries, start=1)]
    for pattern in content.pictures:
        blocks.append((f"pictures.toml {pattern.id} caption", pattern.caption))
        blocks.append((f"pictures.toml {pattern.id} description", pattern.description))
    for term in content.glossary:
        blocks.append((f"glossary.toml '{term.term}' meaning", term.meaning))
    index = tomllib.loads((bundled_content_dir() / "index.toml").read_text(encoding="utf-8"))
    blocks.append(("index.toml settings.doctor_guidance", index["settings"]["doctor_guidance"]))
    return blocks


def patient_labels() -> list[tuple[str, str]]:
    """(where, text) for every name or title a patient reads."""
    content = load_bundle().content
    labels = [(f"treatments/{card.id}.toml name", card.name) for card in content.treatments]
    for group in content.cause_groups:
        labels.append((f"causes/{group.id}.toml title", group.title))
        labels += [(f"causes/{group.id}.toml {c.id} title", c.title) for c in group.conditions]
    labels += [(f"glossary.toml '{term.term}' term", term.term) for term in content.glossary]
    labels += [(f"topics.toml {topic.id} title", topic.title) for topic in content.topics]
    labels += [(f"pictures.toml {pattern.id} title", pattern.title) for pattern in content.pictures]
    return labels


def grade(text: str) -> float:
    """The Flesch-Kincaid grade of one block of text."""
    return textstat.flesch_kincaid_grade(text)


def test_textstat_is_the_pinned_version():
    # Later versions count syllables differently (and need downloads), so grades would not compare.
    assert tuple(textstat.__version__) < (0, 7, 9)


def test_every_patient_text_block_is_grade_8_or_lower(record_property):
    blocks = patient_text_blocks()
    assert len(blocks) > 300, "the block list looks too short; did the content fail to load?"
    graded = sorted(((round(grade(text), 2), where) for where, text in blocks), reverse=True)
    highest_grade, highest_where = graded[0]
    record_property("highest_grade", f"{highest_grade} ({highest_where})")
    print(f"\nHighest reading grade: {highest_grade} in {highest_where} ({len(blocks)} blocks checked)")
    too_hard = [f"{where}: grade {value}" for value, where in graded if value > MAX_GRADE]
    assert not too_hard, f"{len(too_hard)} block(s) above grade {MAX_GRADE}:\n" + "\n".join(too_hard)


def test_names_and_titles_are_short():
    too_long = [
        f"{where}: {len(text.split())} words" for where, text in patient_labels() if len(text.split()) > MAX_LABEL_WORDS
    ]
    assert not too_long, f"labels longer than {MAX_LABEL_WORDS} words:\n" + "\n".join(too_long)


@pytest.mark.parametrize(
    ("text", "expected_at_most"),
    [
        ("Take one tablet each day.", MAX_GRADE),
        ("Tell your doctor if you take it.", MAX_GRADE),
    ],
)
def test_grade_check_passes_plain_sentences(text, expected_at_most):
    assert grade(text) <= expected_at_most


def test_grade_check_catches_hard_text():
    hard = (
        "Pharmacological antiandrogenic interventions demonstrate heterogeneous efficacy in randomised "
        "controlled investigations of androgenetic alopecia among premenopausal individuals."
    )
    assert grade(hard) > MAX_GRADE
