"""A form that fits: every staff control can be reached at 1280×800, 1920×1080 and 1080×1920; the keyboard comes
only when a box is touched and never covers it; long forms have a list of parts to jump to; Text size in the
preview really makes the preview's text larger."""

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QPlainTextEdit, QScrollArea, QWidget
from staff_helpers import Staff

from kiosk.admin.staff.audit_page import AuditPage
from kiosk.admin.staff.card_editor import CardEditorPage
from kiosk.admin.staff.card_list import CardListPage
from kiosk.admin.staff.cause_editor import CauseGroupEditorPage, ConditionEditorPage, NewConditionPage
from kiosk.admin.staff.cause_list import CauseListPage
from kiosk.admin.staff.export_page import ExportPage
from kiosk.admin.staff.glossary_page import GlossaryPage
from kiosk.admin.staff.guidance import GuidancePage
from kiosk.admin.staff.history import HistoryPage
from kiosk.admin.staff.home import StaffHomePage
from kiosk.admin.staff.import_page import ImportPage
from kiosk.admin.staff.pin_pad import PinPadPage
from kiosk.admin.staff.places import Places
from kiosk.admin.staff.preview import PreviewPage
from kiosk.admin.staff.publish_page import PublishPage
from kiosk.admin.staff.red_flags import RedFlagsPage
from kiosk.admin.staff.restore_page import RestorePage
from kiosk.admin.staff.settings_page import SettingsPage
from kiosk.admin.staff.version_page import VersionPage
from kiosk.content.editing import update_treatment
from kiosk.content.publish_check import check_before_publishing
from kiosk.content.publishing import list_versions, publish

SIZES = [(1280, 800), (1920, 1080), (1080, 1920)]
CONTROLS = (QAbstractButton, QLineEdit, QPlainTextEdit)


def staff_pages(area, window):
    """Every staff page, freshly made."""
    content = window.content
    group = content.cause_groups[0]
    versions = list_versions(window.library.conn)
    return {
        "PIN pad": lambda: PinPadPage(area, lambda: None, lambda: None),
        "Staff home": lambda: StaffHomePage(area),
        "Card list": lambda: CardListPage(area),
        "Card editor": lambda: CardEditorPage(area, content.treatments[0]),
        "New card": lambda: CardEditorPage(area, None),
        "Cause list": lambda: CauseListPage(area),
        "Cause group": lambda: CauseGroupEditorPage(area, group),
        "Cause": lambda: ConditionEditorPage(area, group.conditions[0]),
        "Warning signs": lambda: RedFlagsPage(area),
        "Guidance": lambda: GuidancePage(area),
        "Settings": lambda: SettingsPage(area),
        "History": lambda: HistoryPage(area),
        "Version": lambda: VersionPage(area, versions[-1], False),
        "Import": lambda: ImportPage(area),
        "Export": lambda: ExportPage(area),
        "Staff actions": lambda: AuditPage(area),
        "Words explained": lambda: GlossaryPage(area),
        "New cause": lambda: NewConditionPage(area, group),
        "Restore a backup": lambda: RestorePage(area),
        "Publish": lambda: PublishPage(area, check_before_publishing(window.library.conn)),
    }


def unreachable_controls(area, window) -> list[str]:
    """Controls on the page on show that are outside the window even after scrolling to them."""
    page = area.page
    inside = window.rect()
    problems = []
    controls = {id(c): c for kind in CONTROLS for c in [*page.findChildren(kind), *area.findChildren(kind)]}
    for control in controls.values():
        if not control.isVisibleTo(area) or control.window() is not window or _in_hidden_panel(control, area):
            continue
        scroll = _scroll_area_of(control)
        if scroll is not None:  # scroll so that the control's top is at the top of the view
            top = control.mapTo(scroll.widget(), QPoint(0, 0)).y()
            scroll.verticalScrollBar().setValue(top)
        rect = QRect(control.mapTo(window, QPoint(0, 0)), control.size())
        visible_part = rect.intersected(inside)
        if scroll is not None:
            viewport = QRect(scroll.viewport().mapTo(window, QPoint(0, 0)), scroll.viewport().size())
            visible_part = visible_part.intersected(viewport)
        wanted_height = min(rect.height(), 60)  # a tap target's worth of a tall box
        if visible_part.width() < rect.width() or visible_part.height() < wanted_height:
            problems.append(f"{control.accessibleName() or type(control).__name__} at {rect.getRect()}")
    return problems


