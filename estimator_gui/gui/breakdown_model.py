"""The breakdown table: a QAbstractTableModel that adapts a Breakdown, one row per billed line."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from estimator_gui.gui.labels import price_list_name, section_name, service_name, tier_name
from estimator_gui.gui.locale_format import format_decimal, format_int, format_money
from estimator_gui.pricing.breakdown import Breakdown, Line

Index = QModelIndex | QPersistentModelIndex


class BreakdownTableModel(QAbstractTableModel):
    """Section, service, tier, minutes, unit price, gross, free minutes, net of every line.

    DisplayRole is locale text; ValueRole is the exact value (a Decimal for amounts) for sorting
    and export.
    """

    ValueRole = Qt.ItemDataRole.UserRole
    COL_SECTION, COL_SERVICE, COL_TIER, COL_MINUTES = 0, 1, 2, 3
    COL_UNIT_PRICE, COL_GROSS, COL_FREE, COL_NET = 4, 5, 6, 7
    HEADERS = (
        QT_TRANSLATE_NOOP("BreakdownTableModel", "Section"),
        QT_TRANSLATE_NOOP("BreakdownTableModel", "Service"),
        QT_TRANSLATE_NOOP("BreakdownTableModel", "Tier"),
        QT_TRANSLATE_NOOP("BreakdownTableModel", "Minutes"),
        QT_TRANSLATE_NOOP("BreakdownTableModel", "Unit price"),
        QT_TRANSLATE_NOOP("BreakdownTableModel", "Gross"),
        QT_TRANSLATE_NOOP("BreakdownTableModel", "Free min"),
        QT_TRANSLATE_NOOP("BreakdownTableModel", "Net"),
    )
    _NUMERIC = frozenset({COL_MINUTES, COL_UNIT_PRICE, COL_GROSS, COL_FREE, COL_NET})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: tuple[Line, ...] = ()
        self._currency = ""

    def show_breakdown(self, breakdown: Breakdown) -> None:
        """Show a new breakdown; the same categories in the same order only repaint the cells."""
        lines = breakdown.lines
        same_rows = [line.category + line.price_list for line in lines] == [
            line.category + line.price_list for line in self._lines
        ]
        if same_rows and lines and breakdown.currency == self._currency:
            # A slider drag keeps the rows: signal changed cells so selection and scroll survive.
            self._lines = lines
            last = self.index(len(lines) - 1, len(self.HEADERS) - 1)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.DisplayRole])
            return
        self.beginResetModel()
        self._lines = lines
        self._currency = breakdown.currency
        self.endResetModel()

    def line(self, row: int) -> Line:
        return self._lines[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("BreakdownTableModel", self.HEADERS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole and section in self._NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._lines)):
            return None
        line, column = self._lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == self.ValueRole:
            return self._value(line, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            numeric = column in self._NUMERIC
            horizontal = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_SERVICE:
            return "\n".join(
                f"{service_name(u.service)}: {u.label or u.source}" for u in line.usages
            )
        return None

    def _display(self, line: Line, column: int) -> str:
        if column == self.COL_SECTION:
            name = section_name(line.section)
            if line.price_list != "standard":
                name = f"{name} \u00b7 {price_list_name(line.price_list)}"
            return name
        if column == self.COL_SERVICE:
            return ", ".join(service_name(s) for s in line.services)
        if column == self.COL_TIER:
            return tier_name(line.tier)
        if column == self.COL_MINUTES:
            if line.minutes is None:
                return self.tr("%1 Mbps").replace("%1", format_decimal(line.quantity))
            return format_int(int(line.minutes))
        if column == self.COL_UNIT_PRICE:
            per = self.tr("/ Mbps") if line.per == "Mbps" else self.tr("/ 1,000 min")
            return f"{format_decimal(line.unit_price)} {per}"
        if column == self.COL_GROSS:
            return format_money(line.gross)
        if column == self.COL_FREE:
            return format_int(line.free_minutes)
        if column == self.COL_NET:
            return format_money(line.net)
        return ""

    def _value(self, line: Line, column: int) -> Any:
        return (
            line.section,
            line.services,
            line.tier,
            line.quantity,
            line.unit_price,
            line.gross,
            line.free_minutes,
            line.net,
        )[column]
