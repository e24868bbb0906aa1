"""Guide figures: ``guide_pdf_p95_ms``, ``guide_pdf_stress_s`` and ``first_guide_after_start_ms``.

- ``guide_pdf_p95_ms``: the complete printed guide of a typical demo item (000117001001: 12 materials,
  3 laws, 8 flow steps, two QR codes; 6 pages), catalog queries included, font already registered;
  p95 of 40 renders after one warm-up.
- ``guide_pdf_stress_s``: the same item with 300 materials (about 30 pages), median of 3.
- ``first_guide_after_start_ms``: in a fresh process whose content is ready (catalog open, SQLAlchemy
  imported, as in a running kiosk), the time from asking for the first guide to its PDF bytes:
  importing reportlab, registering the CJK font and rendering. Median of 3 fresh processes.

The demo cache and the stress content are prepared under build/bench (not measured).
- ``first_guide_after_warm_up_ms``: the same after the running kiosk's background warm-up
  (``kiosk.printing.warm_up``, started three seconds after the content is ready).

Run: ``python -m bench.guide_bench [--quick]`` (four lines on stdout).
"""

from __future__ import annotations

import copy
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import yaml

from bench.common import BUILD, DEMO, ROOT, Figure, child_env, emit, log, median, percentile

TYPICAL = "000117001001"
STRESS = "999000000300"
PORTAL = "https://zwfw.example.gov.cn/item/{code}"


def _cache(name: str, content: Path) -> Path:
    from kiosk.data.cache import build_cache, fingerprint
    from kiosk.data.content_format import load_content

    cache = BUILD / name / "cache.sqlite"
    cache.parent.mkdir(parents=True, exist_ok=True)
    build_cache(cache, load_content(content), fingerprint(content))
    return cache


def _stress_content() -> Path:
    document = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    item = copy.deepcopy(next(i for i in document["items"] if i["code"] == TYPICAL))
    item.update(code=STRESS, name="压力测试事项（三百项材料）")
    base = item["materials"]
    item["materials"] = [{**base[i % len(base)], "name": f"第{i + 1}号材料{base[i % len(base)]['name']}"}
                         for i in range(300)]
    document["items"].append(item)
    path = DEMO.parent / ".guide-stress.yaml"  # beside the demo: its forms and photos resolve
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def first_guide_child(cache: str, warm: bool = False) -> None:
    """The child's part: content ready first, then the clock runs from the request to the bytes.

    ``warm``: as the running kiosk does three seconds after start, the printing modules and the font
    were loaded in a background thread before the visitor's tap (not timed)."""
    from kiosk.data.catalog import Catalog

    catalog = Catalog(Path(cache))
    catalog.hall()  # the kiosk is running: its catalog has answered queries
    if warm:
        import threading

        from kiosk.printing import warm_up

        thread = threading.Thread(target=warm_up)
        thread.start()
        thread.join()
    started = time.perf_counter()
    from kiosk.printing.guide_pdf import guide_pdf

    data = guide_pdf(catalog, TYPICAL, generated=datetime.now(), portal_item_url=PORTAL)
    elapsed = (time.perf_counter() - started) * 1000
    assert data.startswith(b"%PDF-")
    print(f"{elapsed:.3f}")


def main(argv: list[str]) -> int:
    if argv[:1] == ["--first-child"]:
        first_guide_child(argv[1], warm="--warm" in argv)
        return 0
    quick = "--quick" in argv
    from kiosk.data.catalog import Catalog
    from kiosk.printing.fonts import register_cjk
    from kiosk.printing.guide_pdf import guide_pdf

    demo_cache = _cache("guide-demo", DEMO)
    stress_file = _stress_content()
    try:
        stress_cache = _cache("guide-stress", stress_file)
    finally:
        stress_file.unlink(missing_ok=True)

    firsts = []
    for _ in range(2 if quick else 3):
        result = subprocess.run([sys.executable, "-m", "bench.guide_bench", "--first-child", str(demo_cache)],
                                stdout=subprocess.PIPE, cwd=ROOT, env=child_env(), text=True, check=True)
        firsts.append(float(result.stdout.strip().splitlines()[-1]))
    log(f"first guide in a fresh process: {', '.join(f'{v:.0f}' for v in firsts)} ms")
    warm_firsts = []
    for _ in range(2 if quick else 3):
        result = subprocess.run([sys.executable, "-m", "bench.guide_bench", "--first-child", str(demo_cache),
                                 "--warm"], stdout=subprocess.PIPE, cwd=ROOT, env=child_env(), text=True, check=True)
        warm_firsts.append(float(result.stdout.strip().splitlines()[-1]))
    log(f"first guide after the kiosk's background warm-up: {', '.join(f'{v:.0f}' for v in warm_firsts)} ms")

    register_cjk()
    catalog = Catalog(demo_cache)
    guide_pdf(catalog, TYPICAL, generated=datetime.now(), portal_item_url=PORTAL)
    times = []
    for _ in range(15 if quick else 40):
        started = time.perf_counter()
        guide_pdf(catalog, TYPICAL, generated=datetime.now(), portal_item_url=PORTAL)
        times.append((time.perf_counter() - started) * 1000)
    catalog.close()
    log(f"typical guide: median {median(times):.1f} ms, max {max(times):.1f} ms over {len(times)}")

    catalog = Catalog(stress_cache)
    stress = []
    for _ in range(2 if quick else 3):
        started = time.perf_counter()
        data = guide_pdf(catalog, STRESS, generated=datetime.now(), portal_item_url=PORTAL)
        stress.append(time.perf_counter() - started)
    catalog.close()
    log(f"stress guide: {len(data) // 1024} KiB, {', '.join(f'{v:.2f}' for v in stress)} s")

    emit(Figure("guide_pdf_p95_ms", percentile(times, 95), "ms"))
    emit(Figure("guide_pdf_stress_s", median(stress), "s"))
    emit(Figure("first_guide_after_start_ms", median(firsts), "ms"))
    emit(Figure("first_guide_after_warm_up_ms", median(warm_firsts), "ms"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
