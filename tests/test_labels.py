"""Plain words for staff (kiosk.content.labels): field labels as on screen, durations, problems and actions."""

from kiosk.content.changes import CardChange, ContentChanges
from kiosk.content.labels import action_words, describe_problem, duration, field_label, sentence
from kiosk.content.schema import Problem


def test_fields_are_named_as_the_editor_labels_them():
    assert field_label("side_effects") == "Side effects"
    assert field_label("who_must_avoid") == "Who must not use it, or must ask first"
    assert field_label("title", "group") == "Title" and field_label("summary", "group") == "What this group means"
    assert field_label("idle_timeout_seconds") == "Time without a touch before “Are you still there?”"
    assert field_label("key_points") == "Key points"  # a field added later still reads as words


def test_durations_are_minutes_and_seconds():
    assert duration(90) == "1 minute 30 seconds"
    assert duration(120) == "2 minutes"
    assert duration(45) == "45 seconds"
    assert duration(3600) == "60 minutes"
    assert duration(61) == "1 minute 1 second"


def test_problems_say_where_which_field_and_what_to_do():
    empty = Problem("content.json", "finasteride", "side_effects", "is empty")
    assert describe_problem(empty) == "content.json, 'finasteride', Side effects: This is empty. Please fill it in."
    evidence = Problem("draft", "#3", "evidence", "'' is not an evidence level (use one of: strong, moderate)")
    assert describe_problem(evidence) == (
        "How good is the evidence?: Tap one of the evidence levels: Strong, Moderate, Limited, Not proven."
    )
    assert sentence("name at least one source").startswith("Give at least one source")
    assert sentence("has 1 questions; give 2 to 4") == "Give 2 to 4 questions, one per line (you gave 1)."


def test_summaries_and_actions_use_the_labels():
    changes = ContentChanges(cards_changed=(CardChange("Finasteride tablets", ("side_effects", "sources")),))
    assert changes.summary() == "Changed Finasteride tablets: Side effects, Sources"
    assert ContentChanges(settings_changed=("doctor_guidance",)).summary() == "Changed doctor guidance"
    assert action_words("change setting") == "Changed a setting"
    assert action_words("wrong pin") == "Wrong PIN typed"


def test_ids_recorded_by_an_older_kiosk_are_shown_as_labels():
    from kiosk.content.labels import plain_ids

    assert plain_ids("Changed Finasteride: side_effects, who_must_avoid") == (
        "Changed Finasteride: Side effects, Who must not use it, or must ask first"
    )
    assert plain_ids("change setting: doctor_guidance") == "change setting: Doctor guidance"
    assert plain_ids("Imported clinic_pack.zip") == "Imported clinic_pack.zip"  # not a field: left as it is
