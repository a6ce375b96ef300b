"""Chinese surnames: the common single-character ones and the compound ones still in use.

Characters that are far more often ordinary words at the start of a place or product name (南, 明, 和, 海, ...)
are left out on purpose: a missed rare surname costs less than typing a column of city names as names.
"""

from __future__ import annotations

SINGLE_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚"
    "卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴"
    "霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景"
    "党宫费卜冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝官封谈匡"
    "鞠惠荆冀郁胥班储栗燕楚鄢劳谌奚皮粟冼蔺楼厉伊仝郜阚权帅屠朴廉禹漆狄扈晁芮阙浦戈伏鹿薄邸雍辜乌裘亓修邰赫"
    "杭况逯茹诸慕亢嵇哈湛宾戎勾茅揭尉冶束檀昝奉尧"
)

COMPOUND_SURNAMES = frozenset(
    {
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
        "夏侯", "轩辕", "令狐", "端木", "西门", "南宫", "独孤", "万俟", "闻人", "申屠", "澹台", "公冶",
        "太史", "赫连", "呼延", "钟离", "宗政", "濮阳", "淳于", "单于", "百里", "东郭", "拓跋", "司空",
        "左丘", "第五", "巫马", "漆雕", "乐正", "公良", "谷梁", "段干",
    }
)  # fmt: skip


def surname_length(name: str) -> int:
    """Length of the surname that opens ``name``: 2 for a compound surname, 1 for a known single one, else 0."""
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return 2
    return 1 if name[:1] in SINGLE_SURNAMES else 0
