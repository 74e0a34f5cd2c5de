"""Item-data roles as plain ints, shared by the table models (compared on every data() call)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole.value
EDIT = Qt.ItemDataRole.EditRole.value
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
VALUE = (
    Qt.ItemDataRole.UserRole.value
)  # the Decimal (or code) behind a cell, for sorting and export
