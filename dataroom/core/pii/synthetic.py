"""Deterministic synthetic Chinese customer records for tests, demos and benchmarks, drawn at random from
small built-in tables: no real person's data is used.

Every identifier is valid by construction (real region codes and bank prefixes, correct check characters), so
the data exercises the same code paths as a real export. Rows come in fixed-size chunks drawn column by column;
a shorter run is always a prefix of a longer one with the same seed.
"""

from __future__ import annotations

import csv
import os
import random
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from functools import cache
from typing import NamedTuple, TypeVar

from dataroom.core.pii.checksums import luhn_check_digit, resident_id_check_char
from dataroom.core.pii.regions import DISTRICTS

CUSTOMER_COLUMNS: tuple[str, ...] = (
    "客户编号", "姓名", "性别", "身份证号", "手机号", "邮箱",
    "银行卡号", "开户行", "地址", "注册日期", "累计消费金额", "备注",
)  # fmt: skip

_CHUNK = 1024

# Common surnames, repeated roughly by frequency so that 王/李/张 dominate as they do in real data.
_SURNAMES = tuple("王李张刘陈杨黄赵吴周" * 4 + "徐孙马朱胡郭何高林罗" * 2 + "郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡")
_COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "司徒", "慕容")
_GIVEN = tuple(
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华萍红鹏辉玲斌俊浩然"
    "轩欣怡梓涵雨萱思远佳琪宇航晨曦子文博婷颖琳晓雪梅峰鑫凯丹蕾瑶"
)
_MINORITY_NAMES = ("阿卜杜·热合曼", "买买提·艾力", "古丽·努尔", "艾尔肯·吐尔逊", "扎西·多吉", "次仁·卓玛")
_MOBILE_PREFIXES = tuple(
    str(p)
    for p in (*range(130, 140), 150, 151, 152, 153, 155, 156, 157, 158, 159, 166, 170, 173, 175, 176, 177, 178,
              *range(180, 190), 191, 195, 198, 199)
)  # fmt: skip
# (bank, a UnionPay debit-card prefix of that bank, card length)
_BANKS = (
    ("中国工商银行", "622202", 19),
    ("中国建设银行", "621700", 19),
    ("中国农业银行", "622848", 19),
    ("中国银行", "621661", 19),
    ("招商银行", "622588", 16),
    ("交通银行", "622262", 19),
    ("中国邮政储蓄银行", "621799", 19),
)
_MAIL_DOMAINS = ("qq.com", "163.com", "126.com", "sina.com", "sohu.com", "foxmail.com", "139.com", "outlook.com")
_PINYIN = ("zhang", "wang", "li", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu",
           "hu", "guo", "he", "lin", "luo", "gao", "wei", "fang", "na", "min", "jing", "qiang", "lei", "jun",
           "yong", "yan", "jie", "tao", "ming", "chao", "xia", "ping", "hua", "hao", "yu", "xin")  # fmt: skip
_ROADS = (
    "人民路", "解放路", "中山路", "建设路", "和平路", "新华路", "长江路", "黄河路",
    "文化路", "胜利路", "朝阳路", "光明街", "青年路", "幸福大道", "学府路", "科技园路",
)  # fmt: skip
_REMARKS_A = (
    "客户要求周末送货", "老客户", "VIP客户", "已电话回访", "对服务满意", "要求开具增值税发票",
    "地址变更过一次", "曾投诉物流太慢", "首次下单", "通过朋友推荐注册", "偏好线上支付", "参加过年终促销活动",
)  # fmt: skip
_REMARKS_B = (
    "优先处理", "下次跟进", "无特殊要求", "需要礼品包装",
    "已发放优惠券", "注意核对收货地址", "售后已处理完毕", "建议推荐会员升级",
)  # fmt: skip
_PHONE_REMARKS = ("客户要求改用备用电话{}联系", "备用联系人电话：{}", "如无人接听请拨{}")
# Shares of rows, in 256ths: each such decision takes one random byte.
_REMARK_SHARE = 102  # 40% of customers have a remark ...
_PHONE_REMARK_SHARE = 5  # ... and about 2% a remark with another phone number in it.
_COMPOUND_SHARE = 3  # about 1% compound surnames
_MINORITY_SHARE = 1  # about 0.4% transcribed minority names
_UNIT_SHARE = 128  # half the addresses name a building, unit and flat
_QQ_SHARE = 77  # 30% of e-mail addresses are QQ numbers

