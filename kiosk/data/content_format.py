"""Reading and validating the content file (see ``assets/content/FORMAT.md``).

The loader never lets a traceback reach the operator: every problem becomes a
:class:`ContentProblem` naming the file, the line and the field, and all problems of a file are
reported together. Problems that only spoil one picture (a missing staff photo) are warnings;
the rest stop the load so that half-valid content never reaches the screen.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kiosk.texts import QT_TRANSLATE_NOOP

FORMAT_VERSION = 1
#: the fixed words of the format (GB/T 39046's vocabularies) are marked for translation: screens show them
#: in the UI language with kiosk.i18n.visitor_text
POST_TYPES = (
    QT_TRANSLATE_NOOP("VisitorTexts", "服务大厅"),
    QT_TRANSLATE_NOOP("VisitorTexts", "网络平台"),
    QT_TRANSLATE_NOOP("VisitorTexts", "窗口岗位"),
)
ITEM_TYPES = (
    QT_TRANSLATE_NOOP("VisitorTexts", "行政许可"),
    QT_TRANSLATE_NOOP("VisitorTexts", "行政处罚"),
    QT_TRANSLATE_NOOP("VisitorTexts", "行政强制"),
    QT_TRANSLATE_NOOP("VisitorTexts", "行政征收"),
    QT_TRANSLATE_NOOP("VisitorTexts", "行政给付"),
    QT_TRANSLATE_NOOP("VisitorTexts", "行政检查"),
    QT_TRANSLATE_NOOP("VisitorTexts", "行政确认"),
    QT_TRANSLATE_NOOP("VisitorTexts", "行政奖励"),
    QT_TRANSLATE_NOOP("VisitorTexts", "行政裁决"),
    QT_TRANSLATE_NOOP("VisitorTexts", "其他行政权力"),
    QT_TRANSLATE_NOOP("VisitorTexts", "公共服务"),
)
LIMIT_UNITS = (
    QT_TRANSLATE_NOOP("VisitorTexts", "工作日"),
    QT_TRANSLATE_NOOP("VisitorTexts", "自然日"),
)
MEDIA = (
    QT_TRANSLATE_NOOP("VisitorTexts", "纸质"),
    QT_TRANSLATE_NOOP("VisitorTexts", "电子"),
    QT_TRANSLATE_NOOP("VisitorTexts", "纸质和电子"),
)
CASE_TYPES = (
    QT_TRANSLATE_NOOP("VisitorTexts", "即办件"),
    QT_TRANSLATE_NOOP("VisitorTexts", "承诺件"),
)
VISITS = ("0", "1", "2", QT_TRANSLATE_NOOP("VisitorTexts", "多次"))
CHANNELS = (
    QT_TRANSLATE_NOOP("VisitorTexts", "窗口"),
    QT_TRANSLATE_NOOP("VisitorTexts", "电脑端"),
    QT_TRANSLATE_NOOP("VisitorTexts", "移动端"),
    QT_TRANSLATE_NOOP("VisitorTexts", "快递"),
)
FORM_KINDS = (
    QT_TRANSLATE_NOOP("VisitorTexts", "表格"),
    QT_TRANSLATE_NOOP("VisitorTexts", "示范文本"),
)


@dataclass(frozen=True)
class _Texts:
    """An English field given as a list of texts (like ``keywords``), stored under ``key``."""

    key: str


#: What English a thing may give in its ``en:`` mapping: the Chinese field names, each mapped to the key
#: of the normalised ``en`` dict (an item's ``body``, ``limits``, ``fee`` and ``result`` nest as in Chinese
#: and are stored flat, under the item's own column names). Codes, numbers, choices and files have none.
EnSpec = dict[str, "str | _Texts | EnSpec"]
EN_FIELDS: dict[str, EnSpec] = {
    "hall": {k: k for k in ("department", "name", "address", "hours", "consult_phone", "complaint_phone")},
    "complaint_channel": {"name": "name", "contact": "contact"},
    "floor": {"name": "name", "windows": "windows"},
    "commitment_group": {"group": "group"},
    "commitment": {"title": "title", "text": "text"},
    "department": {k: k for k in ("name", "duty", "location", "phone", "hours")},
    "topic": {"name": "name", "description": "description"},
    "post": {k: k for k in ("name", "work_items", "contact", "phone", "address", "floor", "hours")},
    "staff": {"name": "name", "role": "role"},
    "item": {
        **{k: k for k in ("name", "summary", "handling_org", "joint_departments", "level", "conditions",
                          "quantity_limit", "intermediary", "special_procedures", "location", "hours",
                          "consult_phone", "complaint_phone", "rights")},
        "keywords": _Texts("keywords"), "service_objects": _Texts("service_objects"),
        "body": {"name": "body_name", "nature": "body_nature"},
        "limits": {kind: {"note": f"{kind}_note"} for kind in ("statutory", "promised")},
        "fee": {"standard": "fee_standard", "basis": "fee_basis"},
        "result": {"name": "result_name", "sample": "result_sample", "delivery": "result_delivery"},
    },
    "basis": {"law": "law", "articles": "articles", "text": "text"},
    "material": {"name": "name", "source": "source", "required": "condition", "notes": "notes"},
    "step": {"step": "step", "post": "post", "time": "time", "description": "description"},
    "faq": {"q": "q", "a": "a"},
    "form": {"name": "name"},
}


@dataclass(frozen=True)
class ContentProblem:
    file: str
    line: int
    where: str
    message: str
    fatal: bool = True

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.where}: {self.message}"


class ContentError(Exception):
    """The content file cannot be used; ``problems`` says every reason."""

    def __init__(self, problems: list[ContentProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class Content:
    """Validated, normalised content: plain dicts and lists with every default filled in."""

    source: Path
    demo: bool
    hall: dict[str, Any]
    commitments: list[dict[str, Any]]
    departments: list[dict[str, Any]]
    topics: list[dict[str, Any]]
    posts: list[dict[str, Any]]
    items: list[dict[str, Any]]
    warnings: list[ContentProblem] = field(default_factory=list)


class _LineDict(dict[str, Any]):
    """A mapping that remembers the line of each key (1-based) and of itself."""

    line: int = 0
    key_lines: dict[str, int]


def _make_loader() -> type[yaml.SafeLoader]:
    base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class LineLoader(base):  # type: ignore[valid-type, misc]
        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> _LineDict:
            result = _LineDict()
            result.line = node.start_mark.line + 1
            result.key_lines = {}
            for key_node, value_node in node.value:
                key = self.construct_object(key_node, deep=True)
                result[str(key)] = self.construct_object(value_node, deep=True)
                result.key_lines[str(key)] = key_node.start_mark.line + 1
            return result

    LineLoader.add_constructor(
        yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
        LineLoader.construct_mapping,  # type: ignore[arg-type]
    )
    # Dates and times stay text: an office clerk's "2018-05-17" is a string to show, not a date.
    LineLoader.add_constructor("tag:yaml.org,2002:timestamp", LineLoader.construct_yaml_str)
    return LineLoader


_LOADER = _make_loader()


class _Checker:
    """Collects problems while walking the document."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[ContentProblem] = []

    def fail(self, node: Any, where: str, message: str, key: str | None = None, fatal: bool = True) -> None:
        line = 0
        if isinstance(node, _LineDict):
            line = node.key_lines.get(key, node.line) if key else node.line
        self.problems.append(ContentProblem(self.file, line, where, message, fatal))

    # -- typed getters ---------------------------------------------------------------------------
    def text(self, node: _LineDict, key: str, where: str, required: bool = False) -> str:
        value = node.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(node, f"{where}.{key}", "required field is missing or empty")
            return ""
        if isinstance(value, bool | dict | list):
            self.fail(node, f"{where}.{key}", f"expected text, found {_kind(value)}", key)
            return ""
        return _clean(str(value))

    def integer(self, node: _LineDict, key: str, where: str, required: bool = False, default: int = 0,
                minimum: int = 0) -> int:
        value = node.get(key)
        if value is None:
            if required:
                self.fail(node, f"{where}.{key}", "required field is missing")
            return default
        if isinstance(value, str):
            normalised = unicodedata.normalize("NFKC", value).strip()
            if normalised.isdigit():
                value = int(normalised)
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(node, f"{where}.{key}", f"expected a whole number, found {value!r}", key)
            return default
        if value < minimum:
            self.fail(node, f"{where}.{key}", f"must be at least {minimum}, found {value}", key)
            return default
        return value

    def flag(self, node: _LineDict, key: str, where: str, default: bool = False) -> bool:
        value = node.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.fail(node, f"{where}.{key}", f"expected true or false, found {value!r}", key)
            return default
        return value

    def choice(self, node: _LineDict, key: str, where: str, allowed: tuple[str, ...],
               required: bool = False, default: str = "") -> str:
        value = node.get(key)
        if value is None or value == "":
            if required:
                self.fail(node, f"{where}.{key}", "required field is missing")
            return default
        text = _clean(str(value))
        if text not in allowed:
            self.fail(node, f"{where}.{key}", f"{text!r} is not one of {', '.join(allowed)}", key)
            return default
        return text

    def texts(self, node: _LineDict, key: str, where: str) -> list[str]:
        value = node.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            return [_clean(part) for part in value.replace("，", ",").split(",") if part.strip()]
        if not isinstance(value, list):
            self.fail(node, f"{where}.{key}", f"expected a list, found {_kind(value)}", key)
            return []
        return [_clean(str(v)) for v in value if v is not None and not isinstance(v, dict | list)]

    def records(self, node: _LineDict, key: str, where: str, required: bool = False) -> list[_LineDict]:
        value = node.get(key)
        if value is None:
            if required:
                self.fail(node, f"{where}.{key}", "required list is missing")
            return []
        if not isinstance(value, list):
            self.fail(node, f"{where}.{key}", f"expected a list, found {_kind(value)}", key)
            return []
        out: list[_LineDict] = []
        for index, entry in enumerate(value):
            if isinstance(entry, _LineDict):
                out.append(entry)
            else:
                self.fail(node, f"{where}.{key}[{index}]", f"expected a mapping, found {_kind(entry)}", key)
        return out

    def mapping(self, node: _LineDict, key: str, where: str, required: bool = False) -> _LineDict:
        value = node.get(key)
        if isinstance(value, _LineDict):
            return value
        if value is not None:
            self.fail(node, f"{where}.{key}", f"expected a mapping, found {_kind(value)}", key)
        elif required:
            self.fail(node, f"{where}.{key}", "required field is missing")
        empty = _LineDict()
        empty.line = node.line
        empty.key_lines = {}
        return empty

    def english(self, node: _LineDict, where: str, kind: str) -> dict[str, Any]:
        """The English of a thing (its optional ``en:`` mapping), normalised; {} when none is given.

        A field that has no English (a code, a number, a choice, a file) or is misspelt is an error.
        """
        if "en" not in node:
            return {}
        out: dict[str, Any] = {}
        self._english_into(self.mapping(node, "en", where), f"{where}.en", EN_FIELDS[kind], out)
        return out

    def _english_into(self, node: _LineDict, where: str, spec: EnSpec, out: dict[str, Any]) -> None:
        for key in node:
            target = spec.get(key)
            if target is None:
                self.fail(node, f"{where}.{key}",
                          f"no English can be given for {key!r} here (English fields: {', '.join(spec)})", key)
            elif isinstance(target, dict):
                self._english_into(self.mapping(node, key, where), f"{where}.{key}", target, out)
            elif isinstance(target, _Texts):
                if values := self.texts(node, key, where):
                    out[target.key] = values
            elif text := self.text(node, key, where):
                out[target] = text

    def unique(self, records: list[dict[str, Any]], nodes: list[_LineDict], where: str) -> dict[str, int]:
        seen: dict[str, int] = {}
        for index, (record, node) in enumerate(zip(records, nodes, strict=True)):
            code = record["code"]
            if not code:
                continue
            if code in seen:
                self.fail(node, f"{where}[{index}].code", f"duplicate code {code!r}", "code")
            else:
                seen[code] = index
        return seen


