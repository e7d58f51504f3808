"""Non-secret settings: validation, load (missing/corrupt), atomic save, no secret ever."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from pathlib import Path

import pytest

from pos_app.store.settings import Settings, SettingsError, load, save

TERMINAL = "67e34d63-102f-4bd1-898e-370781d0074d"
SECRET = "yF587AV9Ms94qN2QShFzVR3vFnWkhjbAK3sG"


def prod(**changes: object) -> Settings:
    base = Settings(environment="prod", terminal_id=TERMINAL, client_id="MYSHOP")
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_defaults_are_valid() -> None:
    s = Settings()
    assert s.validate() == {}
    assert s.max_amount == Decimal("10000000") and s.confirm_above == 0
    assert (s.language, s.checkout_mode, s.qr_expiry_minutes) == ("ru", "widget", 20)
    assert prod().validate() == {}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"environment": "staging"}, "environment"),
        ({"terminal_id": "not-a-uuid"}, "terminal_id"),
        ({"terminal_id": ""}, "terminal_id"),
        ({"client_id": ""}, "client_id"),
        ({"client_id": "a b"}, "client_id"),
        ({"shop_id": "123"}, "shop_id"),
        ({"back_link": "http://shop.kz/ok"}, "back_link"),
        ({"post_link": "http://127.0.0.1:8000/post"}, "post_link"),
        ({"post_link": "ftp://shop.kz/"}, "post_link"),
        ({"failure_back_link": "https://user:pw@shop.kz/"}, "failure_back_link"),
        ({"checkout_base_url": ""}, "checkout_base_url"),
        ({"default_description": "я" * 63}, "default_description"),
        ({"shop_name": "x" * 101}, "shop_name"),
        ({"max_amount": Decimal("0")}, "max_amount"),
        ({"max_amount": Decimal("1.001")}, "max_amount"),
        ({"confirm_above": Decimal("-1")}, "confirm_above"),
        ({"language": "de"}, "language"),
        ({"checkout_mode": "popup"}, "checkout_mode"),
        ({"invoice_prefix": "12a"}, "invoice_prefix"),
        ({"invoice_prefix": "1234567890"}, "invoice_prefix"),
        ({"qr_expiry_minutes": 0}, "qr_expiry_minutes"),
        ({"qr_expiry_minutes": True}, "qr_expiry_minutes"),
        ({"kiosk": "yes"}, "kiosk"),
    ],
)
def test_validation(changes: dict[str, object], field: str) -> None:
    errors = prod(**changes).validate()
    assert errors.get(field)


def test_loopback_http_allowed_outside_prod() -> None:
    for env in ("training", "test"):
        s = Settings(
            environment=env, post_link="http://127.0.0.1:8000/p",
            back_link="http://localhost/ok", checkout_base_url="http://[::1]:9/",
        )  # fmt: skip
        assert s.validate() == {}
    assert "back_link" in Settings(back_link="http://shop.kz/").validate()


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load(tmp_path / "none.json") == Settings()
    assert load(tmp_path / "none.json").load_warning == ""


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "settings.json"
    s = prod(max_amount=Decimal("500000.50"), confirm_above=Decimal("100000"), kiosk=True,
             shop_name="Дүкен", invoice_prefix="12")  # fmt: skip
    save(path, s)
    assert load(path) == s
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["max_amount"] == "500000.50" and "load_warning" not in data
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temp left over


def test_invalid_settings_are_not_saved(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save(path, Settings(shop_name="old"))
    with pytest.raises(SettingsError) as info:
        save(path, Settings(language="xx"))
    assert "language" in info.value.errors
    assert load(path).shop_name == "old"


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b"\xff\xfe\x00", b""])
def test_corrupt_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    s = load(path)
    assert s == Settings() and s.load_warning
    assert (tmp_path / "settings.json.bad").read_bytes() == content
    assert not path.exists()


def test_wrong_types_fall_back_per_field(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"shop_name": "A", "kiosk": "yes", "max_amount": 1.5,
                                "qr_expiry_minutes": 30, "future_option": 1}))  # fmt: skip
    s = load(path)
    assert (s.shop_name, s.kiosk, s.max_amount, s.qr_expiry_minutes) == (
        "A", False, Decimal("10000000"), 30,
    )  # fmt: skip
    assert "kiosk" in s.load_warning and "max_amount" in s.load_warning


def test_never_contains_the_secret(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    assert not any("secret" in f.name for f in dataclasses.fields(Settings))
    path.write_text(json.dumps({"client_id": "test", "client_secret": SECRET}))
    s = load(path)
    assert SECRET not in repr(s)
    save(path, s)
    text = path.read_text(encoding="utf-8")
    assert SECRET not in text and "secret" not in text
