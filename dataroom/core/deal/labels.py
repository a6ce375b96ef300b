"""Bilingual names of deal vocabulary (roles, data classes, identifier kinds, PI categories) for documents."""

from __future__ import annotations

from dataroom.core.documents.blocks import Bilingual

ROLE = {
    "seller": Bilingual("转让方（卖方）", "Seller (transferor)"),
    "buyer": Bilingual("受让方（买方）", "Buyer (transferee)"),
    "advisor": Bilingual("顾问", "Advisor"),
}

DATA_CLASS = {
    "public": Bilingual("公开信息", "public information"),
    "consent-required": Bilingual("需经同意的信息（半公开）", "consent-required information (semi-public)"),
    "sensitive": Bilingual("敏感个人信息", "sensitive personal information"),
}

#: Personal-information categories by detected column type, as named to data subjects and authorities.
CATEGORY = {
    "resident_id": Bilingual("身份证件号码", "identity card numbers"),
    "foreign_permanent_id": Bilingual("外国人永久居留身份证号码", "foreign permanent residence ID numbers"),
    "passport": Bilingual("护照号码", "passport numbers"),
    "hk_id": Bilingual("港澳台居民证件号码", "Hong Kong, Macao and Taiwan ID numbers"),
    "mo_id": Bilingual("港澳台居民证件号码", "Hong Kong, Macao and Taiwan ID numbers"),
    "tw_id": Bilingual("港澳台居民证件号码", "Hong Kong, Macao and Taiwan ID numbers"),
    "bank_card": Bilingual("银行卡号", "bank card numbers"),
    "iban": Bilingual("银行账号", "bank account numbers"),
    "mobile": Bilingual("手机号码", "mobile phone numbers"),
    "landline": Bilingual("固定电话号码", "landline phone numbers"),
    "phone_intl": Bilingual("电话号码", "phone numbers"),
    "email": Bilingual("电子邮箱地址", "e-mail addresses"),
    "im_account": Bilingual("即时通讯账号", "messaging accounts"),
    "name": Bilingual("姓名", "names"),
    "address": Bilingual("地址", "addresses"),
    "plate": Bilingual("车牌号码", "vehicle plate numbers"),
    "ipv4": Bilingual("IP 地址", "IP addresses"),
    "ipv6": Bilingual("IP 地址", "IP addresses"),
    "birth_date": Bilingual("出生日期", "dates of birth"),
    "age": Bilingual("年龄", "ages"),
    "gender": Bilingual("性别", "gender"),
    "ethnicity": Bilingual("民族", "ethnicity"),
    "religion": Bilingual("宗教信仰", "religious beliefs"),
    "health": Bilingual("健康信息", "health information"),
    "precise_location": Bilingual("精确位置信息", "precise location"),
    "purchase_amount": Bilingual("购买记录与消费金额", "purchase records and amounts"),
    "amount": Bilingual("交易金额", "transaction amounts"),
    "income": Bilingual("收入信息", "income information"),
    "bank_name": Bilingual("开户银行", "bank names"),
    "ssn": Bilingual("社会保障号码", "social security numbers"),
    "free_text": Bilingual("备注等文字信息", "notes and other free text"),
}

OTHER_CATEGORY = Bilingual("其他客户信息", "other customer information")

#: Column types that are not personal information and are left out of category lists.
NOT_PERSONAL = frozenset({"company_name", "uscc", "order_id", "generic_id", "number", "date", "text", "empty"})


def role(value: str) -> Bilingual:
    return ROLE.get(value, Bilingual.same(value))


def data_class(value: str) -> Bilingual:
    return DATA_CLASS.get(value, Bilingual.same(value))


def categories(types: list[str]) -> list[Bilingual]:
    """Distinct category names for these column types, in first-seen order, personal ones only."""
    seen: list[Bilingual] = []
    for t in types:
        if t in NOT_PERSONAL:
            continue
        label = CATEGORY.get(t, OTHER_CATEGORY)
        if label not in seen:
            seen.append(label)
    return seen


def join(items: list[Bilingual], empty: Bilingual | None = None) -> Bilingual:
    """Items as one bilingual list: ``、`` between Chinese items, ``, `` between English ones."""
    if not items:
        return empty or Bilingual("无", "none")
    return Bilingual("、".join(i.zh for i in items), ", ".join(i.en for i in items))
