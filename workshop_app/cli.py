"""The ``tandem`` command: the GUI and the headless sub-commands.

Headless sub-commands never import PySide6; matplotlib and reportlab load
only in the sub-commands that draw or print. Every failure a user can cause
ends in a plain message and an exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import textwrap
from collections import Counter
from datetime import date
from pathlib import Path

from workshop_app import __version__, i18n
from workshop_app.display_text import shown  # the same rules as the window for showing user text
from workshop_app.i18n import N_, _
from workshop_app.locale_format import format_date, format_number

EXIT_OK, EXIT_FAILED, EXIT_INVALID = 0, 1, 2
#: Sub-commands with a module of their own (``workshop_app.cli_<name>``): each offers
#: ``describe(parser)``, which adds its description and options, and ``run(args) -> int``.
#: They raise :class:`CliError` for a failure to report in one line, like the commands here.
COMMAND_MODULES: dict[str, str] = {
    "follow-up": "workshop_app.cli_follow_up",
    "room": "workshop_app.cli_room",
}
SUBCOMMANDS = ("demo", "check", "graph", "export", *COMMAND_MODULES)
#: ``tandem export --format`` choices (workshop_app.export.outputs.FORMATS, named here so the help needs no import).
EXPORT_FORMATS = ("pdf", "docx", "md", "csv", "ics")
#: ``tandem graph --page`` choices: paper size, and orientation when not portrait.
GRAPH_PAGES = ("A4", "A4-landscape", "A3", "A3-landscape")


class CliError(Exception):
    """A failure to report in one line (exit code 1)."""


class Unreadable(Exception):
    """The file named on the command line cannot be read at all (missing, a folder, no permission)."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


#: Characters JSON may carry unescaped that a terminal would still act on or cannot print:
#: DEL, the C1 controls (0x9b starts an escape sequence too) and lone surrogates.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\ud800-\udfff]")


def terminal_text(text: object, one_line: bool = False) -> str:
    """``text`` as the terminal may show it: control characters visible (ESC as ␛, as in the UI),
    lone surrogates (an undecodable file name, say) as ``\\udcff``; ``one_line`` shows line breaks as ␤."""
    raw = "" if text is None else str(text)
    text = shown(raw.encode("utf-8", "backslashreplace").decode("utf-8"))  # surrogates first: \udcff, not �
    return text.replace("\n", "\u2424") if one_line else text


def json_text(payload) -> str:
    """``payload`` as readable JSON (non-ASCII as it is) that a terminal shows without acting on it."""
    text = json.dumps(payload, ensure_ascii=False, indent=2)  # escapes the C0 controls itself
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def say(text: object = "", error: bool = False) -> None:
    """Print one line (or several) of output; every line of user text goes through here."""
    print(terminal_text(text), file=sys.stderr if error else sys.stdout)


#: argparse's own words (usage, errors, the -h help), in our catalogs so help and errors read German
#: too; argparse looks them up through its module-level ``_``, which :func:`_speak_argparse` points here.
ARGPARSE_TEXTS = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("show program's version number and exit"), N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"), N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"), N_("%(prog)s: error: %(message)s\n"),
    N_("expected one argument"), N_("invalid %(type)s value: %(value)r"), N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"), N_("ambiguous option: %(option)s could match %(matches)s"),
)


def _speak_argparse() -> None:
    """Let argparse's help and error texts go through Tandem's catalogs (the current language)."""
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]


def _asked_language(argv: list[str]) -> str | None:
    """The ``--lang`` on the command line, read before parsing so ``--help`` is already in it."""
    for n, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else (
            argv[n + 1] if arg == "--lang" and n + 1 < len(argv) else None)
        if value in i18n.LANGUAGES:
            return value
    return None


