"""A synthetic catalogue of N items (default 10,000) in the content format of ``assets/content/FORMAT.md``.

The hall, commitments, departments, topics and posts are the demo content's; the items are made by
combining realistic Chinese name parts (city × industry × matter × kind of application), so that
the names, keywords and their pinyin look like a real provincial catalogue to the search index.

The file and a data dir with its built cache are kept under ``build/bench/`` keyed by N (and by a
hash of the generator and the demo content), so repeated runs only pay for them once::

    python -m bench.synthetic 10000     # prints the content file's path
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import product
from pathlib import Path
from typing import Any

import yaml

from bench.common import BUILD, DEMO, log

DEFAULT_ITEMS = 10_000
SEED = 20_180_517
#: bump when the generated text changes (part of the key of the file kept in build/bench/)
GENERATOR_VERSION = 1

CITIES = (
    "", "哈尔滨市", "齐齐哈尔市", "牡丹江市", "佳木斯市", "大庆市", "鸡西市", "双鸭山市", "伊春市",
    "七台河市", "鹤岗市", "黑河市", "绥化市", "大兴安岭地区",
)
INDUSTRIES = (
    "造纸行业", "化工企业", "制药企业", "钢铁企业", "水泥企业", "印染企业", "电镀企业", "畜禽养殖场",
    "火电厂", "石油炼制企业", "煤化工企业", "焦化企业", "有色金属冶炼企业", "平板玻璃企业", "制革企业",
    "农药生产企业", "食品加工企业", "酿酒企业", "制糖企业", "淀粉生产企业", "生活垃圾焚烧厂",
    "城镇污水处理厂", "医疗机构", "汽车制造企业", "陶瓷企业", "铸造企业",
)
SUFFIXES = ("新申请", "变更", "延续", "注销", "补领", "重新申请")


@dataclass(frozen=True)
class Matter:
    """One kind of service (事项) with what goes with it."""

    name: str
    item_type: str
    department: str
    topics: tuple[str, ...]
    keywords: tuple[str, ...]
    laws: tuple[str, ...]
    result: str


MATTERS = (
    Matter("排污许可证核发", "行政许可", "SP", ("paiwu",), ("排污许可", "排污许可证", "排污证"),
           ("《排污许可管理条例》", "《中华人民共和国环境保护法》"), "排污许可证"),
    Matter("建设项目环境影响报告书审批", "行政许可", "SP", ("huanping",),
           ("环评", "环境影响评价", "环评报告书", "环评审批"),
           ("《中华人民共和国环境影响评价法》", "《建设项目环境保护管理条例》"), "环境影响报告书批复"),
    Matter("建设项目环境影响报告表审批", "行政许可", "SP", ("huanping",),
           ("环评", "环境影响评价", "环评报告表", "环评审批"),
           ("《中华人民共和国环境影响评价法》", "《建设项目环境保护管理条例》"), "环境影响报告表批复"),
    Matter("建设项目环境影响登记表备案", "其他行政权力", "SP", ("huanping",), ("环评", "登记表", "环评备案"),
           ("《中华人民共和国环境影响评价法》",), "备案回执"),
    Matter("危险废物经营许可证核发", "行政许可", "GF", ("feiwu",),
           ("危险废物", "危废", "危废经营许可证", "危废处置"),
           ("《中华人民共和国固体废物污染环境防治法》", "《危险废物经营许可证管理办法》"), "危险废物经营许可证"),
    Matter("危险废物跨省转移审批", "行政许可", "GF", ("feiwu",), ("危险废物", "危废", "跨省转移", "转移联单"),
           ("《中华人民共和国固体废物污染环境防治法》", "《危险废物转移管理办法》"), "危险废物跨省转移批复"),
    Matter("危险废物管理计划备案", "其他行政权力", "GF", ("feiwu",), ("危险废物", "危废", "管理计划"),
           ("《中华人民共和国固体废物污染环境防治法》",), "备案回执"),
    Matter("一般工业固体废物贮存场所备案", "其他行政权力", "GF", ("feiwu",), ("固体废物", "固废", "贮存场所"),
           ("《中华人民共和国固体废物污染环境防治法》",), "备案回执"),
    Matter("辐射安全许可证核发", "行政许可", "FS", ("fushe",), ("辐射", "辐射安全许可证", "放射源", "射线装置"),
           ("《中华人民共和国放射性污染防治法》", "《放射性同位素与射线装置安全和防护条例》"), "辐射安全许可证"),
    Matter("放射性同位素转让审批", "行政许可", "FS", ("fushe",), ("放射性同位素", "放射源转让", "辐射"),
           ("《放射性同位素与射线装置安全和防护条例》",), "放射性同位素转让审批表"),
    Matter("射线装置使用登记", "行政确认", "FS", ("fushe",), ("射线装置", "辐射", "使用登记"),
           ("《放射性同位素与射线装置安全和防护条例》",), "登记证明"),
    Matter("突发环境事件应急预案备案", "行政确认", "ZF", ("zhifa",), ("应急预案", "突发环境事件", "预案备案"),
           ("《中华人民共和国突发事件应对法》", "《突发环境事件应急管理办法》"), "备案表"),
    Matter("环境行政处罚听证申请", "行政处罚", "ZF", ("zhifa",), ("听证", "行政处罚", "陈述申辩"),
           ("《中华人民共和国行政处罚法》",), "听证通知书"),
    Matter("环境监测数据申请", "公共服务", "JC", ("shuju",), ("监测数据", "环境监测", "数据申请"),
           ("《中华人民共和国环境保护法》",), "监测数据"),
    Matter("自动监测设备联网备案", "公共服务", "JC", ("shuju", "paiwu"), ("自动监测", "在线监测", "联网"),
           ("《污染源自动监控管理办法》",), "联网备案回执"),
    Matter("环境信息公开申请", "公共服务", "BG", ("shuju",), ("信息公开", "政府信息公开", "依申请公开"),
           ("《中华人民共和国政府信息公开条例》",), "信息公开答复"),
    Matter("入河排污口设置审核", "行政许可", "SP", ("paiwu",), ("入河排污口", "排污口", "排污口设置"),
           ("《中华人民共和国水污染防治法》",), "入河排污口设置审核意见"),
    Matter("竣工环境保护验收信息备案", "其他行政权力", "SP", ("huanping",), ("竣工验收", "环保验收", "自主验收"),
           ("《建设项目环境保护管理条例》",), "备案回执"),
    Matter("清洁生产审核评估", "公共服务", "SP", ("huanping",), ("清洁生产", "清洁生产审核"),
           ("《中华人民共和国清洁生产促进法》",), "评估意见"),
    Matter("温室气体排放报告核查", "行政检查", "JC", ("shuju",), ("碳排放", "温室气体", "排放报告"),
           ("《碳排放权交易管理办法（试行）》",), "核查结论"),
    Matter("排污权交易登记", "公共服务", "SP", ("paiwu",), ("排污权", "排污权交易", "交易登记"),
           ("《排污许可管理条例》",), "交易登记凭证"),
    Matter("土壤污染状况调查报告评审", "公共服务", "GF", ("feiwu",), ("土壤污染", "土壤调查", "地块调查"),
           ("《中华人民共和国土壤污染防治法》",), "评审意见"),
    Matter("环境违法行为举报受理", "公共服务", "XF", ("xinfang", "zhifa"), ("举报", "12369", "环保举报"),
           ("《环境保护公众参与办法》",), "举报受理回执"),
    Matter("环境信访事项受理", "公共服务", "XF", ("xinfang",), ("信访", "环境信访", "投诉"),
           ("《信访工作条例》",), "信访事项受理告知书"),
)

MATERIALS = (
    ("{matter}申请表", "申请人自备", "按照统一格式填写，加盖单位公章，写明联系人和联系电话。"),
    ("营业执照或者事业单位法人证书", "市场监督管理部门核发", "能够通过部门间信息共享核验的，免于提交。"),
    ("法定代表人身份证明", "申请人自备", "复印件加盖单位公章。"),
    ("授权委托书", "申请人自备", "载明委托事项、权限和期限，由法定代表人签字并加盖单位公章。"),
    ("经办人身份证件", "公安机关核发", "窗口提交时查验原件，留存复印件。"),
    ("{industry}生产工艺和污染物产生情况说明", "申请人自备", "说明主要原辅材料、生产工艺、产排污环节和治理设施。"),
    ("污染防治设施运行情况说明", "申请人自备", "附设施运行台账和近一年的运维记录。"),
    ("自行监测方案", "申请人或者受委托的监测机构编制", "按照排污单位自行监测技术指南编制。"),
    ("近一年的监测报告", "具备资质的检测机构出具", "报告须加盖CMA章，监测项目覆盖全部排放口。"),
    ("环境影响评价文件及批复", "原审批部门出具", "复印件加盖单位公章。"),
    ("突发环境事件应急预案", "申请人自备", "包括风险评估报告和应急资源调查报告。"),
    ("原许可证正本和副本", "原发证机关核发", "变更、延续、注销和补领时提交。"),
    ("变更情况说明", "申请人自备", "写明变更事项、原因和变更前后的对比。"),
    ("场地平面布置图", "申请人自备", "标明排放口、贮存场所和周边环境敏感目标。"),
    ("专业技术人员名单及资格证明", "申请人自备", "附劳动合同和社会保险缴纳证明。"),
)
STEPS = (
    ("申请", "申请人自行安排", "在黑龙江政务服务网在线申报，或者到窗口提交纸质材料。"),
    ("受理", "1个工作日", "材料齐全、符合法定形式的当场受理；材料不齐全的，一次性告知需要补正的全部内容。"),
    ("审查", "5个工作日", "对申请材料进行审查，必要时征求有关部门意见。"),
    ("现场核查", "3个工作日", "组织人员到现场核查，核查时间不计算在办结时限内。"),
    ("专家评审", "不计入办结时限", "组织专家对技术文件进行评审，评审意见书面告知申请人。"),
    ("决定", "2个工作日", "作出准予或者不予的书面决定；不予的说明理由并告知救济途径。"),
    ("送达", "1个工作日", "窗口领取或者免费邮寄送达，电子证照同步推送。"),
)
CONDITIONS = (
    "申请人为依法成立的企业事业单位或者其他生产经营者；",
    "建设项目已依法取得环境影响评价审批意见或者已办理登记备案；",
    "污染防治设施与主体工程同时设计、同时施工、同时投产使用；",
    "污染物排放符合国家和地方排放标准以及重点污染物排放总量控制要求；",
    "已按照规定制定自行监测方案并依法公开；",
    "申请材料真实、完整、有效。",
)


def _item(index: int, city: str, industry: str, matter: Matter, suffix: str,
          rng: random.Random, windows: dict[str, list[str]], online: dict[str, str]) -> dict[str, Any]:
    name = f"{city}{industry}{matter.name}（{suffix}）"
    materials = []
    for mname, source, notes in rng.sample(MATERIALS, rng.randint(3, 8)):
        required: bool | str = rng.random() < 0.7 or f"{suffix}时"
        materials.append({
            "name": mname.format(matter=matter.name, industry=industry), "source": source,
            "originals": rng.randint(0, 2), "copies": rng.randint(0, 1),
            "medium": rng.choice(("纸质", "电子", "纸质和电子")), "required": required, "notes": notes,
        })
    step_count = rng.randint(4, 6)
    chosen = [STEPS[0], STEPS[1], *sorted(rng.sample(STEPS[2:6], step_count - 3), key=STEPS.index), STEPS[6]]
    posts = windows.get(matter.department, [])
    flow = [{"step": step, "post": rng.choice(posts) if posts else "", "time": when, "description": text}
            for step, when, text in chosen]
    statutory = rng.choice((20, 30, 45, 60))
    keywords = [*matter.keywords, industry.removesuffix("企业").removesuffix("行业"), suffix]
    if city:
        keywords.append(city.removesuffix("市").removesuffix("地区"))
    item: dict[str, Any] = {
        "code": f"0001{17 + MATTERS.index(matter):02d}{index:06d}",
        "impl_code": f"11230000MB1D5K8N2W{index:06d}",
        "name": name,
        "type": matter.item_type,
        "department": matter.department,
        "topics": list(matter.topics),
        "keywords": keywords,
        "summary": f"{city or '省内'}{industry}办理{matter.name}（{suffix}）时，"
                   "按照本指南准备材料并到窗口或者网上申报。",
        "body": {"name": "黑龙江省生态环境厅", "credit_code": "11230000MB1D5K8N2W", "nature": "法定机关"},
        "level": "省级" if not city else "市级",
        "service_objects": ["企业法人", "事业单位法人"],
        "basis": [{"law": law, "articles": f"第{rng.randint(2, 60)}条",
                   "text": f"依照{law}的规定，{matter.name}由生态环境主管部门依法办理。"}
                  for law in matter.laws],
        "conditions": "\n".join(rng.sample(CONDITIONS, rng.randint(2, 5))),
        "materials": materials,
        "limits": {"statutory": {"value": statutory, "unit": "工作日"},
                   "promised": {"value": rng.randint(3, statutory // 2), "unit": "工作日"}},
        "case_type": "承诺件",
        "result": {"name": matter.result, "delivery": "窗口领取或者免费邮寄送达。"},
        "online": {"available": True, "url": "https://zwfw.hlj.gov.cn", "appointment": rng.random() < 0.5,
                   "express": rng.random() < 0.5},
        "channels": ["窗口", "电脑端"],
        "visits": rng.choice(("0", "1")),
        "flow": flow,
    }
    if posts:
        item["post"] = posts[0]
    elif matter.department in online:
        item["post"] = online[matter.department]
    return item


def build_document(n: int, seed: int = SEED) -> dict[str, Any]:
    """The content document: the demo's frame with ``n`` synthetic items."""
    with DEMO.open(encoding="utf-8") as handle:
        demo: dict[str, Any] = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    photos = DEMO.parent
    for post in demo["posts"]:
        for person in post.get("staff") or ():
            if person.get("photo"):  # the generated file lives elsewhere: make photo paths absolute
                person["photo"] = str((photos / person["photo"]).resolve())
    windows: dict[str, list[str]] = {}
    online: dict[str, str] = {}
    for post in demo["posts"]:
        if post["type"] == "窗口岗位":
            windows.setdefault(post["department"], []).append(post["code"])
        else:
            online.setdefault(post["department"], post["code"])
    combos = list(product(range(len(MATTERS)), range(len(INDUSTRIES)), range(len(SUFFIXES)), range(len(CITIES))))
    if n > len(combos):
        raise ValueError(f"at most {len(combos)} distinct synthetic items")
    rng = random.Random(seed)
    chosen = sorted(rng.sample(combos, n))  # grouped by matter, like an office's list of items
    items = [_item(i, CITIES[c], INDUSTRIES[ind], MATTERS[m], SUFFIXES[s], rng, windows, online)
             for i, (m, ind, s, c) in enumerate(chosen)]
    return {
        "format": demo["format"], "demo": True, "hall": demo["hall"], "commitments": demo["commitments"],
        "departments": demo["departments"], "topics": demo["topics"], "posts": demo["posts"], "items": items,
    }


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    # a JSON string is a valid YAML double-quoted scalar (escapes included)
    return json.dumps(str(value), ensure_ascii=False)


