"""The bundled cards stay honest: no overclaims, supplements tied to a low level, sources named, key warnings kept."""

import re

import pytest

from kiosk.content.bundled import load_bundle
from kiosk.content.quality import NEVER, OVERCLAIMS  # the same words the staff editor checks before publishing
from kiosk.content.schema import TREATMENT_TEXT_FIELDS
from kiosk.storage.rows import Evidence, Treatment

ALLOWED_SOURCES = (
    "NHS",
    "American Academy of Dermatology",
    "US Food and Drug Administration",
    "NIH Office of Dietary Supplements",
    "Cochrane",
)
SUPPLEMENT_CARDS = ("vitamin-d", "vitamin-b12", "zinc", "biotin", "iron", "vitamins-ace")
LOW_LEVEL = re.compile(r"\b(low|deficien\w*|blood test)", re.IGNORECASE)

CONTENT = load_bundle().content


def card_text(card: Treatment) -> str:
    """Everything a patient reads on the card, as one text."""
    parts = [getattr(card, field) for field in TREATMENT_TEXT_FIELDS]
    return "\n".join([*parts, *card.questions])


def overclaims_in(text: str) -> list[str]:
    """The overclaim words found in `text`."""
    return [word for word, pattern in OVERCLAIMS.items() if re.search(pattern, text, re.IGNORECASE)]


def test_overclaim_check_finds_overclaims():
    assert overclaims_in("A miracle that reverses balding, guaranteed.") == ["guaranteed", "miracle", "reverses"]
    assert overclaims_in("It is proven to work.") == ["proven to"]
    assert overclaims_in("Keep it secure. Curly hair.") == []


def test_no_overclaims_on_cards_without_strong_evidence():
    found = [
        f"treatments/{card.id}.toml ({card.evidence.value}): {', '.join(words)}"
        for card in CONTENT.treatments
        if card.evidence is not Evidence.STRONG and (words := overclaims_in(card_text(card)))
    ]
    assert not found, "overclaims on cards whose evidence is not strong:\n" + "\n".join(found)


def test_never_miracle_or_guaranteed_anywhere():
    texts = [(f"treatments/{card.id}.toml", card_text(card)) for card in CONTENT.treatments]
    for group in CONTENT.cause_groups:
        texts.append((f"causes/{group.id}.toml", group.summary))
        for condition in group.conditions:
            all_text = "\n".join([condition.title, condition.what_it_is, *condition.signs, *condition.doctor_checks])
            texts.append((f"causes/{group.id}.toml {condition.id}", all_text))
    texts += [("red_flags.toml", flag) for flag in CONTENT.red_flags]
    texts += [("glossary.toml", term.meaning) for term in CONTENT.glossary]
    found = [f"{where}: {word}" for where, text in texts for word in overclaims_in(text) if word in NEVER]
    assert not found, "\n".join(found)


def test_nothing_promises_regrowth():
    promise = re.compile(r"\b(will|100%)\s+(re)?grow|\bregrow(s|th)? (your|all)\b", re.IGNORECASE)
    found = [f"treatments/{card.id}.toml" for card in CONTENT.treatments if promise.search(card_text(card))]
    assert not found, "cards that promise regrowth: " + ", ".join(found)


@pytest.mark.parametrize("card_id", SUPPLEMENT_CARDS)
def test_supplements_are_tied_to_a_low_level_found_by_a_test(card_id):
    card = CONTENT.treatment(card_id)
    for field in ("summary", "who_may_help"):
        assert LOW_LEVEL.search(getattr(card, field)), (
            f"treatments/{card_id}.toml {field}: say it helps only if a test shows a low level (deficiency)"
        )
    assert "blood test" in card_text(card).lower(), f"treatments/{card_id}.toml: mention the blood test"
    assert card.evidence in (Evidence.LIMITED, Evidence.NOT_PROVEN), f"treatments/{card_id}.toml evidence"


@pytest.mark.parametrize("card", CONTENT.treatments, ids=lambda card: card.id)
def test_every_card_names_a_known_source_and_two_or_three_questions(card):
    assert any(name in source for source in card.sources for name in ALLOWED_SOURCES), (
        f"treatments/{card.id}.toml sources: name at least one of {', '.join(ALLOWED_SOURCES)}"
    )
    assert 2 <= len(card.questions) <= 3, f"treatments/{card.id}.toml questions: give 2 or 3"
    assert all(question.endswith("?") for question in card.questions), f"treatments/{card.id}.toml questions"
    assert card.last_reviewed in ("2026-11-25", "2026-11-30"), f"treatments/{card.id}.toml last_reviewed"


def test_exosomes_are_not_proven_and_carry_the_fda_warning():
    card = CONTENT.treatment("exosomes")
    assert card.evidence is Evidence.NOT_PROVEN
    assert "December 2019 the FDA put out a public warning" in card.status
    assert "not approved any exosome product" in card.status


def test_finasteride_warns_about_pregnancy_and_compounded_scalp_products():
    card = CONTENT.treatment("finasteride")
    assert "pregnant" in card.who_must_avoid
    assert "broken or crushed tablets" in card.who_must_avoid
    assert "April 2025" in card.status and "not FDA-approved" in card.status


def test_other_safety_warnings_are_kept():
    assert "cats" in CONTENT.treatment("minoxidil-topical").who_must_avoid
    assert "cats" in CONTENT.treatment("minoxidil-melatonin").who_must_avoid
    assert "blood test" in CONTENT.treatment("biotin").side_effects
    assert "hair loss" in CONTENT.treatment("vitamins-ace").side_effects
    assert "pregnant" in CONTENT.treatment("vitamins-ace").who_must_avoid
    assert "pregnant" in CONTENT.treatment("dutasteride").who_must_avoid
    assert "pregnant" in CONTENT.treatment("anti-androgens-women").who_must_avoid
    assert "lower bar" in CONTENT.treatment("laser-light").status


def test_unapproved_treatments_do_not_claim_approval():
    for card_id in ("exosomes", "peptides", "minoxidil-melatonin", "microneedling-hyaluronic", "prp"):
        status = CONTENT.treatment(card_id).status
        assert re.search(r"\bnot approved\b", status, re.IGNORECASE), (
            f"treatments/{card_id}.toml status: say plainly that it is not approved"
        )
