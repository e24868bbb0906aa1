"""A tiny JSON file with what the attract screen shows, readable before SQLAlchemy is imported.

The attract screen is the first frame; it must not wait for the database layer to import (about a
third of a second). The cache build writes this snapshot next to the cache file.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.data.content_format import Content

SNAPSHOT_NAME = "attract.json"


@dataclass(frozen=True)
class AttractInfo:
    department: str = ""
    hall: str = ""
    commitments: list[str] = field(default_factory=list)
    demo: bool = False
    #: the English the content gives: department, hall, commitments (each title English or Chinese)
    en: dict[str, Any] = field(default_factory=dict)

    def in_language(self, language: str) -> AttractInfo:
        """The texts in ``language``: in English, the English where the content gives it."""
        if language != "en" or not self.en:
            return self
        return AttractInfo(department=self.en.get("department") or self.department,
                           hall=self.en.get("hall") or self.hall,
                           commitments=list(self.en.get("commitments") or self.commitments), demo=self.demo)


def from_content(content: Content) -> AttractInfo:
    first = content.commitments[0]["items"] if content.commitments else []
    english = content.hall.get("en", {})
    return AttractInfo(
        department=content.hall["department"],
        hall=content.hall["name"],
        commitments=[entry["title"] for entry in first],
        demo=content.demo,
        en=english_of(english.get("department", ""), english.get("name", ""),
                      [(entry["title"], entry.get("en", {}).get("title", "")) for entry in first]),
    )


def english_of(department: str, hall: str, titles: list[tuple[str, str]]) -> dict[str, Any]:
    """The ``en`` of an :class:`AttractInfo`: ({} without any English); titles are (Chinese, English)."""
    english: dict[str, Any] = {}
    if department:
        english["department"] = department
    if hall:
        english["hall"] = hall
    if any(en for _, en in titles):
        english["commitments"] = [en or zh for zh, en in titles]
    return english


def write(data_dir: Path, info: AttractInfo) -> None:
    target = data_dir / SNAPSHOT_NAME
    partial = target.with_suffix(".json.part")
    partial.write_text(json.dumps(asdict(info), ensure_ascii=False), encoding="utf-8")
    os.replace(partial, target)


def read(data_dir: Path) -> AttractInfo | None:
    try:
        raw = json.loads((data_dir / SNAPSHOT_NAME).read_text(encoding="utf-8"))
        return AttractInfo(
            department=str(raw["department"]), hall=str(raw["hall"]),
            commitments=[str(c) for c in raw["commitments"]], demo=bool(raw.get("demo", False)),
            en=dict(raw.get("en") or {}),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
