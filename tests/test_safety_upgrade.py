"""A kiosk updated over content published before the safety sections: backed up, upgraded once, editable."""

import sqlite3

import pytest
from admin_runner import kiosk_admin

from kiosk.content.editing import get_draft, update_treatment
from kiosk.content.library import Library
from kiosk.content.publishing import list_versions
from kiosk.content.safety_upgrade import SUMMARY
from kiosk.content.schema import ContentError
from kiosk.storage.backup import automatic_backups


def _as_an_older_kiosk_left_it(db) -> None:
    """What content published before the safety sections looks like after migration 003 (empty defaults), with
    a card the clinic wrote, a Not proven card among a cause's options, and no low-mood warning sign."""
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            "UPDATE treatment SET key_points = '[]', get_help_now = '[]', get_help_action = '', next_steps = '[]',"
            " checked_by = NULL"
        )
        conn.execute("UPDATE cause_group SET key_points = '[]', next_steps = '[]', checked_by = NULL")
        conn.execute("UPDATE condition SET not_shown_to_work = '[]'")
        conn.execute(
            "INSERT INTO condition_treatment (condition_id, treatment_id, position)"
            " VALUES ('male-pattern', 'exosomes', 99)"
        )
        conn.execute("DELETE FROM red_flag WHERE text LIKE '%thoughts of hurting yourself%'")
        for table in ("red_flags_page", "topic", "picture_pattern"):
            conn.execute(f"DELETE FROM {table}")
        conn.execute("UPDATE treatment SET side_effects = 'Our clinic''s own words.' WHERE id = 'finasteride'")
        conn.execute(
            "INSERT INTO treatment SELECT 'scalp-massage', 99, 'Scalp massage', summary, what_it_is, how_used,"
            " evidence, evidence_reason, status, who_may_help, results_time, if_you_stop, side_effects, who_must_avoid,"
            " questions, sources, last_reviewed, key_points, get_help_now, get_help_action, next_steps, checked_by"
            " FROM treatment WHERE id = 'zinc'"
        )
    conn.close()


def test_older_content_gets_the_safety_sections_once_with_a_backup_and_a_version(tmp_path):
    db = tmp_path / "kiosk.db"
    Library.open(db).close()
    _as_an_older_kiosk_left_it(db)
    library = Library.open(db)
    try:
        content = library.content()
        card = content.treatment("finasteride")
        assert card.side_effects == "Our clinic's own words."  # the clinic's text is kept
        assert "You have thoughts of hurting or killing yourself." in card.get_help_now
        assert card.checked_by is None  # shown as due for a clinician's check
        male = content.cause_group("genetic").conditions[0]
        assert "exosomes" not in male.treatment_ids and "exosomes" in male.unproven_ids
        assert any("thoughts of hurting yourself" in flag for flag in content.red_flags)
        assert content.red_flags_page.next_steps and content.topics and len(content.pictures) == 7
        assert [version.summary for version in list_versions(library.conn)][0] == SUMMARY
        assert automatic_backups(db.parent / "backups")
        with pytest.raises(ContentError, match="item 'scalp-massage', field 'get_help_now'"):
            update_treatment(library.conn, "finasteride", {"summary": "A daily tablet for men."})
        help_now = {"get_help_now": ["Your scalp hurts."], "get_help_action": "Stop and call your doctor today."}
        update_treatment(library.conn, "scalp-massage", help_now)
        update_treatment(library.conn, "finasteride", {"summary": "A daily tablet for men."})  # editable again
        assert get_draft(library.conn).has_changes
    finally:
        library.close()
    reopened = Library.open(db)  # the clinic's own card still has no "Get help now": no second update
    try:
        assert len(list_versions(reopened.conn)) == 2  # "as first installed" and the update: not again
        assert reopened.content().treatment("scalp-massage").get_help_now == ()
    finally:
        reopened.close()
    done = kiosk_admin(db, "check")  # until the draft is published, check names the clinic's card
    assert done.returncode == 1
    assert "'scalp-massage', Get help now" in done.stderr
