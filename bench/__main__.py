"""``python -m bench [--quick] [--only GROUP ...]``: run the benchmarks, one ``name value unit`` line each.

Groups, in order: ``startup`` (cold start vs. bare PySide6, first start with an empty data dir,
home interactive at 10,000 items), ``switch``, ``search``, ``rss``, ``rating`` (tap on a face → the
rating durable), ``sync`` (a real PostgreSQL
office on loopback: initial and incremental pull, push, UI stall during a pull) and ``report`` (the
office's PDF report of a year of 200,000 ratings) and ``guide`` (the printed service guide: typical item,
300-material item, first guide in a fresh process), ``monkey`` (10,000 random events: time, resident
memory and its growth) and ``bundle`` (first frame of the PyInstaller bundle vs. the source, building
the bundle first when it is missing or stale). Every group runs in fresh
processes; a group that fails is reported on stderr and the others still run. ``--quick`` runs
fewer repetitions and leaves out the memory growth walk (for trying changes, not for reporting).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable

from bench import startup
from bench.common import BUILD, DEMO, ROOT, Figure, child_env, emit, log
from bench.synthetic import DEFAULT_ITEMS, content_file, prepared_data_dir, synthetic_data_dir

GROUPS = ("startup", "switch", "search", "rss", "rating", "sync", "report", "guide", "monkey", "bundle")


def _startup_steps(quick: bool) -> list[tuple[str, Callable[[], list[Figure]]]]:
    runs = 3 if quick else 5

    def cold() -> list[Figure]:
        # a data dir the kiosk has loaded before (its cache exists): a restart, the normal case
        return startup.cold_start(BUILD / "data-demo", DEMO, runs)

    def first() -> list[Figure]:
        return startup.first_start_build(DEMO, 1 if quick else 3)

    def home() -> list[Figure]:  # on the 10,000-item catalogue, also loaded before
        return startup.home_interactive(BUILD / f"data-synthetic-{DEFAULT_ITEMS}", content_file(DEFAULT_ITEMS), runs)

    return [("cold start", cold), ("first start", first), ("home interactive", home)]


def _inprocess(kind: str, quick: bool) -> list[Figure]:
    if kind == "sync":  # PostgreSQL on loopback: bench/sync_bench.py starts its own cluster
        args = [sys.executable, "-m", "bench.sync_bench"]
    elif kind == "report":  # an embedded office file with a year of ratings: bench/report_bench.py
        args = [sys.executable, "-m", "bench.report_bench"]
    elif kind == "guide":  # printed guides: typical, 300 materials, first in a fresh process
        args = [sys.executable, "-m", "bench.guide_bench"] + (["--quick"] if quick else [])
    elif kind == "monkey":  # 10,000 random taps, swipes, long presses and keys: bench/monkey_bench.py
        args = [sys.executable, "-m", "bench.monkey_bench"] + (["--events", "1000"] if quick else [])
    elif kind == "bundle":  # the PyInstaller bundle's first frame vs. the source's (builds it if stale)
        args = [sys.executable, "-m", "bench.bundle_bench"] + (["--runs", "3"] if quick else [])
    else:
        args = [sys.executable, "-m", "bench.inprocess", kind] + (["--quick"] if quick else [])
    result = subprocess.run(args, stdout=subprocess.PIPE, cwd=ROOT, env=child_env(), text=True, check=False)
    figures = []
    for line in result.stdout.splitlines():
        try:
            figures.append(Figure.parse(line))
        except ValueError:
            if line.strip():
                log(f"bench.inprocess {kind}: stray output on stdout: {line!r}")
    if result.returncode != 0:
        raise RuntimeError(f"bench.inprocess {kind} exited with status {result.returncode}")
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, no memory growth walk")
    parser.add_argument("--only", nargs="+", choices=GROUPS, default=list(GROUPS), metavar="GROUP",
                        help=f"run only these groups ({', '.join(GROUPS)})")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    failed = []
    log(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} (other processes disturb the timings)")
    # prepared up front, so that no group's figures include generating content or a first load
    synthetic_data_dir(DEFAULT_ITEMS)
    prepared_data_dir(DEMO, "data-demo")
    for group in GROUPS:
        if group not in args.only:
            continue
        log(f"── {group}")
        steps = _startup_steps(args.quick) if group == "startup" else [
            (group, lambda group=group: _inprocess(group, args.quick))]
        for name, step in steps:
            try:
                figures = step()
            except Exception as exc:
                log(f"{name} failed: {exc}")
                failed.append(name)
                continue
            for figure in figures:
                emit(figure)
    outcome = f"; failed: {', '.join(failed)}" if failed else ""
    log(f"load average {os.getloadavg()[0]:.2f}; done in {time.perf_counter() - started:.0f} s{outcome}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
