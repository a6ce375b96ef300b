"""Header dictionary: what a column header (Chinese or English) says about the column's content.

Headers are normalised (NFKC, lower case, without spaces, underscores and punctuation) and looked up exactly
first; failing that, dictionary keywords found inside the header count with a lower weight. Headers naming
business numbers (订单号, 流水号, 编号, order no, id) are "negative": they veto personal types a value could
accidentally pass for, e.g. an 18-digit order number that happens to look like an ID.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from dataroom.core.pii.normalize import nfkc
from dataroom.core.pii.types import PiiType

#: A keyword found inside a longer header is weaker evidence than the whole header matching.
SUBSTRING_FACTOR = 0.75

#: Header types that name something other than a person's data.
NEGATIVE_TYPES = frozenset({PiiType.ORDER_ID, PiiType.GENERIC_ID, PiiType.NUMBER, PiiType.AMOUNT})

# Generic nouns such as 编号 / number / id lose to any specific keyword in the same header ("phone number",
# "客户身份证编号"): they say how the value is written, not what it is.
_GENERIC_TYPES = frozenset({PiiType.GENERIC_ID, PiiType.NUMBER})

# (type, weight, keywords separated by "|"); English keywords are written as words and matched as words.
_ENTRIES: tuple[tuple[PiiType, float, str], ...] = (
    (
        PiiType.RESIDENT_ID,
        0.95,
        "身份证|身份证号|身份证号码|身份证件号|居民身份证|居民身份证号|公民身份号码|身份号码|id card|"
        "id card no|id card number|id number|id no|national id|citizen id|identity card|identity number|"
        "resident id|identity card number|nric",
    ),
    (PiiType.RESIDENT_ID, 0.85, "证件号|证件号码|证件编号|证件|身份证明"),
    (
        PiiType.FOREIGN_PERMANENT_ID,
        0.9,
        "永久居留证|永久居留身份证|外国人永久居留证|永居证|permanent residence card|permanent resident card",
    ),
    (PiiType.USCC, 0.95, "统一社会信用代码|社会信用代码|信用代码|uscc|unified social credit code|social credit code"),
    (PiiType.USCC, 0.7, "纳税人识别号|税号|tax id|tax number"),
    (
        PiiType.BANK_CARD,
        0.9,
        "银行卡|银行卡号|卡号|银行账号|银行账户|收款账号|付款账号|收款账户|借记卡号|信用卡号|信用卡|"
        "bank card|bank card no|card number|card no|bank account|bank account number|credit card|"
        "credit card number|debit card|pan",
    ),
    (PiiType.BANK_CARD, 0.6, "账号|帐号|账户|帐户|account number|account no"),
    (
        PiiType.MOBILE,
        0.9,
        "手机|手机号|手机号码|移动电话|联系手机|mobile|mobile phone|mobile number|cell|cell phone|cell number",
    ),
    (
        PiiType.MOBILE,
        0.75,
        "电话|联系电话|电话号码|联系方式|联系号码|phone|telephone|phone number|phone no|contact number|"
        "contact phone|tel",
    ),
    (
        PiiType.LANDLINE,
        0.9,
        "座机|座机号|座机号码|固定电话|固话|办公电话|家庭电话|传真|landline|office phone|fixed line|fax",
    ),
    (PiiType.PHONE_INTL, 0.85, "国际电话|international phone|intl phone"),
    (PiiType.EMAIL, 0.95, "邮箱|电子邮箱|电子邮件|邮件|邮箱地址|电子邮件地址|email|mail|email address|mail address"),
    (PiiType.IM_ACCOUNT, 0.85, "微信|微信号|qq|qq号|qq号码|微博|钉钉|wechat|wechat id|weixin|skype|whatsapp|telegram"),
    (
        PiiType.NAME,
        0.9,
        "姓名|名字|客户姓名|客户名称|联系人|联系人姓名|收货人|收件人|持卡人|户名|开户名|真实姓名|name|"
        "full name|customer name|contact name|first name|last name|surname|given name|family name|cardholder|"
        "account holder|recipient|person",
    ),
    (
        PiiType.ADDRESS,
        0.9,
        "地址|住址|家庭住址|家庭地址|收货地址|联系地址|通讯地址|通信地址|居住地址|户籍地址|户籍所在地|"
        "详细地址|送货地址|寄送地址|现住址|address|home address|street|street address|billing address|"
        "shipping address|residential address|mailing address|postal address",
    ),
    (PiiType.PASSPORT, 0.9, "护照|护照号|护照号码|passport|passport no|passport number"),
    (PiiType.HK_ID, 0.9, "香港身份证|香港身份证号|hkid|hong kong id"),
    (PiiType.MO_ID, 0.9, "澳门身份证|澳门身份证号|macau id|macao id"),
    (PiiType.TW_ID, 0.9, "台湾身份证|台湾身份证号|taiwan id"),
    (
        PiiType.PLATE,
        0.9,
        "车牌|车牌号|车牌号码|号牌|号牌号码|license plate|licence plate|plate|plate number|number plate|"
        "vehicle plate|registration plate",
    ),
    (PiiType.IPV4, 0.85, "ip|ip地址|ip address|ip addr|登录ip|client ip|remote ip|ipv4|source ip"),
    (PiiType.IPV6, 0.9, "ipv6|ipv6地址|ipv6 address"),
    (
        PiiType.DATE,
        0.6,
        "日期|时间|注册日期|注册时间|创建时间|创建日期|下单时间|交易时间|交易日期|更新时间|date|time|created|"
        "created at|updated at|timestamp|datetime",
    ),
    (
        PiiType.BIRTH_DATE,
        0.95,
        "出生日期|生日|出生年月|出生年月日|出生时间|birth date|date of birth|dob|birthday|born",
    ),
    (PiiType.AGE, 0.9, "年龄|岁数|age"),
    (PiiType.GENDER, 0.95, "性别|gender|sex"),
    (PiiType.ETHNICITY, 0.95, "民族|ethnicity|ethnic group|race"),
    (PiiType.RELIGION, 0.95, "宗教|宗教信仰|信仰|religion|faith|religious belief"),
    (
        PiiType.HEALTH,
        0.9,
        "病史|病情|诊断|诊断结果|疾病|健康状况|病历|过敏史|体检结果|血型|症状|health|medical history|"
        "diagnosis|disease|condition|allergies|blood type|medical record",
    ),
    (
        PiiType.PRECISE_LOCATION,
        0.9,
        "经纬度|坐标|定位|位置坐标|经度|纬度|gps|latitude|longitude|lat|lng|lon|coordinates|geolocation|"
        "lat lng|lat lon",
    ),
    (PiiType.PRECISE_LOCATION, 0.6, "位置|location"),
    (PiiType.AMOUNT, 0.8, "金额|价格|单价|总价|总额|费用|amount|price|unit price|total|sum|cost|fee|subtotal"),
    (
        PiiType.PURCHASE_AMOUNT,
        0.85,
        "消费金额|订单金额|累计消费金额|累计消费|消费|实付金额|支付金额|交易金额|购买金额|充值金额|spend|"
        "spending|purchase amount|order amount|total spent|payment amount",
    ),
    (
        PiiType.INCOME,
        0.9,
        "收入|月收入|年收入|工资|薪资|薪水|月薪|年薪|余额|账户余额|存款|资产|负债|贷款|信用额度|salary|"
        "income|wage|wages|balance|account balance|deposit|loan|credit limit|net worth",
    ),
    (PiiType.NUMBER, 0.7, "数量|序号|行号|件数|count|qty|quantity|no|index|row|seq"),
    (
        PiiType.ORDER_ID,
        0.85,
        "订单|订单号|订单编号|订单id|流水号|交易流水号|交易号|交易单号|单号|工单号|合同号|合同编号|发票号|"
        "发票号码|快递单号|运单号|物流单号|批次号|order|order no|order number|order id|transaction id|txn id|"
        "invoice|invoice no|invoice number|serial|serial no|serial number|tracking number|contract no|"
        "reference|ref no|receipt no",
    ),
    (
        PiiType.GENERIC_ID,
        0.6,
        "编号|编码|代码|号码|id|uid|user id|customer id|客户编号|客户号|客户id|会员号|会员编号|会员卡号|"
        "用户id|用户编号|工号|员工编号|学号|code|key|number",
    ),
    (
        PiiType.COMPANY_NAME,
        0.85,
        "公司|公司名称|企业名称|单位|工作单位|单位名称|供应商|company|company name|employer|organization|"
        "organisation|vendor|supplier",
    ),
    (PiiType.BANK_NAME, 0.9, "开户行|开户银行|银行|银行名称|发卡行|开户支行|bank|bank name|issuing bank|bank branch"),
    (
        PiiType.FREE_TEXT,
        0.7,
        "备注|说明|描述|留言|评论|评价|备注信息|附言|意见|反馈|内容|remark|remarks|note|notes|comment|"
        "comments|description|memo|message|feedback",
    ),
    (PiiType.IBAN, 0.95, "iban|国际银行账号"),
    (PiiType.SSN, 0.95, "ssn|social security number|social security no"),
)


@dataclass(frozen=True)
class HeaderEvidence:
    """What a header says: the dictionary keyword that matched, the type it names and how strongly (0..1)."""

    keyword: str
    type: PiiType
    weight: float
    exact: bool

    @property
    def negative(self) -> bool:
        """Whether the header names a business number or quantity rather than a person's data."""
        return self.type in NEGATIVE_TYPES


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_TOKEN = re.compile(r"[a-z]+|[0-9]+|[^\W\da-z_]+")
_ANNOTATION = re.compile(r"[(\[{<【〔][^)\]}>】〕]*[)\]}>】〕]")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(_CAMEL.sub(" ", nfkc(text)).lower())


