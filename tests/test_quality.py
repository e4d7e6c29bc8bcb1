"""The kiosk's own writing checks (kiosk.content.quality): the same rules as the content tests, for staff's text."""

import dataclasses

from kiosk.content.bundled import load_bundle
from kiosk.content.quality import grade_issues, overclaim_issues, quality_issues, reading_grade, warning_issues
from kiosk.storage.rows import Evidence

BUNDLED = load_bundle().content
HARD = (
    "Pharmacological antiandrogenic interventions demonstrate heterogeneous efficacy in randomised "
    "controlled investigations of androgenetic alopecia among premenopausal individuals."
)


def with_card(card_id: str, **changes):
    """The bundled content with one card changed."""
    cards = tuple(dataclasses.replace(card, **changes) if card.id == card_id else card for card in BUNDLED.treatments)
    return dataclasses.replace(BUNDLED, treatments=cards)


def test_the_bundled_content_has_no_issues():
    assert quality_issues(BUNDLED) == []


def test_reading_grade_tells_plain_from_hard_text():
    assert reading_grade("Take one tablet each day.") <= 8
    assert reading_grade(HARD) > 8


def test_hard_text_is_reported_with_the_field_label_and_what_to_do():
    content = with_card("biotin", side_effects=HARD)
    issues = grade_issues(content)
    assert len(issues) == 1
    issue = issues[0]
    assert (issue.place, issue.field) == ("Card: Biotin", "Side effects")
    assert issue.message.startswith("reading grade ") and "Use shorter sentences" in issue.message


def test_a_long_name_is_reported():
    content = with_card("biotin", name="Biotin tablets and gummies and drinks sold in many shops")
    assert [issue.field for issue in grade_issues(content)] == ["Name"]


def test_overclaims_are_reported_on_cards_without_strong_evidence_only():
    weak = with_card("biotin", summary="Biotin reverses hair loss.")
    assert [(i.place, i.field) for i in overclaim_issues(weak)] == [("Card: Biotin", "One-line summary")]
    assert "“reverses” oversells" in overclaim_issues(weak)[0].message
    strong = [card for card in BUNDLED.treatments if card.evidence is Evidence.STRONG][0]
    fine = with_card(strong.id, summary="It is proven to slow hair loss for many men.")
    assert overclaim_issues(fine) == []
    never = with_card(strong.id, summary="A miracle for your hair.")
    assert "“miracle” is never used" in overclaim_issues(never)[0].message


def test_a_card_that_lost_its_warning_is_reported():
    card = BUNDLED.treatment("finasteride")
    content = with_card("finasteride", who_must_avoid="Ask your doctor first.")
    issues = warning_issues(content)
    assert {(i.place, i.field) for i in issues} == {(f"Card: {card.name}", "Who must not use it, or must ask first")}
    assert any("“pregnant” is missing" in issue.message for issue in issues)


def test_an_unapproved_card_that_claims_nothing_about_approval_is_reported():
    content = with_card("exosomes", status="Sold in some clinics. The FDA has views.")
    assert any(issue.message == "say plainly that it is not approved." for issue in warning_issues(content))
