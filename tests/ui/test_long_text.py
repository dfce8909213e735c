"""A pasted wall of text must not stall the projector view or the minutes."""

from __future__ import annotations

from workshop_app.export.pdf_layout import _clip
from workshop_app.ui.projector.entry_list import wrap


class CountingMetrics:
    """Monospace metrics (7 px a character) that count how often they are asked."""

    def __init__(self):
        self.calls = 0

    def horizontalAdvance(self, text: str) -> int:
        self.calls += 1
        return 7 * len(text)

    def elidedText(self, text: str, mode, width: int) -> str:
        self.calls += 1
        return text[: max(0, width // 7 - 1)] + "…"


def test_a_huge_word_wraps_into_the_allowed_lines_with_few_measurements():
    fm = CountingMetrics()
    lines = wrap(fm, "x" * 20000 + " end", 400, 2)
    assert len(lines) == 2
    assert all(fm.horizontalAdvance(line) <= 400 for line in lines)
    assert lines[-1].endswith("…")
    assert fm.calls < 200  # cutting one character per measurement took ~20,000 per line


def test_normal_text_still_wraps_at_words_and_hyphens():
    fm = CountingMetrics()
    assert wrap(fm, "Content-Marketing-Managerin plans the launch", 140, 3) == [
        "Content-Marketing-", "Managerin plans the", "launch"]


class CountingCanvas:
    def __init__(self):
        self.calls = 0

    def stringWidth(self, text: str, font: str, size: float) -> float:
        self.calls += 1
        return 5.0 * len(text)


def test_page_header_clips_a_huge_title_with_few_measurements():
    canvas = CountingCanvas()
    clipped = _clip(canvas, "T" * 20000, "DejaVuSans", 9, 300)
    assert clipped.endswith("…") and canvas.stringWidth(clipped, "", 0) <= 300
    assert len(clipped) == 60
    assert canvas.calls < 40