def _default_language() -> str:
    for var in ("TANDEM_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "de" if value.lower().startswith("de") else "en"
    return "en"


def _names_a_file(word: str) -> bool:
    """Whether a missing ``word`` is meant as a file (a folder in it, or a suffix), not a mistyped command."""
    return os.sep in word or "/" in word or bool(Path(word).suffix)


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        allow_abbrev=False,  # "--lan de" would be --lang to argparse but not to _asked_language
        prog="tandem",
        description=_("Tandem: moderate a joint Marketing and Sales workshop."),
        epilog=_(
            "headless commands:\n"
            "  tandem demo -o FILE          write the demo workshop to a file\n"
            "  tandem check FILE [--json]   validate a workshop file and summarise it\n"
            "  tandem graph FILE|--demo -o OUT.svg|OUT.png   draw the dependency graph\n"
            "  tandem export FILE|--demo [-o OUT] [--format pdf|docx|md|csv|ics]   write the minutes, actions\n"
            "  tandem follow-up OLD -o NEW   start a follow-up workshop from an earlier one\n"
            "  tandem room FILE --host ADDRESS [--port N]   serve the Room link page (never changes FILE)\n"
            "Run 'tandem COMMAND --help' for a command's options."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", help=_("workshop file to open (.workshop.json)"))
    parser.add_argument("--demo", action="store_true", help=_("open the built-in demo workshop"))
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help=_("language of the user interface"))
    parser.add_argument("--screenshots", metavar="DIR", help=_("render every phase page to DIR as PNG and exit"))
    parser.add_argument("--size", metavar="WxH", type=_window_size, default=(1600, 900),
                        help=_("window size of --screenshots, e.g. 1366x768 (default 1600x900)"))
    parser.add_argument("--debug", action="store_true", help=_("write more detail to the log file"))
    parser.add_argument("--version", action="version", version=f"tandem {__version__}")
    return parser


def _window_size(text: str) -> tuple[int, int]:
    """``1366x768`` → (1366, 768): the laptop or projector size a review wants the pages at."""
    width, sep, height = text.lower().replace("×", "x").partition("x")
    if not sep or not width.strip().isdigit() or not height.strip().isdigit() \
            or not (320 <= int(width) <= 7680 and 240 <= int(height) <= 4320):
        raise argparse.ArgumentTypeError(_("'{text}' is not a size such as 1366x768").format(text=text))
    return int(width), int(height)


def _lang_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help=what)


def _source_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("file", nargs="?", help=_("workshop file (.workshop.json)"))
    group.add_argument("--demo", action="store_true", help=_("use the built-in demo workshop"))


def _sub_parser(command: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"tandem {command}", allow_abbrev=False)  # --lang is read before parsing
    if command in COMMAND_MODULES:
        _command_module(command).describe(parser)
    elif command == "demo":
        parser.description = _("Write the built-in demo workshop to a file.")
        parser.add_argument("-o", "--output", required=True, help=_("file to write (.workshop.json)"))
        _lang_option(parser, _("language of the demo content (default: de)"))
        parser.add_argument("--follow-up", action="store_true",
                            help=_("the follow-up demo: the demo workshop three months later, reviewed"))
    elif command == "check":
        parser.description = _("Validate a workshop file and print a summary; exit 2 when it is not valid.")
        parser.add_argument("file", help=_("workshop file (.workshop.json)"))
        parser.add_argument("--json", action="store_true", help=_("print the result as JSON"))
        parser.add_argument("-e", "--explain", action="store_true", help=_("explain each conflict and its lever"))
        parser.add_argument("--scenario", metavar="NAME",
                            help=_("print which findings this what-if scenario would make vanish, appear or change"))
        _lang_option(parser, _("language of the messages"))
    elif command == "graph":
        parser.description = _("Draw the goal and incentive dependency graph as SVG or PNG.")
        _source_options(parser)
        parser.add_argument("-o", "--output", required=True, help=_("picture to write (.svg or .png)"))
        _lang_option(parser, _("language of the labels"))
        parser.add_argument("--page", choices=GRAPH_PAGES,
                            help=_("draw for this paper size, minus margins (default: as large as the graph needs;"
                                   " a subtree or conflict: the A4 orientation with the larger labels)"))
        part = parser.add_mutually_exclusive_group()
        part.add_argument("--goal", metavar="ID", help=_("only this goal's subtree (contributing goals, their "
                                                         "incentives and budgets)"))
        part.add_argument("--conflict", metavar="ID", help=_("only this conflict and the elements linked to it "
                                                             "(ids as in 'tandem check --json')"))
    elif command == "export":
        parser.description = _("Write the minutes of a workshop (PDF, Word, Markdown) and its action items "
                               "(CSV, calendar).")
        _source_options(parser)
        parser.add_argument("-f", "--format", action="append", choices=EXPORT_FORMATS, metavar="FORMAT",
                            help=_("pdf, docx, md, csv or ics; repeat it for several (default: the ending of "
                                   "--output, else pdf)"))
        parser.add_argument("-o", "--output", help=_("the file to write for one format; the folder to write into "
                                                     "for several (default: exports/<title>-<date>.pdf)"))
        _lang_option(parser, _("language of the minutes (default: the workshop's language)"))
        parser.add_argument("--final", action="store_true", help=_("final minutes, without the DRAFT watermark"))
    return parser


