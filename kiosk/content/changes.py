"""What changed between two versions of the content, for the publish summary and the import confirmation."""

from dataclasses import dataclass, fields

from kiosk.content.document import Document
from kiosk.content.labels import field_label
from kiosk.content.languages import slots
from kiosk.storage.rows import Treatment

MAX_SUMMARY = 200


@dataclass(frozen=True)
class CardChange:
    """One card whose fields changed: its name (as it will be) and the fields (ids; `labels` for staff)."""

    name: str
    fields: tuple[str, ...]

    @property
    def labels(self) -> tuple[str, ...]:
        """The changed fields as the staff editor labels them ("Side effects")."""
        return tuple(field_label(field) for field in self.fields)


@dataclass(frozen=True)
class ContentChanges:
    """Cards and causes added, changed and removed (by name), and the other parts that changed."""

    cards_added: tuple[str, ...] = ()
    cards_changed: tuple[CardChange, ...] = ()
    cards_removed: tuple[str, ...] = ()
    cards_reordered: bool = False
    causes_added: tuple[str, ...] = ()
    causes_changed: tuple[str, ...] = ()
    causes_removed: tuple[str, ...] = ()
    causes_reordered: bool = False
    red_flags_changed: bool = False
    glossary_changed: bool = False
    topics_changed: bool = False
    pictures_changed: bool = False
    translations_changed: bool = False
    settings_changed: tuple[str, ...] = ()

    @property
    def nothing(self) -> bool:
        """Whether nothing at all changed."""
        return self == ContentChanges()

    def summary(self) -> str:
        """One line saying what changed, like "Changed Finasteride: Side effects; added card Biotin"."""
        line = "; ".join(self._parts(detailed=True))
        if len(line) > MAX_SUMMARY:
            line = "; ".join(self._parts(detailed=False))
        return (line[:1].upper() + line[1:]) if line else "No changes"

    def _parts(self, detailed: bool) -> list[str]:
        parts: list[str] = []
        if detailed:
            parts += [f"changed {card.name}: {', '.join(card.labels)}" for card in self.cards_changed]
            parts += [f"added card {name}" for name in self.cards_added]
            parts += [f"removed card {name}" for name in self.cards_removed]
            parts += [f"changed cause {name}" for name in self.causes_changed]
            parts += [f"added cause {name}" for name in self.causes_added]
            parts += [f"removed cause {name}" for name in self.causes_removed]
        else:
            parts += [
                _count(verb, len(items), noun)
                for verb, items, noun in (
                    ("changed", self.cards_changed, "card"),
                    ("added", self.cards_added, "card"),
                    ("removed", self.cards_removed, "card"),
                    ("changed", self.causes_changed, "cause"),
                    ("added", self.causes_added, "cause"),
                    ("removed", self.causes_removed, "cause"),
                )
                if items
            ]
        parts += [
            words
            for changed, words in (
                (self.cards_reordered, "reordered cards"),
                (self.causes_reordered, "reordered causes"),
                (self.red_flags_changed, "changed warning signs"),
                (self.glossary_changed, "changed words explained"),
                (self.topics_changed, "changed topics"),
                (self.pictures_changed, "changed the picture guide"),
                (self.translations_changed, "changed translations"),
            )
            if changed
        ]
        parts += [f"changed {field_label(key).lower()}" for key in self.settings_changed]
        return parts


def _count(verb: str, number: int, noun: str) -> str:
    return f"{verb} {number} {noun}{'' if number == 1 else 's'}"


def _changed_fields(old: Treatment, new: Treatment) -> tuple[str, ...]:
    return tuple(field.name for field in fields(Treatment) if getattr(old, field.name) != getattr(new, field.name))


def _translations_changed(old: Document, new: Document) -> bool:
    """Whether a translated text was added, changed or taken away (not counting those whose English went)."""
    places = {slot.key for slot in slots(new.content, new.doctor_guidance)}
    kept = {entry for entry in old.content.translations if entry.key in places}
    return kept != set(new.content.translations)


def compare(old: Document, new: Document) -> ContentChanges:
    """What publishing `new` in place of `old` would change."""
    old_cards = {card.id: card for card in old.content.treatments}
    new_cards = {card.id: card for card in new.content.treatments}
    changed = tuple(
        CardChange(card.name, _changed_fields(old_cards[card.id], card))
        for card in new.content.treatments
        if card.id in old_cards and card != old_cards[card.id]
    )
    kept_old_order = [card_id for card_id in old_cards if card_id in new_cards]
    kept_new_order = [card_id for card_id in new_cards if card_id in old_cards]
    old_groups = {group.id: group for group in old.content.cause_groups}
    new_groups = {group.id: group for group in new.content.cause_groups}
    old_settings, new_settings = old.settings(), new.settings()
    return ContentChanges(
        cards_added=tuple(card.name for card in new.content.treatments if card.id not in old_cards),
        cards_changed=changed,
        cards_removed=tuple(card.name for card in old.content.treatments if card.id not in new_cards),
        cards_reordered=kept_old_order != kept_new_order,
        causes_added=tuple(group.title for group in new.content.cause_groups if group.id not in old_groups),
        causes_changed=tuple(
            group.title
            for group in new.content.cause_groups
            if group.id in old_groups and group != old_groups[group.id]
        ),
        causes_removed=tuple(group.title for group in old.content.cause_groups if group.id not in new_groups),
        causes_reordered=[i for i in old_groups if i in new_groups] != [i for i in new_groups if i in old_groups],
        red_flags_changed=(old.content.red_flags, old.content.red_flags_page)
        != (new.content.red_flags, new.content.red_flags_page),
        glossary_changed=old.content.glossary != new.content.glossary,
        topics_changed=old.content.topics != new.content.topics,
        pictures_changed=old.content.pictures != new.content.pictures,
        translations_changed=_translations_changed(old, new),
        settings_changed=tuple(key for key in new_settings if new_settings[key] != old_settings.get(key)),
    )
