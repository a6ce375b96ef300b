"""Validators for identifiers and personal data of mainland China, Hong Kong, Macau and Taiwan.

Every validator takes a raw cell, normalises it itself and answers ``True`` only for a well-formed value whose
check character (if the format has one) is right. The identifiers most often found in bulk (resident ID,
mobile) take a fast path for already clean ASCII input.
"""

from __future__ import annotations

import re

from dataroom.core.pii.checksums import hk_id_check_char, resident_id_valid, tw_id_check_digit, uscc_check_char
from dataroom.core.pii.dates import valid_birth_date
from dataroom.core.pii.normalize import HAN, compact, nfkc
from dataroom.core.pii.regions import PLATE_PREFIXES, PROVINCE_SHORT_NAMES, PROVINCES
from dataroom.core.pii.surnames import surname_length

_HAN_ONLY = re.compile(f"[{HAN}]+")

_PROVINCE_CODES = frozenset(PROVINCES)


def is_resident_id(value: str) -> bool:
    """18-digit resident identity number (GB 11643: region, birth date, checksum) or a 15-digit legacy number.

    Hong Kong, Macau and Taiwan residence permits (codes 81-83) share the format and count as resident IDs.
    """
    # A clean value (nearly every cell of an ID column) skips the call to compact(), which costs as much as a check.
    s = value if value.isascii() and value.isalnum() else compact(value)
    if len(s) == 18:
        return s[:2] in _PROVINCE_CODES and s.isascii() and valid_birth_date(s[6:14]) and resident_id_valid(s)
    if len(s) == 15:
        # Legacy numbers (issued until 1999) have no check digit; the birth date is yymmdd in the 1900s.
        return s.isascii() and s.isdigit() and s[:2] in _PROVINCE_CODES and valid_birth_date("19" + s[6:12])
    return False


_OLD_PERMANENT_ID = re.compile(r"[A-Z]{3}[0-9]{12}")


def is_foreign_permanent_id(value: str) -> bool:
    """Foreigner's permanent residence ID card: the 2023 18-digit form starting with 9, or the old 3 letters+12 digits.

    The new form is laid out like a resident ID (9, province code, numeric country code, birth date, sequence,
    GB 11643 check character).
    """
    s = compact(value).upper()
    if len(s) == 18:
        return s[0] == "9" and s[1:3] in _PROVINCE_CODES and valid_birth_date(s[6:14]) and resident_id_valid(s)
    return len(s) == 15 and _OLD_PERMANENT_ID.fullmatch(s) is not None


_USCC = re.compile(r"[1-9ANY][0-9A-HJ-NPQRTUWXY][0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}")


def is_uscc(value: str) -> bool:
    """Unified social credit code of an organisation (GB 32100: 18 characters, mod-31 check character)."""
    s = compact(value).upper()
    return len(s) == 18 and _USCC.fullmatch(s) is not None and uscc_check_char(s[:17]) == s[17]


_MOBILE_SECOND = frozenset("3456789")


def is_mobile(value: str) -> bool:
    """Mainland mobile number ``1[3-9]`` + 9 digits, optionally after +86 / 0086, with spaces or dashes anywhere."""
    s = value
    if len(s) != 11 or not (s.isascii() and s.isdigit()):
        s = compact(value)
        if "(" in s:
            s = s.replace("(", "").replace(")", "")
        if s.startswith("+86"):
            s = s[3:]
        elif s.startswith("0086"):
            s = s[4:]
        if len(s) != 11 or not (s.isascii() and s.isdigit()):
            return False
    return s[0] == "1" and s[1] in _MOBILE_SECOND


# Area code 010 / 02x / 0xxx (the 0 is dropped after +86), local number of 7-8 digits not starting with 0,
# then an optional extension. Every repetition is bounded, so hostile input cannot make it backtrack.
_LANDLINE = re.compile(
    r"(?:(?:\+|00)86 ?\(?0?|\(?0)(?:10|2[0-9]|[3-9][0-9]{2})\)?[ -]?"
    r"[1-9][0-9]{2,3}[ -]?[0-9]{4}(?:(?:[ -]|转|分机|ext\.? ?|x|#)[0-9]{1,6})?",
    re.IGNORECASE,
)


