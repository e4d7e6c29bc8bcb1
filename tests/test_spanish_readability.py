"""Every Spanish text a patient reads is easy to read: Fernández-Huerta 60 or more for each block of prose.

textstat's fernandez_huerta with set_lang("es") (textstat 0.7.8), per field and per list entry, like
test_readability.py does for English. Names, titles, glossary words, sources and reviewer roles are labels:
they are held to 8 words or fewer instead of being scored.
"""

from contextlib import contextmanager

import pytest
import textstat
from language_helpers import content_copy, write_overlay

from kiosk.content.bundled import load_bundle

MIN_FERNANDEZ_HUERTA = 60.0
MAX_LABEL_WORDS = 8
LABEL_FIELDS = {"name", "title", "term", "sources", "role"}


@contextmanager
def spanish_scoring():
    """textstat counting Spanish syllables, set back to its default afterwards (other tests score English)."""
    before = textstat.textstat._textstatistics__lang
    textstat.set_lang("es")
    try:
        yield
    finally:
        textstat.set_lang(before)


def is_label(key: str) -> bool:
    """Whether the text at `key` is a label (its field, ignoring list numbers, is a name, title, …)."""
    return next(part for part in reversed(key.split("/")) if not part.isdigit()) in LABEL_FIELDS


def spanish_problems(content, scores: list[float] | None = None) -> tuple[int, list[str]]:
    """How many Spanish prose blocks were scored, and every block or label that is too hard or too long."""
    problems: list[str] = []
    scored = 0
    scores = [] if scores is None else scores
    with spanish_scoring():
        for entry in content.translations:
            if entry.language != "es":
                continue
            if is_label(entry.key):
                if len(entry.text.split()) > MAX_LABEL_WORDS:
                    problems.append(f"{entry.key}: label over {MAX_LABEL_WORDS} words: {entry.text}")
                continue
            scored += 1
            score = textstat.fernandez_huerta(entry.text)
            scores.append(score)
            if score < MIN_FERNANDEZ_HUERTA:
                problems.append(f"{entry.key}: Fernández-Huerta {score:.1f} < {MIN_FERNANDEZ_HUERTA}: {entry.text}")
    return scored, problems


def test_every_bundled_spanish_text_is_easy_to_read():
    """Run with -s to see how many Spanish texts there are and the lowest score."""
    content = load_bundle().content
    scores: list[float] = []
    scored, problems = spanish_problems(content, scores)
    spanish = sum(entry.language == "es" for entry in content.translations)
    print(
        f"\n{spanish} Spanish texts, {scored} prose blocks scored, lowest Fernández-Huerta {min(scores, default=0):.1f}"
    )
    assert not problems, f"{len(problems)} of {scored} Spanish blocks are too hard or too long:\n" + "\n".join(problems)


HARD = (
    "La administración concomitante de inhibidores enzimáticos farmacológicamente relevantes "
    "incrementa considerablemente la probabilidad de manifestaciones adversas sistémicas."
)
EASY = "Puede tener mareos. Si le pasa, siéntese. Llame a su médico hoy."


@pytest.mark.parametrize(
    ("side_effects", "name", "expected"),
    [
        (EASY, "Finasterida en tabletas", []),
        (HARD, "Finasterida en tabletas", ["treatments/finasteride/side_effects: Fernández-Huerta"]),
        (EASY, "Finasterida en tabletas de un miligramo para tomar cada día", ["label over 8 words"]),
    ],
)
def test_the_spanish_readability_check_can_fail(tmp_path, side_effects, name, expected):
    folder = content_copy(tmp_path)
    overlay = f'id = "finasteride"\nname = "{name}"\nside_effects = "{side_effects}"\n'
    write_overlay(folder, "es", {"treatments/finasteride.toml": overlay})
    scored, problems = spanish_problems(load_bundle(folder).content)
    assert scored == 1
    assert len(problems) == len(expected)
    for problem, start in zip(problems, expected, strict=True):
        assert start in problem


def test_scoring_spanish_leaves_english_scoring_as_it_was():
    grade = textstat.flesch_kincaid_grade(EASY)
    with spanish_scoring():
        textstat.fernandez_huerta(EASY)
    assert textstat.flesch_kincaid_grade(EASY) == grade