def _in_hidden_panel(widget: QWidget, area) -> bool:
    return not widget.isVisibleTo(area.stack) and area.stack.isAncestorOf(widget)


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_every_staff_control_is_reachable_at_each_screen_size(qtbot, window, size, tmp_path):
    card = window.content.treatments[0]
    update_treatment(window.library.conn, card.id, {"side_effects": "Mild itching for a few people."})
    publish(window.library.conn)
    update_treatment(window.library.conn, card.id, {"summary": "Biotin reverses hair loss, a miracle."})
    window.resize(*size)
    staff = Staff(qtbot, window)
    staff.unlock()
    area = staff.area
    area.places = Places(mount_roots=(tmp_path / "media",), home=tmp_path)
    qtbot.waitUntil(lambda: area.size() == window.size())
    found = {}
    for name, make in staff_pages(area, window).items():
        area.start_at(StaffHomePage(area))
        if name != "Staff home":
            area.open(make())
        qtbot.waitUntil(lambda: area.page.isVisible())
        for _ in range(5):  # let Qt lay the page out (sizes settle over a few turns of the event loop)
            QApplication.processEvents()
        problems = unreachable_controls(area, window)
        if problems:
            found[name] = problems
    assert not found, f"at {size[0]}x{size[1]}: {found}"


def test_the_keyboard_comes_when_a_box_is_touched_and_never_covers_it(qtbot, window):
    window.resize(1280, 800)
    staff = Staff(qtbot, window)
    staff.unlock()
    card = window.content.treatments[0]
    staff.tap("Edit cards")
    staff.tap(f"Edit {card.name}")
    editor = staff.area.page
    keyboard = staff.area.keyboard
    assert not keyboard.isVisible()
    box = editor.field("sources").input  # near the end of a long form
    editor.scroll_to(box)
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    qtbot.waitUntil(keyboard.isVisible)
    assert keyboard.target is box

    def box_is_clear_of_the_keyboard() -> bool:
        top_of_keyboard = keyboard.mapTo(window, QPoint(0, 0)).y()
        box_top = box.mapTo(window, QPoint(0, 0)).y()
        viewport = editor.scroll.viewport()
        viewport_top = viewport.mapTo(window, QPoint(0, 0)).y()
        return viewport_top <= box_top and box_top + min(box.height(), 80) <= top_of_keyboard

    qtbot.waitUntil(box_is_clear_of_the_keyboard)
    staff.tap("Hide keyboard")
    assert not keyboard.isVisible() and staff.has_button("Show keyboard")


def test_a_real_keyboard_puts_the_on_screen_one_away(qtbot, window):
    staff = Staff(qtbot, window)
    staff.unlock()
    card = window.content.treatments[0]
    staff.tap("Edit cards")
    staff.tap(f"Edit {card.name}")
    editor = staff.area.page
    name = editor.field("name").input
    qtbot.mouseClick(name, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(staff.area.keyboard.isVisible)
    qtbot.keyClicks(name, "s")
    assert not staff.area.keyboard.isVisible()
    other = editor.field("summary").input
    qtbot.mouseClick(other.viewport(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: staff.area.keyboard.target is other)
    assert not staff.area.keyboard.isVisible() and not staff.has_button("Show keyboard")


def test_a_long_form_lists_its_parts_to_jump_to(qtbot, window):
    staff = Staff(qtbot, window)
    staff.unlock()
    card = window.content.treatments[0]
    staff.tap("Edit cards")
    staff.tap(f"Edit {card.name}")
    editor = staff.area.page
    staff.tap("Jump to a part of this form")
    for label in ("Side effects", "Sources", "Questions to ask your doctor", "How good is the evidence?"):
        assert staff.has_button(f"Go to: {label}")
    staff.tap("Go to: Side effects")
    wanted = editor.field("side_effects")
    viewport = editor.scroll.viewport()
    top = wanted.mapTo(viewport, QPoint(0, 0)).y()
    assert 0 <= top and top + wanted.height() <= viewport.height()
    assert not staff.has_button("Go to: Side effects")


def test_text_size_in_the_preview_makes_the_preview_larger(qtbot, window):
    staff = Staff(qtbot, window)
    staff.unlock()
    staff.tap("Preview draft")
    preview = staff.area.page
    assert isinstance(preview, PreviewPage)
    preview.navigator.go(preview.navigator.current.__class__("treatment", window.content.treatments[0].id))

    def title_size() -> int:
        return preview.current_screen().heading().fontInfo().pixelSize()  # the card's name, as the patient sees it

    normal = title_size()
    staff.tap("Text size")
    qtbot.waitUntil(lambda: title_size() > normal)
    assert preview.frame.access_bar.text_size_button.accessibleDescription() == "130 %"


def test_the_clinic_name_shows_in_portrait_too(qtbot, window):
    from conftest import read_screen

    from kiosk.content.settings import save_setting

    save_setting(window.library.conn, "clinic_name", "Hillside Hair Clinic")
    window.apply_settings()
    for width, height in ((1080, 1920), (1920, 1080)):
        window.resize(width, height)
        qtbot.waitUntil(lambda wanted=width: window.frame.size().width() == wanted)
        assert "Hillside Hair Clinic" in read_screen(window.frame), f"{width}x{height}"
