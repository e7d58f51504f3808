"""Head-office settings: URL rules (no password, TLS off loopback), file, keyring failures."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest

from pos_app.hq import config as hq_config
from pos_app.hq.config import HqConfig, connect_options, effective, url_problem
from pos_app.hq.errors import HqConfigError
from pos_app.hq.secret import load_password


@pytest.mark.parametrize(("url", "problem"), [
    ("postgresql://till@127.0.0.1:5432/hq", ""),
    ("postgresql://till@localhost/hq", ""),
    ("postgresql://till@/hq?host=/var/run/postgresql", ""),
    ("postgresql://till@db.chain.kz/hq", ""),
    ("postgresql://till@db.chain.kz/hq?sslmode=verify-full", ""),
    ("postgresql://till@db.chain.kz/hq?sslmode=disable", "unencrypted"),
    ("postgresql://till@db.chain.kz/hq?sslmode=prefer", "unencrypted"),
    ("postgresql://till:pw@db.chain.kz/hq", "password"),
    ("postgresql://till@db.chain.kz/hq?password=pw", "password"),
    ("mysql://till@db/hq", "postgresql://"),
    ("postgresql://till@db.chain.kz:99999/hq", "valid"),
    ("", "Required"),
])
def test_url_rules(url: str, problem: str) -> None:
    found = url_problem(url)
    assert (problem in found) if problem else found == ""


def test_tls_is_verify_full_off_loopback_and_ca_file_passed(tmp_path: Path) -> None:
    remote = HqConfig(url="postgresql://t@db.chain.kz/hq", shop_id="S", till_id="T",
                      ca_file=str(tmp_path / "ca.pem"))
    assert connect_options(remote)["sslmode"] == "verify-full"
    assert connect_options(remote)["sslrootcert"] == str(tmp_path / "ca.pem")
    assert "sslmode" not in connect_options(HqConfig(url="postgresql://t@127.0.0.1/hq"))
    assert "password" not in connect_options(remote)


def test_file_round_trip_env_override_and_damage(tmp_path: Path) -> None:
    file = hq_config.path(tmp_path)
    assert not hq_config.load(file).configured
    cfg = HqConfig(url="postgresql://t@127.0.0.1/hq", shop_id="almaty-1", till_id="a.1")
    hq_config.save(file, cfg)
    assert hq_config.load(file) == cfg
    assert effective(cfg, {"POS_APP_HQ_URL": "postgresql://x@127.0.0.2/y"}).url.endswith("/y")
    with pytest.raises(HqConfigError):
        hq_config.save(file, HqConfig(url=cfg.url, shop_id="bad id", till_id="T"))
    file.write_text("{not json")
    with pytest.raises(HqConfigError, match="cannot be read"):
        hq_config.load(file)


def test_a_broken_keyring_means_no_password(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(service: str, username: str) -> str | None:
        raise KeyError("a backend bug")

    # Patched, not a KeyringBackend subclass: keyring registers every subclass it sees.
    monkeypatch.setattr(keyring, "get_password", broken)
    assert load_password(HqConfig(url="postgresql://t@127.0.0.1/hq")) is None


def test_for_till_only_when_configured_for_this_environment(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from pos_app.hq.config import for_till, save

    assert for_till("training", tmp_path, {}) is None  # no hq.json
    stored = HqConfig(url="postgresql://t@127.0.0.1:5432/hq", shop_id="S1", till_id="T1",
                      environment="training")
    save(tmp_path / "hq.json", stored)
    assert for_till("training", tmp_path, {}) == stored
    assert for_till("prod", tmp_path, {}) is None  # another environment's journal
    moved = "postgresql://t@127.0.0.1:6543/hq"
    assert for_till("training", tmp_path, {"POS_APP_HQ_URL": moved}) == HqConfig(
        url=moved, shop_id="S1", till_id="T1", environment="training")
    assert for_till("training", tmp_path, {"POS_APP_HQ_URL": "postgresql://t@db.kz/hq?"
                                           "sslmode=disable"}) is None  # invalid: no sync
    (tmp_path / "hq.json").write_text("{not json", encoding="utf-8")
    with caplog.at_level("ERROR", logger="pos_app.hq"):
        assert for_till("training", tmp_path, {}) is None
    assert "head-office settings unreadable" in caplog.text