def to_yaml(value: Any, indent: int = 0) -> Iterator[str]:
    """Block-style YAML like the office's files (much faster than ``yaml.safe_dump``).

    Mappings and lists of mappings are blocks, lists of scalars are ``[a, b]``, text is quoted.
    """
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            nested = (isinstance(item, dict) and item) or (
                isinstance(item, list) and any(isinstance(e, dict | list) for e in item))
            if nested:
                yield f"{pad}{key}:"
                yield from to_yaml(item, indent + 2)
            elif isinstance(item, dict):
                yield f"{pad}{key}: {{}}"
            elif isinstance(item, list):
                yield f"{pad}{key}: [{', '.join(_scalar(e) for e in item)}]"
            else:
                yield f"{pad}{key}: {_scalar(item)}"
    elif isinstance(value, list):
        for entry in value:
            lines = list(to_yaml(entry, indent + 2)) if isinstance(entry, dict | list) else [_scalar(entry)]
            yield f"{pad}- {lines[0].lstrip()}"
            yield from lines[1:]
    else:
        yield f"{pad}{_scalar(value)}"


def _key(n: int) -> str:
    digest = hashlib.sha256(f"{GENERATOR_VERSION} {n} {SEED}\n".encode() + DEMO.read_bytes())
    return digest.hexdigest()[:16]


