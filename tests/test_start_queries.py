"""What the kiosk asks its database at every start stays cheap with many cards: whether any card lacks its
"Get help now" signs is answered from an index of only those cards, not by reading every card."""

from dataclasses import replace

from kiosk.content.bundled import load_bundle
from kiosk.storage.content_tables import lacks_safety_sections, replace_content
from kiosk.storage.db import open_database

QUESTION = "SELECT EXISTS (SELECT 1 FROM treatment WHERE get_help_now = '[]')"


def test_a_card_without_get_help_now_is_found_from_the_index(tmp_path):
    conn = open_database(tmp_path / "kiosk.db")
    content = load_bundle().content
    replace_content(conn, content)
    assert not lacks_safety_sections(conn)
    plan = " ".join(row[-1] for row in conn.execute(f"EXPLAIN QUERY PLAN {QUESTION}"))
    assert "USING INDEX treatment_without_help_now" in plan, plan
    old_card = replace(content.treatments[3], get_help_now=())
    replace_content(conn, replace(content, treatments=(*content.treatments[:3], old_card, *content.treatments[4:])))
    assert lacks_safety_sections(conn)
    conn.close()
