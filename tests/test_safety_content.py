"""Every safety fact a patient must see is on the card it belongs to; the topics patients ask for are there;
Not proven cards never sit among a cause's options; one voice (US English, FDA first, hard words explained)."""

import datetime
import re

import pytest

from kiosk.content.bundled import load_bundle
from kiosk.storage.rows import Evidence, Treatment

CONTENT = load_bundle().content


def card_text(card: Treatment) -> str:
    """Everything a patient reads on a card, as one lower-case text."""
    parts = [card.summary, card.what_it_is, card.how_used, card.status, card.who_may_help, card.results_time]
    parts += [card.if_you_stop, card.side_effects, card.who_must_avoid, card.get_help_action]
    parts += [*card.key_points, *card.get_help_now, *card.next_steps, *card.questions]
    return " ".join(parts).lower()


# (card, words that must all be on it, what the fact is)
SAFETY_FACTS = [
    ("finasteride", ["thoughts of hurting or killing yourself", "get help today"], "mood and self-harm: same day"),
    ("finasteride", ["go on after they stop"], "sexual effects can last after stopping"),
    ("finasteride", ["do not give blood", "1 month after the last"], "no blood donation for 1 month"),
    ("finasteride", ["lump in your breast"], "report breast lumps"),
    ("finasteride", ["thoughts of suicide", "europe confirmed it in 2025"], "label and 2025 European review"),
    ("dutasteride", ["do not give blood", "6 months after the last dose"], "no blood donation for 6 months"),
    ("dutasteride", ["thoughts of hurting or killing yourself", "get help today"], "mood and self-harm"),
    (
        "minoxidil-oral",
        ["chest pain", "short of breath", "ankles or face swell", "gain weight fast", "faint"],
        "warning signs that need care the same day",
    ),  # fmt: skip
    ("minoxidil-oral", ["pregnant or breastfeeding"], "not in pregnancy or breastfeeding"),
    ("minoxidil-oral", ["other blood pressure medicine"], "tell the doctor about blood-pressure medicines"),
    (
        "minoxidil-topical",
        ["sudden or patchy", "do not know the cause", "after having a baby", "red or sore scalp"],
        "the label's do-not-use list",
    ),  # fmt: skip
    ("minoxidil-topical", ["women use the 2% liquid twice a day or the 5% foam once a day"], "strength for women"),
    ("minoxidil-topical", ["catch fire", "children and cats"], "flammable; keep from children and cats"),
    ("minoxidil-topical", ["chest pain", "faint", "hands or feet swell"], "stop and ask a doctor"),
    ("anti-androgens-women", ["potassium pills or salt substitutes"], "no potassium with spironolactone"),
    ("anti-androgens-women", ["reliable birth control"], "birth control needed"),
    ("anti-androgens-women", ["blood clots", "smoke and are over 35", "migraines with aura"], "clot risk"),
    ("jak-inhibitors", ["boxed warning", "serious infections", "blood clots", "cancers"], "boxed warnings"),
    ("jak-inhibitors", ["tb and hepatitis"], "tests before starting"),
    ("jak-inhibitors", ["live vaccines"], "no live vaccines"),
    ("jak-inhibitors", ["about 33 in 100"], "numbers as about X in 100"),
    ("vitamins-ace", ["vitamin e", "bleeding", "blood thinner"], "vitamin E raises bleeding risk"),
    ("vitamins-ace", ["selenium", "hair and nails fall out"], "selenium excess"),
    ("ketoconazole-shampoo", ["does not treat scalp ringworm in a child", "tablets"], "not for a child's ringworm"),
    ("minoxidil-melatonin", ["any product with minoxidil in it is a drug, not a cosmetic"], "a drug in the US"),
]


@pytest.mark.parametrize(("card_id", "words", "fact"), SAFETY_FACTS, ids=[f"{c}: {f}" for c, _, f in SAFETY_FACTS])
def test_every_safety_fact_is_on_the_card_it_names(card_id, words, fact):
    text = card_text(CONTENT.treatment(card_id))
    missing = [word for word in words if word not in text]
    assert not missing, f"treatments/{card_id}.toml: the fact '{fact}' needs the words {missing}"


@pytest.mark.parametrize("card", CONTENT.treatments, ids=lambda card: card.id)
def test_every_card_has_get_help_now_key_points_next_steps_and_a_sign_off(card):
    where = f"treatments/{card.id}.toml"
    assert card.get_help_now and card.get_help_action, f"{where} get_help_now"
    assert any(word in card.get_help_action.lower() for word in ("today", "now", "right away")), where
    assert 2 <= len(card.key_points) <= 3, f"{where} key_points"
    assert card.next_steps, f"{where} next_steps"
    assert card.checked_by is not None, f"{where} checked_by"
    assert datetime.date.fromisoformat(card.checked_by.date) <= datetime.date.today()


def test_every_cause_and_the_warning_signs_have_key_points_next_steps_and_a_sign_off():
    for group in CONTENT.cause_groups:
        assert 2 <= len(group.key_points) <= 3, f"causes/{group.id}.toml key_points"
        assert group.next_steps and group.checked_by, f"causes/{group.id}.toml"
    assert CONTENT.red_flags_page.next_steps and CONTENT.red_flags_page.checked_by


def test_warning_signs_include_low_mood_or_self_harm_on_a_hair_loss_medicine():
    flags = " ".join(CONTENT.red_flags).lower()
    assert "thoughts of hurting yourself" in flags and "hair-loss medicine" in flags


