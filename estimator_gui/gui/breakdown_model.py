"""The breakdown table: a QAbstractTableModel that adapts a Breakdown, one row per billed line."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from estimator_gui.gui import roles
from estimator_gui.gui.labels import price_list_name, section_name, service_name, tier_name
from estimator_gui.gui.locale_format import format_decimal, format_int, format_money
from estimator_gui.gui.roles import Index
from estimator_gui.i18n import N_, _
from estimator_gui.pricing.breakdown import Breakdown, Line

_DISPLAY_ONLY = [Qt.ItemDataRole.DisplayRole]
_RIGHT = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value
_LEFT = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value


class BreakdownTableModel(QAbstractTableModel):
    """Section, service, tier, minutes, unit price, gross, free minutes, net of every line.

    DisplayRole is locale text; ValueRole is the exact value (a Decimal for amounts) for sorting
    and export.
    """

    ValueRole = Qt.ItemDataRole.UserRole
    COL_SECTION, COL_SERVICE, COL_TIER, COL_MINUTES = 0, 1, 2, 3
    COL_UNIT_PRICE, COL_GROSS, COL_FREE, COL_NET = 4, 5, 6, 7
    HEADERS = (
        N_("Section"),
        N_("Service"),
        N_("Tier"),
        N_("Minutes"),
        N_("Per 1,000 min"),
        N_("Gross"),
        N_("Free min"),
        N_("Net"),
    )
    NUMERIC = frozenset({COL_MINUTES, COL_UNIT_PRICE, COL_GROSS, COL_FREE, COL_NET})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: tuple[Line, ...] = ()
        self._texts: list[tuple[str, ...]] = []
        self._keys: list[tuple[str, str, str]] = []
        self._text_cache: dict[tuple[object, ...], tuple[str, ...]] = {}

    def show_breakdown(self, breakdown: Breakdown) -> None:
        """Show a new breakdown; with the same rows, only the cells whose text changed repaint."""
        lines = breakdown.lines
        keys = [(line.section, line.price_list, line.tier) for line in lines]
        texts = [self._row_texts(line) for line in lines]
        if keys != self._keys or not lines:
            self.beginResetModel()
            self._lines, self._keys, self._texts = lines, keys, texts
            self.endResetModel()
            return
        # A slider drag keeps the rows: announce changed cells only, so the view repaints those
        # (and keeps its selection and scroll position) instead of re-reading the whole table.
        old = self._texts
        self._lines, self._texts = lines, texts
        for row, (before, after) in enumerate(zip(old, texts, strict=True)):
            changed = [c for c, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
            if changed:
                self.dataChanged.emit(
                    self.index(row, changed[0]), self.index(row, changed[-1]), _DISPLAY_ONLY
                )

    def _row_texts(self, line: Line) -> tuple[str, ...]:
        # Most lines keep their figures while one slider moves: reuse their text.
        key = (
            line.section,
            line.price_list,
            line.tier,
            line.quantity,
            line.unit_price,
            line.gross,
            line.free_minutes,
            line.net,
            line.services,
        )
        texts = self._text_cache.get(key)
        if texts is None:
            texts = tuple(self._display(line, column) for column in range(len(self.HEADERS)))
            if len(self._text_cache) > 256:
                self._text_cache.clear()
            self._text_cache[key] = texts
        return texts

    def line(self, row: int) -> Line:
        return self._lines[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = roles.DISPLAY
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == roles.DISPLAY:
                return _(self.HEADERS[section])
            if role == roles.ALIGNMENT:
                return _RIGHT if section in self.NUMERIC else _LEFT
            if role == roles.TOOLTIP and section == self.COL_UNIT_PRICE:
                return _(
                    "Unit price: USD per 1,000 minutes (relay: per Mbps; value-added services: "
                    "as marked)"
                )
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = roles.DISPLAY) -> Any:
        # Called for every role of every painted cell: plain ints and cached text keep it cheap.
        row = index.row()
        if not 0 <= row < len(self._texts):
            return None
        if role == roles.DISPLAY:
            return self._texts[row][index.column()]
        if role == roles.ALIGNMENT:
            return _RIGHT if index.column() in self.NUMERIC else _LEFT
        if role == roles.VALUE:
            return self._value(self._lines[row], index.column())
        if role == roles.TOOLTIP and index.column() in (self.COL_SECTION, self.COL_SERVICE):
            return "\n".join(
                f"{service_name(u.service)}: {u.label or u.source}" for u in self._lines[row].usages
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
                return _("{rate} Mbps").format(rate=format_decimal(line.quantity))
            return format_int(int(line.minutes))
        if column == self.COL_UNIT_PRICE:
            if line.per == "Mbps":
                return _("{price} / Mbps").format(price=format_decimal(line.unit_price))
            if line.per == "minute":  # a value-added service the card prices per minute
                return _("{price} / min").format(price=format_decimal(line.unit_price))
            return format_decimal(line.unit_price)
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