def normalize_header(header: str) -> str:
    """The form headers are compared in: NFKC, lower case, no spaces, underscores or punctuation."""
    return "".join(_tokens(header))


_Exact = dict[str, tuple[PiiType, float]]
_Substrings = list[tuple[str, PiiType, float]]
_WordIndex = dict[str, list[tuple[tuple[str, ...], PiiType, float]]]  # first word -> (words, type, weight)


def _build() -> tuple[_Exact, _Substrings, _WordIndex]:
    exact: _Exact = {}
    han: _Substrings = []
    words: _WordIndex = {}
    for t, weight, keywords in _ENTRIES:
        for keyword in keywords.split("|"):
            tokens = tuple(_tokens(keyword))
            key = "".join(tokens)
            if key in exact:
                raise ValueError(f"header keyword {keyword!r} is listed twice")
            exact[key] = (t, weight)
            if keyword.isascii():
                words.setdefault(tokens[0], []).append((tokens, t, weight))
            else:
                han.append((key, t, weight))
    return exact, han, words


_EXACT, _HAN_KEYWORDS, _WORD_KEYWORDS = _build()

#: Every dictionary keyword (normalised) with the type it names and its weight for an exact match.
HEADER_KEYWORDS: Mapping[str, tuple[PiiType, float]] = MappingProxyType(_EXACT)


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    keyword: str
    type: PiiType
    weight: float