def _command_module(command: str):
    """The module of a sub-command listed in :data:`COMMAND_MODULES`, imported when it runs."""
    import importlib

    return importlib.import_module(COMMAND_MODULES[command])


def _read(file: str):
    """The document in ``file``: Unreadable when there is nothing to read, LoadError when it is no valid workshop."""
    from workshop_app.store import LoadError, parse_bytes
    from workshop_app.store.document_file import read_bytes

    try:
        data = read_bytes(file)
    except LoadError as exc:
        raise Unreadable(exc.problems) from None
    return parse_bytes(data)


def _load(file: str | None, demo: bool, lang: str):
    """The document named on the command line; Unreadable and LoadError propagate to the caller."""
    if demo:
        from workshop_app.store.demo import load_demo

        return load_demo(lang)
    return _read(file or "")


def _print_problems(file: str, problems, as_json: bool, readable: bool = True) -> None:
    """Why ``file`` was refused, each cause once: no header above a file that could not even be read,
    the verdict itself as the header above a file that is no workshop at all."""
    from workshop_app.store.messages import NOT_A_WORKSHOP

    if as_json:
        payload = {
            "file": file,
            "valid": False,
            "problems": [{"location": p.location, "message": p.message} for p in problems],
        }
        say(json_text(payload))
        return
    if not readable:
        for problem in problems:
            say(problem, error=True)
        return
    if problems and not problems[0].location and problems[0].template == NOT_A_WORKSHOP:
        say(f"{file}: {problems[0].message}", error=True)
        problems = problems[1:]
    else:
        say(_("{file}: not a valid workshop file").format(file=file), error=True)
    for problem in problems:
        say(f"  {problem}", error=True)


def _conflict_views(doc, lang: str) -> list:
    from workshop_app.analysis import conflict_views

    return conflict_views(doc, lang=lang)


def _analysis_summary(doc, views: list, lang: str) -> dict:
    """The rules (id, name, lever, counts), the counts of all conflicts and the thresholds in use."""
    from workshop_app.analysis import DEFAULTS, LEVERS, count_conflicts, rule_spec
    from workshop_app.analysis.rules import REGISTRY
    from workshop_app.vocabulary import Translator

    tr = Translator(lang)
    by_rule: dict[str, list] = {}
    for view in views:
        by_rule.setdefault(view.rule, []).append(view)
    rules = [{"id": spec.id, "name": tr(spec.name), "lever": spec.lever, "lever_name": tr(LEVERS[spec.lever]),
              "found": sum(1 for v in by_rule.get(spec.id, ()) if v.record is None or not v.resolved_by_change),
              "counts": count_conflicts(by_rule.get(spec.id, ())).as_dict()} for spec in REGISTRY.values()]
    levers = {}
    for view in views:
        spec = rule_spec(view.rule)
        levers[view.id] = (spec.lever, tr(LEVERS[spec.lever])) if spec else ("declared", tr("Declared by the room"))
    return {
        "counts": count_conflicts(views).as_dict(),
        "thresholds": {name: {"value": getattr(doc.analysis, name), "default": getattr(DEFAULTS, name)}
                       for name in type(doc.analysis).model_fields},
        "rules": rules,
        "levers": levers,
    }


def _summary(doc, lang: str) -> dict:
    kinds = Counter(el.kind for el in doc.elements)
    sides = Counter(p.side.value for p in doc.participants)
    links = Counter(link.kind.value for link in doc.links)
    titles = {el.id: el.title for el in doc.elements}
    views = _conflict_views(doc, lang)
    analysis = _analysis_summary(doc, views, lang)
    levers = analysis.pop("levers")
    conflicts = []
    for view in views:
        entry = view.as_dict()
        entry["element_titles"] = [titles.get(i, i) for i in view.element_ids]
        entry["lever_id"], entry["lever_name"] = levers[view.id]
        conflicts.append(entry)
    return {
        "title": doc.meta.title,
        "organisation": doc.meta.organisation,
        "date": doc.meta.date.isoformat() if doc.meta.date else None,
        "elements": dict(sorted(kinds.items())),
        "links": dict(sorted(links.items())),
        "participants": dict(sorted(sides.items())),
        "decisions": len(doc.decisions),
        "actions": len(doc.actions),
        "parking_lot": len(doc.parking_lot),
        "conflicts": conflicts,
        **analysis,
        "alignment": _alignment(doc),
    }