def english_for_file(kind: str, english: dict[str, Any]) -> dict[str, Any]:
    """The ``en:`` mapping of a content file that loads as ``english`` (a thing's normalised English):
    what the loader flattens (an item's ``fee``, ``result`` …; a material's ``required``) is nested again."""

    def build(spec: EnSpec) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for field_name, target in spec.items():
            if isinstance(target, dict):
                if nested := build(target):
                    out[field_name] = nested
            elif value := english.get(target.key if isinstance(target, _Texts) else target):
                out[field_name] = value
        return out

    return build(EN_FIELDS[kind])


def _english(record: dict[str, Any], english: dict[str, Any]) -> dict[str, Any]:
    """``record`` with its English under ``en``; without the key when there is none (so content without
    English gives exactly the records it gave before English existed)."""
    if english:
        record["en"] = english
    return record


def _kind(value: Any) -> str:
    return {dict: "a mapping", _LineDict: "a mapping", list: "a list", bool: "true/false"}.get(
        type(value), type(value).__name__
    )


def _clean(text: str) -> str:
    """Strip control characters (but keep line breaks and tabs) and surrounding blanks."""
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C").strip()


def load_content(path: Path) -> Content:
    """Read, validate and normalise a content file; raise :class:`ContentError` on any fatal problem."""
    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError([ContentProblem(name, 0, "file", f"cannot read: {exc.strerror or exc}")]) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ContentError([ContentProblem(name, 0, "file", f"not UTF-8 text (byte {exc.start})")]) from exc
    try:
        document = yaml.load(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark is not None else 0
        problem = f"{exc.problem or 'not valid YAML'}" + (f" ({exc.context})" if exc.context else "")
        raise ContentError([ContentProblem(name, line, "YAML", problem)]) from exc
    except (yaml.YAMLError, RecursionError) as exc:
        raise ContentError([ContentProblem(name, 0, "YAML", f"not valid YAML: {exc}")]) from exc
    if not isinstance(document, _LineDict):
        raise ContentError([ContentProblem(name, 1, "file", "the file must be a mapping with format, hall, …")])
    checker = _Checker(name)
    content = _validate(document, checker, path)
    fatal = [p for p in checker.problems if p.fatal]
    if fatal:
        raise ContentError(fatal)
    content.warnings = [p for p in checker.problems if not p.fatal]
    return content


def _validate(doc: _LineDict, c: _Checker, path: Path) -> Content:
    version = c.integer(doc, "format", "format", required=True)
    if "format" in doc and version != FORMAT_VERSION:
        c.fail(doc, "format", f"this kiosk reads format {FORMAT_VERSION}, the file says {version}", "format")
    base = path.parent

    hall_node = c.mapping(doc, "hall", "hall", required=True)
    hall = _english({
        "department": c.text(hall_node, "department", "hall", required=True),
        "name": c.text(hall_node, "name", "hall", required=True),
        **{k: c.text(hall_node, k, "hall") for k in
           ("address", "hours", "consult_phone", "complaint_phone", "portal_url")},
        "complaint_channels": [
            _english({"name": c.text(n, "name", f"hall.complaint_channels[{i}]", required=True),
                      "contact": c.text(n, "contact", f"hall.complaint_channels[{i}]")},
                     c.english(n, f"hall.complaint_channels[{i}]", "complaint_channel"))
            for i, n in enumerate(c.records(hall_node, "complaint_channels", "hall"))
        ],
        "floors": [
            _english({"name": c.text(n, "name", f"hall.floors[{i}]", required=True),
                      "windows": c.text(n, "windows", f"hall.floors[{i}]")},
                     c.english(n, f"hall.floors[{i}]", "floor"))
            for i, n in enumerate(c.records(hall_node, "floors", "hall"))
        ],
    }, c.english(hall_node, "hall", "hall"))

    commitments = []
    for gi, group in enumerate(c.records(doc, "commitments", "", required=True)):
        where = f"commitments[{gi}]"
        commitments.append(_english({
            "group": c.text(group, "group", where, required=True),
            "items": [
                _english({"title": c.text(n, "title", f"{where}.items[{i}]", required=True),
                          "text": c.text(n, "text", f"{where}.items[{i}]")},
                         c.english(n, f"{where}.items[{i}]", "commitment"))
                for i, n in enumerate(c.records(group, "items", where, required=True))
            ],
        }, c.english(group, where, "commitment_group")))

    dept_nodes = c.records(doc, "departments", "", required=True)
    departments = [
        _english({"code": c.text(n, "code", f"departments[{i}]", required=True),
                  "name": c.text(n, "name", f"departments[{i}]", required=True),
                  **{k: c.text(n, k, f"departments[{i}]") for k in ("duty", "location", "phone", "hours")}},
                 c.english(n, f"departments[{i}]", "department"))
        for i, n in enumerate(dept_nodes)
    ]
    dept_codes = c.unique(departments, dept_nodes, "departments")

    topic_nodes = c.records(doc, "topics", "", required=True)
    topics = [
        _english({"code": c.text(n, "code", f"topics[{i}]", required=True),
                  "name": c.text(n, "name", f"topics[{i}]", required=True),
                  "description": c.text(n, "description", f"topics[{i}]")},
                 c.english(n, f"topics[{i}]", "topic"))
        for i, n in enumerate(topic_nodes)
    ]
    topic_codes = c.unique(topics, topic_nodes, "topics")

    post_nodes = c.records(doc, "posts", "", required=True)
    posts = [_post(n, f"posts[{i}]", c, dept_codes, base) for i, n in enumerate(post_nodes)]
    post_codes = c.unique(posts, post_nodes, "posts")
    _check_post_sequences(posts, post_nodes, c)

    item_nodes = c.records(doc, "items", "", required=True)
    items = [_item(n, i, c, dept_codes, topic_codes, post_codes, base) for i, n in enumerate(item_nodes)]
    c.unique(items, item_nodes, "items")

    return Content(
        source=path, demo=c.flag(doc, "demo", "demo"), hall=hall, commitments=commitments,
        departments=departments, topics=topics, posts=posts, items=items,
    )


def _reference(c: _Checker, node: _LineDict, key: str, where: str, known: dict[str, int], what: str,
               required: bool) -> str:
    code = c.text(node, key, where, required=required)
    if code and code not in known:
        c.fail(node, f"{where}.{key}", f"no {what} has code {code!r}", key)
    return code


def _asset(c: _Checker, node: _LineDict, key: str, where: str, base: Path) -> str:
    """A file named relative to the content file; a missing one is a warning, not a stop."""
    relative = c.text(node, key, where)
    if not relative:
        return ""
    target = (base / relative).resolve()
    if not target.is_file():
        c.fail(node, f"{where}.{key}", f"file not found: {relative} (shown without it)", key, fatal=False)
        return ""
    return str(target)


def _post(n: _LineDict, where: str, c: _Checker, depts: dict[str, int], base: Path) -> dict[str, Any]:
    post = {
        "code": c.text(n, "code", where, required=True),
        "department": _reference(c, n, "department", where, depts, "department", True),
        "type": c.choice(n, "type", where, POST_TYPES, required=True),
        "seq": c.integer(n, "seq", where, required=True, minimum=1),
        "name": c.text(n, "name", where, required=True),
        **{k: c.text(n, k, where) for k in
           ("work_items", "contact", "phone", "address", "url", "window", "floor", "hours")},
    }
    post["staff"] = [
        _english({"name": c.text(s, "name", f"{where}.staff[{i}]", required=True),
                  "number": c.text(s, "number", f"{where}.staff[{i}]"),
                  "role": c.text(s, "role", f"{where}.staff[{i}]"),
                  "photo": _asset(c, s, "photo", f"{where}.staff[{i}]", base)},
                 c.english(s, f"{where}.staff[{i}]", "staff"))
        for i, s in enumerate(c.records(n, "staff", where))
    ]
    return _english(post, c.english(n, where, "post"))


def _check_post_sequences(posts: list[dict[str, Any]], nodes: list[_LineDict], c: _Checker) -> None:
    seen: set[tuple[str, str, int]] = set()
    for index, (post, node) in enumerate(zip(posts, nodes, strict=True)):
        key = (post["department"], post["type"], post["seq"])
        if key in seen:
            c.fail(node, f"posts[{index}].seq",
                   f"序号 {post['seq']} is used twice for {post['type']} of department {post['department']}",
                   "seq")
        seen.add(key)


def _item(n: _LineDict, index: int, c: _Checker, depts: dict[str, int], topics: dict[str, int],
          posts: dict[str, int], base: Path) -> dict[str, Any]:
    name = c.text(n, "name", f"items[{index}]", required=True)
    where = f"items[{index}] {name}" if name else f"items[{index}]"
    item: dict[str, Any] = {
        "code": c.text(n, "code", where, required=True),
        "name": name,
        "type": c.choice(n, "type", where, ITEM_TYPES, required=True),
        "department": _reference(c, n, "department", where, depts, "department", True),
        "post": _reference(c, n, "post", where, posts, "post", False),
        "topics": [],
        "keywords": c.texts(n, "keywords", where),
        "service_objects": c.texts(n, "service_objects", where),
        "channels": c.texts(n, "channels", where),
        **{k: c.text(n, k, where) for k in
           ("impl_code", "summary", "handling_org", "joint_departments", "level", "conditions",
            "quantity_limit", "intermediary", "special_procedures", "location", "hours",
            "consult_phone", "complaint_phone", "rights")},
        "case_type": c.choice(n, "case_type", where, CASE_TYPES),
        "visits": _visits(n, where, c),
    }
    for topic in c.texts(n, "topics", where):
        if topic not in topics:
            c.fail(n, f"{where}.topics", f"no topic has code {topic!r}", "topics")
        else:
            item["topics"].append(topic)
    for channel in item["channels"]:
        if channel not in CHANNELS:
            c.fail(n, f"{where}.channels", f"{channel!r} is not one of {', '.join(CHANNELS)}", "channels")
    body = c.mapping(n, "body", where)
    item["body"] = {k: c.text(body, k, f"{where}.body") for k in ("name", "credit_code", "nature")}

    basis_nodes = c.records(n, "basis", where, required=True)
    if "basis" in n and not basis_nodes and isinstance(n.get("basis"), list):
        c.fail(n, f"{where}.basis", "at least one legal basis is required", "basis")
    item["basis"] = [
        _english({"law": c.text(b, "law", f"{where}.basis[{i}]", required=True),
                  "articles": c.text(b, "articles", f"{where}.basis[{i}]"),
                  "text": c.text(b, "text", f"{where}.basis[{i}]")},
                 c.english(b, f"{where}.basis[{i}]", "basis"))
        for i, b in enumerate(basis_nodes)
    ]
    item["materials"] = [
        _material(m, f"{where}.materials[{i}]", c, base)
        for i, m in enumerate(c.records(n, "materials", where, required=True))
    ]
    limits = c.mapping(n, "limits", where, required=True)
    for kind in ("statutory", "promised"):
        limit = c.mapping(limits, kind, f"{where}.limits", required="limits" in n)
        item[f"{kind}_limit"] = c.integer(limit, "value", f"{where}.limits.{kind}", required="limits" in n)
        item[f"{kind}_unit"] = c.choice(limit, "unit", f"{where}.limits.{kind}", LIMIT_UNITS,
                                        required="limits" in n, default="工作日")
        item[f"{kind}_note"] = c.text(limit, "note", f"{where}.limits.{kind}")
    fee = c.mapping(n, "fee", where)
    item["fee_charged"] = c.flag(fee, "charged", f"{where}.fee")
    item["fee_standard"] = c.text(fee, "standard", f"{where}.fee", required=item["fee_charged"])
    item["fee_basis"] = c.text(fee, "basis", f"{where}.fee")
    result = c.mapping(n, "result", where)
    for key in ("name", "sample", "delivery"):
        item[f"result_{key}"] = c.text(result, key, f"{where}.result")
    online = c.mapping(n, "online", where)
    item["online"] = c.flag(online, "available", f"{where}.online")
    item["online_url"] = c.text(online, "url", f"{where}.online")
    for key in ("appointment", "payment", "express"):
        item[key] = c.flag(online, key, f"{where}.online")
    item["flow"] = [
        _english({"step": c.text(s, "step", f"{where}.flow[{i}]", required=True),
                  **{k: c.text(s, k, f"{where}.flow[{i}]") for k in ("post", "time", "description")}},
                 c.english(s, f"{where}.flow[{i}]", "step"))
        for i, s in enumerate(c.records(n, "flow", where))
    ]
    item["faq"] = [
        _english({"q": c.text(f, "q", f"{where}.faq[{i}]", required=True), "a": c.text(f, "a", f"{where}.faq[{i}]")},
                 c.english(f, f"{where}.faq[{i}]", "faq"))
        for i, f in enumerate(c.records(n, "faq", where))
    ]
    forms = (_form(f, f"{where}.forms[{i}]", c, base) for i, f in enumerate(c.records(n, "forms", where)))
    item["forms"] = [form for form in forms if form is not None]
    return _english(item, c.english(n, where, "item"))


def _form(f: _LineDict, where: str, c: _Checker, base: Path) -> dict[str, Any] | None:
    """A form (表格) or sample text (示范文本) of the item: a PDF file named relative to the content file.

    A missing or unreadable file, or one that is not a PDF, is a warning: the item is shown without
    that form (as with a missing photo). A form without a name or of an unknown kind stops the load.
    """
    name = c.text(f, "name", where, required=True)
    english = c.english(f, where, "form")
    kind = c.choice(f, "kind", where, FORM_KINDS, default="表格")
    relative = c.text(f, "file", where, required=True)
    if not relative:
        return None
    if not relative.lower().endswith(".pdf"):
        c.fail(f, f"{where}.file", f"a form must be a PDF file (.pdf), found {relative} (shown without it)",
               "file", fatal=False)
        return None
    target = (base / relative).resolve()
    try:
        with target.open("rb") as handle:
            head = handle.read(5)
    except OSError:
        c.fail(f, f"{where}.file", f"file not found: {relative} (shown without it)", "file", fatal=False)
        return None
    if head != b"%PDF-":
        c.fail(f, f"{where}.file", f"not a PDF file: {relative} (shown without it)", "file", fatal=False)
        return None
    return _english({"name": name, "kind": kind, "file": str(target)}, english)


def _visits(n: _LineDict, where: str, c: _Checker) -> str:
    value = n.get("visits")
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if text not in VISITS:
        c.fail(n, f"{where}.visits", f"{value!r} is not one of 0, 1, 2, 多次", "visits")
        return ""
    return text


def _material(m: _LineDict, where: str, c: _Checker, base: Path) -> dict[str, Any]:
    required_value = m.get("required", True)
    condition = ""
    if isinstance(required_value, bool):
        required = required_value
    elif isinstance(required_value, str) and required_value.strip():
        required, condition = False, _clean(required_value)
    else:
        c.fail(m, f"{where}.required", "expected true, false or the condition text", "required")
        required = True
    return _english({
        "name": c.text(m, "name", where, required=True),
        "source": c.text(m, "source", where),
        "originals": c.integer(m, "originals", where),
        "copies": c.integer(m, "copies", where),
        "medium": c.choice(m, "medium", where, MEDIA, default="纸质"),
        "required": required,
        "condition": condition,
        "notes": c.text(m, "notes", where),
        "blank_form": _asset(c, m, "blank_form", where, base),
        "sample": _asset(c, m, "sample", where, base),
    }, c.english(m, where, "material"))