def _keyword_hits(tokens: list[str]) -> list[_Hit]:
    key = "".join(tokens)
    hits = []
    for keyword, t, weight in _HAN_KEYWORDS:
        start = key.rfind(keyword)
        if start >= 0:
            hits.append(_Hit(start, start + len(keyword), keyword, t, weight))
    offsets = [0]
    for token in tokens:
        offsets.append(offsets[-1] + len(token))
    for i, token in enumerate(tokens):
        for words, t, weight in _WORD_KEYWORDS.get(token, ()):
            if tuple(tokens[i : i + len(words)]) == words:
                hits.append(_Hit(offsets[i], offsets[i + len(words)], "".join(words), t, weight))
    return hits


def match_header(header: str | None) -> HeaderEvidence | None:
    """What ``header`` says about its column, or ``None`` if it says nothing (no header, ``col_3``, unknown words).

    An exact match of the whole header (with or without a bracketed note such as ``(元)``) wins. Otherwise the
    keywords found inside it compete: a keyword inside a longer one drops out (手机 inside 手机号), generic nouns
    drop out if anything specific is left, and of the rest the one ending last wins, since Chinese and English
    headers put the head noun last (联系人手机 is a mobile number, customer name a name); on a tie a negative
    keyword wins (the header names a business number, not personal data).
    """
    if not header:
        return None
    normal = nfkc(header)
    token_lists = [_tokens(_ANNOTATION.sub(" ", normal)), _tokens(normal)]
    for tokens in token_lists:
        key = "".join(tokens)
        if key in _EXACT:
            t, weight = _EXACT[key]
            return HeaderEvidence(key, t, weight, exact=True)
    tokens = token_lists[0] or token_lists[1]
    hits = _keyword_hits(tokens)
    hits = [h for h in hits if not any(o is not h and o.start <= h.start and h.end <= o.end and
                                       (o.end - o.start) > (h.end - h.start) for o in hits)]  # fmt: skip
    specific = [h for h in hits if h.type not in _GENERIC_TYPES]
    candidates = specific or hits
    if not candidates:
        return None
    best = max(candidates, key=lambda h: (h.end, h.type in NEGATIVE_TYPES, h.end - h.start, h.weight))
    return HeaderEvidence(best.keyword, best.type, round(best.weight * SUBSTRING_FACTOR, 3), exact=False)