def is_landline(value: str) -> bool:
    """Mainland fixed-line number such as ``010-12345678``, ``(0755)8765 4321``, ``021-12345678转801``."""
    s = nfkc(value)
    return 10 <= len(s) <= 32 and _LANDLINE.fullmatch(s) is not None


# Characters a person's name practically never ends with but place, organisation and ethnicity names do.
_NOT_NAME_ENDINGS = frozenset("省市区县镇乡村路街道号弄室楼栋层州族司行店厂部局院所站场馆处科队组")
_MIDDLE_DOTS = re.compile("[·・•‧∙⋅.]")


def is_chinese_name(value: str) -> bool:
    """A Chinese personal name: a known surname (incl. compound ones like 欧阳) and 2-4 Han characters in all,
    or a transcribed minority name whose parts are joined by a middle dot (阿卜杜·热合曼)."""
    s = compact(value)
    n = len(s)
    if 2 <= n <= 4:
        return _HAN_ONLY.fullmatch(s) is not None and s[-1] not in _NOT_NAME_ENDINGS and surname_length(s) > 0
    if 3 <= n <= 24 and _MIDDLE_DOTS.search(s):
        parts = _MIDDLE_DOTS.split(s)
        return 2 <= len(parts) <= 4 and all(_HAN_ONLY.fullmatch(p) for p in parts)
    return False


# An administrative level and a street-level part; a marker glued to another marker (市区, 区县) is one word.
_ADMIN_MARKERS = re.compile("特别行政区|自治区|自治州|自治县|地区|街道|[省市区县州盟旗镇乡]")
_STREET_MARKERS = re.compile("大道|胡同|单元|小区|花园|公寓|大厦|广场|[路街巷弄里号村组栋幢座楼层室苑]")
_MARKER_CHARS = frozenset("省市区县州盟旗镇乡街道路")
_SENTENCE_PUNCTUATION = frozenset("。！？!?；;")


def is_chinese_address(value: str) -> bool:
    """A Chinese postal address: at least two levels among province/city/district/street/number markers."""
    s = nfkc(value)
    if not 5 <= len(s) <= 120 or _SENTENCE_PUNCTUATION.intersection(s):
        return False
    admin = sum(1 for m in _ADMIN_MARKERS.finditer(s) if m.start() > 0 and s[m.start() - 1] not in _MARKER_CHARS)
    if admin == 0:
        return False
    street = sum(1 for m in _STREET_MARKERS.finditer(s) if m.start() > 0)
    return street > 0 or admin >= 2 or s.startswith(PROVINCE_SHORT_NAMES)


# Ordinary passports E + 8 digits or E + letter + 7 digits (2012 on), G + 8 digits (older), diplomatic (DE),
# service (SE) and public-affairs (PE) passports.
_CN_PASSPORT = re.compile(r"E[0-9]{8}|E[A-HJ-NP-Z][0-9]{7}|G[0-9]{8}|[DPS]E?[0-9]{7}")


def is_cn_passport(value: str) -> bool:
    """Passport number of the People's Republic of China."""
    s = compact(value).upper()
    return 8 <= len(s) <= 9 and _CN_PASSPORT.fullmatch(s) is not None


_HK_ID = re.compile(r"([A-Z]{1,2}[0-9]{6})\(?([0-9A])\)?")


def is_hk_id(value: str) -> bool:
    """Hong Kong identity card number, e.g. ``A123456(3)``, with its mod-11 check character."""
    s = compact(value).upper()
    m = _HK_ID.fullmatch(s) if 7 <= len(s) <= 11 else None
    return m is not None and hk_id_check_char(m.group(1)) == m.group(2)


# Macau numbers carry an unpublished check digit, so only the written form is checked; without the
# parentheses or slashes eight digits would be indistinguishable from any other number.
_MO_ID = re.compile(r"[1578][0-9]{6}\([0-9]\)|[1578]/[0-9]{6}/[0-9]")


