"""Loading the bundled content: one clear message per real problem."""

import shutil

import pytest

from kiosk.content.bundled import load_bundle
from kiosk.content.schema import ContentError
from kiosk.resources import bundled_content_dir


@pytest.fixture
def bundle_copy(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), folder)
    return folder


def test_a_broken_card_is_reported_once_not_again_as_a_missing_link(bundle_copy):
    card = bundle_copy / "treatments" / "finasteride.toml"
    card.write_text(card.read_text().replace('evidence = "strong"', 'evidence = "excellent"'))
    with pytest.raises(ContentError) as caught:
        load_bundle(bundle_copy)
    problems = caught.value.problems
    assert [(p.item, p.field) for p in problems] == [("finasteride", "evidence")]
    assert "finasteride.toml" in problems[0].where and "'excellent' is not an evidence level" in problems[0].message


def test_a_term_explained_twice_is_refused(bundle_copy):
    glossary = bundle_copy / "glossary.toml"
    glossary.write_text(glossary.read_text() + '\n[[term]]\nterm = "off-label"\nmeaning = "Said twice."\n')
    with pytest.raises(ContentError) as caught:
        load_bundle(bundle_copy)
    assert any(p.field == "term" and "twice" in p.message and "glossary.toml" in p.where for p in caught.value.problems)


def test_a_content_document_carries_every_safety_field_there_and_back():
    from kiosk.content.document import content_to_document, document_json, parse_document

    content = load_bundle().content
    data = content_to_document(content, {"doctor_guidance": "Talk to your doctor."})
    card = next(card for card in data["treatments"] if card["id"] == "finasteride")
    assert card["get_help_now"] and card["key_points"] and card["next_steps"] and card["get_help_action"]
    assert card["checked_by"] == {
        "name": "Kiosk content team",
        "role": "medical content reviewers",
        "date": "2026-11-30",
    }
    assert data["causes"][2]["conditions"][0]["not_shown_to_work"] == ["peptides", "exosomes"]
    assert data["red_flags_page"]["next_steps"] and data["topics"] and len(data["pictures"]) == 7
    import json

    again = parse_document(json.loads(document_json(data)), "content.json").content
    assert again == content


def test_an_old_document_without_the_new_sections_still_loads_but_a_card_needs_get_help_now():
    from kiosk.content.document import content_to_document, parse_document

    data = content_to_document(load_bundle().content, {"doctor_guidance": "Talk to your doctor."})
    for section in ("red_flags_page", "topics", "pictures"):
        del data[section]
    assert parse_document(data, "old.json").content.topics == ()
    del data["treatments"][0]["get_help_action"]
    with pytest.raises(ContentError, match="old.json, item 'minoxidil-topical', field 'get_help_action': missing"):
        parse_document(data, "old.json")
