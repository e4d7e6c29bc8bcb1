"""A staff page that is one form: fields, a Save button that never scrolls away, errors next to fields."""

import sqlite3
from typing import Any

from kiosk.admin.staff.fields import Field, Form, problem_lines
from kiosk.admin.staff.jump_list import JumpList
from kiosk.admin.staff.operations import staff_message
from kiosk.admin.staff.page import StaffPage
from kiosk.content.schema import ContentError, Problem
from kiosk.storage.errors import KnownError
from kiosk.ui.widgets import text_label, touch_button

NOT_SAVED = "Not saved: please fix what is shown in red. Nothing has changed."
JUMP_LIST_FROM = 6  # fields; a shorter form is seen at a glance
DRAFT_NOTE = "Changes go into the draft. Patients see them after you publish."


class FormPage(StaffPage):
    """Subclasses give the fields and `write(changes)`, which raises ContentError naming fields."""

    wants_keyboard = True
    saved_message = "Saved in the draft. Patients see it after you publish (Preview shows it now)."
    save_unchanged = False

    def __init__(self, area, fields: list[Field], values: dict[str, Any], intro: str = DRAFT_NOTE):
        super().__init__(area)
        self.form = Form(fields)
        if intro:
            self.column.addWidget(text_label(intro, "Lead"))
        if len(fields) > JUMP_LIST_FROM:
            self.column.addWidget(JumpList(fields, self.scroll_to_top_of))
        for field in fields:
            self.column.addWidget(field)
        self.column.addStretch(1)
        self.form.load(values)
        self.save_button = touch_button("Save", "HeaderAction")
        self.save_button.clicked.connect(self.save)
        self.header_actions.append(self.save_button)

    def scroll_to_top_of(self, widget) -> None:
        """Scroll so that `widget` is at the top of the view (a part of the form jumped to)."""
        self.scroll.verticalScrollBar().setValue(widget.mapTo(self.scroll.widget(), widget.rect().topLeft()).y() - 20)

    def field(self, name: str) -> Field:
        """The input for one field, by its name in the content (like "side_effects")."""
        return self.form.fields[name]

    def write(self, changes: dict[str, Any]) -> None:
        """Store `changes`; ContentError if any value is not allowed (then nothing is stored)."""
        raise NotImplementedError

    def belongs(self, problem: Problem) -> bool:
        """Whether a problem is about this page's item (others are listed in the notice)."""
        return True

    def save(self) -> bool:
        """Check every field and store the changes; nothing is stored if anything is wrong."""
        self.form.clear_errors()
        self.clear_notice()
        changes = self.form.values() if self.save_unchanged else self.form.changes()
        if not changes:
            self.show_notice("Nothing has changed since the last save.", "info")
            return False
        try:
            self.write(changes)
        except ContentError as error:
            self._show_problems(error.problems)
            return False
        except (KnownError, sqlite3.Error) as error:
            self.show_notice(staff_message(error), "error")
            return False
        self.form.mark_saved()
        self.show_notice(self.saved_message)
        return True

    def _show_problems(self, problems: list[Problem]) -> None:
        elsewhere = self.form.show_problems(problems, self.belongs)
        self.show_notice(NOT_SAVED + (f"\n{problem_lines(elsewhere)}" if elsewhere else ""), "error")
        first = self.form.first_error()
        if first is not None:
            self.scroll_to(first)

    def has_unsaved_changes(self) -> bool:
        return bool(self.form.changes())
