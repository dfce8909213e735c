"""``tandem room FILE --host 127.0.0.1 --port N [--pin PIN]``: the Room link without the window.

For trying the participants' page and for tests: it serves the page for
that workshop (its setup wall: title, facts, agenda; nothing hidden),
prints the address and PIN, and journals every card, vote and device to the
private data folder. With ``--vote`` phones can also dot-vote on the room's
conflicts (those the wall may show, with the workshop's dots); Ctrl+C then
closes the round and prints its dots. FILE is only read, never written.
Ctrl+C stops it (exit code 0).
"""

from __future__ import annotations

import argparse
import queue
import signal
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_app.cli import EXIT_OK, CliError, _read, say
from workshop_app.i18n import _, ngettext

if TYPE_CHECKING:
    from workshop_app.room import RoundResult, VoteRound


def describe(parser: argparse.ArgumentParser) -> None:
    parser.description = _("Serve the Room link page for a workshop without the window, print its address and "
                           "PIN, and journal what the phones send. The workshop file is not changed. "
                           "Ctrl+C stops it.")
    parser.add_argument("file", help=_("workshop file (.workshop.json)"))
    parser.add_argument("--host", default="127.0.0.1",
                        help=_("address of this computer to listen on (default 127.0.0.1, this computer only)"))
    parser.add_argument("--port", type=int, default=0, help=_("port to listen on (default 0: a free port)"))
    parser.add_argument("--pin", help=_("room PIN of 6 to 12 digits (default: a random one)"))
    parser.add_argument("--cert", type=Path, help=_("certificate file (PEM) for HTTPS"))
    parser.add_argument("--key", type=Path, help=_("private key of the certificate (PEM), if not in --cert"))
    parser.add_argument("--journal", type=Path,
                        help=_("folder of the journal (default: Tandem's private data folder)"))
    parser.add_argument("--vote", action="store_true",
                        help=_("open a dot-voting round on the room's conflicts; Ctrl+C closes it and prints "
                               "the dots (the workshop file is not changed)"))


def _interrupt(_signum, _frame) -> None:
    raise KeyboardInterrupt


def _journal_dir(args: argparse.Namespace) -> Path:
    if args.journal is not None:
        return Path(args.journal)
    from workshop_app.store.private_files import DataFolderProblem, private_dir

    try:
        return private_dir("room-headless")
    except DataFolderProblem as problem:
        raise CliError(str(problem)) from None


def _report(event) -> None:
    from workshop_app.room import AlignmentArrived, CardArrived, DevicesChanged, ServerStopped, VoteCast

    if isinstance(event, CardArrived):
        say(_("card ({side}): {title}").format(side=event.card.side.value, title=event.card.title))
    elif isinstance(event, DevicesChanged):
        say(_("devices joined: {n}").format(n=len(event.devices)))
    elif isinstance(event, VoteCast):
        say(_("devices voted: {n}").format(n=event.devices_voted))
    elif isinstance(event, AlignmentArrived):
        say(_("alignment answers ({side})").format(side=event.answers.side.value))
    elif isinstance(event, ServerStopped) and event.reason:
        raise CliError(event.reason)


def voting_round(doc) -> VoteRound | None:
    """A round on the conflicts the room has taken up and the wall may show, with the workshop's dots."""
    from workshop_app.analysis import conflict_views
    from workshop_app.analysis.visibility import visible_conflicts, votable
    from workshop_app.model import new_id
    from workshop_app.room import VoteItem, VoteRound

    views = [v for v in visible_conflicts(doc, conflict_views(doc, doc.meta.language.value))
             if v.taken_up and votable(v)]
    if not views:
        return None
    dots = doc.meta.dots_per_participant or len(views)
    return VoteRound(new_id("vote"), tuple(VoteItem(v.id, v.title) for v in views), dots)


def _print_result(round_: VoteRound, result: RoundResult) -> None:
    say(ngettext("Voting closed: {n} device voted.", "Voting closed: {n} devices voted.",
                 result.devices_voted).format(n=result.devices_voted))
    titles = {item.id: item.label for item in round_.items}
    for item_id, dots in sorted(result.tallies.items(), key=lambda pair: -pair[1]):
        if item_id in titles:
            say(_("{dots:>3} dots: {title}").format(dots=dots, title=titles[item_id]))


def run(args: argparse.Namespace) -> int:
    from workshop_app.room import RoomError, RoomLink, ServerStopped
    from workshop_app.room.view import setup_view

    doc = _read(args.file)  # read only: LoadError and Unreadable are reported by the command line
    round_ = voting_round(doc) if args.vote else None
    if args.vote and round_ is None:
        raise CliError(_("This workshop has no conflicts the room has taken up (and may see) to vote on."))
    link = RoomLink(_journal_dir(args))
    link.publish(setup_view(doc))
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        try:
            info = link.start(args.host, args.port, pin=args.pin, certfile=args.cert, keyfile=args.key)
        except RoomError as exc:
            raise CliError(str(exc)) from None
        say(_("Room link for “{title}”: {url}").format(title=doc.meta.title or Path(args.file).name, url=info.url))
        say(_("PIN: {pin}").format(pin=info.pin))
        if not info.https:
            say(_("Plain HTTP: anyone on this network can read what passes; use it on a network you trust."))
        say(_("Journal: {path}").format(path=link.journal_dir))
        if round_ is not None:
            link.open_round(round_)
            say(ngettext("Voting open on {n} conflict, {dots} dots per device.",
                         "Voting open on {n} conflicts, {dots} dots per device.",
                         len(round_.items)).format(n=len(round_.items), dots=round_.dots_per_device))
        say(_("Press Ctrl+C to stop."), error=True)
        while True:
            try:
                event = link.events.get(timeout=0.5)
            except queue.Empty:
                continue
            if isinstance(event, ServerStopped) and not event.reason:
                break
            _report(event)
    except KeyboardInterrupt:
        if round_ is not None and link.running:
            _print_result(round_, link.close_round())
        say(_("Room link stopped."), error=True)
    finally:
        link.stop()
        signal.signal(signal.SIGTERM, previous)
    return EXIT_OK
