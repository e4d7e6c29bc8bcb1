"""Content in other languages: overlays are read and checked (each problem naming file, item and field), every
text falls back to English on its own, and the bundled content has every text in Spanish."""

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from language_helpers import FINASTERIDE_ES, GUIDANCE_ES, content_copy, write_complete_overlay, write_overlay

from kiosk.content.bundled import load_bundle
from kiosk.content.document import content_to_document, parse_document
from kiosk.content.language_check import coverage
from kiosk.content.languages import content_in, fingerprint, guidance_in, slots, with_translations
from kiosk.content.schema import ContentError
from kiosk.storage.rows import TranslatedText


def spanish_gaps(content, guidance) -> list[str]:
    """Every patient text that has no up-to-date Spanish text, by its on-screen name."""
    return [slot.label for slot in coverage(content, guidance, "es").lacking]


def test_every_patient_text_has_its_spanish_text_in_the_bundled_content():
    """Fails until the Spanish overlay (assets/content/es/) is complete."""
    bundle = load_bundle()
    gaps = spanish_gaps(bundle.content, bundle.default_settings["doctor_guidance"])
    total = len(slots(bundle.content, bundle.default_settings["doctor_guidance"]))
    assert not gaps, f"{len(gaps)} of {total} texts have no Spanish text, e.g. {gaps[:10]}"


def test_the_completeness_check_passes_once_every_text_is_translated(tmp_path):
    folder = content_copy(tmp_path)
    written = write_complete_overlay(folder)
    bundle = load_bundle(folder)
    guidance = bundle.default_settings["doctor_guidance"]
    assert written == len(slots(bundle.content, guidance)) > 900
    assert spanish_gaps(bundle.content, guidance) == []
    spanish = content_in(bundle.content, "es")
    assert spanish.treatment("finasteride").name.startswith("Texto en español")
    assert all(part.title.startswith("Texto") for topic in spanish.topics for part in topic.sections)
    assert guidance_in(bundle.content, guidance, "es").startswith("Texto en español")


def test_a_missing_spanish_text_falls_back_to_english_for_that_string_only(tmp_path):
    folder = content_copy(tmp_path)
    write_overlay(folder, "es", {"treatments/finasteride.toml": FINASTERIDE_ES, "index.toml": GUIDANCE_ES})
    bundle = load_bundle(folder)
    english = bundle.content.treatment("finasteride")
    card = content_in(bundle.content, "es").treatment("finasteride")
    assert card.name == "Finasterida en tabletas"
    assert card.side_effects.startswith("Algunos hombres tienen menos deseo sexual")
    assert card.checked_by.role == "revisores de contenido médico"
    assert card.checked_by.name == english.checked_by.name  # a person's name is never translated
    assert card.summary == english.summary and card.summary.strip()
    assert card.questions == english.questions
    assert content_in(bundle.content, "es").treatment("minoxidil-topical") == bundle.content.treatment(
        "minoxidil-topical"
    )
    guidance = bundle.default_settings["doctor_guidance"]
    assert guidance_in(bundle.content, guidance, "es").startswith("Hable con su médico")
    assert guidance_in(bundle.content, guidance, "fr") == guidance
    assert content_in(bundle.content, "en") == bundle.content


