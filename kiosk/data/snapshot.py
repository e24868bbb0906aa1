"""A tiny JSON file with what the attract screen shows, readable before SQLAlchemy is imported.

The attract screen is the first frame; it must not wait for the database layer to import (about a
third of a second). The cache build writes this snapshot next to the cache file.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.data.content_format import Content

SNAPSHOT_NAME = "attract.json"


@dataclass(frozen=True)
class AttractInfo:
    department: str = ""
    hall: str = ""
    commitments: list[str] = field(default_factory=list)
    demo: bool = False


def from_content(content: Content) -> AttractInfo:
    first = content.commitments[0]["items"] if content.commitments else []
    return AttractInfo(
        department=content.hall["department"],
        hall=content.hall["name"],
        commitments=[entry["title"] for entry in first],
        demo=content.demo,
    )


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
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
