"""Write office content back as a content file (FORMAT.md), with its photos and forms beside it.

The export leaves out what the loader would fill in by default, so the file stays pleasant to edit;
loading the export gives exactly the records that were exported (the round trip is lossless).
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import yaml

from kiosk.data.content_format import FORMAT_VERSION, english_for_file
from kiosk.data.records import FILE_PREFIX, Key

HEADER = "# 内容文件 — exported by kiosk-office; format: assets/content/FORMAT.md\n"


def export_document(records: dict[Key, dict[str, Any]], folder: Path) -> dict[str, Any]:
    """The content document for ``records``; files are written to ``folder/files``."""
    files = {key: body for (kind, key), body in records.items() if kind == "file"}

    def ref(reference: str) -> str:
        if not reference.startswith(FILE_PREFIX):
            return reference
        name = reference[len(FILE_PREFIX):]
        digest = name.split(".", 1)[0]
        target = folder / "files" / name
        if digest in files and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(base64.b64decode(files[digest]["data"]))
        return f"files/{name}"

    def of(kind: str) -> list[dict[str, Any]]:
        bodies = [body for (k, _), body in records.items() if k == kind]
        return sorted(bodies, key=lambda body: (body.get("seq", 0), body.get("code", "")))

    hall = dict(records.get(("hall", "hall"), {}))
    demo = bool(hall.pop("demo", False))
    document: dict[str, Any] = {"format": FORMAT_VERSION}
    if demo:
        document["demo"] = True
    document["hall"] = _prune(hall)
    document["commitments"] = _prune(records.get(("commitments", "all"), {}).get("groups", []))
    document["departments"] = [_prune(_without(d, "seq")) for d in of("department")]
    document["topics"] = [_prune(_without(t, "seq")) for t in of("topic")]
    document["posts"] = [_post(p, ref) for p in of("post")]
    document["items"] = [_item(i, ref) for i in of("item")]
    return document


def write_export(records: dict[Key, dict[str, Any]], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = export_document(records, path.parent)
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
    partial = path.with_suffix(path.suffix + ".part")
    partial.write_text(HEADER + text, encoding="utf-8")
    partial.replace(path)


def _without(body: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in body.items() if k not in keys}


def _prune(value: Any) -> Any:
    """Drop empty texts, lists and mappings (the loader's defaults)."""
    if isinstance(value, dict):
        pruned = {k: _prune(v) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if v not in ("", [], {}, None)}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


def _post(post: dict[str, Any], ref: Any) -> dict[str, Any]:
    staff = [{**person, "photo": ref(person.get("photo", ""))} for person in post.get("staff", [])]
    return dict(_prune({**post, "staff": staff}))


def _item(item: dict[str, Any], ref: Any) -> dict[str, Any]:
    materials = []
    for m in item["materials"]:
        entry = _without(m, "required", "condition", "en")
        if m.get("en"):
            entry["en"] = english_for_file("material", m["en"])
        entry["blank_form"] = ref(m.get("blank_form", ""))
        entry["sample"] = ref(m.get("sample", ""))
        if m.get("condition"):
            entry["required"] = m["condition"]
        elif not m.get("required", True):
            entry["required"] = False
        for count in ("originals", "copies"):
            if entry.get(count) == 0:
                del entry[count]
        materials.append(_prune(entry))
    out: dict[str, Any] = {
        "code": item["code"], "impl_code": item["impl_code"], "name": item["name"],
        "en": english_for_file("item", item.get("en", {})), "type": item["type"],
        "department": item["department"], "post": item["post"], "topics": item["topics"],
        "keywords": item["keywords"], "summary": item["summary"], "body": item["body"],
        **{k: item[k] for k in ("handling_org", "joint_departments", "level", "service_objects")},
        "basis": [_prune(b) for b in item["basis"]],
        **{k: item[k] for k in ("conditions", "quantity_limit", "intermediary", "special_procedures")},
        "materials": materials,
        "forms": [_prune({"name": f["name"], "kind": f["kind"], "file": ref(f.get("file", "")), "en": f.get("en")})
                  for f in item.get("forms", [])],
        "limits": {kind: {"value": item[f"{kind}_limit"], "unit": item[f"{kind}_unit"],
                          "note": item[f"{kind}_note"]} for kind in ("statutory", "promised")},
        "case_type": item["case_type"],
        "fee": {"charged": True, "standard": item["fee_standard"], "basis": item["fee_basis"]}
        if item["fee_charged"] else {"basis": item["fee_basis"]},
        "result": {"name": item["result_name"], "sample": item["result_sample"],
                   "delivery": item["result_delivery"]},
        "online": {"available": item["online"], "url": item["online_url"],
                   **{k: item[k] for k in ("appointment", "payment", "express") if item[k]}},
        "channels": item["channels"], "visits": item["visits"],
        **{k: item[k] for k in ("location", "hours", "consult_phone", "complaint_phone", "rights")},
        "flow": item["flow"], "faq": item["faq"],
    }
    if not out["online"]["available"]:
        out["online"].pop("available")
    pruned: dict[str, Any] = dict(_prune(out))
    # basis and materials are required lists: keep them even when empty ("no materials" is meaningful)
    return {k: pruned.get(k, out[k]) for k in out if k in pruned or k in ("basis", "materials")}
