"""Secrets and limits of the Room link: PIN, device tokens, CSRF tokens, rate limits.

A PIN is short (people type it on a phone), so it is guarded by a limit on
failed joins per client address; a device token is long (``token_urlsafe(32)``,
256 bits) and only its SHA-256 hash is kept, so even a dump of the server's
memory or journal does not let anyone act as a phone.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import time
from collections import deque
from collections.abc import Callable

PIN_DIGITS = 6
#: failed joins per client address within JOIN_WINDOW seconds before it must wait
JOIN_FAILURES = 5
JOIN_WINDOW = 60.0
#: requests a device may make in a burst, and how many it earns back per second (a phone polls every ~2 s)
DEVICE_BURST = 30
DEVICE_RATE = 3.0


def new_pin(digits: int = PIN_DIGITS) -> str:
    """A random PIN of ``digits`` (≥ 6) decimal digits."""
    digits = max(PIN_DIGITS, digits)
    return "".join(secrets.choice("0123456789") for _ in range(digits))


def valid_pin(pin: str) -> bool:
    """Whether ``pin`` may be used as a room PIN (6 to 12 digits)."""
    return pin.isascii() and pin.isdigit() and PIN_DIGITS <= len(pin) <= 12


def pin_matches(given: str, pin: str) -> bool:
    """Constant-time comparison, so the time of an answer does not tell how many digits were right."""
    return hmac.compare_digest(given.encode("utf-8", "replace"), pin.encode("utf-8"))


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def csrf_token(secret: bytes, device_token_hash: str) -> str:
    """The device's CSRF token: derived, so the page can fetch it again after a reload and nothing is stored."""
    return hmac.new(secret, device_token_hash.encode("ascii"), hashlib.sha256).hexdigest()


class FailureLimit:
    """At most ``limit`` failures per key within ``window`` seconds (a sliding window)."""

    def __init__(self, limit: int = JOIN_FAILURES, window: float = JOIN_WINDOW,
                 clock: Callable[[], float] = time.monotonic, max_keys: int = 10_000) -> None:
        self.limit, self.window, self.clock, self.max_keys = limit, window, clock, max_keys
        self._failures: dict[str, deque[float]] = {}

    def _recent(self, key: str) -> deque[float]:
        now = self.clock()
        times = self._failures.get(key)
        if times is None:
            return deque()
        while times and now - times[0] >= self.window:
            times.popleft()
        if not times:
            del self._failures[key]
        return times

    def retry_after(self, key: str) -> int:
        """Seconds ``key`` must wait before trying again; 0 = may try now."""
        times = self._recent(key)
        if len(times) < self.limit:
            return 0
        return max(1, math.ceil(self.window - (self.clock() - times[0])))

    def failed(self, key: str) -> None:
        if len(self._failures) >= self.max_keys and key not in self._failures:
            for old in list(self._failures)[: self.max_keys // 10]:  # bounded memory under a flood
                del self._failures[old]
        self._recent(key)
        self._failures.setdefault(key, deque()).append(self.clock())


class TokenBucket:
    """A per-device request budget: ``burst`` at once, refilled at ``rate`` per second."""

    def __init__(self, burst: int = DEVICE_BURST, rate: float = DEVICE_RATE,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.burst, self.rate, self.clock = burst, rate, clock
        self.tokens = float(burst)
        self.stamp = clock()

    def take(self) -> float:
        """0 when the request may go ahead, else the seconds until it may."""
        now = self.clock()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        return (1 - self.tokens) / self.rate
