"""The look: Fusion with a calm light palette, large readable type, one style sheet.

Sizes in the style sheet are computed from the current base point size, so
View → Zoom scales headings and body text alike (DESIGN §6: the room reads
from several metres away).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

INK = "#1E2933"
MUTED = "#5F6B73"
PAGE = "#EEF1F4"
CARD = "#FFFFFF"
LINE = "#D5DAE0"
ACCENT = "#0B6E99"
NAV_BG = "#1F2A36"
NAV_SELECTED = "#31475C"
NAV_MARK = "#56B4E9"

#: Timebox colours: plenty of time, near the end (≤ 20 %), almost over (≤ 5 %) or over.
TIME_OK = "#1E2933"
TIME_WARN = "#B86E00"
TIME_ALERT = "#C23B00"

DEFAULT_POINT_SIZE = 11.0
ZOOM_STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0, 2.4)


def apply_palette(app: QApplication) -> None:
    app.setStyle("Fusion")
    pal = QPalette()
    pal.setColor(QPalette.ColorRole.Window, QColor(PAGE))
    pal.setColor(QPalette.ColorRole.WindowText, QColor(INK))
    pal.setColor(QPalette.ColorRole.Base, QColor(CARD))
    pal.setColor(QPalette.ColorRole.AlternateBase, QColor("#F6F8FA"))
    pal.setColor(QPalette.ColorRole.Text, QColor(INK))
    pal.setColor(QPalette.ColorRole.Button, QColor("#F7F8FA"))
    pal.setColor(QPalette.ColorRole.ButtonText, QColor(INK))
    pal.setColor(QPalette.ColorRole.Highlight, QColor("#CFE6F5"))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor(INK))
    pal.setColor(QPalette.ColorRole.ToolTipBase, QColor("#FFFFF0"))
    pal.setColor(QPalette.ColorRole.ToolTipText, QColor(INK))
    pal.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8A949C"))
    pal.setColor(QPalette.ColorRole.Link, QColor(ACCENT))
    app.setPalette(pal)


def base_font(point_size: float) -> QFont:
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(point_size)
    return font


def style_sheet(pt: float) -> str:
    """The window's style sheet for a base size of ``pt`` points."""

    def size(factor: float) -> str:
        return f"{pt * factor:.1f}pt"

    return f"""
QMainWindow, QWidget#central {{ background: {PAGE}; }}
QFrame[role="card"] {{ background: {CARD}; border: 1px solid {LINE}; border-radius: 6px; }}
QFrame[role="card"] QLabel {{ background: transparent; }}
QFrame#header {{ background: {CARD}; border-bottom: 1px solid {LINE}; }}
QLabel[role="h1"] {{ font-size: {size(1.85)}; font-weight: 600; color: {INK}; }}
QLabel[role="h2"] {{ font-size: {size(1.2)}; font-weight: 600; color: {INK}; }}
QLabel[role="h3"] {{ font-weight: 600; color: {INK}; }}
QLabel[role="hint"] {{ color: {MUTED}; }}
QLabel[role="big"] {{ font-size: {size(2.2)}; font-weight: 600; color: {INK}; }}
QLabel[role="clock"] {{ font-size: {size(2.1)}; font-weight: 600; font-family: "DejaVu Sans Mono"; }}
QListWidget#navigator {{ background: {NAV_BG}; color: #E8EEF3; border: none; outline: 0; }}
QTableView, QTreeView, QListView {{ border: 1px solid {LINE}; border-radius: 4px; gridline-color: #E6E9ED;
    selection-background-color: #CFE6F5; selection-color: {INK}; }}
QTableView::item, QTreeView::item {{ padding: 2px 4px; }}
/* bold on the header, not its sections: Qt elides a heading with the widget's font,
   so a bold section font would be cut off without its "…" */
QHeaderView::section {{ background: #F3F5F7; color: {MUTED}; border: none; border-bottom: 1px solid {LINE};
    padding: 4px 6px; }}
QHeaderView {{ font-weight: 600; }}
QLineEdit, QPlainTextEdit, QComboBox {{ border: 1px solid #C5CCD3; border-radius: 4px; padding: 3px 6px;
    background: {CARD}; }}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus {{ border: 2px solid {ACCENT}; padding: 2px 5px; }}
QLineEdit:disabled, QPlainTextEdit:disabled, QComboBox:disabled {{ background: #F3F5F7; color: #8A949C; }}
QLineEdit:read-only, QPlainTextEdit[readOnly="true"] {{ background: #F3F5F7; border-style: dashed; }}
QFrame#message_bar {{ border: 1px solid #D9B44A; border-radius: 4px; background: #FFF6D6; }}
QFrame#message_bar[kind="info"] {{ border-color: #8DB8D9; background: #EAF3FA; }}
QFrame#message_bar QLabel {{ background: transparent; color: {INK}; }}
QPushButton {{ border: 1px solid #B9C2CA; border-radius: 4px; padding: 4px 12px; background: #F7F8FA; }}
QPushButton:hover {{ background: #EAF3FA; }}
QPushButton:focus {{ border: 2px solid {ACCENT}; padding: 3px 11px; }}
QPushButton[role="primary"] {{ background: {ACCENT}; color: white; border-color: {ACCENT}; }}
QPushButton:disabled {{ color: #9AA3AA; }}
QTabBar::tab {{ padding: 6px 12px; margin-right: 2px; border: 1px solid {LINE}; border-bottom: none;
    border-top-left-radius: 5px; border-top-right-radius: 5px; background: #E4E8EC; color: {MUTED}; }}
QTabBar::tab:selected {{ background: {CARD}; color: {INK}; font-weight: 600; border-top: 3px solid {ACCENT}; }}
QTabBar::tab:focus {{ text-decoration: underline; }}
QStatusBar {{ background: {CARD}; border-top: 1px solid {LINE}; }}
QProgressBar {{ border: none; background: #E4E8EC; border-radius: 3px; max-height: 6px; }}
QProgressBar::chunk {{ border-radius: 3px; }}
QSplitter::handle {{ background: transparent; }}
QScrollArea {{ border: none; background: transparent; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
"""
