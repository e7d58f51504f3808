"""The emulator's params decoder against the app's encoder (reference §3.3)."""

from __future__ import annotations

from decimal import Decimal

import lzstring
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos_app.epay.params import encode_params, pack_params
from pos_app.training import codec

TEXT = st.text(max_size=40)  # hypothesis leaves out surrogates by default
KEYS = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,11}", fullmatch=True)


@settings(max_examples=150, deadline=None)
@given(
    flat=st.dictionaries(KEYS.filter(lambda k: k != "auth"), TEXT, max_size=6),
    auth=st.dictionaries(KEYS, TEXT, min_size=1, max_size=5),
)
def test_round_trip(flat: dict[str, str], auth: dict[str, str]) -> None:
    obj: dict[str, object] = {**flat, "auth": auth}
    decoded = codec.decode_params(pack_params(obj))
    assert decoded == {**flat, "auth": auth}


def test_js_types_and_own_encoder() -> None:
    obj: dict[str, object] = {"amount": Decimal("100.00"), "cardSave": False, "x": None,
                              "auth": {"expires_in": 7200, "access_token": "A+B/C"}}
    decoded = codec.decode_params(pack_params(obj))
    assert decoded == {"amount": "100", "cardSave": "false", "x": "",
                       "auth": {"expires_in": "7200", "access_token": "A+B/C"}}
    assert codec.encode_params(obj) == encode_params(obj)
    assert codec.pack(obj) == pack_params(obj)


def test_bare_auth_stays_string() -> None:
    assert codec.decode_params(pack_params({"auth": "TOKEN"}))["auth"] == "TOKEN"


def test_rejects_base64_and_garbage() -> None:
    text = encode_params({"invoiceId": "000001", "auth": {"access_token": "T"}})
    b64 = lzstring.LZString().compressToBase64(text)
    assert "=" in b64 or "/" in b64
    for bad in (b64, "", "%%%", "abc/def"):
        with pytest.raises(codec.CodecError):
            codec.decode_params(bad)
