"""The Webkassa adapter against the emulator over real loopback HTTP (reference §6.3 list)."""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest

from pos_app.fiscal.errors import (
    AuthRejected,
    ConfigError,
    Duplicate,
    OfflineTooLong,
    OutcomeUnknown,
    RegisterBlocked,
    ShiftTooLong,
    TemporarilyUnavailable,
    ValidationError,
)
from pos_app.fiscal.receipt import ReturnBasis, TaxPolicy, receipt_for_amount
from pos_app.fiscal.webkassa.adapter import WebkassaAdapter
from pos_app.fiscal.webkassa.client import WebkassaClient, WebkassaCredentials
from pos_app.training.webkassa import TRAINING_CASHBOX, WebkassaEmulator
from tests.fiscal.conftest import CREDS, make_adapter

SALE = receipt_for_amount(Decimal("1500.00"), "Товар", TaxPolicy(16))


def _checks(wk: WebkassaEmulator, key: str) -> list[dict[str, object]]:
    return [c for c in wk.register.all_checks() if c["key"] == key]


def test_card_sale_with_vat_16(wk: WebkassaEmulator, adapter: WebkassaAdapter) -> None:
    result = adapter.send(adapter.prepare(SALE, "pos-S-000000000001"))
    assert result.fiscal_number.isdigit()
    assert result.total == Decimal("1500.00")
    assert result.registration_number == "000000000001"
    assert f"i={result.fiscal_number}" in result.ticket_url and "s=1500.00" in result.ticket_url
    assert not result.offline and result.shift_number == 1 and result.order_number == 1
    assert any(line.kind == "qr" and line.value == result.ticket_url
               for line in result.print_lines)
    assert any("206.90" in line.value for line in result.print_lines)
    assert len(_checks(wk, "pos-S-000000000001")) == 1


def test_sale_without_vat_and_vat_0(wk: WebkassaEmulator, adapter: WebkassaAdapter) -> None:
    for n, tax in enumerate((TaxPolicy(None), TaxPolicy(0))):
        receipt = receipt_for_amount(Decimal("99.99"), "Тауар", tax)
        adapter.send(adapter.prepare(receipt, f"pos-S-00000000001{n}"))
    assert wk.register.registrations == 2


def test_rate_not_allowed_is_a_validation_error(wk: WebkassaEmulator,
                                                adapter: WebkassaAdapter) -> None:
    wk.switch(allowed_rates=[12])
    with pytest.raises(ValidationError) as info:
        adapter.send(adapter.prepare(SALE, "pos-S-000000000002"))
    assert info.value.register_code == 9 and info.value.registered is False
    assert wk.register.registrations == 0


def test_return_with_basis(wk: WebkassaEmulator, adapter: WebkassaAdapter) -> None:
    sale = adapter.send(adapter.prepare(SALE, "pos-S-000000000003"))
    back = adapter.send(adapter.prepare(SALE, "pos-R-000000000003-1", ReturnBasis.of(sale)))
    assert back.fiscal_number != sale.fiscal_number
    (record,) = _checks(wk, "pos-R-000000000003-1")
    assert record["operation"] == 3
    assert record["basis"] == {"checknumber": sale.fiscal_number, "datetime": sale.date_time,
                               "registrationnumber": "000000000001", "total": "1500.00",
                               "isoffline": False}


def test_return_with_a_wrong_basis_is_refused(wk: WebkassaEmulator,
                                              adapter: WebkassaAdapter) -> None:
    sale = adapter.send(adapter.prepare(SALE, "pos-S-000000000004"))
    wrong = ReturnBasis(sale.fiscal_number, sale.date_time, "999", sale.total, False)
    with pytest.raises(ValidationError):
        adapter.send(adapter.prepare(SALE, "pos-R-000000000004-1", wrong))


