"""Visit counts for staff: turn anonymous counting on or off, and see the last 30 days and the most-opened cards."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.admin.staff.page import StaffPage
from kiosk.content.insights import Insights, load_insights
from kiosk.content.settings import save_setting
from kiosk.ui.questions import toggle_button
from kiosk.ui.visit_counts import PRIVACY_ON
from kiosk.ui.widgets import section, text_label

DAYS_SHOWN = 30
KEEP_CHOICES = (90, 180, 365, 730)
SERIES = (("Screens opened", "screens", "#0B4F5C"), ("Cards opened", "cards", "#1B5E20"),
          ("Lists of questions", "summaries", "#6B3A00"))  # fmt: skip


class InsightsPage(StaffPage):
    """Counting on or off, how long counts are kept, a chart of the last 30 days, and the top cards."""

    title = "Visit counts"

    def __init__(self, area):
        super().__init__(area)
        self.refresh()

    def refresh(self) -> None:
        self.clear_column()
        insights = load_insights(self.conn, DAYS_SHOWN)
        self.column.addWidget(text_label("Visit counts", "Heading"))
        self.column.addWidget(self._counting_section(insights))
        if insights.has_counts:
            self.column.addWidget(
                section(f"The last {DAYS_SHOWN} days, for all patients together", self._chart(insights))
            )
            self.column.addWidget(self._top_cards(insights))
        else:
            self.column.addWidget(text_label(f"Nothing was counted in the last {DAYS_SHOWN} days.", "Lead"))
        self.column.addStretch(1)

    def _counting_section(self, insights: Insights) -> QWidget:
        self.counting_button = toggle_button("Count visits", "Anonymous daily totals", insights.counting)
        self.counting_button.toggled.connect(self._set_counting)
        state = "Counting is on." if insights.counting else "Counting is off: nothing is counted."
        keep = QWidget()
        row = QHBoxLayout(keep)
        row.setContentsMargins(0, 0, 0, 0)
        self.keep_buttons: list[QPushButton] = []
        for days in KEEP_CHOICES:
            button = toggle_button(f"{days} days", "Keep counts this long", days == insights.keep_days)
            button.clicked.connect(lambda _=False, kept=days: self._set_keep_days(kept))
            row.addWidget(button)
            self.keep_buttons.append(button)
        row.addStretch(1)
        return section(
            "Anonymous counts",
            text_label(state),
            self.counting_button,
            text_label(f"When counting is on, patients read this on the start screen: “{PRIVACY_ON}”"),
            text_label("Keep counts for (older counts are deleted):"),
            keep,
        )

    def _set_counting(self, on: bool) -> None:
        if self.attempt(lambda: save_setting(self.conn, "count_visits", "1" if on else "0")) is None:
            return
        self.area.kiosk.apply_settings()
        self.refresh()
        self.show_notice("Counting is on. The start screen now says what is counted." if on else
                         "Counting is off. Nothing more is counted.")  # fmt: skip

    def _set_keep_days(self, days: int) -> None:
        if self.attempt(lambda: save_setting(self.conn, "counts_keep_days", str(days))) is None:
            return
        self.area.kiosk.apply_settings()
        self.refresh()
        self.show_notice(f"Counts are now kept for {days} days; older ones are deleted between patients.")

    def _chart(self, insights: Insights) -> QWidget:
        """A bar chart of each day's totals (QtCharts is imported only here: staff rarely open this page)."""
        from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis

        series = QBarSeries()
        for name, field, colour in SERIES:
            bars = QBarSet(name)
            bars.setColor(QColor(colour))
            bars.append([getattr(day, field) for day in insights.days])
            series.append(bars)
        chart = QChart()
        chart.addSeries(series)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        font = QFont("Atkinson Hyperlegible")
        font.setPixelSize(18)
        days = QBarCategoryAxis()
        days.append([str(day.day.day) for day in insights.days])
        days.setLabelsFont(font)
        days.setTitleText(f"{insights.days[0].day:%d %B} to {insights.days[-1].day:%d %B %Y}")
        days.setTitleFont(font)
        counts = QValueAxis()
        counts.setLabelFormat("%d")
        counts.setMin(0)
        counts.setLabelsFont(font)
        chart.addAxis(days, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(days)
        series.attachAxis(counts)
        counts.applyNiceNumbers()
        chart.legend().setFont(font)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        view = QChartView(chart)
        view.setObjectName("InsightsChart")
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(460)
        view.setAccessibleName(f"Chart of the last {DAYS_SHOWN} days: screens opened, cards opened, lists of "
                               "questions")  # fmt: skip
        return view

    def _top_cards(self, insights: Insights) -> QWidget:
        lines = [f"{card.count}  ×  {card.name}" for card in insights.top_cards] or ["No card was opened."]
        return section(f"Most opened cards in the last {DAYS_SHOWN} days", *(text_label(line) for line in lines))
