"""The words staff see for content fields, settings and staff actions: one table, used everywhere.

Field ids ("side_effects") never reach staff: summaries, history, the audit log and error messages all say
the field's label as the staff editor shows it ("Side effects"). A field added to the content later and not
yet in the table is shown as its id in words ("Key points" for "key_points").
"""

import re

from kiosk.content.schema import Problem
from kiosk.storage.rows import Evidence

CARD_LABELS = {
    "id": "Short name for links",
    "name": "Name",
    "summary": "One-line summary",
    "what_it_is": "What it is",
    "how_used": "How it is used",
    "evidence": "How good is the evidence?",
    "evidence_reason": "Why this evidence level",
    "status": "Is it approved?",
    "who_may_help": "Who it may help",
    "results_time": "When you might see results",
    "if_you_stop": "If you stop",
    "side_effects": "Side effects",
    "who_must_avoid": "Who must not use it, or must ask first",
    "questions": "Questions to ask your doctor",
    "sources": "Sources",
    "last_reviewed": "Last checked",
    "key_points": "Key points",
    "get_help_now": "Get help now: signs that need a doctor the same day",
    "get_help_action": "Get help now: what to do",
    "next_steps": "What to do next",
    "checked_by": "Checked by",
    "checked_by.name": "Checked by: name",
    "checked_by.role": "Checked by: role",
    "checked_by.date": "Checked by: date",
}
GROUP_LABELS = {"title": "Title", "summary": "What this group means", "icon": "Picture", "conditions": "Causes"}
CAUSE_LABELS = {
    "title": "Title",
    "what_it_is": "What it is",
    "signs": "Signs that fit",
    "doctor_checks": "What your doctor may check",
    "treatments": "Treatments that may help",
    "not_shown_to_work": "Sold for this, but not shown to work",
}
SETTING_LABELS = {
    "clinic_name": "Clinic name",
    "doctor_guidance": "Doctor guidance",
    "idle_timeout_seconds": "Time without a touch before “Are you still there?”",
    "idle_warning_seconds": "How long “Are you still there?” waits",
    "backups_to_keep": "Automatic backups to keep",
    "allow_unsigned_packs": "Unsigned content packs may be imported by hand",
    "watched_folder": "Folder the kiosk takes new signed packs from",
    "opening_hours": "Opening hours",
    "check_after_months": "Months before a clinician's check is due again",
    "count_visits": "Count visits (anonymous daily totals)",
    "counts_keep_days": "Days the visit counts are kept",
    "within_reach": "Buttons within reach of a seated person (portrait screens)",
}
OTHER_LABELS = {
    "red_flags": "Warning signs",
    "glossary": "Words explained",
    "term": "Word",
    "meaning": "What it means",
    "treatments": "Treatment cards",
    "causes": "Causes",
}
ACTION_WORDS = {
    "publish": "Published",
    "import pack": "Imported a content pack",
    "rollback": "Restored a version",
    "edit draft": "Edited the draft",
    "discard draft": "Threw away the draft",
    "change setting": "Changed a setting",
    "backup": "Backed up",
    "restore backup": "Restored a backup",
    "export pack": "Exported a content pack",
    "set pin": "Set the staff PIN",
    "change pin": "Changed the staff PIN",
    "wrong pin": "Wrong PIN typed",
    "pin locked": "Staff screens locked after wrong PINs",
    "make database": "Made the kiosk database",
    "recovered-damaged-database": "Repaired a damaged database at start",
}
_LABEL_TABLES = (CARD_LABELS, SETTING_LABELS, CAUSE_LABELS, GROUP_LABELS, OTHER_LABELS)


def field_label(key: str, kind: str = "card") -> str:
    """The on-screen label of a field ("Side effects" for side_effects); `kind` is card, group or cause."""
    first = {"card": CARD_LABELS, "group": GROUP_LABELS, "cause": CAUSE_LABELS}.get(kind, CARD_LABELS)
    for table in (first, *_LABEL_TABLES):
        if key in table:
            return table[key]
    if "/" in key:
        return key  # a translated text's place, as the pack writes it (treatments/finasteride/name)
    return key.replace("_", " ").strip().capitalize()


_FIELD_ID = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")


def plain_ids(text: str) -> str:
    """Text recorded by an older kiosk ("Changed Finasteride: side_effects") with field ids as labels."""
    known = {key for table in _LABEL_TABLES for key in table}
    return _FIELD_ID.sub(lambda match: field_label(match.group()) if match.group() in known else match.group(), text)


def action_words(action: str) -> str:
    """A staff action as recorded in the audit log, in words ("Published")."""
    return ACTION_WORDS.get(action, action[:1].upper() + action[1:])


def duration(seconds: int) -> str:
    """90 -> "1 minute 30 seconds"; 120 -> "2 minutes"; 45 -> "45 seconds"."""
    minutes, rest = divmod(int(seconds), 60)
    parts = [f"{minutes} minute{'' if minutes == 1 else 's'}"] if minutes else []
    if rest or not parts:
        parts.append(f"{rest} second{'' if rest == 1 else 's'}")
    return " ".join(parts)


_EVIDENCE_CHOICES = ", ".join(level.label for level in Evidence)
_PLAIN_MESSAGES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"is empty"), "This is empty. Please fill it in."),
    (re.compile(r"missing"), "This is missing. Please add it."),
    (re.compile(r"'.*' is not an evidence level.*"), f"Tap one of the evidence levels: {_EVIDENCE_CHOICES}."),
    (re.compile(r"name at least one source"), "Give at least one source, one per line (where the facts come from)."),
    (re.compile(r"has (\d+) questions; give 2 to 4"), r"Give 2 to 4 questions, one per line (you gave \1)."),
    (
        re.compile(r"must be a short id.*"),
        "Type a short name made of small letters, digits and dashes, like vitamin-d.",
    ),
    (re.compile(r"must be a date like (.*)"), r"Type the date like \1 (year-month-day)."),
    (re.compile(r"used twice"), "Another item already uses this. Choose a different one."),
    (
        re.compile(r"links to a treatment card '(.*)' that does not exist"),
        r"This links to a card '\1' that does not exist. Untick it, or add that card first.",
    ),
    (re.compile(r"lists a card twice"), "A card is ticked twice. Untick one."),
    (re.compile(r"unknown field \(check the spelling\)"), "This is not a field the kiosk knows. Check the spelling."),
]
_VERBS = {"is", "has", "must", "contains", "links", "lists", "used", "cannot"}


def sentence(message: str) -> str:
    """A checker's message ("is empty", "entry 2 is too long") as a sentence for staff, saying what to do."""
    message = message.strip()
    for pattern, plain in _PLAIN_MESSAGES:
        if pattern.fullmatch(message):
            return pattern.sub(plain, message)
    first = message.split(" ", 1)[0]
    text = f"This {message}" if first in _VERBS else message[:1].upper() + message[1:]
    return text if text.endswith((".", "?", "!", ")")) else text + "."


def _kind_of(problem: Problem) -> str:
    if problem.field in CARD_LABELS:
        return "card"
    return "cause" if problem.field in CAUSE_LABELS else "group"


def describe_problem(problem: Problem) -> str:
    """One problem for staff: where, which item, the field's label, and what to do."""
    if not problem.field:
        return str(problem).removeprefix("draft, ").removeprefix("draft: ")
    where = "" if problem.where in ("draft", "") else f"{problem.where}, "
    item = f"'{problem.item}', " if problem.item and not problem.item.startswith("#") else ""
    field = f"{field_label(problem.field, _kind_of(problem))}: " if problem.field else ""
    return f"{where}{item}{field}{sentence(problem.message)}"