def is_mo_id(value: str) -> bool:
    """Macau resident identity card number, e.g. ``1234567(8)`` or ``1/234567/8``."""
    s = compact(value)
    return 10 <= len(s) <= 11 and _MO_ID.fullmatch(s) is not None


_TW_ID = re.compile(r"[A-Z][1289][0-9]{8}")


def is_tw_id(value: str) -> bool:
    """Taiwan national ID or resident certificate number (letter, 1/2 or 8/9, 8 digits, check digit)."""
    s = compact(value).upper()
    return len(s) == 10 and _TW_ID.fullmatch(s) is not None and tw_id_check_digit(s[:9]) == s[9]


_PLATE_SEPARATORS = str.maketrans("", "", " ·・•.-")
# Letters on plates never include I or O. Ordinary plates: 5 characters after the issuing letter, the last
# possibly a usage character (学, 警, 挂, ...). New-energy plates: 6 characters, an energy letter first (small
# vehicles) or last (large vehicles).
_PLATE = re.compile(
    f"[{PLATE_PREFIXES}][A-HJ-NP-Z]"
    r"(?:[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳领试超使]"
    r"|[A-HJ-K][A-HJ-NP-Z0-9][0-9]{4}|[0-9]{5}[A-HJ-K])"
)


def is_plate(value: str) -> bool:
    """Mainland vehicle registration plate such as ``京A12345``, ``粤B·D12345`` (new-energy)."""
    s = nfkc(value).translate(_PLATE_SEPARATORS).upper()
    return 7 <= len(s) <= 8 and _PLATE.fullmatch(s) is not None


_ETHNIC_GROUPS = (
    "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼",
    "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土",
    "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克",
    "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
)  # fmt: skip
_ETHNICITIES = frozenset(_ETHNIC_GROUPS) | frozenset(g + "族" for g in _ETHNIC_GROUPS)


def is_ethnicity(value: str) -> bool:
    """One of the 56 officially recognised ethnic groups, with or without 族."""
    return compact(value) in _ETHNICITIES


_RELIGIONS = frozenset(
    {
        "佛教", "道教", "伊斯兰教", "基督教", "天主教", "东正教", "新教", "藏传佛教", "无宗教信仰", "无宗教",
        "buddhism", "buddhist", "taoism", "taoist", "islam", "muslim", "christianity", "christian", "catholic",
        "catholicism", "protestant", "orthodox", "hinduism", "hindu", "judaism", "jewish", "sikhism", "atheist",
    }
)  # fmt: skip


def is_religion(value: str) -> bool:
    """A religion or belief as a form answer (佛教, 基督教, Muslim, ...)."""
    return nfkc(value).lower() in _RELIGIONS


_BANK_NAME = re.compile(r"银行|信用社|农商行|农信|支行|分行|储蓄所|\bbank\b", re.IGNORECASE)


def is_bank_name(value: str) -> bool:
    """Name of a bank or bank branch (中国工商银行北京东城支行, Bank of China)."""
    s = nfkc(value)
    return 2 <= len(s) <= 80 and _BANK_NAME.search(s) is not None


_COMPANY = re.compile(
    r"(?:有限责任公司|股份有限公司|有限公司|公司|集团|企业|工厂|事务所|合作社|研究院|研究所|商行|经营部|门市部)"
    r"(?:[(（][^)）]{1,20}[)）])?$"
    r"|\b(?:co\.?,?\s*ltd|ltd|limited|inc|corp|corporation|llc|llp|plc|gmbh|s\.?a|ag|b\.?v|pte)\.?$",
    re.IGNORECASE,
)


def is_company_name(value: str) -> bool:
    """Name of an organisation, recognised by its legal-form ending (有限公司, 集团, Co., Ltd., GmbH, ...)."""
    s = nfkc(value)
    return 4 <= len(s) <= 120 and _COMPANY.search(s) is not None
