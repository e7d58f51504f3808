"""Admin PIN: salted scrypt hash on disk, constant-time check, growing persisted delays."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pos_app.store.errors import StorageError
from pos_app.store.pin import DELAYS, PinError, PinStore, delay_after, pin_problem
from tests.support.pins import legacy_pin_file


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> PinStore:
    return PinStore(tmp_path / "admin-pin.json", clock=clock)


def test_no_pin_until_set(store: PinStore) -> None:
    assert not store.is_set()
    with pytest.raises(PinError):
        store.verify("1234")


def test_right_pin_and_file_holds_only_a_salted_scrypt_hash(store: PinStore) -> None:
    store.set_pin("482913")
    assert store.is_set()
    assert store.verify("482913").ok
    text = store.path.read_text()
    assert "482913" not in text
    data = json.loads(text)
    assert data["kdf"] == "scrypt" and (data["n"], data["r"], data["p"]) == (2**15, 8, 1)
    assert len(bytes.fromhex(data["salt"])) == 16
    first_salt, first_hash = data["salt"], data["hash"]
    store.set_pin("482913")
    again = json.loads(store.path.read_text())
    assert again["salt"] != first_salt and again["hash"] != first_hash


def test_default_path_is_under_pos_app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POS_APP_HOME", str(tmp_path))
    assert PinStore.default().path == tmp_path / "admin-pin.json"


@pytest.mark.parametrize("pin", ["", "123", "1234", "12345", "1234567890123", "12a456", "１２３４５６",
                                 "000000", " 123456"])
def test_weak_or_malformed_pins_are_refused(store: PinStore, pin: str) -> None:
    assert pin_problem(pin)
    with pytest.raises(ValueError):
        store.set_pin(pin)
    assert not store.is_set()


def test_delays_grow_and_survive_a_restart(store: PinStore, clock: Clock) -> None:
    store.set_pin("258014")
    waits = [store.verify("1111").wait for _ in range(3)]
    assert waits == [0, 0, 0]  # three free tries
    fourth = store.verify("1111")
    assert not fourth.ok and fourth.wait == 5 and fourth.failures == 4
    # While locked, even the right PIN is not checked.
    locked = store.verify("258014")
    assert not locked.ok and locked.locked
    restarted = PinStore(store.path, clock=clock)
    assert restarted.wait_seconds() == pytest.approx(5)
    clock.now += 5
    assert restarted.verify("0001").wait == 15
    clock.now += 15
    assert restarted.verify("0001").wait == 60
    clock.now += 60
    assert restarted.verify("258014").ok
    assert json.loads(store.path.read_text())["failures"] == 0
    assert restarted.verify("1111").wait == 0  # counter was reset by the right PIN


def test_delay_table_is_monotonic() -> None:
    values = [delay_after(n) for n in range(0, len(DELAYS) + 3)]
    assert values == sorted(values)
    assert values[-1] == DELAYS[-1]


def test_damaged_file_does_not_open_the_door(store: PinStore) -> None:
    store.path.write_text("{not json")
    assert store.is_set()
    with pytest.raises(PinError):
        store.verify("1234")
    store.path.write_text(json.dumps({"kdf": "none"}))
    with pytest.raises(PinError):
        store.verify("1234")


def test_an_old_four_digit_pin_opens_once_and_must_be_changed(store: PinStore) -> None:
    legacy_pin_file(store.path, "2580")
    assert not store.verify("1111").ok
    check = store.verify("2580")
    assert check.ok and check.must_change
    data = json.loads(store.path.read_text())
    assert (data["n"], data["failures"]) == (2**15, 0)  # re-hashed at today's cost
    assert store.verify("2580").must_change  # still the old PIN until a new one is set
    store.set_pin("258014")
    fresh = store.verify("258014")
    assert fresh.ok and not fresh.must_change


def test_a_six_digit_pin_at_the_old_cost_is_rehashed_silently(store: PinStore) -> None:
    legacy_pin_file(store.path, "482913")
    check = store.verify("482913")
    assert check.ok and not check.must_change
    assert json.loads(store.path.read_text())["n"] == 2**15
    assert store.verify("482913").ok


@pytest.mark.parametrize("n", [2**30, 3000, 2])
def test_a_file_asking_for_an_absurd_cost_is_damaged(store: PinStore, n: int) -> None:
    legacy_pin_file(store.path, "482913")
    data = json.loads(store.path.read_text())
    data["n"] = n
    store.path.write_text(json.dumps(data))
    assert store.is_set()
    with pytest.raises(PinError, match="damaged"):
        store.verify("482913")



def test_deleting_the_file_neither_unlocks_nor_offers_a_new_pin(store: PinStore,
                                                                clock: Clock) -> None:
    """The review's reproduction: deleting admin-pin.json offered to set a new PIN."""
    store.set_pin("258014")
    for _ in range(4):
        store.verify("111111")
    store.path.unlink()
    again = PinStore(store.path, clock=clock)  # a new prompt in the same running till
    assert again.is_set()
    with pytest.raises(PinError, match="missing"):
        again.verify("258014")
    with pytest.raises(PinError, match="missing"):
        again.wait_seconds()


def test_rewriting_the_file_does_not_reset_the_delay(store: PinStore, clock: Clock) -> None:
    store.set_pin("258014")
    saved = store.path.read_text()  # the counter at zero
    for _ in range(4):
        store.verify("111111")
    store.path.write_text(saved)
    check = store.verify("258014")
    assert check.locked and check.wait == pytest.approx(5)


def test_a_read_only_pin_file_still_counts_wrong_pins(store: PinStore, clock: Clock,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """An administrator may make the file unwritable for the cashier's account (README)."""
    store.set_pin("258014")

    def refuse(_self: PinStore, _data: object) -> None:
        raise StorageError("permission", "read-only")

    monkeypatch.setattr(PinStore, "_write", refuse)
    assert [store.verify("111111").wait for _ in range(4)] == [0, 0, 0, 5]
    assert store.verify("258014").locked
    clock.now += 5
    assert store.verify("258014").ok
    assert store.verify("111111").failures == 1
