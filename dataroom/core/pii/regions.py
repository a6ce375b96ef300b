"""Chinese administrative divisions (GB/T 2260) the validators and the synthetic generator need.

Only province-level codes are complete; the district table is a small sample of real districts, enough to give
synthetic data real region codes and addresses.
"""

from __future__ import annotations

# Province-level codes that open a resident identity number; 81-83 open the residence permits of Hong Kong,
# Macau and Taiwan residents (GB/T 2260 plus the 2018 residence-permit rules).
PROVINCES: dict[str, str] = {
    "11": "北京市", "12": "天津市", "13": "河北省", "14": "山西省", "15": "内蒙古自治区",
    "21": "辽宁省", "22": "吉林省", "23": "黑龙江省",
    "31": "上海市", "32": "江苏省", "33": "浙江省", "34": "安徽省", "35": "福建省", "36": "江西省", "37": "山东省",
    "41": "河南省", "42": "湖北省", "43": "湖南省", "44": "广东省", "45": "广西壮族自治区", "46": "海南省",
    "50": "重庆市", "51": "四川省", "52": "贵州省", "53": "云南省", "54": "西藏自治区",
    "61": "陕西省", "62": "甘肃省", "63": "青海省", "64": "宁夏回族自治区", "65": "新疆维吾尔自治区",
    "71": "台湾省", "81": "香港特别行政区", "82": "澳门特别行政区", "83": "台湾地区",
}  # fmt: skip

# Province names without their 省/市/自治区 suffix, as people write them at the start of an address.
PROVINCE_SHORT_NAMES: tuple[str, ...] = (
    "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建",
    "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏",
    "陕西", "甘肃", "青海", "宁夏", "新疆", "台湾", "香港", "澳门",
)  # fmt: skip

# One-character province abbreviations used on vehicle plates.
PLATE_PREFIXES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"

# (six-digit code, province, prefecture-level city or "" for municipalities, district)
DISTRICTS: tuple[tuple[str, str, str, str], ...] = (
    ("110101", "北京市", "", "东城区"),
    ("110105", "北京市", "", "朝阳区"),
    ("110108", "北京市", "", "海淀区"),
    ("120101", "天津市", "", "和平区"),
    ("310104", "上海市", "", "徐汇区"),
    ("310115", "上海市", "", "浦东新区"),
    ("500103", "重庆市", "", "渝中区"),
    ("210102", "辽宁省", "沈阳市", "和平区"),
    ("320102", "江苏省", "南京市", "玄武区"),
    ("330106", "浙江省", "杭州市", "西湖区"),
    ("350203", "福建省", "厦门市", "思明区"),
    ("370202", "山东省", "青岛市", "市南区"),
    ("410105", "河南省", "郑州市", "金水区"),
    ("420106", "湖北省", "武汉市", "武昌区"),
    ("430104", "湖南省", "长沙市", "岳麓区"),
    ("440106", "广东省", "广州市", "天河区"),
    ("440305", "广东省", "深圳市", "南山区"),
    ("510107", "四川省", "成都市", "武侯区"),
    ("530102", "云南省", "昆明市", "五华区"),
    ("610113", "陕西省", "西安市", "雁塔区"),
)
