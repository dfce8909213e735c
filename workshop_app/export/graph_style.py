"""The visual vocabulary shared by the graph picture, the horizon chart and the live canvas.

Colours are the Okabe–Ito palette, safe for the common colour-vision
deficiencies: Marketing blue, Sales orange, joint bluish green, conflicts
vermillion. Because vermillion and orange are close for some viewers, a
conflict is never shown by colour alone: conflicting nodes get a thick ring
and a "!" badge, conflicting links a heavier line and an "×" at their middle.

User text is data, never markup: every label made from it goes through
:func:`plain_text`, which switches matplotlib's mathtext and TeX off, so a
title such as ``$x$`` is shown literally, and through :func:`wrap_label`,
which removes control characters (an SVG with one is not well-formed XML)
and wraps only as much of a long text as the label can show.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any

from workshop_app import palette
from workshop_app.export.safe_text import ELLIPSIS, clean
from workshop_app.vocabulary import Translator

SIDE_COLOURS = dict(palette.SIDE_FILLS)
MARKETING, SALES, JOINT = SIDE_COLOURS["marketing"], SIDE_COLOURS["sales"], SIDE_COLOURS["joint"]
CONFLICT = palette.CONFLICT
INK = "#222222"
EDGE_INK = "#555555"

#: node class → (matplotlib marker, size factor); a node class is the kind, or the goal level
NODE_SHAPES: dict[str, tuple[str, float]] = {
    "strategy": ("h", 1.25),
    "shared": ("o", 1.15),
    "department": ("o", 0.95),
    "team": ("o", 0.75),
    "incentive": ("D", 0.8),
    "budget": ("s", 0.85),
    "channel": (">", 0.85),
    "insight": ("p", 0.85),
    "belief": ("*", 1.0),
    "agreement": ("P", 0.95),  # a plus: what the sides promise each other (SLA, definition, rule)
}

#: link kind → (dash pattern, arrowhead?)
EDGE_STYLES: dict[str, tuple[Any, bool]] = {
    "contributes_to": ("solid", True),
    "depends_on": ((0, (8, 2, 2, 2)), True),
    "rewards": ((0, (5, 2.5)), True),
    "funds": ((0, (1.2, 2)), True),
    "conflicts_with": ("solid", False),
    "pools": ((0, (6, 1.5, 1.2, 1.5, 1.2, 1.5)), True),  # dash-dot-dot: money into a pot (funds is dotted)
    "replaces": ((0, (11, 3)), True),  # long dashes: the agreed channel → the one of today it replaces
}


def node_class(kind: str, level: str | None) -> str:
    return level if kind == "goal" and level else kind


def plain_text(**kwargs: Any) -> dict[str, Any]:
    """Text properties that show user text literally (no mathtext, no TeX)."""
    return {"parse_math": False, "usetex": False, **kwargs}


#: How much wider than its slot a label may grow to keep a long word whole.
OVERFLOW = 1.15


def _parts(word: str) -> list[str]:
    """A word split after its own hyphens ("Energy-retrofit" → "Energy-", "retrofit")."""
    return [part for part in re.split(r"(?<=-)(?=.)", word) if part]


def _split_long(word: str, width: int) -> list[str]:
    """A word longer than a line is kept whole (a hyphen that is not in the title would break it
    mid-syllable: "Markenbekannt-heit"); only a word far too long for any label is cut, with "…"."""
    limit = max(width * 3, 24)
    return [word] if len(word) <= limit else [word[: limit - 1] + ELLIPSIS]


def _head(text: str, width: int, max_lines: int) -> tuple[str, bool]:
    """The cleaned beginning of ``text`` that can fill ``max_lines`` lines, and whether more was left out.

    Only this much is wrapped, so a label costs the same for a 5 MB title as for a short one.
    """
    budget = (max(width, 4) * 2 + 2) * (max_lines + 1)
    if len(text) <= budget:
        return clean(text), False
    return clean(text[:budget]), not text[budget:].isspace()


def wrap_label(text: str, width: int, max_lines: int = 3) -> str:
    """Wrap to ``width`` characters on at most ``max_lines`` lines, ending in … when cut.

    The text is cleaned first (no control characters: an SVG must stay well-formed XML).
    """
    width = max(width, 4)
    head, cut = _head(text, width, max_lines)
    words = [piece for word in head.split() for piece in _split_long(word, width)]
    lines = textwrap.wrap(" ".join(words), width=width, break_long_words=False, break_on_hyphens=True)
    if len(lines) > max_lines or (cut and lines):
        lines = lines[:max_lines]
        last = lines[-1]
        lines[-1] = (last[: max(width - 1, 1)].rstrip() if len(last) >= width else last.rstrip()) + ELLIPSIS
    return "\n".join(lines)


def fit_label(text: str, width: int, font: float, max_lines: int = 3, min_scale: float = 0.75) -> tuple[str, float]:
    """(wrapped text, font size): a label whose longest word is wider than a line gets a smaller
    font, so German compounds such as "Markenbekanntheit" stay whole; below ``min_scale`` the
    line may overflow by ``OVERFLOW``; the word is never broken where the title has no hyphen."""
    head, _ = _head(text, int(max(width, 4) / min_scale * OVERFLOW) + 1, max_lines)
    longest = max((len(part) for word in head.split() for part in _parts(word)), default=0)
    if longest > width:
        scale = max(width / longest, min_scale)
        font, width = font * scale, int(width / scale)
        if width < longest <= width * OVERFLOW:
            width = longest
    return wrap_label(text, width, max_lines), font


def node_class_label(tr: Translator, cls: str) -> str:
    return {
        "strategy": tr("Company strategy"), "shared": tr("Shared goal"), "department": tr("Department goal"),
        "team": tr("Team goal"), "incentive": tr("Incentive"), "budget": tr("Budget"), "channel": tr("Channel"),
        "insight": tr("Customer insight"), "belief": tr("Belief"), "agreement": tr("Agreement"),
    }[cls]


def link_label(tr: Translator, kind: str) -> str:
    return {
        "contributes_to": tr("contributes to"), "depends_on": tr("depends on"), "rewards": tr("rewards"),
        "funds": tr("funds"), "conflicts_with": tr("conflicts with"), "pools": tr("goes into"),
        "replaces": tr("replaces"),
    }[kind]


def band_label(tr: Translator, band: str) -> str:
    return {
        "strategy": tr("Strategy"), "shared": tr("Shared goals"), "department": tr("Department goals"),
        "team": tr("Team goals"), "levers": tr("Incentives & budgets"), "channels": tr("Channels & agreements"),
    }[band]
