"""User text made safe for every export output: the PDF, SVG and PNG pictures, page furniture.

User text is data. Whatever a participant pasted — an escape sequence from a
terminal, a NUL from a broken file, a byte-order mark, a non-character — must
neither break the output (an SVG with a control character is no longer
well-formed XML; reportlab's parser stops at some of them) nor change its
meaning. :func:`clean` removes what no output format may contain; everything
else stays as typed. :func:`shorten` bounds text that a fixed space can show
only a little of (a header line, a label), in time independent of its length.
Nothing here imports reportlab or matplotlib.
"""

from __future__ import annotations

import re

#: Characters no export may contain: C0 controls except tab, line feed and carriage return;
#: DEL and the C1 controls; the non-characters (U+FDD0–U+FDEF and the last two code points of
#: every plane, U+FFFE and U+FFFF among them). Lone surrogates are handled in :func:`clean`.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
    + "]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
ELLIPSIS = "…"


def clean(text: object) -> str:
    """Plain text safe for any output: no control characters or non-characters, lone surrogates
    as ``?``, tabs as four spaces. Linear in the length of ``text``."""
    s = "" if text is None else str(text)
    s = _SURROGATE.sub("?", s)
    return _FORBIDDEN.sub("", s.replace("\t", "    "))


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, ending in … when cut: a huge text costs no more
    than a short one wherever only its beginning can show."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + ELLIPSIS


def strip_forbidden(text: object) -> str:
    """Like :func:`clean`, but tabs stay tabs (a CSV cell keeps what was typed; see actions_csv)."""
    s = "" if text is None else str(text)
    return _FORBIDDEN.sub("", _SURROGATE.sub("?", s))
