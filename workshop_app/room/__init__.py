"""The optional Room link: participants' phones on the room's network (DESIGN §4).

Qt-free: an aiohttp server in a background thread with its own event loop.
It hands what arrives to the window through a thread-safe queue and never
changes the document itself.
"""

from workshop_app.room.events import (
                                      AlignmentAnswers,
                                      AlignmentArrived,
                                      Card,
                                      CardArrived,
                                      Device,
                                      DevicesChanged,
                                      JoinInfo,
                                      JournalFailed,
                                      Recovered,
                                      RoomError,
                                      RoomEvent,
                                      RoomView,
                                      RoundResult,
                                      ServerStopped,
                                      ViewEntry,
                                      VoteCast,
                                      VoteItem,
                                      VoteRound,
)
from workshop_app.room.link import RoomLink
from workshop_app.room.network import Interface, default_address, interfaces

__all__ = ["AlignmentAnswers", "AlignmentArrived", "Card", "CardArrived", "Device", "DevicesChanged",
           "Interface", "JoinInfo", "JournalFailed", "Recovered", "RoomError", "RoomEvent", "RoomLink", "RoomView",
           "RoundResult", "ServerStopped", "ViewEntry", "VoteCast", "VoteItem", "VoteRound",
           "default_address", "interfaces"]
