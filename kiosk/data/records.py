"""Content as records: the unit of change between a content file, the office database and the cache.

A record is one department, topic, post, item, file (a photo or form, by its SHA-256), the hall or the
commitments, identified by ``(kind, key)`` and carried as the normalised dict of
:mod:`kiosk.data.content_format`. The office stores and versions records; a kiosk applies them to its
cache one transaction at a time. Building the cache from a content file goes through the same code.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from kiosk.data.content_format import Content
from kiosk.data.models import (
    Commitment,
    CommitmentGroup,
    Department,
    FlowStep,
    Form,
    Hall,
    Item,
    ItemTopic,
    Material,
    Post,
    Staff,
    Topic,
)

#: the order in which a batch is applied: what others refer to comes first
KINDS = ("file", "hall", "commitments", "department", "topic", "post", "item")
FILE_PREFIX = "file:"
Key = tuple[str, str]


@dataclass(frozen=True)
class Change:
    kind: str
    key: str
    body: dict[str, Any] | None  # None: deleted (a tombstone)


def content_records(content: Content) -> dict[Key, dict[str, Any]]:
    """Every record of a content file; photos and forms become ``file`` records referenced by hash."""
    records: dict[Key, dict[str, Any]] = {}

    def attach(path: str) -> str:
        if not path:
            return ""
        data = Path(path).read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        # a file is its bytes (and its kind, for viewers): where it was found does not matter
        records[("file", digest)] = {"ext": Path(path).suffix.lower(), "data": base64.b64encode(data).decode("ascii")}
        return f"{FILE_PREFIX}{digest}{Path(path).suffix.lower()}"

    records[("hall", "hall")] = {**content.hall, "demo": content.demo}
    records[("commitments", "all")] = {"groups": content.commitments}
    for seq, department in enumerate(content.departments):
        records[("department", department["code"])] = {**department, "seq": seq}
    for seq, topic in enumerate(content.topics):
        records[("topic", topic["code"])] = {**topic, "seq": seq}
    for post in content.posts:
        staff = [{**person, "photo": attach(person["photo"])} for person in post["staff"]]
        records[("post", post["code"])] = {**post, "staff": staff}
    for seq, item in enumerate(content.items):
        materials = [{**m, "blank_form": attach(m["blank_form"]), "sample": attach(m["sample"])}
                     for m in item["materials"]]
        forms = [{**form, "file": attach(form["file"])} for form in item.get("forms", [])]
        records[("item", item["code"])] = {**item, "materials": materials, "forms": forms, "seq": seq}
    return records


def record_text(body: Mapping[str, Any]) -> str:
    """The canonical JSON of a record: equal content gives equal text (so unchanged means no write)."""
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def apply_changes(session: Session, changes: Iterable[Change], files_dir: Path) -> set[str]:
    """Apply a batch inside the caller's transaction; returns the kinds that changed.

    Foreign keys are checked at commit, so a batch may delete a department before the items that
    referred to it are moved elsewhere.
    """
    session.connection().exec_driver_sql("PRAGMA defer_foreign_keys=ON")
    ordered = sorted(changes, key=lambda c: KINDS.index(c.kind) if c.kind in KINDS else len(KINDS))
    kinds: set[str] = set()
    for change in ordered:
        apply = _APPLY.get(change.kind)
        if apply is None:
            continue  # a kind this kiosk version does not know: ignore, do not fail the batch
        apply(session, change, files_dir)
        kinds.add(change.kind)
    return kinds


def file_path(files_dir: Path, reference: str) -> str:
    """Where a ``file:<sha256><ext>`` reference lives on this kiosk (or "" for none)."""
    if not reference.startswith(FILE_PREFIX):
        return reference
    return str(files_dir / reference[len(FILE_PREFIX):])


def _apply_file(session: Session, change: Change, files_dir: Path) -> None:
    if change.body is None:
        return  # files are shared by hash; an unused one is harmless
    target = files_dir / f"{change.key}{change.body.get('ext', '')}"
    if target.exists():
        return
    files_dir.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(target.suffix + ".part")
    partial.write_bytes(base64.b64decode(change.body["data"]))
    os.replace(partial, target)


def _apply_hall(session: Session, change: Change, files_dir: Path) -> None:
    session.execute(delete(Hall))
    if change.body is not None:
        body = change.body
        session.add(Hall(id=1, **{k: body.get(k, "") for k in (
            "department", "name", "address", "hours", "consult_phone", "complaint_phone", "portal_url")},
            complaint_channels=body.get("complaint_channels", []), floors=body.get("floors", []),
            demo=bool(body.get("demo", False)), en=body.get("en", {})))


def _apply_commitments(session: Session, change: Change, files_dir: Path) -> None:
    session.execute(delete(Commitment))
    session.execute(delete(CommitmentGroup))
    for gseq, group in enumerate((change.body or {}).get("groups", [])):
        session.add(CommitmentGroup(seq=gseq, name=group["group"], en=group.get("en", {}), entries=[
            Commitment(seq=i, title=e["title"], text=e["text"], en=e.get("en", {}))
            for i, e in enumerate(group["items"])
        ]))


def _apply_department(session: Session, change: Change, files_dir: Path) -> None:
    session.execute(delete(Department).where(Department.code == change.key))
    if change.body is not None:
        session.add(Department(**{k: change.body[k] for k in
                                  ("code", "seq", "name", "duty", "location", "phone", "hours")},
                               en=change.body.get("en", {})))


def _apply_topic(session: Session, change: Change, files_dir: Path) -> None:
    session.execute(delete(Topic).where(Topic.code == change.key))
    if change.body is not None:
        session.add(Topic(**{k: change.body[k] for k in ("code", "seq", "name", "description")},
                          en=change.body.get("en", {})))


def _apply_post(session: Session, change: Change, files_dir: Path) -> None:
    session.execute(delete(Staff).where(Staff.post_code == change.key))
    session.execute(delete(Post).where(Post.code == change.key))
    p = change.body
    if p is None:
        return
    session.add(Post(
        code=p["code"], department_code=p["department"], post_type=p["type"], seq=p["seq"], name=p["name"],
        **{k: p[k] for k in ("work_items", "contact", "phone", "address", "url", "window", "floor", "hours")},
        staff=[Staff(seq=i, name=s["name"], number=s["number"], role=s["role"],
                     photo=file_path(files_dir, s["photo"]), en=s.get("en", {})) for i, s in enumerate(p["staff"])],
        en=p.get("en", {}),
    ))


_ITEM_SKIP = {"code", "department", "post", "topics", "type", "body", "materials", "flow", "forms", "seq"}


def _file_key(reference: str) -> str:
    """The sha256 of a ``file:<sha256><ext>`` reference (a form's stable id)."""
    name = reference[len(FILE_PREFIX):] if reference.startswith(FILE_PREFIX) else Path(reference).name
    return name.split(".", 1)[0]


def _forms(it: Mapping[str, Any], files_dir: Path) -> list[Form]:
    """The item's own forms, then its materials' blank forms and samples, in order."""
    # name, kind, material, reference, English ({name, material_name})
    attached: list[tuple[str, str, str, str, dict[str, str]]] = [
        (f["name"], f["kind"], "", f["file"], dict(f.get("en", {}))) for f in it.get("forms", []) if f.get("file")
    ]
    for m in it["materials"]:
        english = m.get("en", {}).get("name")
        for field, kind in (("blank_form", "表格"), ("sample", "示范文本")):
            if m.get(field):
                attached.append((m["name"], kind, m["name"], m[field],
                                 {"name": english, "material_name": english} if english else {}))
    return [Form(seq=i, name=name, kind=kind, material_name=material, key=_file_key(reference),
                 path=file_path(files_dir, reference), en=english)
            for i, (name, kind, material, reference, english) in enumerate(attached)]


def _apply_item(session: Session, change: Change, files_dir: Path) -> None:
    for table in (Material, FlowStep, Form):
        session.execute(delete(table).where(table.item_code == change.key))
    session.execute(delete(ItemTopic).where(ItemTopic.item_code == change.key))
    session.execute(delete(Item).where(Item.code == change.key))
    it = change.body
    if it is None:
        return
    materials = [
        Material(seq=i, **{**m, "blank_form": file_path(files_dir, m["blank_form"]),
                           "sample": file_path(files_dir, m["sample"])})
        for i, m in enumerate(it["materials"])
    ]
    session.add(Item(
        code=it["code"], seq=it["seq"], item_type=it["type"], department_code=it["department"],
        post_code=it["post"] or None, body_name=it["body"]["name"], body_credit_code=it["body"]["credit_code"],
        body_nature=it["body"]["nature"], materials=materials,
        steps=[FlowStep(seq=i, **s) for i, s in enumerate(it["flow"])], forms=_forms(it, files_dir),
        **{k: v for k, v in it.items() if k not in _ITEM_SKIP},
    ))
    session.add_all(ItemTopic(item_code=it["code"], topic_code=t) for t in dict.fromkeys(it["topics"]))


_APPLY = {
    "file": _apply_file, "hall": _apply_hall, "commitments": _apply_commitments,
    "department": _apply_department, "topic": _apply_topic, "post": _apply_post, "item": _apply_item,
}
