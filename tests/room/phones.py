"""A phone for the Room link tests: an aiohttp client session with its own cookies and CSRF token."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import aiohttp
from yarl import URL


@dataclass
class Answer:
    status: int
    data: Any
    headers: Any
    text: str


class Phone:
    def __init__(self, base: str) -> None:
        self.base = base.rstrip("/")
        self.csrf = ""
        # browsers keep cookies of an address; aiohttp only when told so (unsafe=True)
        self.session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))

    async def __aenter__(self) -> Phone:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.session.close()

    async def request(self, method: str, path: str, body: Any = None, *, headers: dict[str, str] | None = None,
                      raw: bytes | None = None, encoded: bool = False) -> Answer:
        url: Any = URL(self.base + path, encoded=True) if encoded else self.base + path
        kwargs: dict[str, Any] = {"headers": dict(headers or {})}
        if raw is not None:
            kwargs["data"] = raw
        elif body is not None:
            kwargs["json"] = body
        async with self.session.request(method, url, **kwargs) as response:
            text = await response.text()
            try:
                data = await response.json(content_type=None)
            except ValueError:
                data = None
            return Answer(response.status, data, response.headers, text)

    async def join(self, pin: str, side: str = "sales", name: str = "") -> Answer:
        answer = await self.request("POST", "/api/join", {"pin": pin, "side": side, "name": name},
                                    headers={"X-CSRF-Token": "join"})
        if answer.status == 200:
            self.csrf = answer.data["csrf"]
        return answer

    async def post(self, path: str, body: Any, *, csrf: str | None = None) -> Answer:
        token = self.csrf if csrf is None else csrf
        return await self.request("POST", path, body, headers={"X-CSRF-Token": token} if token else {})

    async def state(self) -> Answer:
        return await self.request("GET", "/api/state")


def run(coro: Any) -> Any:
    return asyncio.run(coro)
