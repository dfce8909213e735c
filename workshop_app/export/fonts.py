"""The fonts of the PDF minutes: DejaVu Sans, embedded, from matplotlib's own copy.

reportlab's base-14 fonts (Helvetica, Times, …) are neither embedded nor able
to print ``ł``, ``ğ`` or ``→``; DejaVu Sans covers Latin, Greek, Cyrillic,
arrows, many symbols and the emoticons block. It ships with matplotlib, so
no extra dependency is needed. Everything here imports reportlab lazily.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}


def font_dir() -> Path:
    """matplotlib's folder of bundled TrueType fonts."""
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register DejaVu Sans (regular, bold, oblique, bold oblique) once; return the family name.

    After this, ``<b>`` and ``<i>`` in Paragraph markup pick the right face.
    """
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = font_dir()
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
    for name, bold, italic in ((REGULAR, 0, 0), (BOLD, 1, 0), (ITALIC, 0, 1), (BOLD_ITALIC, 1, 1)):
        addMapping(name, bold, italic, name)
    _fix_to_unicode_cmap()
    return REGULAR


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """A ToUnicode CMap that also maps characters outside the BMP (emoji) correctly.

    reportlab writes such code points as five hex digits, which PDF readers
    reject; the PDF standard wants the UTF-16BE form (a surrogate pair).
    """
    def utf16_hex(code: int) -> str:
        return "".join(f"{unit:04X}" for unit in _utf16_units(code))

    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{utf16_hex(v)}>" for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


def _utf16_units(code: int) -> tuple[int, ...]:
    if code <= 0xFFFF:
        return (code,)
    code -= 0x10000
    return (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF))


def _fix_to_unicode_cmap() -> None:
    """Install :func:`_to_unicode_cmap` in reportlab (same output for every BMP character)."""
    from reportlab.pdfbase import ttfonts

    if getattr(ttfonts.makeToUnicodeCMap, "__name__", "") != _to_unicode_cmap.__name__:
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
