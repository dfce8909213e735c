"""The channels lever: how information travels between the sides, as the receiving side sees it.

* ``useless-channel`` — a channel its receiving side rates at or below
  ``AnalysisSettings.poor_channel_rating`` (default **2** of 5: "sometimes
  useful" is not a channel anyone relies on). An unrated channel is not
  judged. A poor as-is channel that an agreed channel ``replaces`` (link
  agreed → as-is) is resolved by it and stays in the inventory as history —
  unless the replacement is rated poor itself.
* ``agreed-channel-incomplete`` — an agreed channel without a purpose, a
  format, a cadence or an owner (a participant of the workshop): one
  finding per channel listing what is missing.
* ``no-agreed-channel`` — both sides are in the room but no channel between
  them has been agreed. Any agreed channel counts unless it stays inside one
  department (Marketing → Marketing, Sales → Sales); a joint meeting counts.
  An empty agreed channel counts here, and is an incomplete one above.
"""

from __future__ import annotations

from collections.abc import Iterator

from workshop_app.analysis.findings import Finding
from workshop_app.analysis.index import DocIndex
from workshop_app.analysis.registry import DEPARTMENTS, about, blank, listing, rule
from workshop_app.i18n import N_
from workshop_app.model import LinkKind, Origin
from workshop_app.vocabulary import Translator


def _poor(channel, threshold: int) -> bool:
    return channel.usefulness is not None and channel.usefulness <= threshold


@rule("useless-channel", N_("Poor channel"), "channels")
def useless_channel(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """A channel its receiving side rates poor, with no agreed replacement."""
    threshold = idx.settings.poor_channel_rating
    for channel in idx.channels():
        if not _poor(channel, threshold):
            continue
        replacements = [idx.elements[s] for s in idx.sources(LinkKind.REPLACES, channel.id)]
        if any(r.origin == Origin.AGREED and not _poor(r, threshold) for r in replacements):
            continue
        yield Finding(
            "useless-channel", (channel.id,),
            about(tr, N_("Channel the receiving side finds of little use"), channel),
            tr("Channel {channel} from {sender} to {receiver} is rated {rating} of 5 by {receiver} (poor means "
               "{threshold} or less). It costs the sender effort and informs nobody.", channel=tr.name(channel),
               sender=tr.side(channel.side), receiver=tr.side(channel.to_side), rating=channel.usefulness,
               threshold=threshold),
            tr("Agree a channel: ask {receiver} which format and cadence they would actually use, and replace "
               "{channel} with it.", receiver=tr.side(channel.to_side), channel=tr.name(channel)),
        )


@rule("agreed-channel-incomplete", N_("Agreed channel not defined"), "channels")
def agreed_channel_incomplete(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """An agreed channel lacking purpose, format, cadence or owner."""
    for channel in idx.channels():
        if channel.origin != Origin.AGREED:
            continue
        missing = [tr(name) for name, value in ((N_("a purpose"), channel.purpose), (N_("a format"), channel.format),
                                                (N_("a cadence"), channel.cadence)) if blank(value)]
        if not channel.owner or channel.owner not in idx.participant_side:
            missing.append(tr("an owner"))
        if not missing:
            continue
        yield Finding(
            "agreed-channel-incomplete", (channel.id,),
            about(tr, N_("Agreed channel still undefined"), channel),
            tr("Agreed channel {channel} lacks {missing}. A channel without them is a good intention; after two "
               "weeks nobody knows whether it still runs.", channel=tr.name(channel), missing=listing(tr, missing)),
            tr("Define {channel}: what it is for, in which format, how often, and who runs it.",
               channel=tr.name(channel)),
        )


@rule("no-agreed-channel", N_("No agreed channel"), "channels")
def no_agreed_channel(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """Both sides are in the room but no channel between them has been agreed."""
    sides = {el.side for el in idx.elements.values()}
    if not set(DEPARTMENTS) <= sides:
        return
    for channel in idx.channels():
        if channel.origin == Origin.AGREED and not (channel.side == channel.to_side and channel.side in DEPARTMENTS):
            return
    yield Finding(
        "no-agreed-channel", (),
        tr("No agreed channel between Marketing and Sales"),
        tr("Marketing and Sales have not agreed a single communication channel. Information is pushed over the "
           "fence, and nobody knows where the other side actually listens."),
        tr("Agree a channel: purpose, format, cadence and an owner, valued by the side that receives it."),
    )