def content_file(n: int = DEFAULT_ITEMS) -> Path:
    """The synthetic content file for ``n`` items, generated on first use."""
    BUILD.mkdir(parents=True, exist_ok=True)
    target = BUILD / f"synthetic-{n}.yaml"
    stamp = target.with_suffix(".key")
    key = _key(n)
    if target.is_file() and stamp.is_file() and stamp.read_text() == key:
        return target
    log(f"generating {target.name} ({n} items)…")
    started = time.perf_counter()
    document = build_document(n)
    partial = target.with_suffix(".yaml.part")
    with partial.open("w", encoding="utf-8") as handle:
        handle.write(f"# synthetic benchmark content: {n} items, generated by bench/synthetic.py\n")
        handle.writelines(f"{line}\n" for line in to_yaml(document))
    partial.replace(target)
    stamp.write_text(key)
    log(f"generated {target.name} in {time.perf_counter() - started:.1f} s")
    return target


def prepared_data_dir(content: Path, name: str) -> Path:
    """A data dir into which the kiosk has already loaded ``content`` (done now if needed).

    It runs the kiosk's own loading path (``ContentStore.load_now``: the embedded office import,
    the pull into the cache, …) without the search index, so the data dir is what a kiosk that
    has started before leaves behind, whatever that path does.
    """
    from kiosk.store import ContentStore

    data_dir = BUILD / name
    started = time.perf_counter()
    store = ContentStore(data_dir, content)
    setattr(store, "_build_index", lambda: None)  # noqa: B010  (only the data dir is wanted here)
    store.load_now()
    if store.catalog is None:
        raise RuntimeError(f"{content}: the kiosk cannot load it: {store.error}")
    store.catalog.close()
    runner = getattr(store, "runner", None)
    if runner is not None:
        runner.close()
    elapsed = time.perf_counter() - started
    if elapsed > 5:
        log(f"loaded {content.name} into {data_dir.name} with the kiosk's loader in {elapsed:.1f} s")
    return data_dir


def synthetic_data_dir(n: int = DEFAULT_ITEMS) -> tuple[Path, Path]:
    """(content file, data dir with its cache) for the ``n``-item catalogue."""
    content = content_file(n)
    return content, prepared_data_dir(content, f"data-synthetic-{n}")


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else DEFAULT_ITEMS
    content, data_dir = synthetic_data_dir(n)
    print(content)
    log(f"cache in {data_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
