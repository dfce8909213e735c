"""User text as it may be displayed, without Qt: control characters made visible, markup escaped.

The widget side (labels, message boxes) is in :mod:`workshop_app.ui.plain`;
this half has no Qt import, so the painted audience content
(:mod:`workshop_app.ui.audience_content`) and the HTML summary use the very
same rules.
"""

from __future__ import annotations

import html
import re

#: C0 controls except tab and line feed, DEL and the C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NEWLINES = re.compile("\r\n?")


def _picture(match: re.Match) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control pictures: ␀ ␇ ␈ ␛ …
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # a C1 control has no picture of its own


def shown(text: object) -> str:
    """``text`` as it may be displayed: line breaks kept, other control characters made visible."""
    if text is None:
        return ""
    text = _NEWLINES.sub("\n", str(text))
    return _CONTROL.sub(_picture, text)


def escaped(text: object) -> str:
    """``text`` for a rich-text context (the summary, a tooltip): shown literally, never as markup."""
    return html.escape(shown(text), quote=True)


def plain_tooltip(text: object) -> str:
    """A tooltip that shows ``text`` literally (empty stays empty: no tooltip).

    Qt shows a tooltip as rich text when it looks like markup
    (``Qt::mightBeRichText``); escaping the text and wrapping it in a paragraph
    makes Qt always take it as rich text whose content is exactly the
    characters given, line breaks included.
    """
    if text is None or text == "":
        return ""
    return "<p style='white-space:pre-wrap'>" + escaped(text) + "</p>"
