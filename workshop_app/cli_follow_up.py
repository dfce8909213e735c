"""``tandem follow-up OLD.workshop.json -o NEW.workshop.json``: start a follow-up workshop from an earlier one.

The earlier file is only read (its bytes are hashed into the follow-up's
reference); the command refuses to write over it, or over any other file
unless ``--force``.
"""

from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path

from workshop_app.cli import EXIT_OK, CliError, say
from workshop_app.i18n import _


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("'{text}' is not a date written YYYY-MM-DD").format(text=text)) from None


def describe(parser: argparse.ArgumentParser) -> None:
    parser.description = _("Start a follow-up workshop from an earlier one: participants, goals, agreements, "
                           "channels, the pot, the pilot, decisions, actions and the room's conflicts carry over, "
                           "with a reference to the earlier file. The earlier file is not changed.")
    parser.add_argument("file", help=_("the earlier workshop file (.workshop.json)"))
    parser.add_argument("-o", "--output", required=True, help=_("the follow-up workshop to write (.workshop.json)"))
    parser.add_argument("--date", type=_day, help=_("date of the follow-up, YYYY-MM-DD (default: today)"))
    parser.add_argument("--force", action="store_true", help=_("write over an existing file (never the earlier one)"))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def run(args: argparse.Namespace) -> int:
    from workshop_app.analysis.then_now import conflict_snapshot
    from workshop_app.store import save_workshop
    from workshop_app.store.follow_up import carry_over, read_earlier

    source, out = Path(args.file), Path(args.output)
    if _same_file(source, out) or source.resolve() == out.resolve():
        raise CliError(_("the follow-up cannot be written over the earlier workshop; give another file name"))
    if out.is_dir():
        raise CliError(_("'{path}' is a folder; give a file name").format(path=out))
    if out.exists() and not args.force:
        raise CliError(_("{path} exists already; use --force to write over it").format(path=out))
    earlier, reference = read_earlier(source)  # LoadError: the command line lists the file's problems
    doc = carry_over(earlier, reference, conflict_snapshot(earlier), today=args.date or date.today())
    save_workshop(doc, out)
    say(_("Follow-up of “{title}” written to {path}").format(title=earlier.meta.title or source.name, path=out))
    return EXIT_OK