@pytest.mark.parametrize("with_data", [True, False])
def test_duplicate_key_gives_one_check(wk: WebkassaEmulator, adapter: WebkassaAdapter,
                                       with_data: bool) -> None:
    wk.switch(duplicate_with_data=with_data)
    request = adapter.prepare(SALE, "pos-S-000000000005")
    first = adapter.send(request)
    if with_data:
        again = adapter.send(request)
        assert again.recovered and again.fiscal_number == first.fiscal_number
    else:
        with pytest.raises(Duplicate) as info:
            adapter.send(request)
        assert info.value.result is None and info.value.registered is True
        found = adapter.find_by_key("pos-S-000000000005")
        assert found is not None and found.fiscal_number == first.fiscal_number
    assert wk.register.registrations == 1


def test_token_expiry_mid_sale_authorizes_once(wk: WebkassaEmulator,
                                               adapter: WebkassaAdapter) -> None:
    adapter.status()  # a session exists
    wk.register.expire_tokens()
    result = adapter.send(adapter.prepare(SALE, "pos-S-000000000006"))
    assert result.fiscal_number and wk.register.registrations == 1


def test_token_lifetime_expiry(wk: WebkassaEmulator, adapter: WebkassaAdapter) -> None:
    wk.switch(token_lifetime=60)
    adapter.status()
    wk.register.advance(120)
    adapter.send(adapter.prepare(SALE, "pos-S-000000000007"))
    assert wk.register.registrations == 1


def test_wrong_password_is_not_retried(wk: WebkassaEmulator) -> None:
    client = WebkassaClient(wk.urls["api"], WebkassaCredentials(CREDS.api_key, CREDS.login, "x"))
    with pytest.raises(AuthRejected):
        WebkassaAdapter(client, TRAINING_CASHBOX).status()
    assert wk.register.users[CREDS.login].failures == 1


def test_unknown_cashbox(wk: WebkassaEmulator) -> None:
    client = WebkassaClient(wk.urls["api"], CREDS)
    other = WebkassaAdapter(client, "SWK99999999")
    with pytest.raises(ConfigError) as info:
        other.send(other.prepare(SALE, "pos-S-000000000008"))
    assert info.value.register_code == 6


def test_shift_over_24_hours_then_z_then_retry(wk: WebkassaEmulator,
                                               adapter: WebkassaAdapter) -> None:
    adapter.send(adapter.prepare(SALE, "pos-S-000000000009"))
    status = adapter.status()
    assert status.shift_open and status.hours_left is not None and status.hours_left > 23.9
    wk.register.advance(23 * 3600)
    assert 0.9 < (adapter.status().hours_left or 0) <= 1.0
    wk.register.advance(3600 + 1)
    request = adapter.prepare(SALE, "pos-S-000000000010")
    with pytest.raises(ShiftTooLong) as info:
        adapter.send(request)
    assert info.value.register_code == 11 and info.value.registered is False
    report = adapter.close_shift()
    assert report.shift_number == 1 and report.closed and report.closed_on
    result = adapter.send(request)
    assert result.shift_number == 2
    assert len(_checks(wk, "pos-S-000000000010")) == 1


def test_blocked_cashbox(wk: WebkassaEmulator, adapter: WebkassaAdapter) -> None:
    wk.set_cashbox(status="blocked")
    request = adapter.prepare(SALE, "pos-S-000000000011")
    with pytest.raises(RegisterBlocked) as info:
        adapter.send(request)
    assert info.value.register_code == 7 and info.value.retryable
    wk.set_cashbox(status="active")
    assert adapter.send(request).fiscal_number


def test_autonomous_mode_and_72_hour_limit(wk: WebkassaEmulator,
                                           adapter: WebkassaAdapter) -> None:
    wk.set_cashbox(ofd_down=True)
    offline = adapter.send(adapter.prepare(SALE, "pos-S-000000000012"))
    assert offline.offline
    assert any("АВТОНОМНЫЙ" in line.value for line in offline.print_lines)
    adapter.close_shift()
    wk.register.advance(72 * 3600 + 1)
    with pytest.raises(OfflineTooLong) as info:
        adapter.send(adapter.prepare(SALE, "pos-S-000000000013"))
    assert info.value.register_code == 18
    wk.set_cashbox(ofd_down=False)
    back = adapter.send(adapter.prepare(SALE, "pos-R-000000000012-1", ReturnBasis.of(offline)))
    assert not back.offline
    (record,) = _checks(wk, "pos-R-000000000012-1")
    assert record["basis"]["isoffline"] is True  # type: ignore[index]


