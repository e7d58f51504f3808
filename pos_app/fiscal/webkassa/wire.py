"""Webkassa's JSON on the wire: exact Decimal numbers out, Decimal numbers in, dates in +05:00.

``dumps`` writes ``Decimal`` as a JSON number with its exact digits (``1500.00``), never through
``float``. ``with_token`` puts the session token in front of a stored body without touching the
rest of its bytes, so a resend is the identical request with a fresh token.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

KZ = timezone(timedelta(hours=5), "+05:00")
_LOCAL = "%d.%m.%Y %H:%M:%S"


def dumps(value: Any) -> str:
    """JSON text for dicts, lists, str, int, bool, None and finite ``Decimal``."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError("not a finite amount")
        return f"{value:f}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(str(k))}: {dumps(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(dumps(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to Webkassa JSON")


def loads(text: str) -> Any:
    """Parse a reply; numbers with a fraction become ``Decimal``. ValueError if not JSON."""
    return json.loads(text, parse_float=Decimal)


def with_token(body: str, token: str) -> str:
    """``{"Token": token, ...body}`` as text, the stored body's bytes otherwise unchanged."""
    inner = body.strip()
    if not inner.startswith("{") or not inner.endswith("}"):
        raise ValueError("a stored body is a JSON object")
    rest = inner[1:].strip()
    head = '{"Token": ' + json.dumps(token)
    return head + "}" if rest == "}" else head + ", " + rest


def parse_local(text: object) -> datetime | None:
    """``dd.MM.yyyy HH:mm:ss`` (optionally `` +05:00``) or ISO 8601 → aware datetime; else None."""
    if not isinstance(text, str) or not text.strip():
        return None
    raw = text.strip()
    match = re.fullmatch(r"(\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d)(?: ([+-]\d\d:\d\d))?", raw)
    try:
        if match:
            moment = datetime.strptime(match.group(1), _LOCAL)
            if match.group(2):
                sign = 1 if match.group(2)[0] == "+" else -1
                hours, minutes = int(match.group(2)[1:3]), int(match.group(2)[4:6])
                return moment.replace(tzinfo=timezone(sign * timedelta(hours=hours,
                                                                       minutes=minutes)))
            return moment.replace(tzinfo=KZ)
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=KZ)


def format_local(moment: datetime) -> str:
    """An aware datetime as Webkassa's local text, ``dd.MM.yyyy HH:mm:ss`` in +05:00."""
    return moment.astimezone(KZ).strftime(_LOCAL)
