"""Bringing content published by an older kiosk up to the safety rules, once, when the kiosk is updated.

Content published before the "Get help now" sections existed has cards without them, and may list Not proven
cards among a cause's options. Such content could no longer be edited (every edit checks the whole content).
So the first time an updated kiosk opens such a database it takes a backup and publishes, as a new version:
the bundled safety sections for every card and cause the kiosk ships (the clinic's own texts are kept), Not
proven cards moved under "Sold for this, but not shown to work", the warning signs' next steps and low-mood
sign, the topic screens, the picture guide and the words they use. Items that gained text this way show as
not yet checked by a clinician. Cards the clinic wrote itself still need their own "Get help now": the staff
editor names them.
"""

import dataclasses
import sqlite3

from kiosk.storage.content_tables import lacks_safety_sections
from kiosk.storage.rows import CauseGroup, Condition, Content, Evidence, RedFlagsPage, Treatment

SUMMARY = "Kiosk update: added Get help now, Key points and What to do next from the kiosk's own content"
MOOD_WORDS = "thoughts of hurting yourself"


def needs_safety_upgrade(conn: sqlite3.Connection) -> bool:
    """Whether the published content predates the safety sections (one quick query, safe at every start)."""
    return lacks_safety_sections(conn)


def with_safety_sections(content: Content, bundled: Content) -> Content:
    """`content` with the bundled safety sections added wherever they are missing."""
    cards = {card.id: card for card in bundled.treatments}
    treatments = tuple(_card(card, cards.get(card.id)) for card in content.treatments)
    evidence = {card.id: card.evidence for card in treatments}
    groups = {group.id: group for group in bundled.cause_groups}
    cause_groups = tuple(_group(group, groups.get(group.id), evidence) for group in content.cause_groups)
    red_flags = content.red_flags
    if not any(MOOD_WORDS in flag for flag in red_flags):
        red_flags += tuple(flag for flag in bundled.red_flags if MOOD_WORDS in flag)
    page = content.red_flags_page
    if not page.next_steps:
        page = RedFlagsPage(bundled.red_flags_page.next_steps, None)
    terms = {term.term.casefold() for term in content.glossary}
    glossary = content.glossary + tuple(term for term in bundled.glossary if term.term.casefold() not in terms)
    topics = content.topics or tuple(
        dataclasses.replace(topic, treatment_ids=tuple(i for i in topic.treatment_ids if i in evidence))
        for topic in bundled.topics
    )
    group_ids = {group.id for group in cause_groups}
    pictures = content.pictures or tuple(
        dataclasses.replace(pattern, cause_ids=tuple(i for i in pattern.cause_ids if i in group_ids))
        for pattern in bundled.pictures
        if any(i in group_ids for i in pattern.cause_ids)
    )
    return dataclasses.replace(
        content,
        treatments=treatments,
        cause_groups=cause_groups,
        red_flags=red_flags,
        red_flags_page=page,
        glossary=glossary,
        topics=topics,
        pictures=pictures,
    )


def _card(card: Treatment, shipped: Treatment | None) -> Treatment:
    if card.get_help_now or shipped is None:
        return card
    return dataclasses.replace(
        card,
        key_points=card.key_points or shipped.key_points,
        get_help_now=shipped.get_help_now,
        get_help_action=shipped.get_help_action,
        next_steps=card.next_steps or shipped.next_steps,
        checked_by=None,  # the clinic's own text with the kiosk's sections: a clinician has not checked them together
    )


def _group(group: CauseGroup, shipped: CauseGroup | None, evidence: dict[str, Evidence]) -> CauseGroup:
    conditions = tuple(_condition(condition, evidence) for condition in group.conditions)
    if shipped is None or group.key_points:
        return dataclasses.replace(group, conditions=conditions)
    return dataclasses.replace(
        group, conditions=conditions, key_points=shipped.key_points, next_steps=shipped.next_steps, checked_by=None
    )


def _condition(condition: Condition, evidence: dict[str, Evidence]) -> Condition:
    unproven = tuple(i for i in condition.treatment_ids if evidence.get(i) is Evidence.NOT_PROVEN)
    if not unproven:
        return condition
    return dataclasses.replace(
        condition,
        treatment_ids=tuple(i for i in condition.treatment_ids if i not in unproven),
        unproven_ids=condition.unproven_ids + tuple(i for i in unproven if i not in condition.unproven_ids),
    )


def upgrade_safety_content(conn: sqlite3.Connection) -> None:
    """If anything is missing that the kiosk ships, take a backup, then publish the content with its safety
    sections as a new version (in one transaction)."""
    from kiosk.content.bundled import load_bundle
    from kiosk.content.document import Document
    from kiosk.content.publishing import apply_document, published_document, take_backup

    published = published_document(conn)
    content = with_safety_sections(published.content, load_bundle().content)
    if content == published.content:
        return  # only the clinic's own cards lack the sections: the staff editor names them, no new version
    take_backup(conn, "before-safety-update")
    document = Document(content, published.doctor_guidance, published.clinic_name)
    apply_document(conn, document, SUMMARY, "safety update")
