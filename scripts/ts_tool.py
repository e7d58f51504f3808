"""Small helpers for Qt .ts files (used by scripts/i18n and by the translator).

    python scripts/ts_tool.py english resources/translations/pos_app_en.ts
        every unfinished entry gets its source text (English is the source language)
    python scripts/ts_tool.py unfinished resources/translations/pos_app_ru.ts
        print the unfinished entries as JSON: [{"context", "source", "numerus"}]
    python scripts/ts_tool.py apply resources/translations/pos_app_ru.ts table.json
        fill entries from {"<context>\\u0004<source>" or "<source>": text or [forms]}
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def _load(path: Path) -> ET.ElementTree:
    return ET.parse(path)  # noqa: S314 - our own files


def _save(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def _messages(tree: ET.ElementTree):  # type: ignore[no-untyped-def]
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def _set(message: ET.Element, value: str | list[str]) -> None:
    translation = message.find("translation")
    assert translation is not None
    translation.attrib.pop("type", None)
    if message.get("numerus") == "yes":
        forms = value if isinstance(value, list) else [value]
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        for form in forms:
            ET.SubElement(translation, "numerusform").text = form
    else:
        translation.text = value if isinstance(value, str) else value[0]


def english(path: Path) -> None:
    tree = _load(path)
    for _context, message in _messages(tree):
        translation = message.find("translation")
        if translation is not None and translation.get("type") == "unfinished":
            source = message.findtext("source") or ""
            _set(message, [source, source] if message.get("numerus") == "yes" else source)
    _save(tree, path)


def unfinished(path: Path) -> list[dict[str, object]]:
    tree = _load(path)
    out: list[dict[str, object]] = []
    for context, message in _messages(tree):
        translation = message.find("translation")
        if translation is not None and translation.get("type") == "unfinished":
            out.append({"context": context, "source": message.findtext("source"),
                        "numerus": message.get("numerus") == "yes"})
    return out


def apply(path: Path, table: dict[str, str | list[str]]) -> int:
    tree = _load(path)
    done = 0
    for context, message in _messages(tree):
        source = message.findtext("source") or ""
        value = table.get(f"{context}\u0004{source}", table.get(source))
        if value is not None:
            _set(message, value)
            done += 1
    _save(tree, path)
    return done


def main(argv: list[str]) -> int:
    command, path = argv[0], Path(argv[1])
    if command == "english":
        english(path)
    elif command == "unfinished":
        print(json.dumps(unfinished(path), ensure_ascii=False, indent=1))
    elif command == "apply":
        table = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
        print(apply(path, table), "entries filled")
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
