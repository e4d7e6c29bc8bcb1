"""What every screen shares: a kinetic-scrolling column of readable width, and a way to ask to navigate."""

import time
from collections.abc import Callable, Iterator

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayoutItem,
    QPushButton,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QVBoxLayout,
    QWidget,
)

from kiosk.storage.rows import Content
from kiosk.ui.look import NORMAL, Look, content_for, skeleton_rules
from kiosk.ui.navigator import Route
from kiosk.ui.painted import TextPanel, reusing
from kiosk.ui.widgets import ResponsiveColumns, touch_button

READING_WIDTH = 1500
EXPLICITLY_SHOWN_OR_HIDDEN = Qt.WidgetAttribute.WA_WState_ExplicitShowHide
SLICE_SECONDS = 0.008  # the longest a tap may wait behind the part of a screen still being built


def enable_kinetic_scrolling(viewport: QWidget) -> None:
    """Drag or fling with a finger to scroll; a tap reaches a button at once."""
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(viewport)
    properties = scroller.scrollerProperties()
    # Qt's default holds every press back 0.25 s to see if it becomes a drag: too slow for a tap.
    # A drag that starts on a button still scrolls; Qt then cancels the button's press.
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0)
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.OvershootDragResistanceFactor, 0.3)
    scroller.setScrollerProperties(properties)


class _Page(QWidget):
    """The scrolled page: the one widget that paints the page colour, and says when it has been painted.

    Opaque to Qt, so nothing behind it is painted: the stylesheet's backgrounds of the frame, the stack and the
    scroll area would each fill the whole screen again on every frame (about 1 ms each)."""

    def __init__(self):
        super().__init__()
        self.setObjectName("ScreenPage")  # theme.qss gives it the page colour (in its palette)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.painted: Callable[[], None] = lambda: None

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        QPainter(self).fillRect(event.rect(), self.palette().window())
        self.painted()


def scrolling_column(top_margin: int = 28, spacing: int = 22) -> tuple[QScrollArea, QVBoxLayout]:
    """A kinetic scroll area holding a centred column no wider than a comfortable reading width."""
    scroll = QScrollArea()
    # A viewport made here: asking Qt for the one it made costs 16 ms the first time (PySide6 looks up its type).
    viewport = QWidget()
    scroll.setViewport(viewport)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from button to button; the area scrolls to each
    enable_kinetic_scrolling(viewport)
    page = _Page()
    row = QHBoxLayout(page)
    row.setContentsMargins(32, top_margin, 32, 40)
    holder = QWidget()
    holder.setObjectName("ScreenColumn")
    holder.setMaximumWidth(READING_WIDTH)
    row.addWidget(holder)
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(spacing)
    scroll.setWidget(page)
    return scroll, column


def _choose_columns(block: QWidget, width: int) -> None:
    """Lay `block` out once at `width` if it holds side-by-side columns: they choose one column or two when they
    are first resized, and asked for their height before that they answer in one, so the page would be laid out
    again, shorter, a frame later. Each layout between them and the block is told now that their height changed
    (Qt would tell one a turn, and keep the old height for the first frame)."""
    columns = block.findChildren(ResponsiveColumns)
    if isinstance(block, ResponsiveColumns):
        columns.append(block)
    if not columns:
        return
    block.resize(width, block.height())
    if block.layout() is not None:
        block.layout().activate()
    for widget in columns:
        widget.fit(widget.width())  # now also while the screen is hidden (resized, it hears of it when it shows)
        while widget is not block:
            widget.updateGeometry()
            widget = widget.parentWidget()
    block.updateGeometry()


def clear_layout(layout) -> None:
    """Remove and delete everything in `layout`, nested layouts included (to build it again)."""
    while layout.count():
        item = layout.takeAt(0)
        if item.layout():  # the item is the nested layout itself
            clear_layout(item.layout())
            item.layout().deleteLater()
            continue
        if item.widget():
            item.widget().hide()  # deleteLater waits for the event loop; a hidden widget is gone at once
            item.widget().deleteLater()
        forget_item(item)


