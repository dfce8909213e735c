"""PINs, tokens and the limits, as units (the server tests drive them through HTTP)."""

from __future__ import annotations

from workshop_app.room.security import FailureLimit, TokenBucket, new_pin, new_token, pin_matches, token_hash


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_pins_have_six_digits_and_vary():
    pins = {new_pin() for _ in range(50)}
    assert all(len(p) == 6 and p.isdigit() for p in pins)
    assert len(pins) > 40
    assert len(new_pin(8)) == 8 and len(new_pin(4)) == 6


def test_pin_comparison_handles_anything_typed():
    assert pin_matches("123456", "123456")
    assert not pin_matches("123457", "123456")
    assert not pin_matches("１２３４５６", "123456")
    assert not pin_matches("", "123456")


def test_tokens_are_long_and_only_their_hash_is_comparable():
    token = new_token()
    assert len(token) >= 43 and new_token() != token
    assert token_hash(token) == token_hash(token) and token not in token_hash(token)


def test_five_failures_a_minute_then_wait_until_the_first_expires():
    clock = Clock()
    limit = FailureLimit(limit=5, window=60, clock=clock)
    for second in range(5):
        assert limit.retry_after("10.0.0.7") == 0
        clock.now = second
        limit.failed("10.0.0.7")
    assert limit.retry_after("10.0.0.7") == 56
    assert limit.retry_after("10.0.0.8") == 0  # per address
    clock.now = 60
    assert limit.retry_after("10.0.0.7") == 0


def test_the_failure_memory_stays_bounded():
    limit = FailureLimit(max_keys=100, clock=Clock())
    for n in range(1000):
        limit.failed(f"10.0.{n // 256}.{n % 256}")
    assert len(limit._failures) <= 100


def test_a_device_gets_a_burst_then_its_rate():
    clock = Clock()
    bucket = TokenBucket(burst=3, rate=1.0, clock=clock)
    assert [bucket.take() for _ in range(3)] == [0, 0, 0]
    assert bucket.take() == 1.0
    clock.now = 1.0
    assert bucket.take() == 0
