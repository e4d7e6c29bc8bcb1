"""Staff edit a draft, preview it, publish it as a numbered version, and roll back; patients see only what is live."""

import pytest

from kiosk.content.document import treatment_to_data
from kiosk.content.editing import (
    add_treatment,
    discard_draft,
    draft_changes,
    draft_content,
    get_draft,
    move_treatment,
    remove_treatment,
    set_doctor_guidance,
    set_red_flags,
    update_condition,
    update_treatment,
)
from kiosk.content.library import Library
from kiosk.content.publishing import DraftPendingError, list_versions, publish, restore_version
from kiosk.content.schema import ContentError
from kiosk.storage.audit import read_audit_log
from kiosk.storage.errors import KnownError


@pytest.fixture
def library(db_path):
    opened = Library.open(db_path)
    yield opened
    opened.close()


def test_edits_stay_in_the_draft_until_published(library, tmp_path):
    card = library.content().treatments[0]
    draft = update_treatment(library.conn, card.id, {"side_effects": "Itchy scalp in some people."})
    assert draft.has_changes
    assert library.content().treatment(card.id).side_effects == card.side_effects  # patients: unchanged
    assert draft_content(library.conn).treatment(card.id).side_effects == "Itchy scalp in some people."

    result = publish(library.conn)
    assert result.version.summary == f"Changed {card.name}: Side effects"
    assert library.content().treatment(card.id).side_effects == "Itchy scalp in some people."
    assert not get_draft(library.conn).has_changes
    assert result.backup.exists() and result.backup.parent == tmp_path / "backups"
    assert [version.number for version in list_versions(library.conn)] == [2, 1]
    assert list_versions(library.conn)[-1].summary == "Content as first installed"


def test_a_bad_value_is_refused_naming_the_card_and_field(library):
    card = library.content().treatments[0]
    with pytest.raises(ContentError) as refused:
        update_treatment(library.conn, card.id, {"summary": "   "})
    [problem] = refused.value.problems
    assert (problem.item, problem.field, problem.message) == (card.id, "summary", "is empty")
    with pytest.raises(ContentError, match="field 'evidence'"):
        update_treatment(library.conn, card.id, {"evidence": "miraculous"})
    with pytest.raises(ContentError, match="field 'id': cannot be changed"):
        update_treatment(library.conn, card.id, {"id": "new-id"})
    with pytest.raises(ContentError, match="no card with this id"):
        update_treatment(library.conn, "no-such-card", {"summary": "x"})
    assert not get_draft(library.conn).has_changes


def test_adding_moving_and_removing_cards_is_summarised(library):
    content = library.content()
    new_card = treatment_to_data(content.treatments[0]) | {"id": "new-card", "name": "New card"}
    add_treatment(library.conn, new_card, position=0)
    with pytest.raises(ContentError, match="used twice"):
        add_treatment(library.conn, new_card)
    removed = content.treatments[-1]
    remove_treatment(library.conn, removed.id)
    preview = draft_content(library.conn)
    assert preview.treatments[0].name == "New card"
    assert removed.id not in {card.id for card in preview.treatments}
    for group in preview.cause_groups:
        for condition in group.conditions:
            assert removed.id not in condition.treatment_ids
    assert draft_changes(library.conn).summary().startswith(f"Added card New card; removed card {removed.name}")

    move_treatment(library.conn, "new-card", 99)
    assert draft_content(library.conn).treatments[-1].id == "new-card"
    assert publish(library.conn).version.number == 2


def test_causes_warning_signs_and_doctor_guidance_can_be_edited(library):
    content = library.content()
    condition = content.cause_groups[0].conditions[0]
    update_condition(library.conn, condition.id, {"signs": ["Thinning all over"]})
    with pytest.raises(ContentError, match="does not exist"):
        update_condition(library.conn, condition.id, {"treatments": ["no-such-card"]})
    set_red_flags(library.conn, ["Hair loss with a fever."])
    with pytest.raises(ContentError, match="there are no warning signs"):
        set_red_flags(library.conn, [])
    set_doctor_guidance(library.conn, "Ask our nurse or your doctor first.")
    with pytest.raises(ContentError, match="doctor_guidance"):
        set_doctor_guidance(library.conn, "")
    summary = publish(library.conn).version.summary
    assert summary == (f"Changed cause {content.cause_groups[0].title}; changed warning signs; changed doctor guidance")
    assert library.settings().doctor_guidance == "Ask our nurse or your doctor first."
    assert library.content().red_flags == ("Hair loss with a fever.",)


def test_discarding_the_draft_brings_back_what_is_published(library):
    card = library.content().treatments[0]
    update_treatment(library.conn, card.id, {"name": "Renamed"})
    assert discard_draft(library.conn)
    assert get_draft(library.conn).content == library.content()
    assert not discard_draft(library.conn)
    with pytest.raises(KnownError, match="no unpublished changes"):
        publish(library.conn)


def test_rollback_is_itself_a_new_version_with_a_backup_first(library):
    card = library.content().treatments[0]
    original = card.summary
    update_treatment(library.conn, card.id, {"summary": "Second wording."})
    publish(library.conn)
    update_treatment(library.conn, card.id, {"summary": "Third wording."})
    publish(library.conn)
    assert [version.number for version in list_versions(library.conn)] == [3, 2, 1]

    result = restore_version(library.conn, 1)
    assert result.version.number == 4 and result.version.summary == "Restored version 1"
    assert library.content().treatment(card.id).summary == original
    assert result.backup.exists()
    assert restore_version(library.conn, 3).version.number == 5
    assert library.content().treatment(card.id).summary == "Third wording."
    with pytest.raises(KnownError, match="There is no version 9"):
        restore_version(library.conn, 9)


def test_staff_actions_are_in_the_audit_log(library):
    card = library.content().treatments[0]
    update_treatment(library.conn, card.id, {"summary": "Audited wording."})
    publish(library.conn)
    actions = [entry.action for entry in read_audit_log(library.conn)]
    assert actions[:2] == ["publish", "edit draft"]
    assert read_audit_log(library.conn)[0].detail.startswith("version 2: Changed")


def test_rollback_waits_for_unpublished_changes_unless_told_to_discard_them(library):
    card = library.content().treatments[0]
    update_treatment(library.conn, card.id, {"summary": "Published wording."})
    publish(library.conn)
    update_treatment(library.conn, card.id, {"summary": "Draft wording."})
    with pytest.raises(DraftPendingError, match="unpublished changes"):
        restore_version(library.conn, 1)
    assert [version.number for version in list_versions(library.conn)] == [2, 1]
    restore_version(library.conn, 1, discard_draft=True)
    assert not get_draft(library.conn).has_changes
