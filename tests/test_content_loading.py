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
