"""User text as it may be displayed: control characters made visible, markup escaped. A leaf, no Qt.

The widget side (labels, message boxes) is in :mod:`workshop_app.ui.widgets.plain`;
this half has no Qt import, so the painted audience content
(:mod:`workshop_app.ui.projector.audience_content`) and the HTML summary use the very
same rules.
"""

from __future__ import annotations

import html
import re

#: C0 controls except tab and line feed, DEL, the C1 controls, and lone UTF-16 surrogates
#: (which Qt would drop without a trace).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_NEWLINES = re.compile("\r\n?")


def _picture(match: re.Match) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control pictures: ␀ ␇ ␈ ␛ …
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # a C1 control or a broken character has no picture of its own


def shown(text: object) -> str:
    """``text`` as it may be displayed: line breaks kept, other control characters made visible."""
    if text is None:
        return ""
    text = _NEWLINES.sub("\n", str(text))
    return _CONTROL.sub(_picture, text)


def escaped(text: object) -> str:
    """``text`` for a rich-text context (the summary, a tooltip): shown literally, never as markup."""
    return html.escape(shown(text), quote=True)


def literal(text: object) -> str:
    """``text`` for a place where Qt guesses the format (tooltips, ``QMessageBox.warning`` and
    friends): whatever the guess, it shows exactly these characters.

    Qt takes such text as rich text when it looks like markup
    (``Qt::mightBeRichText``: a tag or ``&lt;`` on the first line). Text
    without ``<`` and ``&`` can never look like that and stays as it is; any
    other text is escaped and wrapped in a paragraph, which Qt always takes
    as rich text whose content is the characters given, line breaks included.
    """
    text = shown(text)
    if "<" not in text and "&" not in text:
        return text
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=True) + "</p>"


def menu_text(text: object) -> str:
    """``text`` inside a menu entry or button: visible controls, and ``&`` shown, not taken as a shortcut key."""
    return shown(text).replace("&", "&&")


def plain_tooltip(text: object) -> str:
    """A tooltip (widget, tree or list item, item model) that shows ``text`` literally; empty: none."""
    return literal(text)