def _alignment(doc) -> dict:
    from workshop_app.analysis.alignment import alignment_summary  # only check needs it

    return alignment_summary(doc)


def _print_alignment(alignment: dict) -> None:
    """One line per round: each side's score and stage (or too few to show), and the large gaps."""
    from workshop_app.analysis.alignment import STAGE_NAMES

    for entry in alignment["rounds"]:
        sides = []
        for side, result in entry["sides"].items():
            if result["too_few"]:
                shown = _("too few to show")
            else:
                score = format_number(result["score"], i18n.current_language(), decimals=1)
                shown = _("{score} ({stage})").format(score=score, stage=_(STAGE_NAMES[result["stage"]]))
            sides.append(f"{_(side.capitalize())} {shown}")
        gaps = i18n.ngettext("{n} large gap", "{n} large gaps", len(entry["largest_gaps"])).format(
            n=len(entry["largest_gaps"]))
        say("  " + _("Alignment check {round}: {sides}; {gaps}").format(
            round=terminal_text(entry["name"] or entry["id"], one_line=True), sides=", ".join(sides), gaps=gaps))


#: How ``check`` names each threshold (``N_``-marked; the values follow in the line).
THRESHOLD_NAMES = {
    "period_ratio": N_("period ratio {value} (a goal's horizon ≥ {value} × the pay period is a gap)"),
    "poor_channel_rating": N_("poor channel: rated {value} of 5 or less"),
    "split_share_percent": N_("split budget: more than {value} % from the departments' own budgets"),
}


def _print_thresholds(thresholds: dict) -> None:
    parts = []
    for name, entry in thresholds.items():
        text = _(THRESHOLD_NAMES[name]).format(value=entry["value"]) if name in THRESHOLD_NAMES else (
            f"{name} {entry['value']}")
        if entry["value"] != entry["default"]:
            text += " " + _("(default {value})").format(value=entry["default"])
        parts.append(text)
    say("  " + _("Thresholds: {list}").format(list="; ".join(parts)))


def _conflict_line(c: dict, explain: bool) -> None:
    votes = f"  ●{c['votes']}" if c["votes"] else ""
    if c["triage"] == "taken_up":
        mark = _(c["status"].capitalize()) if c["status"] != "open" else _("Open")
    else:
        mark = _("Set aside") if c["triage"] == "set_aside" else _("New finding")
    # titles name their element (analysis.registry.about); made visible before cutting, so a cut never splits one
    line = f"    [{mark}] {terminal_text(c['title'], one_line=True)}{votes}"
    say(line if explain or len(line) <= 118 else line[:117] + "…")
    if explain:
        texts = [c["explanation"], c["lever"]]
        if c["resolution"]:
            texts.append(_("Resolution: {text}").format(text=c["resolution"]))
        if c["vanished_by"]:
            texts.append(_("Went away after: {change}").format(change=c["vanished_by"]))
        if c["set_aside_reason"]:
            texts.append(_("Set aside: {reason}").format(reason=c["set_aside_reason"]))
        for text in texts:
            if text:
                say(textwrap.fill(terminal_text(text), width=100, initial_indent=" " * 8,
                                  subsequent_indent=" " * 8))


def _print_summary(file: str, summary: dict, explain: bool) -> None:
    # translated labels first: Babel cannot see messages inside f-strings
    title, participants, elements_label, links_label = _("Title"), _("Participants"), _("Elements"), _("Links")
    decisions, actions, parked, conflicts_label = _("Decisions"), _("Actions"), _("Parking lot"), _("Conflicts")
    day = format_date(date.fromisoformat(summary["date"]), i18n.current_language()) if summary["date"] else "—"
    say(_("{file}: valid workshop file").format(file=terminal_text(file, one_line=True)))
    heading = terminal_text(summary["title"] or "—", one_line=True)
    organisation = terminal_text(summary["organisation"] or "—", one_line=True)
    say(f"  {title}: {heading}  ({organisation}, {day})")
    people = ", ".join(f"{_(side.capitalize())} {n}" for side, n in summary["participants"].items()) or "0"
    say(f"  {participants}: {people}")
    from workshop_app.vocabulary import KIND_COUNT_NAMES, LINK_NAMES  # the model loads with a file, not with --help

    counted = {**KIND_COUNT_NAMES, **LINK_NAMES}  # how check introduces the counts of elements and links
    elements = ", ".join(f"{_(counted[kind])} {n}" for kind, n in summary["elements"].items()) or "0"
    say(f"  {elements_label}: {elements}")
    links = ", ".join(f"{_(counted[kind])} {n}" for kind, n in summary["links"].items()) or "0"
    say(f"  {links_label}: {links}")
    say(f"  {decisions}: {summary['decisions']}  {actions}: {summary['actions']}  {parked}: {summary['parking_lot']}")
    conflicts, counts = summary["conflicts"], summary["counts"]
    say(f"  {conflicts_label}: " + _(
        "{room} for the room (declared or taken up: {settled} settled, {parked} parked, {open} open); "
        "{new_findings} new findings; {set_aside} set aside").format(**counts))
    _print_thresholds(summary["thresholds"])
    _print_alignment(summary["alignment"])
    if not explain:
        for c in conflicts:
            _conflict_line(c, explain)
        return
    order = ["declared", *dict.fromkeys(r["lever"] for r in summary["rules"])]
    for lever in order:
        group = [c for c in conflicts if c["lever_id"] == lever]
        if group:
            say(f"  {group[0]['lever_name']} ({len(group)})")
            for c in group:
                _conflict_line(c, explain)