def test_no_cause_lists_a_not_proven_card_among_its_options():
    for group in CONTENT.cause_groups:
        for condition in group.conditions:
            for card_id in condition.treatment_ids:
                card = CONTENT.treatment(card_id)
                assert card.evidence is not Evidence.NOT_PROVEN, f"causes/{group.id}.toml {condition.id}: {card_id}"
            for card_id in condition.unproven_ids:
                assert CONTENT.treatment(card_id).evidence is Evidence.NOT_PROVEN
    male = next(c for c in CONTENT.cause_group("genetic").conditions if c.id == "male-pattern")
    assert set(male.unproven_ids) == {"exosomes", "peptides"}
    alopecia = next(c for c in CONTENT.cause_group("other").conditions if c.id == "alopecia-areata")
    assert "vitamin-d" not in alopecia.treatment_ids


def test_the_topics_patients_ask_for_are_covered():
    other = {c.id: c for c in CONTENT.cause_group("other").conditions}
    assert "50 to 100 hairs a day" in other["normal-shedding"].what_it_is
    scarring = " ".join([other["scarring-hair-loss"].what_it_is, *other["scarring-hair-loss"].signs]).lower()
    for name in ("frontal fibrosing alopecia", "central centrifugal cicatricial alopecia", "lichen planopilaris"):
        assert name in scarring
    assert "do not share combs" in other["scalp-ringworm"].what_it_is
    assert "scalp cooling" in other["chemotherapy"].what_it_is.lower()
    for medicine in ("testosterone", "isotretinoin", "blood thinners", "stopping the birth control pill"):
        assert medicine in other["medicines"].what_it_is
    for cause in ("relaxer", "bleach", "hot tools"):
        assert cause in other["hair-breakage"].what_it_is.lower()
    diet = next(c for c in CONTENT.cause_group("nutritional").conditions if c.id == "low-protein-crash-diets")
    assert "weight-loss medicines and weight-loss surgery" in diet.what_it_is
    assert "donor hair" in card_text(CONTENT.treatment("hair-transplant"))
    cosmetic = card_text(CONTENT.treatment("cosmetic-options"))
    for option in ("wigs", "toppers", "hair fibers", "scalp micropigmentation", "eyebrows"):
        assert option in cosmetic
    living = CONTENT.topic("living-with-hair-loss")
    groups = " ".join(entry for part in living.sections for entry in part.entries)
    for name in ("National Alopecia Areata Foundation", "Alopecia UK", "The TLC Foundation"):
        assert name in groups


BRITISH = re.compile(
    r"\b(colour|centre|fibre|haem|anaem|oestrogen|paediatric|organis|behaviour|licen[cs]ed|grey|parting)\w*"
)


def _every_patient_text() -> list[tuple[str, str]]:
    texts = [(f"treatments/{card.id}.toml", card_text(card) + " " + card.name.lower()) for card in CONTENT.treatments]
    for group in CONTENT.cause_groups:
        parts = [group.title, group.summary, *group.key_points, *group.next_steps]
        for condition in group.conditions:
            parts += [condition.title, condition.what_it_is, *condition.signs, *condition.doctor_checks]
        texts.append((f"causes/{group.id}.toml", " ".join(parts).lower()))
    texts.append(("red_flags.toml", " ".join([*CONTENT.red_flags, *CONTENT.red_flags_page.next_steps]).lower()))
    for topic in CONTENT.topics:
        parts = [topic.summary, *topic.key_points, *topic.next_steps]
        parts += [entry for part in topic.sections for entry in part.entries]
        texts.append((f"topics.toml {topic.id}", " ".join(parts).lower()))
    for pattern in CONTENT.pictures:
        texts.append((f"pictures.toml {pattern.id}", f"{pattern.caption} {pattern.description}".lower()))
    texts += [(f"glossary.toml {term.term}", term.meaning.lower()) for term in CONTENT.glossary]
    return texts


def test_one_voice_us_english_and_no_ambiguous_pharmacy_wording():
    for where, text in _every_patient_text():
        assert not BRITISH.search(text), f"{where}: use US spelling ({BRITISH.search(text).group(0)})"
        assert "made up by a pharmacy" not in text, where
        assert not re.search(r"\bsoon\b", text), f"{where}: give a time frame instead of 'soon'"


def test_fda_comes_first_among_sources_when_a_card_names_it():
    for card in CONTENT.treatments:
        names = [source for source in card.sources if "Food and Drug Administration" in source]
        if names:
            assert card.sources[0] == names[0], f"treatments/{card.id}.toml sources: put the FDA first"


HARD_WORDS = (
    "alopecia areata", "androgens", "biotin", "blood thinners", "boxed warning", "ccca", "chemotherapy",
    "compounded", "dht", "donor hair", "fda-cleared", "ferritin", "frontal fibrosing alopecia", "graft", "hepatitis",
    "isotretinoin", "jak inhibitor", "keloid", "lichen planopilaris", "live vaccine", "microneedling", "migraine",
    "off-label",
    "pcos", "platelets", "potassium", "prp", "psa", "relaxer", "scalp cooling", "scalp micropigmentation",
    "selenium", "tb", "telogen effluvium", "tinea capitis", "toppers", "trichotillomania",
)  # fmt: skip


def test_every_hard_word_a_patient_meets_is_in_words_explained():
    terms = {term.term.casefold() for term in CONTENT.glossary}
    everything = " ".join(text for _, text in _every_patient_text())
    for word in HARD_WORDS:
        if re.search(rf"\b{re.escape(word)}\b", everything):
            assert any(word == term or term.startswith(word) for term in terms), f"glossary.toml: explain '{word}'"
