"""Reading speed and peak memory of ``dataroom.core.ingest`` against bare floors.

Generates (under a temporary directory, deleted afterwards) a CSV of plausible Chinese customer data
(default 1,000,000 rows x 12 columns) and an XLSX (default 200,000 rows x 12 columns), then times, each in a fresh
child process so that peak RSS belongs to one reader only:

* CSV: plain ``csv.reader`` (the floor), ``csv.reader`` in 5,000-row lists (what any batch API must do), and
  ``TableReader`` (plus ``sniff`` separately);
* XLSX: bare calamine and bare openpyxl read-only iteration, and ``TableReader`` on its calamine path and forced
  onto its openpyxl streaming path.

Usage: ``python benchmarks/read_speed.py [--rows N] [--xlsx-rows N] [--repeat N]``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国红玉萍鹏辉"
DISTRICTS = [
    "北京市朝阳区",
    "上海市浦东新区",
    "广州市天河区",
    "深圳市南山区",
    "杭州市西湖区",
    "成都市武侯区",
    "武汉市洪山区",
]
STREETS = ["建国路", "人民路", "中山路", "解放大道", "科技园南路", "文三路"]
HEADER = [
    "客户编号",
    "姓名",
    "身份证号",
    "手机",
    "邮箱",
    "地址",
    "开户日期",
    "余额",
    "等级",
    "积分",
    "最后登录",
    "备注",
]
REMARKS = ["", "", "", "VIP客户", "老客户，年付", "需回访", '备注含"引号"与,逗号']


def customer(rnd: random.Random, i: int) -> list[object]:
    """One plausible customer; dates and datetimes as objects so the XLSX gets real date cells."""
    return [
        100000 + i,
        rnd.choice(SURNAMES) + "".join(rnd.choices(GIVEN, k=rnd.randint(1, 2))),
        f"110101{rnd.randint(1950, 2005)}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}{rnd.randrange(10000):04d}",
        f"1{rnd.choice('3578')}{rnd.randrange(10**9):09d}",
        f"user{i}@example.com",
        f"{rnd.choice(DISTRICTS)}{rnd.choice(STREETS)}{rnd.randint(1, 999)}号",
        dt.date(2000, 1, 1) + dt.timedelta(days=rnd.randrange(9000)),
        round(rnd.uniform(0, 1e6), 2),
        rnd.choice("ABCD"),
        rnd.randrange(100000),
        dt.datetime(2024, 1, 1) + dt.timedelta(seconds=rnd.randrange(10**7)),
        rnd.choice(REMARKS),
    ]


def make_csv(path: Path, rows: int) -> None:
    rnd = random.Random(1)
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        for i in range(rows):
            values = customer(rnd, i)
            values[6] = values[6].isoformat()  # type: ignore[attr-defined]
            values[10] = values[10].isoformat()  # type: ignore[attr-defined]
            writer.writerow(values)


def make_xlsx(path: Path, rows: int) -> None:
    import openpyxl  # type: ignore[import-untyped]

    rnd = random.Random(2)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("客户")
    sheet.append(HEADER)
    for i in range(rows):
        sheet.append(customer(rnd, i))
    book.save(path)


def child(kind: str, path: Path) -> dict[str, float]:
    """Run one reader over ``path`` in this process; returns seconds, rows and peak RSS."""
    from dataroom.core.ingest import TableReader, sniff, xlsx_reader

    start = time.perf_counter()
    result: dict[str, float] = {}
    rows = 0
    if kind == "csv-floor":
        with open(path, encoding="utf-8", newline="") as f:
            for _ in csv.reader(f):
                rows += 1
    elif kind == "csv-floor-batched":
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            while batch := list(islice(reader, 5000)):
                rows += len(batch)
    elif kind == "calamine-floor":
        import python_calamine

        for _ in python_calamine.load_workbook(path).get_sheet_by_index(0).iter_rows():
            rows += 1
    elif kind == "openpyxl-floor":
        import openpyxl  # type: ignore[import-untyped]

        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        for _ in book.worksheets[0].iter_rows(values_only=True):
            rows += 1
        book.close()
    else:
        if kind == "reader-openpyxl":
            xlsx_reader.CALAMINE_MAX_XML_BYTES = 0
        fmt = sniff(path)
        result["sniff_s"] = time.perf_counter() - start
        start = time.perf_counter()
        with TableReader(path, fmt) as table:
            rows = 1  # the header
            for batch in table.batches():
                rows += len(batch)
    result["seconds"] = time.perf_counter() - start
    result["rows"] = rows
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result["peak_rss_mb"] = peak / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return result


def measure(kind: str, path: Path, repeat: int) -> dict[str, float]:
    """Best of ``repeat`` fresh child processes (the machine may be shared; the minimum is the least disturbed)."""
    runs = []
    for _ in range(repeat):
        done = subprocess.run(
            [sys.executable, __file__, "--child", kind, str(path)], capture_output=True, text=True, check=True
        )
        runs.append(json.loads(done.stdout))
    return min(runs, key=lambda r: r["seconds"])


def report(label: str, result: dict[str, float], floor: dict[str, float] | None = None) -> None:
    line = f"  {label:<34} {result['seconds']:7.2f} s {result['rows'] / result['seconds']:>11,.0f} rows/s"
    line += f"   peak RSS {result['peak_rss_mb']:6.0f} MB"
    if floor:
        line += f"   x{result['seconds'] / floor['seconds']:.2f} of floor"
    if "sniff_s" in result:
        line += f"   (sniff {result['sniff_s']:.2f} s)"
    print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="CSV data rows")
    parser.add_argument("--xlsx-rows", type=int, default=200_000, help="XLSX data rows (0 to skip)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is reported")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], Path(args.child[1]))))
        return

    workdir = Path(tempfile.mkdtemp(prefix="dataroom-bench-"))
    try:
        csv_path = workdir / "customers.csv"
        started = time.perf_counter()
        make_csv(csv_path, args.rows)
        size_mb = csv_path.stat().st_size / 1024**2
        took = time.perf_counter() - started
        print(f"CSV: {args.rows:,} rows x 12 columns, {size_mb:.0f} MB (generated in {took:.0f} s)")
        floor = measure("csv-floor", csv_path, args.repeat)
        report("csv.reader (floor)", floor)
        report("csv.reader, 5000-row lists", measure("csv-floor-batched", csv_path, args.repeat), floor)
        report("TableReader", measure("reader", csv_path, args.repeat), floor)
        csv_path.unlink()

        if args.xlsx_rows:
            xlsx_path = workdir / "customers.xlsx"
            started = time.perf_counter()
            make_xlsx(xlsx_path, args.xlsx_rows)
            size_mb = xlsx_path.stat().st_size / 1024**2
            print(
                f"XLSX: {args.xlsx_rows:,} rows x 12 columns, {size_mb:.0f} MB "
                f"(generated in {time.perf_counter() - started:.0f} s)"
            )
            floor = measure("calamine-floor", xlsx_path, args.repeat)
            report("calamine iter_rows (floor)", floor)
            report("TableReader (calamine)", measure("reader", xlsx_path, args.repeat), floor)
            report("openpyxl read-only iter_rows", measure("openpyxl-floor", xlsx_path, 1), floor)
            report("TableReader (openpyxl streaming)", measure("reader-openpyxl", xlsx_path, 1), floor)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