def forget_item(item: QLayoutItem) -> None:
    """Delete a layout item taken out of its layout (its widget, if any, is not touched). Qt hands a taken item to
    the caller, and PySide leaves it to us: each one left was 96 bytes kept for good, one for every widget and
    spacing of every screen emptied, all day."""
    shiboken6.delete(item)


def _once() -> Callable[[], bool]:
    """A `go_on` that says yes the first time it is asked only."""
    left = [True]
    return lambda: bool(left) and left.pop()


class Screen(QWidget):
    """A screen inside the shared frame. Subclasses fill `self.column` in `build`, a generator that yields
    wherever the rest may wait for a later turn of the event loop.

    Only what fills the first view is built before the screen is first painted; the rest follows in slices
    of at most SLICE_SECONDS each, so a tap is answered with a painted screen at once and is never held up
    for long by the part below the fold. A screen is built for one place and one look (`self.look`, which
    `build` may ask); shown for another, it is emptied and built again."""

    navigate = Signal(object)  # a Route
    completed = Signal()  # every part has been built
    title = ""

    def __init__(self, content: Content | None):
        super().__init__()
        self.english_content = content  # as published; `content` is it in the language of the look
        self.content = content
        self.look = NORMAL
        self.builds = 0  # how many times the screen was built (the bench tells first visits from returns)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll, self.column = scrolling_column()
        self.scroll.widget().painted = self._page_painted
        outer.addWidget(self.scroll)
        self._built_for: tuple[str | None, Look] | None = None
        self._rest: Iterator[None] | None = None
        self._spare_panels: list[TextPanel] = []
        self._rest_scheduled = False
        self._place: Callable[[], int] | None = None
        # After a change of look far down: the blocks above the place, shown (or made: see `add_block`) later.
        self._above: list[QWidget | tuple[int, Callable[[], QWidget]]] = []
        self._note_blocks_before = 0  # blocks added at a lower index are noted by `add_block`, not made yet
        self._noted: dict[int, Callable[[], QWidget]] = {}
        self._anchor: QWidget | None = None  # the block the patient was reading, held in view while they show
        self._measured: set[QWidget] = set()  # blocks laid out at the column's width while the screen is hidden
        self._title_focus_due = False  # a change of look took focus off the title: back to it once it shows
        self._moving_view = False
        self.scroll.verticalScrollBar().rangeChanged.connect(self._on_range_changed)
        self.scroll.verticalScrollBar().valueChanged.connect(self._on_view_moved)
        self._scroller = QScroller.scroller(self.scroll.viewport())
        self._scroller.stateChanged.connect(self._on_scroller_state)

    def show_route(self, argument: str | None, look: Look | None = None) -> None:
        """Fill the screen for this route argument (a card id, a cause id, or None) in `look` (by default the
        one it has), as far as the first view; built again only if it shows something else."""
        look = look or self.look
        if self._built_for != (argument, look):
            self._start_building(argument, look)
            self._build_step()
        self._build_while(lambda: not self._fills_view())

    def _start_building(self, argument: str | None, look: Look) -> None:
        """Empty the screen and get ready to build it for `argument` in `look`."""
        restyled = look != self.look and look.stylesheet() != self.look_stylesheet()
        self.clear(keep_panels=not restyled)  # a new stylesheet deletes them (see `_take_stylesheet`)
        if look != self.look:
            self.look = look
            self._take_stylesheet(look.stylesheet())
            self.content = content_for(self.english_content, look.language)
        self.builds += 1
        self._rest = iter(self.build(argument))
        self._built_for = (argument, look)

    def _take_stylesheet(self, sheet: str) -> None:
        """The look's rules on the emptied screen, only when they change (a language alone changes none): all of
        them on the column, and on the screen only those for its scroll area, scroll bars and page (the same
        for every text size: a new size does not style those again, 1.2-1.5 ms a screen)."""
        holder = self.column.parentWidget()
        if holder.styleSheet() == sheet:
            return
        # Qt styles every widget under the column again, hidden ones too, before the first frame in the new look:
        # the emptied widgets waiting for deleteLater (6-8 ms on a long screen) and the spare panels (a glossary
        # keeps dozens). Moving one out costs as much as styling it, so they are deleted now: all are hidden and
        # unused, and no tap is on its way out of them (a change of look comes from the frame, not the screen).
        for child in holder.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            shiboken6.delete(child)
        self._spare_panels.clear()
        skeleton = skeleton_rules(sheet)
        if self.styleSheet() != skeleton:
            self.setStyleSheet(skeleton)
        holder.setStyleSheet(sheet)

    def look_stylesheet(self) -> str:
        """The look's rules the screen's text is shown with."""
        return self.column.parentWidget().styleSheet()

    def build(self, argument: str | None) -> Iterator[None]:
        """Add this screen's widgets to `self.column`, yielding wherever the rest may come later."""
        raise NotImplementedError

    def build_more(self, seconds: float = SLICE_SECONDS) -> bool:
        """Build for about `seconds` more; True when the screen is complete."""
        deadline = time.perf_counter() + seconds
        if not self._build_while(lambda: time.perf_counter() < deadline):
            return False
        return self._show_above(lambda: time.perf_counter() < deadline)

    def finish_building(self) -> None:
        """Build everything that is left, and show it, now."""
        self._build_while(lambda: True)
        self._show_above(lambda: True)

    def is_complete(self) -> bool:
        """Whether every part of the screen has been built and shown."""
        return self._built_for is not None and self._rest is None and not self._above

    def _build_while(self, go_on: Callable[[], bool]) -> bool:
        while self._rest is not None and go_on():
            self._build_step()
        return self._rest is None

    def _build_step(self) -> None:
        try:
            with reusing(self._spare_panels):
                next(self._rest)
        except StopIteration:
            self._rest = None
            self.column.addStretch(1)
            if not self._above:
                self.completed.emit()
        except BaseException:
            self._rest = self._built_for = None  # half built: start again next time
            raise

    def _fills_view(self, beyond: int = 0) -> bool:
        """Whether what is built so far is taller than the part of the screen a patient sees first (and `beyond`
        pixels more: the view starts that far into it)."""
        self._show_built()
        area = self.parentWidget() or self
        return self.column.totalHeightForWidth(self._column_width()) >= area.height() + beyond

    def _column_width(self) -> int:
        """How wide the column will be laid out, before it is."""
        area = self.parentWidget() or self
        return min(READING_WIDTH, area.width() - 64)

    def _show_built(self) -> bool:
        """Style the blocks built so far and show them now, together. Qt would show each at its next turn, one at a
        time, and lay the whole column out again at each, squeezed into the height it had: a long screen's labels
        were resized 15-30 times before the frame, and a frame could show them squeezed."""
        showing, shown = self.isVisible(), False
        self.column.setEnabled(False)  # laid out once, afterwards, not at every block shown
        for index in range(self.column.count()):
            widget = self.column.itemAt(index).widget()
            if widget is None or (widget.isHidden() and widget.testAttribute(EXPLICITLY_SHOWN_OR_HIDDEN)):
                continue  # hidden on purpose: styled when it shows
            widget.ensurePolished()  # the stylesheet sets the fonts and padding that decide the height
            if showing and widget.isHidden():
                widget.show()
                _choose_columns(widget, self._column_width())
                shown = True
            elif not showing and widget not in self._measured:
                self._measured.add(widget)
                _choose_columns(widget, self._column_width())
        self.column.setEnabled(True)
        return shown

    def _show_above(self, go_on: Callable[[], bool]) -> bool:
        """Show the blocks held back above the place, the nearest first, while `go_on()`; the block the patient
        is reading stays where it is on the glass. True when none is left."""
        if not self._above:
            return True
        bar, anchor = self.scroll.verticalScrollBar(), self._anchor
        value, before = bar.value(), anchor.y() if anchor is not None else 0
        self.column.setEnabled(False)
        while self._above and go_on():
            block = self._above.pop()
            widget = self._make_noted(*block) if isinstance(block, tuple) else block
            widget.ensurePolished()
            widget.show()
            _choose_columns(widget, self._column_width())
        if not self._above:
            self.column.setContentsMargins(0, 0, 0, 0)  # the room kept for them
        self.column.setEnabled(True)
        self._lay_out_now()
        if anchor is not None:
            self._move_view(value + anchor.y() - before)
        if self._above:
            return False
        self._anchor = None
        self._focus_title_if_due()
        if self._rest is None:
            self.completed.emit()
        return True

    def _lay_out_now(self) -> None:
        """Lay the page out now, from the outside in, before the frame: the scroll area sizes the page for everything
        built, which lays the column out once in that size; then the blocks that rearrange at their new width (two
        columns side by side, or one), and the page again if that changed its height. Left to Qt's next turns,
        the column would be laid out first, in the height it had, and a frame could come before the rest."""
        page, steady = self.scroll.widget(), 0
        for _ in range(6):
            height = page.height()
            QCoreApplication.sendEvent(self.scroll, QEvent(QEvent.Type.LayoutRequest))
            page.layout().activate()
            self.column.activate()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            steady = steady + 1 if page.height() == height else 0
            if steady == 2:
                break
        if self._place is not None:
            self._move_view(self._place())

    def _page_painted(self) -> None:
        # The first view is on the glass: build the rest, a slice per turn of the event loop.
        if (self._rest is not None or self._above) and not self._rest_scheduled:
            self._rest_scheduled = True
            QTimer.singleShot(0, self, self._build_next_slice)

    def _build_next_slice(self) -> None:
        self._rest_scheduled = False
        if not self.isVisible():
            return  # the patient moved on: the rest waits until the screen shows again
        complete = self.build_more()
        # Shown together, not one by one at Qt's next turns; and laid out before the frame, also when the blocks
        # showed themselves (panels filled again) or only grew (cards added to a level already on show): the
        # column would give them the height it had, squeezed (compare's row at the top of the view, for a frame).
        self._show_built()
        self._lay_out_now()
        if not complete and not self._rest_scheduled:
            self._rest_scheduled = True
            QTimer.singleShot(0, self, self._build_next_slice)

    def heading(self) -> QLabel | None:
        """The screen's title (its first heading), where focus goes when the screen is shown."""
        for index in range(min(self.column.count(), 4)):
            widget = self.column.itemAt(index).widget()
            if isinstance(widget, QLabel) and widget.objectName() == "Heading":
                return widget
        return None

    def focus_title(self) -> None:
        """Focus on the title (the screen itself if it has none): a screen reader says it, and Tab goes on from
        there."""
        (self.heading() or self).setFocus(Qt.FocusReason.OtherFocusReason)

    def more_button(self, label: str, more: Callable[[], Iterator[None]]) -> QPushButton:
        """A button at the end of a long list that builds the next part of it in its place."""
        button = touch_button(label, "Secondary")

        def show_more() -> None:
            self.column.removeWidget(button)
            button.hide()
            button.deleteLater()  # the tap is still on its way out of it
            self._build_further(more())

        button.clicked.connect(show_more)
        return button

    def _build_further(self, steps: Iterator[None]) -> None:
        """Add to a complete screen, built like its rest: a step now, a slice per turn after the next frame."""
        last = self.column.itemAt(self.column.count() - 1)
        if last is not None and last.spacerItem() is not None:
            self.column.removeItem(last)  # the stretch goes back at the end when this part is done
            forget_item(last)
        self._rest = steps
        self._build_step()
        self.update()

    def clear(self, keep_panels: bool = True) -> None:
        """Remove everything from the column (and forget what it was built for); its section panels are kept,
        hidden, to be filled again by the next build (see `text_panel`), unless `keep_panels` is False."""
        self._rest = self._built_for = self._place = self._anchor = None
        self._above, self._noted, self._measured = [], {}, set()
        self.column.setContentsMargins(0, 0, 0, 0)
        holder = self.column.parentWidget()
        focus = QApplication.focusWidget()
        if focus is not None and holder.isAncestorOf(focus):
            # Hiding it would pass focus on down the screen, to each button just before it is hidden in turn (a
            # screen reader hears them all); the window puts focus where it belongs once the screen is built.
            focus.clearFocus()
        # Moving a panel out of a part that is deleted costs 0.1 ms (Qt styles it again): not for panels that go.
        self._spare_panels[:] = holder.findChildren(TextPanel) if keep_panels else []
        for panel in self._spare_panels:
            if panel.parentWidget() is not holder:
                panel.setParent(holder)  # out of a part of the screen that is deleted now
            self.column.removeWidget(panel)
            panel.hide()
        clear_layout(self.column)

    def reset_scroll(self) -> None:
        """Back to the top, with any fling stopped."""
        self.set_scroll_position(0)

    def scroll_position(self) -> int:
        """How far down the screen is scrolled."""
        return self.scroll.verticalScrollBar().value()

    def add_block(self, make: Callable[[], QWidget]) -> None:
        """Add the block `make()` makes to the column. While the screen is built again from a place far down, a
        block above that place is only noted, an empty item keeping its index, and made after the frame: making
        a long page's blocks above the view took up to 6 ms of a change of look at its bottom."""
        index = self.column.count()
        if index < self._note_blocks_before:
            self.column.addSpacing(0)
            self._noted[index] = make
        else:
            self.column.addWidget(make())

    def _make_noted(self, index: int, make: Callable[[], QWidget]) -> QWidget:
        """Make the block noted at `index` and put it in the place its empty item kept."""
        widget = make()
        widget.hide()  # shown by the caller, once styled
        forget_item(self.column.takeAt(index))
        self.column.insertWidget(index, widget)
        # Made last, it would come last among its siblings, where screen readers and Tab follow them: before the
        # next block, as it is on the glass.
        following = (self.column.itemAt(i).widget() for i in range(index + 1, self.column.count()))
        block_below = next((block for block in following if block is not None), None)
        if block_below is not None:
            widget.stackUnder(block_below)
        return widget

    def show_in_look(self, look: Look) -> None:
        """Build the screen again in `look`, with the block that was at the top of the view at the top again
        (built as far as that block and the view below it; the rest follows after the frame as usual)."""
        self._show_above(lambda: True)  # a change before the last one's blocks above showed: from the whole screen
        holder = self.column.parentWidget()  # the column's blocks are placed in it, below the page's margin
        top = self.scroll.verticalScrollBar().value() - holder.y()
        blocks = [self.column.itemAt(index).geometry() for index in range(self.column.count())]
        index = next((i for i, block in enumerate(blocks) if block.bottom() >= top), None)
        argument = self._built_for[0] if self._built_for else None
        focus_was_here = self.isAncestorOf(QApplication.focusWidget())
        self._title_focus_due = focus_was_here  # its widget is gone (and `clear` let go of focus): to the new title
        if top <= 0 or index is None:
            self.show_route(argument, look)
            self.reset_scroll()
        else:
            share = (top - blocks[index].y()) / max(blocks[index].height(), 1)
            self._show_from(argument, look, index, share, room_above=blocks[index].y())
        if not self._above:
            self._focus_title_if_due()

    def _focus_title_if_due(self) -> None:
        if self._title_focus_due:
            self._title_focus_due = False
            self.focus_title()

    def _show_from(self, argument: str | None, look: Look, index: int, share: float, room_above: int) -> None:
        """Build the screen in `look` with block `index` at the top of the view, `share` of the way into it. The
        blocks above it are held back in `room_above` pixels kept for them, those a screen adds with `add_block`
        only noted, the others made but hidden, and made or shown after the frame (`_show_above`): styling and
        laying out a long page above the view took 25-60 ms before the frame."""
        self._start_building(argument, look)
        self._note_blocks_before = index
        try:
            self._build_while(lambda: self.column.count() <= index)
        finally:
            self._note_blocks_before = 0
        spacing_above = 0
        for item in range(min(index, self.column.count())):
            widget = self.column.itemAt(item).widget()
            if item in self._noted:
                self._above.append((item, self._noted.pop(item)))
            elif widget is not None and not (widget.isHidden() and widget.testAttribute(EXPLICITLY_SHOWN_OR_HIDDEN)):
                widget.hide()  # before Qt shows it at its next turn; a screen's own hidden blocks stay as they are
                self._above.append(widget)
            elif widget is None:  # a spacing between blocks stays: its room is not kept for it a second time
                spacing_above += self.column.itemAt(item).sizeHint().height()
        room_above -= spacing_above

        def fills_view_from_place() -> bool:
            # From the place down, not from the spacings above it; and as far into the place's block as the new look
            # draws it (larger text: further down than before, and the page must reach that far below the view).
            self._show_built()
            place, width = self.column.itemAt(index), self._column_width()
            if place.widget() is None:  # a spacing: the view starts at the block under it
                return self._fills_view(beyond=spacing_above)
            height = place.heightForWidth(width) if place.hasHeightForWidth() else place.sizeHint().height()
            return self._fills_view(beyond=round(share * height) + spacing_above)

        self._build_while(lambda: self.column.count() <= index + 1 or not fills_view_from_place())
        self._show_built()
        block = self.column.itemAt(index) if index < self.column.count() else None
        if block is not None and block.widget() is None and index + 1 < self.column.count():
            block, share = self.column.itemAt(index + 1), 0.0  # a spacing at the top of the view: the block under it
        self._anchor = block.widget() if block is not None else None
        if self._anchor is None:  # the place is gone (a spacing, or a shorter screen): show it all, from the top
            self._show_above(lambda: True)
            self.reset_scroll()
            return
        self.column.setContentsMargins(0, room_above, 0, 0)
        self._lay_out_now()
        holder = self.column.parentWidget()
        self._keep_place(lambda: holder.y() + block.geometry().y() + round(share * block.geometry().height()))
        while self._above and self._room_in_view():
            self._show_above(_once())

    def _room_in_view(self) -> bool:
        """Whether the top of the view is in the room kept for the blocks held back above the place: where the page
        ends inside the view below the place (a smaller text, near the end), the view starts above it, and that
        part would be blank in the first frame."""
        holder = self.column.parentWidget()
        blocks = (self.column.itemAt(index).widget() for index in range(self.column.count()))
        top = next((block for block in blocks if block is not None and not block.isHidden()), None)
        return top is not None and holder.y() + top.y() > self.scroll.verticalScrollBar().value()

    def set_scroll_position(self, value: int) -> None:
        """Scroll to `value`, with any fling stopped."""
        bar = self.scroll.verticalScrollBar()
        self._scroller.stop()
        self._place = None
        self._move_view(value)
        if bar.value() != value:  # further down than is built or laid out yet
            self.finish_building()
            self._keep_place(lambda: value)

    def _keep_place(self, place: Callable[[], int]) -> None:
        """Scroll to `place()` now and each time Qt lays the screen out anew (it takes a turn or two after
        building), until the patient scrolls."""
        self._place = place
        self._move_view(place())

    def _move_view(self, value: int) -> None:
        """Scroll to `value` to keep the place (any other move of the view, such as Tab's, ends the keeping)."""
        self._moving_view = True
        try:
            self.scroll.verticalScrollBar().setValue(value)
        finally:
            self._moving_view = False

    def _on_range_changed(self) -> None:
        if self._place is not None:
            self._move_view(self._place())

    def _on_view_moved(self) -> None:
        if not self._moving_view:
            # Tab brought a control into view (or the patient scrolled): the place read before is not held against
            # it while the rest is built (each part built after the frame is laid out, and kept the place again).
            self._place = None

    def _on_scroller_state(self, state: QScroller.State) -> None:
        if state in (QScroller.State.Pressed, QScroller.State.Dragging):
            self._place = None

    def go(self, screen: str, argument: str | None = None) -> None:
        """Ask the navigator to show another screen."""
        self.navigate.emit(Route(screen, argument))
