"""Reading and writing ``.workshop.json`` files (DESIGN §5).

Loading never raises anything but :class:`LoadError`, which carries every
problem found as a plain sentence with its location, and never writes.
Saving is atomic: a failed save leaves the previous file as it was.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from workshop_app.i18n import N_, _
from workshop_app.model.problems import Problem
from workshop_app.model.references import integrity_problems
from workshop_app.model.workshop import SCHEMA_VERSION, Workshop
from workshop_app.store.disk import DiskStamp, FileTooLarge, NotARegularFile, read_regular
from workshop_app.store.messages import problems_from
from workshop_app.store.migrations import OLDEST_READABLE, MigrationError, migrate

SUFFIX = ".workshop.json"
FORMAT_NAME = "tandem-workshop"
#: A real workshop is well under a megabyte; anything far above is not one.
MAX_FILE_BYTES = 64 * 1024 * 1024


#: What Python's json module says about broken JSON (the position is added separately).
JSON_ERRORS = {
    "Expecting value": N_("a value is missing"),
    "Expecting ',' delimiter": N_("a comma is missing"),
    "Expecting ':' delimiter": N_("a colon is missing"),
    "Expecting property name enclosed in double quotes": N_("a name in double quotes is missing"),
    "Unterminated string starting": N_("a text is not closed by a double quote"),
    "Extra data": N_("there is more after the end of the workshop"),
    "Invalid \\uXXXX escape": N_("a \\u escape is broken"),
}


class LoadError(Exception):
    """A file could not be opened as a workshop; ``problems`` says why."""

    def __init__(self, problems: list[Problem], newer_version: int | None = None):
        self.problems = problems
        self.newer_version = newer_version
        super().__init__("\n".join(str(p) for p in problems))


def to_json_bytes(doc: Workshop) -> bytes:
    """The file content for ``doc``: stable key order, readable, UTF-8."""
    data = {"format": FORMAT_NAME, "schema_version": SCHEMA_VERSION}
    data.update(doc.model_dump(mode="json"))
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def save_workshop(doc: Workshop, path: str | os.PathLike, keep_backup: bool = False):
    """Write ``doc`` atomically (see :func:`workshop_app.store.saving.save_file` for the checks)."""
    from workshop_app.store.saving import save_file

    return save_file(doc, path, keep_backup=keep_backup)


def read_with_stamp(path: str | os.PathLike) -> tuple[bytes, DiskStamp]:
    """The file's bytes and stamp; LoadError for a missing, unreadable, special or oversized file."""
    p = Path(path)
    try:
        data, stamp = read_regular(p, MAX_FILE_BYTES)
    except NotARegularFile as exc:
        raise LoadError([Problem("", str(exc))]) from None
    except FileTooLarge as exc:
        raise LoadError([Problem("", _("the file is {size} MB; a workshop file is at most {limit} MB").format(
            size=exc.size // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024)))]) from None
    except FileNotFoundError:
        raise LoadError([Problem("", _("'{path}' does not exist").format(path=p))]) from None
    except PermissionError:
        raise LoadError([Problem("", _("'{path}' cannot be read: permission denied").format(path=p))]) from None
    except OSError as exc:
        raise LoadError([Problem("", _("'{path}' cannot be read: {reason}").format(path=p, reason=exc.strerror or exc))]) from None
    return data, stamp


def read_bytes(path: str | os.PathLike) -> bytes:
    return read_with_stamp(path)[0]


def parse_bytes(data: bytes, allow_newer: bool = False) -> Workshop:
    """Validate file content into a document, or raise LoadError with every problem."""
    if not data.strip():
        raise LoadError([Problem("", _("the file is empty"))])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError([Problem("", _("the file is UTF-16 text; workshop files are UTF-8"))])
    if b"\x00" in data[:4096]:
        raise LoadError([Problem("", _("this is not a workshop file (it holds binary data)"))])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError([Problem("", _("the file is not UTF-8 text (bad byte at position {position})").format(
            position=exc.start))]) from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        what = exc.msg.removesuffix(" at")  # "Unterminated string starting at" + position
        what = _(JSON_ERRORS[what]) if what in JSON_ERRORS else what  # Python's own words, in the UI language
        raise LoadError([Problem("", _("this is not valid JSON: {what} at line {line}, column {column}").format(
            what=what, line=exc.lineno, column=exc.colno))]) from None
    except RecursionError:
        raise LoadError([Problem("", _("the JSON is nested too deeply to be a workshop file"))]) from None
    return parse_raw(raw, allow_newer)


def parse_raw(raw: Any, allow_newer: bool = False) -> Workshop:
    if not isinstance(raw, dict):
        raise LoadError([Problem("", _("the file must hold one JSON object (a workshop)"))])
    raw = dict(raw)
    fmt = raw.pop("format", FORMAT_NAME)
    if fmt != FORMAT_NAME:
        raise LoadError([Problem("format", _("must be '{name}'").format(name=FORMAT_NAME))])
    version = raw.pop("schema_version", None)
    if isinstance(version, bool) or not isinstance(version, int):
        raise LoadError([Problem("schema_version", _("is required and must be a whole number"))])
    if version > SCHEMA_VERSION and allow_newer:
        try:
            return parse_raw({**raw, "schema_version": SCHEMA_VERSION})
        except LoadError as exc:
            raise LoadError(
                [Problem("schema_version", _("the file was written for schema version {version} and uses "
                                             "features this Tandem (version {known}) does not know").format(
                                                 version=version, known=SCHEMA_VERSION)), *exc.problems],
                newer_version=version,
            ) from None
    if version > SCHEMA_VERSION:
        raise LoadError(
            [Problem("schema_version", _("the file was written for schema version {version}; this Tandem reads "
                                         "up to version {known}. Please update Tandem.").format(
                                             version=version, known=SCHEMA_VERSION))],
            newer_version=version,
        )
    if version < OLDEST_READABLE:
        raise LoadError([Problem("schema_version", _("version {version} is not a Tandem schema version").format(
            version=version))])
    try:
        raw = migrate(raw, version, SCHEMA_VERSION)
    except MigrationError as exc:
        raise LoadError([Problem("schema_version", str(exc))]) from None
    except Exception as exc:  # a migration met data it did not expect
        raise LoadError([Problem("", _("the file could not be upgraded from version {version}: {reason}").format(
            version=version, reason=exc))]) from None
    try:
        doc = Workshop.model_validate(raw)
    except ValidationError as exc:
        raise LoadError(problems_from(exc)) from None
    except RecursionError:
        raise LoadError([Problem("", _("the JSON is nested too deeply to be a workshop file"))]) from None
    problems = [p.translated(_) for p in integrity_problems(doc)]
    if problems:
        raise LoadError(problems)
    return doc


def load_workshop(path: str | os.PathLike, allow_newer: bool = False) -> Workshop:
    """Read and validate a workshop file; raises LoadError and nothing else.

    ``allow_newer`` reads a file of a newer schema version as far as this
    version understands it — for showing it read-only, never for saving back.
    """
    return open_workshop(path, allow_newer)[0]


def open_workshop(path: str | os.PathLike, allow_newer: bool = False) -> tuple[Workshop, DiskStamp]:
    """:func:`load_workshop` and the stamp of the bytes it read (to notice later changes on disk)."""
    try:
        data, stamp = read_with_stamp(path)
        return parse_bytes(data, allow_newer), stamp
    except LoadError:
        raise
    except Exception as exc:  # last line of defence: never a traceback for the user
        raise LoadError([Problem("", _("the file could not be read: {reason}").format(reason=exc))]) from None