_T = TypeVar("_T")
_GENDER_OF_DIGIT = {str(d): "男" if d % 2 else "女" for d in range(10)}  # 17th ID digit: odd men, even women


def _small(seq: Sequence[_T]) -> tuple[_T, ...]:
    """A short list stretched to 256 entries (each item as often as the others, give or take one).

    Such tables are indexed with random bytes: ``map`` over ``randbytes`` is about twice as fast as ``choices``.
    The slight over-representation of some items does not matter for synthetic data.
    """
    return tuple(seq[i * len(seq) // 256] for i in range(256))


def _date_strings(first: date, last: date, fmt: str) -> tuple[str, ...]:
    return tuple((first + timedelta(days=i)).strftime(fmt) for i in range((last - first).days + 1))


class _Tables(NamedTuple):
    surnames: tuple[str, ...]
    given: tuple[str, ...]
    second_given: tuple[str, ...]
    regions: tuple[str, ...]
    birth_dates: tuple[str, ...]
    sequences: tuple[str, ...]
    mobile_prefixes: tuple[str, ...]
    digits4: tuple[str, ...]
    pinyin: tuple[str, ...]
    mail_domains: tuple[str, ...]
    qq_numbers: tuple[str, ...]
    banks: tuple[int, ...]
    districts: tuple[int, ...]
    branches: tuple[str, ...]
    places: tuple[str, ...]
    roads: tuple[str, ...]
    house_numbers: tuple[str, ...]
    units: tuple[str, ...]
    registered: tuple[str, ...]
    yuan: tuple[str, ...]
    cents: tuple[str, ...]
    remarks_a: tuple[str, ...]
    remarks_b: tuple[str, ...]


@cache
def _tables() -> _Tables:
    """The tables columns are drawn from, built on first use."""
    return _Tables(
        surnames=_small(_SURNAMES),
        given=_small(_GIVEN),
        second_given=_small(_GIVEN * 7 + ("",) * (len(_GIVEN) * 3)),  # 70% two-character given names
        regions=_small([code for code, _, _, _ in DISTRICTS]),
        birth_dates=_date_strings(date(1950, 1, 1), date(2005, 12, 31), "%Y%m%d"),
        sequences=tuple(f"{i:03d}" for i in range(1000)),
        mobile_prefixes=_small(_MOBILE_PREFIXES),
        digits4=tuple(f"{i:04d}" for i in range(10_000)),
        pinyin=_small(_PINYIN),
        mail_domains=_small(_MAIL_DOMAINS),
        qq_numbers=tuple(str(i) for i in range(1000, 10_000)),
        banks=_small(range(len(_BANKS))),
        districts=_small(range(len(DISTRICTS))),
        branches=tuple(
            f"{bank}{(city or province)[:-1]}{district[:-1]}支行"
            for bank, _, _ in _BANKS
            for _, province, city, district in DISTRICTS
        ),
        places=_small([f"{province}{city}{district}" for _, province, city, district in DISTRICTS]),
        roads=_small(_ROADS),
        house_numbers=_small([f"{i}号" for i in range(1, 257)]),
        units=tuple(
            f"{b}栋{u}单元{f}{n}室"
            for b in range(1, 31)
            for u in range(1, 7)
            for f in range(1, 29)
            for n in ("01", "02")
        ),
        registered=_date_strings(date(2015, 1, 1), date(2024, 12, 31), "%Y-%m-%d"),
        # Accumulated spending is skewed: most customers spend little, a few a lot (up to 50,000 yuan).
        yuan=tuple(str(int((i / 5000) ** 2 * 50_000)) for i in range(5000)),
        cents=_small([f".{i:02d}" for i in range(100)]),
        remarks_a=_small(_REMARKS_A),
        remarks_b=_small(_REMARKS_B),
    )


def _chunk(rng: random.Random, first_number: int) -> list[list[str]]:
    """``_CHUNK`` rows numbered from ``first_number + 1``, drawn column by column from the tables."""
    t = _tables()
    k = _CHUNK

    def draw(table: tuple[_T, ...]) -> list[_T]:
        if len(table) == 256:
            return list(map(table.__getitem__, rng.randbytes(k)))
        return rng.choices(table, k=k)

    given = zip(draw(t.given), draw(t.second_given), strict=True)
    names = [s + g + h for s, (g, h) in zip(draw(t.surnames), given, strict=True)]
    for i, x in enumerate(rng.randbytes(k)):
        if x < _COMPOUND_SHARE:
            names[i] = rng.choice(_COMPOUND_SURNAMES) + names[i][1:]
        elif x < _COMPOUND_SHARE + _MINORITY_SHARE:
            names[i] = rng.choice(_MINORITY_NAMES)
    sequences = draw(t.sequences)
    genders = [_GENDER_OF_DIGIT[s[2]] for s in sequences]
    ids = []
    for region, birth, sequence in zip(draw(t.regions), draw(t.birth_dates), sequences, strict=True):
        body = region + birth + sequence
        ids.append(body + resident_id_check_char(body))
    mobiles = [p + a + b for p, a, b in zip(draw(t.mobile_prefixes), draw(t.digits4), draw(t.digits4), strict=True)]
    emails = [
        q + a + "@qq.com" if x < _QQ_SHARE else p1 + p2 + a[:2] + "@" + d
        for p1, p2, d, q, a, x in zip(
            draw(t.pinyin), draw(t.pinyin), draw(t.mail_domains), draw(t.qq_numbers), draw(t.digits4),
            rng.randbytes(k), strict=True,
        )
    ]  # fmt: skip
    banks = draw(t.banks)
    cards = []
    for bank, a, b, c in zip(banks, draw(t.digits4), draw(t.digits4), draw(t.digits4), strict=True):
        _, prefix, length = _BANKS[bank]
        body = (prefix + a + b + c)[: length - 1]
        cards.append(body + luhn_check_digit(body))
    branches = [t.branches[b * len(DISTRICTS) + d] for b, d in zip(banks, draw(t.districts), strict=True)]
    addresses = [
        place + road + number + unit if x < _UNIT_SHARE else place + road + number
        for place, road, number, unit, x in zip(
            draw(t.places), draw(t.roads), draw(t.house_numbers), draw(t.units), rng.randbytes(k), strict=True
        )
    ]
    amounts = [y + c for y, c in zip(draw(t.yuan), draw(t.cents), strict=True)]
    remarks = [
        a + "，" + b + "。" if x < _REMARK_SHARE else ""
        for a, b, x in zip(draw(t.remarks_a), draw(t.remarks_b), rng.randbytes(k), strict=True)
    ]
    for i, x in enumerate(rng.randbytes(k)):
        if x < _PHONE_REMARK_SHARE:
            # A number other than the customer's own: the kind of stray personal data free text hides.
            other = rng.choice(_MOBILE_PREFIXES) + rng.choice(t.digits4) + rng.choice(t.digits4)
            remarks[i] = rng.choice(_PHONE_REMARKS).format(other)
    numbers = [f"C{n:08d}" for n in range(first_number + 1, first_number + k + 1)]
    columns = (numbers, names, genders, ids, mobiles, emails, cards, branches, addresses, draw(t.registered))
    return list(map(list, zip(*columns, amounts, remarks, strict=True)))


def generate_customers(n: int, seed: int = 0) -> Iterator[list[str]]:
    """``n`` synthetic customer rows with the columns of ``CUSTOMER_COLUMNS``, the same for the same seed."""
    if n < 0:
        raise ValueError("the number of rows cannot be negative")
    rng = random.Random(seed)
    produced = 0
    while produced < n:
        rows = _chunk(rng, produced)
        take = min(len(rows), n - produced)
        yield from rows[:take]
        produced += take


def write_customers_csv(path: str | os.PathLike[str], n: int, seed: int = 0, encoding: str = "utf-8-sig") -> None:
    """Write a header line and ``n`` synthetic customer rows to a CSV file (UTF-8 with BOM, as Excel likes it)."""
    with open(path, "w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(CUSTOMER_COLUMNS)
        writer.writerows(generate_customers(n, seed))