def test_505_fails_over_to_the_advertised_host(wk: WebkassaEmulator,
                                               adapter: WebkassaAdapter) -> None:
    adapter.status()
    wk.add_fault("check", "code_505")
    result = adapter.send(adapter.prepare(SALE, "pos-S-000000000014"))
    assert result.fiscal_number and wk.register.registrations == 1


def test_505_everywhere_is_bounded_and_registers_nothing(wk: WebkassaEmulator,
                                                         adapter: WebkassaAdapter) -> None:
    adapter.status()
    wk.add_fault("check", "code_505", count=10)
    with pytest.raises(TemporarilyUnavailable) as info:
        adapter.send(adapter.prepare(SALE, "pos-S-000000000015"))
    assert info.value.register_code == 505 and info.value.registered is False
    assert wk.register.registrations == 0
    assert wk.take_fault("check") is not None  # not every armed fault was used: bounded


def test_commit_then_drop_is_unknown_then_resend_recovers(wk: WebkassaEmulator,
                                                          adapter: WebkassaAdapter) -> None:
    request = adapter.prepare(SALE, "pos-S-000000000016")
    wk.add_fault("check", "drop_after_commit")
    with pytest.raises(OutcomeUnknown) as info:
        adapter.send(request)
    assert info.value.registered is None
    assert wk.register.registrations == 1
    again = adapter.send(request)
    assert again.recovered and wk.register.registrations == 1


def test_delay_past_timeout_then_commit(wk: WebkassaEmulator) -> None:
    adapter = make_adapter(wk, timeout=0.5)
    adapter.status()
    request = adapter.prepare(SALE, "pos-S-000000000017")
    wk.add_fault("check", "delay_then_commit", delay=1.0)
    with pytest.raises(OutcomeUnknown):
        adapter.send(request)
    # the register commits after the client gave up: a lookup finds it once it is there
    import time

    deadline = time.monotonic() + 5
    while wk.register.registrations == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    found = adapter.find_by_key("pos-S-000000000017")
    assert found is not None and found.recovered
    assert adapter.find_by_key("pos-S-000000000099") is None


def test_connection_refused_is_definitely_not_registered() -> None:
    client = WebkassaClient("http://127.0.0.1:9", CREDS, timeout=httpx.Timeout(2.0))
    adapter = WebkassaAdapter(client, TRAINING_CASHBOX)
    with pytest.raises(TemporarilyUnavailable) as info:
        adapter.send(adapter.prepare(SALE, "pos-S-000000000018"))
    assert info.value.registered is False


def test_print_form_widths_and_language(wk: WebkassaEmulator, adapter: WebkassaAdapter) -> None:
    adapter.send(adapter.prepare(SALE, "pos-S-000000000019"))
    lines = adapter.print_lines("pos-S-000000000019")
    assert all(len(line.value) <= 48 for line in lines if line.kind == "text")
    assert any("ФИСКАЛЬНЫЙ ЧЕК" in line.value for line in lines)
    client = WebkassaClient(wk.urls["api"], CREDS, language="kk-KZ")
    narrow = WebkassaAdapter(client, TRAINING_CASHBOX, paper_mm=58)
    kk = narrow.print_lines("pos-S-000000000019")
    assert all(len(line.value) <= 36 for line in kk if line.kind == "text")
    assert any("ФИСКАЛДЫҚ ЧЕК" in line.value for line in kk)


def test_requests_to_one_cashbox_never_overlap(wk: WebkassaEmulator,
                                               adapter: WebkassaAdapter) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(
            lambda n: adapter.send(adapter.prepare(SALE, f"pos-S-0000000001{n:02d}")),
            range(12)))
    assert len({r.fiscal_number for r in results}) == 12
    assert wk.register.concurrency_violations == 0
