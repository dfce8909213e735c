"""Text for the minutes: user text made safe for Paragraph markup.

Names, dates and numbers come from the product's one translator
(:class:`workshop_app.vocabulary.Translator`), shared with the UI and the analysis.

User text is data, never markup: :func:`esc` escapes ``<``, ``>`` and ``&``,
turns line breaks into ``<br/>`` and removes what the XML parser of reportlab
would choke on (control characters, non-characters, lone surrogates; see
:mod:`workshop_app.export.safe_text`). Nothing here imports reportlab.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from workshop_app.export.safe_text import clean

_NEWLINE = re.compile(r"\r\n|\r|\n|\u2028|\u2029")

def esc(text: object) -> str:
    """User text as Paragraph markup that prints literally; line breaks become ``<br/>``."""
    return _NEWLINE.sub("<br/>", escape(clean(text).strip("\r\n")))


def esc_clean(text: str) -> str:
    """Text already cleaned (a run of the content model) as Paragraph markup that prints literally."""
    return _NEWLINE.sub("<br/>", escape(text))
