"""Check validation as the register does it (reference §2.3, §6.3), on lower-cased keys.

``validate_check`` returns the computed total or raises :class:`RegisterError` code 9 naming the
field, the way Webkassa's ``Text`` does.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

MAX_MONEY = Decimal("999999999")
TIYN = Decimal("0.01")
TENGE = Decimal("1")


class RegisterError(Exception):
    def __init__(self, code: int, text: str) -> None:
        super().__init__(f"{code}: {text}")
        self.code = code
        self.text = text


def lower_keys(value: Any) -> Any:
    """Keys of every nested object in lower case: the register binds names in any case."""
    if isinstance(value, dict):
        return {str(k).lower(): lower_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [lower_keys(v) for v in value]
    return value


def _bad(field: str, why: str) -> RegisterError:
    return RegisterError(9, f"Ошибка валидации данных: поле {field}: {why}")


def number(value: Any, field: str, *, places: int = 2, maximum: Decimal = MAX_MONEY) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise _bad(field, "ожидается число")
    amount = Decimal(value)
    if not amount.is_finite() or amount < 0:
        raise _bad(field, "отрицательное или нечисловое значение")
    if amount > maximum:
        raise _bad(field, "слишком большое значение")
    if amount != amount.quantize(Decimal(1).scaleb(-places)):
        raise _bad(field, f"не более {places} знаков после запятой")
    return amount


def _round(value: Decimal, step: Decimal) -> Decimal:
    return value.quantize(step, rounding=ROUND_HALF_UP)


def validate_check(body: dict[str, Any], allowed_rates: frozenset[int]) -> Decimal:
    """Validate a lower-cased check body; return the check total."""
    operation = body.get("operationtype")
    if operation not in (0, 1, 2, 3):
        raise _bad("OperationType", "допустимы 0, 1, 2, 3")
    round_type = body.get("roundtype", 2)
    if round_type not in (0, 1, 2, 3):
        raise _bad("RoundType", "допустимы 0, 1, 2, 3")
    key = body.get("externalchecknumber")
    if key is not None and (not isinstance(key, str) or not 1 <= len(key) <= 50):
        raise _bad("ExternalCheckNumber", "строка не длиннее 50 символов")
    positions = body.get("positions")
    if not isinstance(positions, list) or not positions:
        raise _bad("Positions", "нужна хотя бы одна позиция")
    total = Decimal("0")
    taxes = Decimal("0")
    for index, raw in enumerate(positions):
        if not isinstance(raw, dict):
            raise _bad(f"Positions[{index}]", "ожидается объект")
        count = number(raw.get("count"), f"Positions[{index}].Count", places=3,
                       maximum=Decimal("4294967.295"))
        if count == 0:
            raise _bad(f"Positions[{index}].Count", "должно быть больше нуля")
        price = number(raw.get("price"), f"Positions[{index}].Price")
        discount = number(raw.get("discount", 0) or 0, f"Positions[{index}].Discount")
        markup = number(raw.get("markup", 0) or 0, f"Positions[{index}].Markup")
        name = raw.get("positionname")
        if not isinstance(name, str) or not name.strip() or len(name) > 255:
            raise _bad(f"Positions[{index}].PositionName", "от 1 до 255 символов")
        if isinstance(raw.get("unitcode"), bool) or not isinstance(raw.get("unitcode"), int):
            raise _bad(f"Positions[{index}].UnitCode", "ожидается код единицы")
        step = TENGE if round_type in (1, 2) else TIYN
        line = _round(price * count - discount + markup, step)
        if line < 0:
            raise _bad(f"Positions[{index}]", "отрицательная сумма позиции")
        tax_type = raw.get("taxtype")
        tax = number(raw.get("tax"), f"Positions[{index}].Tax")
        if tax_type == 100:
            percent = raw.get("taxpercent")
            if isinstance(percent, bool) or not isinstance(percent, int) or (
                    percent not in allowed_rates):
                raise _bad(f"Positions[{index}].TaxPercent",
                           f"ставка не разрешена для кассы ({sorted(allowed_rates)})")
            expected = _round(line * percent / (100 + percent), TIYN)
        elif tax_type == 0:
            expected = Decimal("0.00")
        else:
            raise _bad(f"Positions[{index}].TaxType", "допустимы 0 и 100")
        if tax != expected:
            raise _bad(f"Positions[{index}].Tax", f"ожидается {expected}")
        total += line
        taxes += tax
    if round_type in (1, 3):
        total = _round(total, TENGE)
    payments = body.get("payments")
    if not isinstance(payments, list) or not payments:
        raise _bad("Payments", "нужна хотя бы одна оплата")
    seen: set[int] = set()
    paid = Decimal("0")
    non_cash = Decimal("0")
    for index, raw in enumerate(payments):
        kind = raw.get("paymenttype") if isinstance(raw, dict) else None
        if kind not in (0, 1, 4) or kind in seen:
            raise _bad(f"Payments[{index}].PaymentType", "допустимы 0, 1, 4, каждый один раз")
        seen.add(kind)
        amount = number(raw.get("sum"), f"Payments[{index}].Sum")
        paid += amount
        if kind != 0:
            non_cash += amount
    if non_cash > total:
        raise _bad("Payments", "безналичная оплата больше суммы чека")
    change = body.get("change")
    if change is None:
        if paid < total or (0 not in seen and paid != total):
            raise _bad("Payments", f"сумма оплат {paid} не равна сумме чека {total}")
    elif paid - number(change, "Change") != total:
        raise _bad("Change", "сумма оплат минус сдача не равна сумме чека")
    if operation in (1, 3) and not isinstance(body.get("returnbasisdetails"), dict):
        raise _bad("ReturnBasisDetails", "обязательно для возврата")
    return total