def cmd_check(args: argparse.Namespace) -> int:
    from workshop_app.store import LoadError

    try:
        doc = _read(args.file)
    except Unreadable as exc:
        _print_problems(args.file, exc.problems, args.json, readable=False)
        return EXIT_INVALID
    except LoadError as exc:
        _print_problems(args.file, exc.problems, args.json)
        return EXIT_INVALID
    if args.scenario is not None:
        from workshop_app.cli_scenario import print_scenario

        return print_scenario(doc, args.file, args.scenario, args.lang, args.json)
    summary = _summary(doc, args.lang)
    if args.json:
        say(json_text({"file": args.file, "valid": True, **summary}))
    else:
        _print_summary(args.file, summary, args.explain)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from workshop_app.store import save_workshop
    from workshop_app.store.demo import load_demo

    out = Path(args.output)
    if out.is_dir():
        raise CliError(_("'{path}' is a folder; give a file name").format(path=out))
    if args.follow_up:
        from workshop_app.store.demo_follow_up import load_follow_up_demo as load_demo
    save_workshop(load_demo(args.lang or "de"), out)
    say(_("Demo workshop written to {path}").format(path=out))
    return EXIT_OK


def cmd_graph(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if out.suffix.lower() not in (".svg", ".png"):
        raise CliError(_("the picture must end in .svg or .png"))
    doc = _load(args.file, args.demo, args.lang or "de")
    lang = args.lang or doc.meta.language.value
    if not (args.page or args.goal or args.conflict):
        from workshop_app.export.graph_picture import write_graph_picture

        write_graph_picture(doc, out, lang=lang)
        say(_("Graph written to {path}").format(path=out))
        return EXIT_OK
    from workshop_app.analysis import conflict_views
    from workshop_app.atomic import atomic_write_bytes
    from workshop_app.export import graph_pages as gp

    views = conflict_views(doc, lang)
    try:
        part = (gp.goal_part(doc, args.goal) if args.goal else
                gp.conflict_part(doc, views, args.conflict) if args.conflict else gp.GraphPart("overview", ""))
    except ValueError:
        what = _("no goal with the id '{id}'") if args.goal else _("no conflict with the id '{id}'")
        raise CliError(what.format(id=args.goal or args.conflict)) from None
    pages = [args.page] if args.page else ["A4", "A4-landscape"]
    boxes = {page: gp.page_box(page.split("-")[0], "landscape" if page.endswith("landscape") else "portrait")
             for page in pages}
    sub_doc, sub_views = gp.part_document(doc, part.ids), gp.part_views(views, part.ids)
    page = max(pages, key=lambda p: gp.best_layout(sub_doc, sub_views, boxes[p], lang)[1])
    drawn = gp.render_part(doc, views, part, boxes[page], lang, fmt=out.suffix.lower()[1:], fast_png=False,
                           min_label_font=0.0)
    atomic_write_bytes(out, drawn.data)
    say(_("Graph written to {path}").format(path=out))
    smallest = min(drawn.label_sizes, default=gp.PRINT_FONT)
    if smallest < gp.PRINT_FONT:
        say(_("Its smallest labels are {size:.1f} pt: for readable print use --goal or --conflict, or "
              "--page A3").format(size=smallest))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    doc = _load(args.file, args.demo, args.lang or "de")
    from workshop_app.export.outputs import SUFFIXES, export_formats, format_of, output_path

    # no --format: the ending of --output says which (minutes.docx), else the PDF minutes
    formats = list(dict.fromkeys(args.format or [(format_of(args.output) if args.output else None) or "pdf"]))
    lang = args.lang or doc.meta.language.value
    out = Path(args.output) if args.output else None
    paths: dict[str, Path] = {}
    folder: Path | None = None
    if len(formats) > 1:  # several formats: -o is the folder they go into
        if out is not None and not out.is_dir():
            raise CliError(_("for several formats give a folder that exists: {path} is none").format(path=out))
        folder = out
    else:
        fmt = formats[0]
        target = out or output_path(doc, fmt)
        if target.is_dir():
            target = output_path(doc, fmt, target)  # a folder for one format: the usual name inside it
        elif target.suffix.lower() != SUFFIXES[fmt]:
            raise CliError(_("the {format} export needs a file name ending in {ending}").format(
                format=fmt.upper(), ending=SUFFIXES[fmt]) if fmt != "pdf" else
                _("the minutes are a PDF: give a file name ending in .pdf"))
        if out is not None and not target.parent.is_dir():  # a mistyped folder is not made on the fly
            raise CliError(_("cannot write {path}: the folder {folder} does not exist").format(
                path=target, folder=target.parent))
        paths[fmt] = target
    report = export_formats(doc, formats, folder, lang=lang, final=args.final, paths=paths)
    for path in report.written:
        say(_("Written: {path}").format(path=path) if len(formats) > 1 or path.suffix != ".pdf"
            else _("Minutes written to {path}").format(path=path))
    if report.failed:
        if len(formats) == 1:
            raise next(iter(report.failed.values()))
        for fmt, error in report.failed.items():
            say(f"{fmt.upper()}: {error}", error=True)
        return EXIT_FAILED
    return EXIT_OK


COMMANDS = {"check": cmd_check, "demo": cmd_demo, "graph": cmd_graph, "export": cmd_export}


def _run_headless(argv: list[str]) -> int:
    from workshop_app.export.errors import ExportError
    from workshop_app.store import LoadError

    command = argv[0]
    args = _sub_parser(command).parse_args(argv[1:])
    if getattr(args, "lang", None) is None and command == "check":
        args.lang = _default_language()
    try:
        run = _command_module(command).run if command in COMMAND_MODULES else COMMANDS[command]
        return run(args)
    except Unreadable as exc:
        _print_problems(getattr(args, "file", "") or "", exc.problems, False, readable=False)
        return EXIT_INVALID
    except LoadError as exc:
        _print_problems(getattr(args, "file", "") or "", exc.problems, False)
        return EXIT_INVALID
    except (CliError, ExportError) as exc:  # an export that cannot finish says why, in a sentence
        say(f"tandem {command}: {exc}", error=True)
        return EXIT_FAILED
    except BrokenPipeError:
        raise
    except OSError as exc:
        name = exc.filename or getattr(args, "output", "")
        say(_("tandem {command}: cannot write {path}: {reason}").format(
            command=command, path=name, reason=exc.strerror or exc), error=True)
        return EXIT_FAILED


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``tandem`` and ``python -m workshop_app``; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    headless = bool(argv) and argv[0] in SUBCOMMANDS
    # --lang is the interface language for the GUI and for check (all its messages, not only the
    # conflicts); for demo, graph and export it is the language of what they write, and their
    # messages follow the environment
    asked = _asked_language(argv) if not headless or argv[0] == "check" else None
    i18n.set_language(asked or _default_language())
    _speak_argparse()
    try:
        if headless:
            return _run_headless(argv)
        args = _gui_parser().parse_args(argv)
        if args.file and not Path(args.file).exists() and not _names_a_file(args.file):
            # a mistyped command reads as a file name here; a file name (double-clicked, or from a
            # launcher) goes on to the window, which says what is wrong where the person looks
            say(_("tandem: '{name}' is neither a command ({commands}) nor an existing workshop file").format(
                name=args.file, commands=", ".join(SUBCOMMANDS)), error=True)
            return EXIT_INVALID
        from workshop_app.ui.app import run_gui

        return run_gui(args.file, args.demo, args.lang, args.screenshots, debug=args.debug, size=args.size)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into head, less, …: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
    except Exception as exc:  # the last guard: a message, not a traceback
        say(_("tandem: unexpected error: {error}").format(error=f"{type(exc).__name__}: {exc}"), error=True)
        return EXIT_FAILED
