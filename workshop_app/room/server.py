"""The Room link's HTTP surface: the page, its two static files and a small JSON API.

Only these routes exist; static files come from a fixed allow-list read into
memory once, so no request names a path on disk. Every response carries a
strict Content-Security-Policy and no CORS header; every POST must be JSON,
same-origin and (after joining) carry the device's CSRF token; the Host
header must name this server by address, which stops DNS rebinding. A phone
is told "received" only after its input is in the journal.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
from collections.abc import Awaitable, Callable
from importlib import resources
from typing import Any

from aiohttp import web

from workshop_app.room.connections import ConnectionGuard
from workshop_app.room.events import RoomEvent
from workshop_app.room.security import FailureLimit, csrf_token
from workshop_app.room.state import MAX_DEVICES, Refused, RoomState, _Phone

COOKIE = "tandem_device"
#: the request's device (or None), looked up once by the guard middleware
PHONE: web.RequestKey[_Phone | None] = web.RequestKey("phone")
COOKIE_AGE = 12 * 3600
#: small: the largest honest request is a card of 200 + 2000 characters
MAX_BODY = 16 * 1024
STATIC_TYPES = {"room.css": "text/css", "room.js": "text/javascript"}
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'none'; frame-ancestors 'none'; base-uri 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
           "X-Frame-Options": "DENY", "Cache-Control": "no-store", "Cross-Origin-Opener-Policy": "same-origin",
           "Cross-Origin-Resource-Policy": "same-origin"}

Commit = Callable[[list[dict[str, Any]]], Awaitable[None]]
Emit = Callable[[list[RoomEvent]], None]


def _static_files() -> dict[str, bytes]:
    folder = resources.files("workshop_app.room") / "static"
    files = {name: (folder / name).read_bytes() for name in STATIC_TYPES}
    files["index.html"] = (folder / "index.html").read_bytes()
    return files


def _error(status: int, code: str, retry_after: float | None = None, **more: Any) -> web.Response:
    response = web.json_response({"error": code, **more}, status=status)
    if retry_after is not None:
        response.headers["Retry-After"] = str(max(1, int(retry_after + 0.999)))
    return response


class RoomServer:
    """The aiohttp application of one Room link session."""

    def __init__(self, state: RoomState, commit: Commit, emit: Emit, *, secret: bytes, https: bool,
                 guard: ConnectionGuard, port: int = 0) -> None:
        self.state, self.commit, self.emit = state, commit, emit
        self.secret, self.https, self.port, self.guard = secret, https, port, guard
        self.join_failures = FailureLimit()
        self.files = _static_files()
        self._words: str | None = None
        self._hosts: dict[str, bool] = {}  # Host header -> whether it names this server
        self._csrf_of: dict[str, str] = {}  # device token hash -> its CSRF token (derived, so only a cache)

    def app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._guard])
        app.router.add_get("/", self.page)
        app.router.add_get("/static/{name}", self.static)
        app.router.add_get("/api/state", self.get_state)
        app.router.add_get("/api/words", self.words)
        app.router.add_post("/api/join", self.join)
        app.router.add_post("/api/cards", self.cards)
        app.router.add_post("/api/votes", self.votes)
        app.router.add_post("/api/alignment", self.alignment)
        app.on_response_prepare.append(self._headers)
        return app

    # -- on every request ----------------------------------------------------------------------------

    async def _headers(self, request: web.Request, response: web.StreamResponse) -> None:
        headers = response.headers
        headers.update(HEADERS)
        headers.pop("Server", None)
        for name in [h for h in headers if h[:15].lower() == "access-control-"]:  # no CORS, whoever set it
            del headers[name]

    def _host_ok(self, request: web.Request) -> bool:
        """The Host header names this server by an address (not a name someone's DNS could point here)."""
        host = request.headers.get("Host", "")
        known = self._hosts.get(host)
        if known is None:
            known = self._check_host(host)
            if len(self._hosts) < 64:  # the few names phones use; a flood of others is checked each time
                self._hosts[host] = known
        return known

    def _check_host(self, host: str) -> bool:
        name, _sep, port = host.rpartition(":") if not host.endswith("]") else (host, "", "")
        if not _sep:
            name, port = host, ("443" if self.https else "80")
        name = name.strip("[]")
        if port != str(self.port):
            return False
        if name == "localhost":
            return True
        try:
            ipaddress.ip_address(name)
        except ValueError:
            return False
        return True

    @web.middleware
    async def _guard(self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
                     ) -> web.StreamResponse:
        if not self._host_ok(request):
            return _error(421, "host")
        phone = self.state.phone(request.cookies.get(COOKIE))
        request[PHONE] = phone
        # every request spends from a budget: the device's own, or its address's while it has none (not, or
        # no longer, a device of this room: the page and joining need a handful)
        wait = phone.bucket.take() if phone is not None else self.guard.stranger_wait(request.remote or "?")
        if wait:
            return _error(429, "slow_down", wait)
        # only a request let through keeps its connection open (and a device's protected)
        self.guard.request_head(request.transport, phone.token_hash if phone is not None else None)
        if request.method == "POST":
            origin = request.headers.get("Origin")
            expected = ("https://" if self.https else "http://") + request.headers.get("Host", "")
            if origin is not None and origin != expected:
                return _error(403, "origin")
            if request.content_type != "application/json":
                return _error(415, "json")
            if request.content_length is not None and request.content_length > MAX_BODY:
                return _error(413, "too_large")
        try:
            return await handler(request)
        except Refused as refused:
            return _error(refused.status, refused.code)
        except web.HTTPRequestEntityTooLarge:
            return _error(413, "too_large")

    async def _body(self, request: web.Request) -> dict[str, Any]:
        try:
            body = await request.json()
        except (ValueError, UnicodeDecodeError):
            raise Refused(400, "json") from None
        if not isinstance(body, dict):
            raise Refused(400, "json")
        return body

    def _phone(self, request: web.Request, *, post: bool) -> _Phone:
        phone: _Phone | None = request.get(PHONE)
        if phone is None:
            raise Refused(401, "join")
        if post:
            given = request.headers.get("X-CSRF-Token", "")
            if not hmac.compare_digest(given.encode("utf-8", "replace"), self._csrf(phone).encode("ascii")):
                raise Refused(403, "csrf")
        return phone

    def _csrf(self, phone: _Phone) -> str:
        token = self._csrf_of.get(phone.token_hash)
        if token is None:
            if len(self._csrf_of) >= 2 * MAX_DEVICES:
                self._csrf_of.clear()
            token = self._csrf_of[phone.token_hash] = csrf_token(self.secret, phone.token_hash)
        return token

    async def _apply(self, change: tuple[list[dict[str, Any]], list[RoomEvent]], phone: _Phone | None = None) -> None:
        """Journal the change, then tell the window; a change the disk would not take is undone in memory
        too, so the phone's 503 means "nothing happened, send it again" (no double card, no lost device)."""
        journal, events = change
        try:
            await self.commit(journal)
        except OSError:
            self.state.revert(journal, phone.device.id if phone is not None else None)
            raise Refused(503, "journal") from None
        self.emit(events)

    # -- the page -------------------------------------------------------------------------------------

    async def page(self, request: web.Request) -> web.Response:
        return web.Response(body=self.files["index.html"], content_type="text/html", charset="utf-8")

    async def static(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in STATIC_TYPES:
            raise web.HTTPNotFound()
        return web.Response(body=self.files[name], content_type=STATIC_TYPES[name], charset="utf-8")

    # -- the API --------------------------------------------------------------------------------------

    async def words(self, request: web.Request) -> web.Response:
        if self._words is None:
            from workshop_app.room.words import words

            self._words = json.dumps(words(), ensure_ascii=False)
        return web.Response(text=self._words, content_type="application/json")

    async def get_state(self, request: web.Request) -> web.Response:
        try:
            phone = self._phone(request, post=False)
        except Refused as refused:
            if refused.code == "join":
                return _error(401, "join", joining=self.state.joining_open)
            raise
        return web.json_response(self.state.phone_state(phone, self._csrf(phone)), dumps=_dumps)

    async def join(self, request: web.Request) -> web.Response:
        if not request.headers.get("X-CSRF-Token"):
            return _error(403, "csrf")
        address = request.remote or "?"
        wait = self.join_failures.retry_after(address)
        if wait:
            return _error(429, "slow_down", wait)
        body = await self._body(request)
        try:
            token, device, change = self.state.join(body.get("pin"), body.get("side"), body.get("name"))
        except Refused as refused:
            if refused.code == "pin":
                self.join_failures.failed(address)
            raise
        await self._apply(change)
        phone = self.state.phone(token)
        response = web.json_response({"side": device.side.value,
                                      "csrf": self._csrf(phone) if phone else ""}, dumps=_dumps)
        response.set_cookie(COOKIE, token, httponly=True, samesite="Strict", secure=self.https, path="/",
                            max_age=COOKIE_AGE)
        return response

    async def _post(self, request: web.Request, act: Callable[[_Phone, dict[str, Any]], Any]) -> web.Response:
        phone = self._phone(request, post=True)
        body = await self._body(request)
        await self._apply(act(phone, body), phone)
        return web.json_response({"ok": True})

    async def cards(self, request: web.Request) -> web.Response:
        def act(phone: _Phone, body: dict[str, Any]) -> Any:
            _card, change = self.state.add_card(phone, body.get("kind"), body.get("title"), body.get("detail"))
            return change

        return await self._post(request, act)

    async def votes(self, request: web.Request) -> web.Response:
        return await self._post(request, lambda phone, body: self.state.vote(phone, body.get("round"),
                                                                             body.get("dots")))

    async def alignment(self, request: web.Request) -> web.Response:
        return await self._post(request, lambda phone, body: self.state.answer(phone, body.get("round"),
                                                                               body.get("scores")))


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
