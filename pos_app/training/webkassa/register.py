"""The emulated cloud register's state: users and tokens, cashboxes, shifts, checks, a clock.

Every public method takes a lower-cased request body and returns the reply's ``Data`` or raises
:class:`RegisterError`. One lock guards the state; per-cashbox "in flight" marks detect two
concurrent requests on one cashbox (code 9, counted in ``concurrency_violations``).
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from pos_app.training.webkassa import printform
from pos_app.training.webkassa.validate import RegisterError, number, validate_check

log = logging.getLogger("pos_app.training.webkassa")
KZ = timezone(timedelta(hours=5), "+05:00")
LOCAL = "%d.%m.%Y %H:%M:%S"
SHIFT_LIMIT = timedelta(hours=24)
OFFLINE_LIMIT = timedelta(hours=72)
TRAINING_LOGIN = "cashier@training.kz"
TRAINING_PASSWORD = "training"  # noqa: S105 - the emulator's published training password
TRAINING_API_KEY = "WKD-00000000-0000-0000-0000-000000000000"
TRAINING_CASHBOX = "SWK00000001"
STATUS_ACTIVE, STATUS_BLOCKED, STATUS_NOT_ACTIVATED = 1, 2, 0


def local(moment: datetime) -> str:
    return moment.astimezone(KZ).strftime(LOCAL)


@dataclass
class User:
    login: str
    password: str
    name: str
    token: str = ""
    issued: datetime | None = None
    failures: int = 0
    locked_until: datetime | None = None


@dataclass
class Shift:
    number: int
    opened: datetime
    closed: datetime | None = None
    orders: int = 0
    keys: list[str] = field(default_factory=list)


@dataclass
class Cashbox:
    unique_number: str
    rnm: str
    identity: str = "2363"
    address: str = "г. Алматы, ул. Учебная, 1"
    status: int = STATUS_ACTIVE
    cash: Decimal = Decimal("0")
    ofd_down_since: datetime | None = None
    shifts: list[Shift] = field(default_factory=list)
    checks: dict[str, dict[str, Any]] = field(default_factory=dict)  # by ExternalCheckNumber
    busy: bool = False

    @property
    def open_shift(self) -> Shift | None:
        return self.shifts[-1] if self.shifts and self.shifts[-1].closed is None else None


@dataclass
class Switches:
    """Behaviour the sources leave open (reference §7), switchable by tests."""

    duplicate_with_data: bool = True
    token_lifetime: float | None = None  # seconds; None = until the next Authorize
    lockout_after: int = 5
    allowed_rates: frozenset[int] = frozenset({0, 12, 16})
    api_key_error_code: int = 3
    strict_basis: bool = True


class Register:
    def __init__(self, public_url: str = "") -> None:
        self.lock = threading.RLock()
        self.public_url = public_url
        self.reset()

    def reset(self) -> None:
        with self.lock:
            self.offset = timedelta(0)
            self.switches = Switches()
            self.api_keys = {TRAINING_API_KEY}
            self.users = {TRAINING_LOGIN: User(TRAINING_LOGIN, TRAINING_PASSWORD,
                                               "Кассир Учебный")}
            self.cashboxes = {TRAINING_CASHBOX: Cashbox(TRAINING_CASHBOX, "000000000001")}
            self.org_name, self.org_bin = "ТОО «Учебный магазин»", "000000000000"
            self.concurrency_violations = 0
            self.warnings: list[str] = []
            self.registrations = 0  # checks actually created (duplicates excluded)
            self.expired_tokens: set[str] = set()
            self._next_number = 100000000 + int.from_bytes(os.urandom(3), "big")

    # -- clock ----------------------------------------------------------------------------

    def now(self) -> datetime:
        return datetime.now(KZ) + self.offset

    def advance(self, seconds: float) -> None:
        with self.lock:
            self.offset += timedelta(seconds=seconds)

    # -- auth -----------------------------------------------------------------------------

    def check_api_key(self, key: str | None) -> None:
        if key not in self.api_keys:
            raise RegisterError(self.switches.api_key_error_code,
                                "API-ключ не передан или не найден")

    def authorize(self, body: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            user = self.users.get(str(body.get("login", "")))
            now = self.now()
            if user is not None and user.locked_until and now < user.locked_until:
                raise RegisterError(1, "Учетная запись заблокирована на 30 минут")
            if user is None or body.get("password") != user.password:
                if user is not None:
                    user.failures += 1
                    if user.failures >= self.switches.lockout_after:
                        user.locked_until = now + timedelta(minutes=30)
                raise RegisterError(1, "Неверный логин и/или пароль")
            user.failures = 0
            if user.token:  # a new Authorize ends the previous session of this user
                self.expired_tokens.add(user.token)
            user.token = os.urandom(16).hex()
            user.issued = now
            return {"Token": user.token}

    def user_for(self, token: object) -> User:
        if not isinstance(token, str) or not token:
            raise RegisterError(3, "Пользователь не авторизован")
        for user in self.users.values():
            if user.token == token:
                life = self.switches.token_lifetime
                if life is not None and user.issued and self.now() - user.issued > timedelta(
                        seconds=life):
                    raise RegisterError(2, "Срок действия сессии истек")
                return user
        if token in self.expired_tokens:
            raise RegisterError(2, "Срок действия сессии истек")
        raise RegisterError(3, "Пользователь не авторизован")

    def expire_tokens(self) -> None:
        """Every current token answers code 2 from now on (a new Authorize cures it)."""
        with self.lock:
            for user in self.users.values():
                if user.token:
                    self.expired_tokens.add(user.token)
                    user.token = ""

    # -- cashboxes ------------------------------------------------------------------------

    def cashbox(self, body: dict[str, Any], *, write: bool = False) -> Cashbox:
        box = self.cashboxes.get(str(body.get("cashboxuniquenumber", "")))
        if box is None:
            raise RegisterError(6, "Касса не зарегистрирована в системе или не доступна "
                                   "пользователю")
        if write and box.status == STATUS_BLOCKED:
            raise RegisterError(7, "Касса заблокирована")
        if write and box.status == STATUS_NOT_ACTIVATED:
            raise RegisterError(10, "Касса не активирована")
        return box

    def begin(self, box: Cashbox) -> None:
        """Mark a request in flight on ``box``; a second one at the same time gets code 9."""
        with self.lock:
            if box.busy:
                self.concurrency_violations += 1
                raise RegisterError(9, "Ошибка валидации данных: параллельный запрос по кассе")
            box.busy = True

    def end(self, box: Cashbox) -> None:
        with self.lock:
            box.busy = False

    def _check_limits(self, box: Cashbox) -> None:
        now = self.now()
        shift = box.open_shift
        if shift is not None and now - shift.opened > SHIFT_LIMIT:
            raise RegisterError(11, "Продолжительность смены превышает 24 часа")
        if box.ofd_down_since is not None and now - box.ofd_down_since > OFFLINE_LIMIT:
            raise RegisterError(18, "Касса находится в автономном режиме более 72 часов. "
                                    "Восстановите связь с ОФД")

    # -- checks ---------------------------------------------------------------------------

    def check(self, body: dict[str, Any], user: User, lang: str) -> dict[str, Any]:
        with self.lock:
            box = self.cashbox(body, write=True)
            key = body.get("externalchecknumber")
            if isinstance(key, str) and key in box.checks:
                original = box.checks[key]
                if original["request"] != _comparable(body):
                    self.warnings.append(f"duplicate key {key} with a different payload")
                    log.warning("duplicate key %s with a different payload", key)
                data = self.reply(original, int(body.get("paperkind", 0) or 0), lang)
                raise DuplicateKey(data if self.switches.duplicate_with_data else None)
            self._check_limits(box)
            total = validate_check(body, self.switches.allowed_rates)
            basis = body.get("returnbasisdetails")
            if isinstance(basis, dict) and self.switches.strict_basis:
                self._check_basis(box, basis)
            now = self.now()
            shift = box.open_shift
            if shift is None:
                number_ = (box.shifts[-1].number if box.shifts else 0) + 1
                shift = Shift(number_, now)
                box.shifts.append(shift)
            shift.orders += 1
            offline = box.ofd_down_since is not None
            self._next_number += 1 + int.from_bytes(os.urandom(1), "big")
            fiscal = (f"{self._next_number}" if not offline
                      else f"{int(now.timestamp()) % 10**10:010d}{shift.orders:03d}")
            key = key if isinstance(key, str) else os.urandom(16).hex()
            stamp = now.astimezone(KZ)
            ofd_host = "cabinet.wofd.kz/consumer"
            record: dict[str, Any] = {
                "key": key, "number": fiscal, "date_time": local(now), "registered": now,
                "shift": shift.number, "order": shift.orders, "operation": body["operationtype"],
                "total": total, "offline": offline, "cashbox": box.unique_number,
                "rnm": box.rnm, "identity": box.identity, "address": box.address,
                "employee": user.name, "org_name": self.org_name, "org_bin": self.org_bin,
                "ofd_host": ofd_host,
                "ticket_url": (f"http://{ofd_host}?i={fiscal}&f={box.rnm}&s={total:.2f}"
                               f"&t={stamp:%Y%m%dT%H%M%S}"),
                "positions": [_position(p) for p in body["positions"]],
                "request": _comparable(body), "basis": basis,
            }
            box.checks[key] = record
            shift.keys.append(key)
            self.registrations += 1
            return self.reply(record, int(body.get("paperkind", 0) or 0), lang)

    def _check_basis(self, box: Cashbox, basis: dict[str, Any]) -> None:
        wanted = str(basis.get("checknumber", ""))
        for other in self.cashboxes.values():
            for record in other.checks.values():
                if record["number"] == wanted and record["operation"] == 2:
                    if (str(basis.get("registrationnumber")) != record["rnm"]
                            or number(basis.get("total"), "ReturnBasisDetails.Total")
                            != record["total"]
                            or bool(basis.get("isoffline")) != record["offline"]
                            or str(basis.get("datetime")) != record["date_time"]):
                        raise RegisterError(9, "Ошибка валидации данных: ReturnBasisDetails "
                                               "не совпадает с исходным чеком")
                    return
        raise RegisterError(9, "Ошибка валидации данных: исходный чек ReturnBasisDetails "
                               "не найден")

    def reply(self, record: dict[str, Any], paper_kind: int, lang: str) -> dict[str, Any]:
        box = self.cashboxes[record["cashbox"]]
        return {
            "CheckNumber": record["number"], "DateTime": record["date_time"],
            "DateTimeUTC": record["date_time"] + " +05:00", "OfflineMode": record["offline"],
            "CashboxOfflineMode": box.ofd_down_since is not None,
            "Cashbox": {"UniqueNumber": box.unique_number, "RegistrationNumber": box.rnm,
                        "IdentityNumber": box.identity, "Address": box.address,
                        "Ofd": {"Name": "АО «Учебный ОФД»", "Host": record["ofd_host"],
                                "Code": 4}},
            "CheckOrderNumber": record["order"], "ShiftNumber": record["shift"],
            "EmployeeName": record["employee"], "TicketUrl": record["ticket_url"],
            "TicketPrintUrl": (f"{self.public_url}/spa-ui/ticket?chb={box.unique_number}"
                               f"&sh={record['shift']}&extnum={record['key']}"),
            "TicketPrintFormat": printform.lines(record, paper_kind, lang),
        }

    # -- reports --------------------------------------------------------------------------

    def report(self, body: dict[str, Any], *, close: bool, user: User) -> dict[str, Any]:
        with self.lock:
            box = self.cashbox(body, write=close)
            shift = box.open_shift
            if shift is None:
                raise RegisterError(13, "Нет открытой смены")
            now = self.now()
            records = [box.checks[k] for k in shift.keys]
            sells = [r for r in records if r["operation"] == 2]
            returns = [r for r in records if r["operation"] == 3]
            data = {
                "TaxPayerName": self.org_name, "TaxPayerIN": self.org_bin,
                "ReportNumber": shift.number, "CashboxSN": box.unique_number,
                "CashboxRN": box.rnm, "CashboxIN": box.identity, "StartOn": local(shift.opened),
                "ReportOn": local(now), "CashierName": user.name, "ShiftNumber": shift.number,
                "DocumentCount": len(records),
                "Sell": _sums(sells), "ReturnSell": _sums(returns),
                "OfflineMode": box.ofd_down_since is not None,
                "CashboxOfflineMode": box.ofd_down_since is not None, "SumInCashbox": box.cash,
            }
            if close:
                shift.closed = now
                data["CloseOn"] = local(now)
            return data

    # -- history --------------------------------------------------------------------------

    def shift_history(self, body: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            box = self.cashbox(body)
            skip, take = _page(body)
            shifts = []
            for shift in box.shifts[skip: skip + take]:
                item: dict[str, Any] = {"ShiftNumber": shift.number,
                                        "OpenDate": local(shift.opened)}
                if shift.closed is not None:
                    item["CloseDate"] = local(shift.closed)
                shifts.append(item)
            return {"Total": len(box.shifts), "Shifts": shifts}

    def history_item(self, record: dict[str, Any]) -> dict[str, Any]:
        return {
            "CashboxUniqueNumber": record["cashbox"], "CashboxRegistrationNumber": record["rnm"],
            "CashboxIdentityNumber": record["identity"], "Address": record["address"],
            "Number": record["number"], "OrderNumber": record["order"],
            "RegistratedOn": record["date_time"],
            "RegistratedOnUTC": record["date_time"] + " +05:00",
            "EmployeeName": record["employee"], "ShiftNumber": record["shift"],
            "OperationType": record["operation"], "Total": record["total"],
            "IsOffline": record["offline"], "TicketUrl": record["ticket_url"],
            "ExternalCheckNumber": record["key"],
        }  # fmt: skip

    def check_history(self, body: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            box = self.cashbox(body)
            shift = self._shift(box, body.get("shiftnumber"))
            skip, take = _page(body)
            items = [self.history_item(box.checks[k]) for k in shift.keys[skip: skip + take]]
            return {"Skip": skip, "Take": take, "Total": len(shift.keys), "Items": items}

    def history_by_number(self, body: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            box = self.cashbox(body)
            shift = self._shift(box, body.get("shiftnumber"))
            for key in shift.keys:
                if box.checks[key]["number"] == str(body.get("number", "")):
                    return self.history_item(box.checks[key])
            raise RegisterError(16, "Чек не зарегистрирован в данной смене")

    def ticket_by_key(self, body: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            box = self.cashbox(body)
            shift = self._shift(box, body.get("shiftnumber"))
            key = str(body.get("externalchecknumber", ""))
            if key not in shift.keys:
                raise RegisterError(19, "Чек с таким внешним номером не найден")
            return self.history_item(box.checks[key])

    def print_format(self, body: dict[str, Any], lang: str) -> dict[str, Any]:
        with self.lock:
            box = self.cashbox(body)
            record = box.checks.get(str(body.get("externalchecknumber", "")))
            if record is None:
                raise RegisterError(16, "Чек не найден")
            kind = int(body.get("paperkind", 0) or 0)
            return {"Lines": printform.lines(record, kind, lang)}

    def cashboxes_list(self) -> dict[str, Any]:
        with self.lock:
            items = []
            for box in self.cashboxes.values():
                last = box.shifts[-1] if box.shifts else None
                items.append({
                    "UniqueNumber": box.unique_number, "RegistrationNumber": box.rnm,
                    "IdentificationNumber": box.identity, "Name": "Касса",
                    "IsOffline": box.ofd_down_since is not None, "CurrentStatus": box.status,
                    "Shift": None if last is None else {
                        "ShiftNumber": last.number, "OpenDate": local(last.opened),
                        "CloseDate": local(last.closed) if last.closed else None},
                })
            return {"List": items}

    def client_info(self, body: dict[str, Any]) -> dict[str, Any]:
        box = self.cashbox(body)
        return {"CashboxStatus": box.status,
                "License": {"LicenseStatus": 1,
                            "LicenseExpirationDate": (self.now() + timedelta(days=365))
                            .isoformat(timespec="seconds")},
                "Ofd": {"Ofd": "АО «Учебный ОФД»"}}

    def _shift(self, box: Cashbox, number_: object) -> Shift:
        for shift in box.shifts:
            if shift.number == number_:
                return shift
        raise RegisterError(15, "Смена не существует")

    # -- for the control API and tests ----------------------------------------------------

    def all_checks(self) -> list[dict[str, Any]]:
        with self.lock:
            return [{"key": r["key"], "number": r["number"], "cashbox": r["cashbox"],
                     "operation": r["operation"], "total": f"{r['total']:.2f}",
                     "shift": r["shift"], "offline": r["offline"], "date_time": r["date_time"],
                     "ticket_url": r["ticket_url"], "basis": _plain(r["basis"])}
                    for box in self.cashboxes.values() for r in box.checks.values()]


class DuplicateKey(Exception):
    def __init__(self, data: dict[str, Any] | None) -> None:
        super().__init__("duplicate")
        self.data = data


def _comparable(body: dict[str, Any]) -> str:
    return repr(sorted((k, repr(v)) for k, v in body.items() if k != "token"))


def _position(raw: dict[str, Any]) -> dict[str, Any]:
    price, count = Decimal(raw["price"]), Decimal(raw["count"])
    return {"name": str(raw["positionname"]), "price": price, "count": count,
            "sum": (price * count).quantize(Decimal("0.01")),
            "percent": raw.get("taxpercent") if raw.get("taxtype") == 100 else None,
            "tax": Decimal(raw["tax"])}


def _sums(records: list[dict[str, Any]]) -> dict[str, Any]:
    total = sum((r["total"] for r in records), Decimal("0"))
    return {"PaymentsByTypesApiModel": [{"Sum": total, "Type": 1}], "Count": len(records)}


def _page(body: dict[str, Any]) -> tuple[int, int]:
    skip, take = body.get("skip", 0), body.get("take", 50)
    if (isinstance(skip, bool) or not isinstance(skip, int) or skip < 0
            or isinstance(take, bool) or not isinstance(take, int) or not 1 <= take <= 50):
        raise RegisterError(9, "Ошибка валидации данных: Skip >= 0, Take от 1 до 50")
    return skip, take


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
