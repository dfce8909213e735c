"""Reading and writing ``.workshop.json`` files (DESIGN §5).

Loading never raises anything but :class:`LoadError`, which carries every
problem found as a plain sentence with its location, and never writes.
Saving is atomic: a failed save leaves the previous file as it was.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from workshop_app.i18n import N_, _
from workshop_app.model.problems import Problem
from workshop_app.model.references import integrity_problems
from workshop_app.model.workshop import SCHEMA_VERSION, Workshop
from workshop_app.store.disk import DiskStamp, FileTooLarge, NotARegularFile, read_regular
from workshop_app.store.messages import NOT_A_WORKSHOP, problems_from
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
    from workshop_app.store.saving import save_file  # saving builds on this module: imported when used

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


#: What a byte order mark says about the text after it; UTF-32 first, as its little-endian mark
#: begins with UTF-16's.
BYTE_ORDER_MARKS = (
    (b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"),
)
TOO_LARGE = N_("the number is far too large for a workshop file")
BROKEN_NAME = N_("holds a field name with a broken character (an unpaired UTF-16 surrogate), "
                 "probably from a damaged copy and paste")


def _not_a_workshop(detail: str, location: str = "") -> LoadError:
    return LoadError([Problem.of("", NOT_A_WORKSHOP).translated(_), Problem(location, detail)])


def _wide_encoding(data: bytes) -> str | None:
    """"UTF-32" or "UTF-16" when ``data`` is JSON in one of them (with or without a byte order mark)."""
    for mark, name in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return name
    # without a mark: how JSON's first character looks in them (as json.detect_encoding reads it)
    head, opening = data[:4], b"{[ \t\r\n"
    if len(head) == 4 and ((head[0] in opening and head[1:] == b"\0\0\0")
                           or (head[3] in opening and head[:3] == b"\0\0\0")):
        return "UTF-32"
    if len(head) >= 2 and ((head[0] in opening and head[1] == 0) or (head[1] in opening and head[0] == 0)):
        return "UTF-16"
    return None


class _HugeNumber:
    """Stands for a number far too large to read: no field accepts it, and it keeps its place
    so the problem names where it is."""

    def __repr__(self) -> str:
        return "<a number far too large>"


def _read_int(digits: str) -> int | _HugeNumber:
    try:
        return int(digits)
    except ValueError:  # more digits than Python reads (sys.get_int_max_str_digits)
        return _HugeNumber()


class _Objects:
    """The hooks of the loader: build each object noting repeated field names, read numbers noting huge ones."""

    def __init__(self):
        self.repeated: dict[int, list[str]] = {}  # id(object) → names given more than once
        self.huge = False

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict:
        obj = dict(pairs)
        if len(obj) != len(pairs):
            counts = Counter(k for k, _v in pairs)
            self.repeated[id(obj)] = [k for k in dict.fromkeys(k for k, _v in pairs) if counts[k] > 1]
        return obj

    def read_int(self, digits: str) -> int | _HugeNumber:
        number = _read_int(digits)
        if isinstance(number, _HugeNumber):
            self.huge = True
        return number

    @property
    def damaged(self) -> bool:
        return self.huge or bool(self.repeated)


def _decode(text: str, objects: _Objects) -> Any:
    """The JSON value of ``text``; numbers Python refuses to read (thousands of digits) are kept as markers.

    Python reads every number itself, which is fastest; only when it refuses one
    is the text read again with a reader that marks where the number was.
    """
    try:
        return json.loads(text, object_pairs_hook=objects)
    except json.JSONDecodeError:
        raise
    except ValueError:  # "Exceeds the limit (4300 digits) for integer string conversion"
        objects.repeated.clear()
        return json.loads(text, object_pairs_hook=objects, parse_int=objects.read_int)


def _object_lines(text: str) -> dict[str, int]:
    """Path → line on which that object begins; read again only when a file repeats a name.

    Python's fast JSON reader does not tell where an object starts; its plain
    Python twin does, through ``parse_object``.
    """
    import bisect
    import json.decoder
    import json.scanner

    newlines = [i for i, c in enumerate(text) if c == "\n"]
    starts: dict[int, int] = {}

    def parse_object(s_and_end, *args):
        obj, end = json.decoder.JSONObject(s_and_end, *args)
        starts[id(obj)] = bisect.bisect_left(newlines, s_and_end[1]) + 1
        return obj, end

    decoder = json.JSONDecoder(object_pairs_hook=dict, parse_int=_read_int)
    # The pure-Python scanner calls the decoder's parse_object, so the hook sees where each object starts.
    decoder.parse_object = parse_object  # type: ignore[attr-defined]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    try:
        tree = decoder.decode(text)
    except (ValueError, RecursionError):
        return {}
    return {path: starts[id(node)] for path, node in _nodes(tree) if isinstance(node, dict) and id(node) in starts}


def _nodes(node: Any, path: str = ""):
    """Every (path, value) in a JSON tree, paths written as problems write them (``elements[3].title``)."""
    stack = [(path, node)]
    while stack:
        path, node = stack.pop()
        yield path, node
        if isinstance(node, dict):
            stack.extend((f"{path}.{k}" if path else str(k), v) for k, v in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((f"{path}[{i}]", v) for i, v in reversed(list(enumerate(node))))


def _damage(raw: Any, text: str, objects: _Objects, broken_names: bool) -> tuple[list[Problem], set[str]]:
    """Problems of the JSON itself that the model cannot see: repeated names, huge numbers, broken names.

    Also returns the locations whose own validation problems these replace.
    """
    problems: list[Problem] = []
    replaced: set[str] = set()
    if not (objects.damaged or broken_names):
        return problems, replaced
    lines = _object_lines(text) if objects.repeated else {}
    for path, node in _nodes(raw):
        if isinstance(node, _HugeNumber):
            problems.append(Problem(path, _(TOO_LARGE)))
            replaced.add(path)
        elif isinstance(node, dict):
            for key in objects.repeated.get(id(node), ()):
                if path in lines:
                    message = _("the field '{key}' is given twice (in the object that begins on line {line}); "
                                "remove one of them").format(key=key, line=lines[path])
                else:
                    message = _("the field '{key}' is given twice; remove one of them").format(key=key)
                problems.append(Problem(path, message))
            if broken_names and any(isinstance(k, str) and not _encodable(k) for k in node):
                problems.append(Problem(path, _(BROKEN_NAME)))
                replaced.add(path)
    return problems, replaced


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def parse_bytes(data: bytes, allow_newer: bool = False) -> Workshop:
    """Validate file content into a document, or raise LoadError with every problem."""
    if not data.strip():
        raise LoadError([Problem("", _("the file is empty"))])
    wide = _wide_encoding(data)
    if wide:
        raise LoadError([Problem("", _("the file is {encoding} text; workshop files are UTF-8").format(
            encoding=wide))])
    if b"\x00" in data[:4096]:
        raise _not_a_workshop(_("it holds binary data, not text"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if not data.lstrip().startswith(b"{"):
            raise _not_a_workshop(_("it is not UTF-8 text")) from None
        raise LoadError([Problem("", _("the file is not UTF-8 text (bad byte at position {position})").format(
            position=exc.start))]) from None
    objects = _Objects()
    try:
        raw = _decode(text, objects)
    except json.JSONDecodeError as exc:
        if not text.lstrip().startswith("{"):  # every workshop file starts with "{"; this is another kind of text
            raise _not_a_workshop(_("it holds no JSON object (a workshop file begins with '{')")) from None
        what = exc.msg.removesuffix(" at")  # "Unterminated string starting at" + position
        what = _(JSON_ERRORS[what]) if what in JSON_ERRORS else what  # Python's own words, in the UI language
        raise LoadError([Problem("", _("this is not valid JSON: {what} at line {line}, column {column}").format(
            what=what, line=exc.lineno, column=exc.colno))]) from None
    except RecursionError:
        raise LoadError([Problem("", _("the JSON is nested too deeply to be a workshop file"))]) from None
    except ValueError:  # a number Python refuses to read (too many digits for its limit)
        raise LoadError([Problem("", _(TOO_LARGE))]) from None
    return _parse(raw, allow_newer, lambda broken: _damage(raw, text, objects, broken))


def parse_raw(raw: Any, allow_newer: bool = False) -> Workshop:
    """Validate an already decoded JSON value (a recovery file's workshop) into a document."""
    return _parse(raw, allow_newer, lambda broken: _damage(raw, "", _Objects(), broken))


def _parse(raw: Any, allow_newer: bool, damage: Callable[[bool], tuple[list[Problem], set[str]]]) -> Workshop:
    """Validate ``raw``; ``damage(broken_names)`` finds what the JSON itself got wrong (see :func:`_damage`)."""
    if not isinstance(raw, dict):
        what = _("a list") if isinstance(raw, list) else _("a single value")
        raise _not_a_workshop(_("the file must hold one JSON object (a workshop); it holds {what}").format(what=what))
    raw = dict(raw)
    if "format" not in raw and "schema_version" not in raw:
        raise _not_a_workshop(_("it holds JSON, but neither 'format' nor 'schema_version', which every "
                                "workshop file has"))
    fmt = raw.pop("format", FORMAT_NAME)
    if fmt != FORMAT_NAME:
        raise _not_a_workshop(_("must be '{name}'").format(name=FORMAT_NAME), "format")
    version = raw.pop("schema_version", None)
    if isinstance(version, _HugeNumber):
        raise LoadError([Problem("schema_version", _(TOO_LARGE))])
    if isinstance(version, bool) or not isinstance(version, int):
        raise LoadError([Problem("schema_version", _("is required and must be a whole number"))])
    if version > SCHEMA_VERSION and allow_newer:
        try:
            return _parse({**raw, "schema_version": SCHEMA_VERSION}, False, damage)
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
        errors = exc.errors(include_url=False)
        found, replaced = damage(any(e["type"] == "string_unicode" for e in errors))
        rest = [p for p in problems_from(exc) if p.location not in replaced]
        raise LoadError(found + rest) from None
    except RecursionError:
        raise LoadError([Problem("", _("the JSON is nested too deeply to be a workshop file"))]) from None
    found, _replaced = damage(False)
    if found:
        raise LoadError(found)
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