def test_the_spanish_glossary_is_sorted_by_its_own_words(tmp_path):
    folder = content_copy(tmp_path)
    write_complete_overlay(folder)
    bundle = load_bundle(folder)
    terms = [term.term for term in content_in(bundle.content, "es").glossary]
    assert terms == sorted(terms, key=lambda term: int(term.rstrip(".").split()[-1]))  # "Texto en español N."[::]
    assert len(terms) == len(bundle.content.glossary)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"treatments/finasteride.toml": 'id = "finasteride"\nside_efects = "Mareos."\n'}, "field 'side_efects'"),
        (
            {"treatments/finasteride.toml": 'id = "finasteride"\nquestions = ["¿Uno?"]\n'},
            "field 'questions': has 1 entries; the English has",
        ),
        ({"treatments/finasteride.toml": 'id = "minoxidil"\nname = "Finasterida"\n'}, "field 'id': is 'minoxidil'"),
        ({"treatments/finasteride.toml": 'id = "finasteride"\nname = "  "\n'}, "field 'name': is empty"),
        (
            {"causes/hormonal.toml": 'id = "hormonal"\n[[conditions]]\nid = "thyroid"\ntitle = "Tiroides"\n'},
            "item 'hormonal', field 'conditions': has 1 entries",
        ),
        ({"treatments/rogaine.toml": 'id = "rogaine"\nname = "Rogaine"\n'}, "has no English file 'treatments/rogaine"),
        ({"index.toml": '[settings]\nclinic_name = "Clínica"\n'}, "field 'clinic_name': is not translated"),
        ({"glossary.toml": 'term = [{ term = "Andrógenos" }]\n'}, "field 'term': has 1 entries"),
    ],
)
def test_a_bad_overlay_is_refused_naming_file_item_and_field(tmp_path, files, expected):
    folder = content_copy(tmp_path)
    write_overlay(folder, "es", files)
    with pytest.raises(ContentError) as refused:
        load_bundle(folder)
    message = str(refused.value)
    assert str(folder / "es") in message
    assert expected in message, message


def test_a_wrong_condition_id_names_the_cause_file_and_condition(tmp_path):
    folder = content_copy(tmp_path)
    english = load_bundle(folder).content.cause_group("hormonal")
    blocks = "".join(f'[[conditions]]\nid = "{c.id}"\n' for c in english.conditions)
    blocks = blocks.replace(f'id = "{english.conditions[0].id}"', 'id = "pcos-typo"', 1)
    write_overlay(folder, "es", {"causes/hormonal.toml": f'id = "hormonal"\ntitle = "Hormonal"\n{blocks}'})
    with pytest.raises(ContentError) as refused:
        load_bundle(folder)
    assert f"hormonal.toml, item '{english.conditions[0].id}', field 'id': is 'pcos-typo'" in str(refused.value)


def test_a_document_round_trip_keeps_translations_and_drops_texts_whose_english_is_gone(tmp_path):
    folder = content_copy(tmp_path)
    write_overlay(folder, "es", {"treatments/finasteride.toml": FINASTERIDE_ES})
    content = load_bundle(folder).content
    data = content_to_document(content, {"doctor_guidance": "Talk to your doctor."})
    assert parse_document(data, "pack").content == content
    data["treatments"] = [card for card in data["treatments"] if card["id"] != "finasteride"]
    for cause in data["causes"]:
        for condition in cause["conditions"]:
            condition["treatments"] = [i for i in condition["treatments"] if i != "finasteride"]
    assert parse_document(data, "pack").content.translations == ()


ENGLISH = load_bundle().content
ENGLISH_TEXTS = {slot.key: slot.english for slot in slots(ENGLISH)}


@settings(max_examples=40, deadline=None)
@given(st.sets(st.sampled_from(sorted(ENGLISH_TEXTS)), max_size=120))
def test_any_mix_of_translated_and_missing_texts_shows_each_in_spanish_or_english_never_blank(chosen):
    translated = tuple(TranslatedText("es", key, f"ES {key}", fingerprint(ENGLISH_TEXTS[key])) for key in chosen)
    shown = content_in(with_translations(ENGLISH, translated), "es")
    expected = {key: f"ES {key}" if key in chosen else text for key, text in ENGLISH_TEXTS.items()}
    outside_glossary = {slot.key: slot.english for slot in slots(replace(shown, glossary=()))}
    assert outside_glossary == {key: text for key, text in expected.items() if not key.startswith("glossary/")}
    assert all(text.strip() for text in outside_glossary.values())
    numbers = range(1, len(ENGLISH.glossary) + 1)
    pairs = sorted((expected[f"glossary/{n}/term"], expected[f"glossary/{n}/meaning"]) for n in numbers)
    assert sorted((term.term, term.meaning) for term in shown.glossary) == pairs
