"""Wording of the standard data confidentiality agreement, in Chinese and English, filled from the NDA's fields.

Written for Dataroom from the clause list that transfer practice asks for (scope and term of confidentiality,
liability, handling and destruction of confidential information, limits on sharing and disclosure, incident
response, consent and transparency towards data subjects, third parties). The clause text is generated once when
an NDA is drafted and stored in its signed content, so what each party signs is exactly what the PDF shows; the
structured fields beside it are what Dataroom enforces.

Where the two language versions differ, the Chinese text prevails (clause 12) — the usual choice for agreements
performed in mainland China; a single-language NDA has just that language.
"""

from __future__ import annotations

from typing import Any

from dataroom.core.deal import labels
from dataroom.core.documents.blocks import Bilingual

TEMPLATE_ID = "dataroom-standard-nda-v1"

ONWARD_MODES = ("none", "affiliates", "advisors", "affiliates-and-advisors")

DEFAULT_LIABILITY = Bilingual(
    "接收方违反本协议的，应赔偿披露方因此遭受的全部直接损失，包括披露方依法向个人信息主体承担的赔偿、"
    "监管机关的罚款以及为处理事件支出的合理费用（含调查、通知与律师费用）。接收方对其授权接收人的行为"
    "承担与自身行为同等的责任。违约方不得以未获利为由免除责任。",
    "A receiving party that breaches this agreement shall compensate the disclosing party for all direct loss "
    "it suffers as a result, including compensation the disclosing party owes to data subjects by law, fines "
    "imposed by regulators, and reasonable costs of handling the incident (investigation, notification and "
    "legal fees). A receiving party is liable for its authorised recipients as for itself. Not having profited "
    "from a breach is no defence.",
)

DEFAULT_GOVERNING_LAW = Bilingual(
    "本协议适用中华人民共和国法律（为本协议之目的，不包括香港、澳门特别行政区和台湾地区法律），"
    "包括《个人信息保护法》《数据安全法》与《网络安全法》。因本协议产生的争议，双方应先友好协商；"
    "协商不成的，提交披露方住所地有管辖权的人民法院诉讼解决。",
    "This agreement is governed by the laws of the People's Republic of China (for this purpose excluding those "
    "of Hong Kong, Macao and Taiwan), including the Personal Information Protection Law, the Data Security Law "
    "and the Cybersecurity Law. The parties shall first try to settle any dispute arising from it amicably; "
    "failing that, it shall be brought before the competent people's court where the disclosing party is "
    "domiciled.",
)

DEFAULT_STORAGE = Bilingual(
    "仅存放于全盘加密或文件级加密的设备与介质中，不得上传至未经披露方书面同意的云服务",
    "only on devices and media with full-disk or file-level encryption, never uploaded to a cloud service the "
    "disclosing party has not approved in writing",
)


def _party_names(content: dict[str, Any], fingerprints: list[str]) -> Bilingual:
    by_fp = {p["fingerprint"]: p for p in content["parties"]}
    names = [by_fp[fp]["organisation"] if fp in by_fp else fp[:11] for fp in fingerprints]
    return Bilingual("、".join(names), ", ".join(names))


def _datasets(content: dict[str, Any]) -> Bilingual:
    zh: list[str] = []
    en: list[str] = []
    for d in content["scope"]["datasets"]:
        cols = d.get("columns")
        ident = f"“{d['name']}”（源文件 SHA-256 {d['sha256'][:16]}…，{d['rows']:,} 行）"
        ident_en = f"“{d['name']}” (source file SHA-256 {d['sha256'][:16]}…, {d['rows']:,} rows)"
        if cols:
            zh.append(ident + "中的以下字段：" + "、".join(cols))
            en.append(ident_en + ", limited to the fields " + ", ".join(cols))
        else:
            zh.append(ident + "的全部字段")
            en.append(ident_en + ", all fields")
    return Bilingual("；".join(zh), "; ".join(en))


def _onward(content: dict[str, Any]) -> Bilingual:
    mode = content["onward_sharing"]["mode"]
    named = content["onward_sharing"].get("named") or []
    names_zh = "（限于：" + "、".join(named) + "）" if named else ""
    names_en = " (limited to: " + ", ".join(named) + ")" if named else ""
    if mode == "none":
        return Bilingual(
            "接收方不得向任何第三方（包括其关联方和顾问）提供、转让或披露保密信息。",
            "The receiving party shall not provide, transfer or disclose confidential information to any third "
            "party, its affiliates and advisors included.",
        )
    who = {
        "affiliates": Bilingual("其关联方", "its affiliates"),
        "advisors": Bilingual("其受职业保密义务约束的律师、会计师与财务顾问", "its lawyers, accountants and "
                              "financial advisors bound by professional secrecy"),
        "affiliates-and-advisors": Bilingual("其关联方，以及受职业保密义务约束的律师、会计师与财务顾问",
                                             "its affiliates, and its lawyers, accountants and financial advisors "
                                             "bound by professional secrecy"),
    }[mode]  # fmt: skip
    return Bilingual(
        f"接收方仅可在实现本协议目的所必需的范围内，向{who.zh}{names_zh}转交保密信息，且须事先以书面形式"
        "使其承担不低于本协议的保密与数据保护义务；接收方须记录每次转交的对象、时间与内容。"
        "除此之外，不得向任何第三方提供、转让或披露保密信息。",
        f"The receiving party may pass confidential information on only to {who.en}{names_en}, only as far as the "
        "purpose requires, and only after binding them in writing to duties of confidentiality and data "
        "protection no weaker than these; it shall record to whom, when and what it passed on. It shall not "
        "provide, transfer or disclose confidential information to anyone else.",
    )


def clauses(content: dict[str, Any]) -> list[dict[str, Any]]:
    """The numbered clauses for ``content`` (every field but ``clauses``), as stored in the signed NDA."""
    discloser = _party_names(content, [content["discloser"]])
    others = [p["fingerprint"] for p in content["parties"] if p["fingerprint"] != content["discloser"]]
    receivers = _party_names(content, others)
    purpose = Bilingual(content["purpose"]["zh"], content["purpose"]["en"])
    scope = content["scope"]
    classes = labels.join([labels.data_class(c) for c in scope["classes"]])
    term = content["term"]
    recipients = _party_names(content, [r["fingerprint"] for r in content["recipients"]])
    handling = content["handling"]
    storage = Bilingual(handling["storage"]["zh"], handling["storage"]["en"])
    destruction = content["destruction"]
    hours = int(handling["incident_notice_hours"])
    full = (
        Bilingual("披露方可提供未经去标识化处理的完整数据。", "The disclosing party may provide the full, "
                  "un-redacted data.")
        if scope["full_data"]
        else Bilingual("披露方仅提供经去标识化处理的数据（屏蔽、假名化、泛化或删除字段）；本协议不涵盖完整数据的"
                       "提供。", "The disclosing party provides de-identified data only (masked, pseudonymised, "
                       "generalised or withheld fields); providing the full data is outside this agreement.")
    )  # fmt: skip
    enc = Bilingual("必须", "must") if handling["encryption"] else Bilingual("应当", "should")
    log = (
        Bilingual("接收方须记录对保密信息的每一次访问（人员、时间、内容），保存不少于三年，并应披露方要求提供。",
                  "The receiving party shall log every access to confidential information (who, when, what), keep "
                  "the log for at least three years and produce it at the disclosing party's request.")
        if handling["access_log"]
        else Bilingual("接收方应保留足以追溯保密信息使用情况的记录。", "The receiving party shall keep records "
                       "sufficient to trace how confidential information was used.")
    )  # fmt: skip
    cert = (
        Bilingual("并向披露方出具经签名的数据销毁证明，列明销毁的数据、方式与时间", "and give the disclosing party a "
                  "signed certificate of destruction stating what was destroyed, how and when")
        if destruction["certificate_required"]
        else Bilingual("并以书面形式确认销毁完成", "and confirm the destruction in writing")
    )  # fmt: skip
    days = int(destruction["days"])
    text: list[tuple[Bilingual, Bilingual]] = [
        (
            Bilingual("目的", "Purpose"),
            Bilingual(
                f"{discloser.zh}（“披露方”）为{purpose.zh}之目的，向{receivers.zh}（“接收方”）提供下列保密信息。"
                "接收方仅可为该目的使用保密信息，不得用于营销、用户画像、与其他数据合并或任何其他目的。",
                f"{discloser.en} (the “disclosing party”) provides the confidential information below to "
                f"{receivers.en} (the “receiving party”) for the purpose of {purpose.en}. The receiving party "
                "shall use it for that purpose only, never for marketing, profiling, combining with other data, or "
                "any other purpose.",
            ),
        ),
        (
            Bilingual("保密信息的范围", "Scope of confidential information"),
            Bilingual(
                f"保密信息包括：{_datasets(content).zh}。可提供的信息类别限于{classes.zh}。{full.zh}"
                "保密信息还包括其任何副本、摘录、统计结果以及可据以识别个人的派生数据。",
                f"Confidential information means: {_datasets(content).en}. The information classes that may be "
                f"provided are limited to {classes.en}. {full.en} It also includes every copy, extract, statistic "
                "and derived data from which a person could be identified.",
            ),
        ),
        (
            Bilingual("期限", "Term"),
            Bilingual(
                f"本协议自 {term['effective_on']} 起生效（届时尚未经全部各方签署的，自最后一方签署之日起生效），"
                f"至 {term['expires_on']} 届满。期限届满或提前终止后，接收方的保密、销毁与配合义务继续有效，"
                "直至销毁义务履行完毕且保密信息不再能够识别到个人。",
                f"This agreement takes effect on {term['effective_on']} (or, if not every party has signed it by then, "
                f"on the day the last party signs) and expires at the end of {term['expires_on']}. After expiry or "
                "earlier termination the receiving party's duties of confidentiality, destruction and cooperation "
                "continue until destruction is complete and no information can be linked to a person.",
            ),
        ),
        (
            Bilingual("接收人与转交限制", "Recipients and onward sharing"),
            Bilingual(
                f"保密信息只能提供给以下经确认身份的接收人：{recipients.zh}。{_onward(content).zh}",
                f"Confidential information may be provided only to these recipients, whose identity keys were "
                f"confirmed: {recipients.en}. {_onward(content).en}",
            ),
        ),
        (
            Bilingual("处理要求", "Handling requirements"),
            Bilingual(
                f"保密信息在传输与存储中{enc.zh}加密，{storage.zh}。访问权限限于因本协议目的确需知悉的人员，"
                f"且须逐人授权。{log.zh}",
                f"Confidential information {enc.en} be encrypted in transit and at rest, and be kept {storage.en}. "
                f"Access is limited to people who need it for the purpose, each authorised by name. {log.en}",
            ),
        ),
        (
            Bilingual("个人信息保护", "Personal information protection"),
            Bilingual(
                "保密信息含有个人信息的，接收方应遵守《个人信息保护法》，不得尝试重新识别经去标识化处理的个人；"
                "需经同意的信息仅限已取得个人同意的记录；敏感个人信息非经本协议明确允许不得接收。"
                "交易完成后，接收方作为个人信息处理者应继续履行原处理者的义务（第二十二条），"
                "变更原处理目的或处理方式的，应重新取得个人同意。",
                "Where confidential information includes personal information, the receiving party shall comply "
                "with the Personal Information Protection Law and shall not attempt to re-identify de-identified "
                "persons; consent-required information covers only records whose data subjects consented; "
                "sensitive personal information may be received only where this agreement expressly allows it. "
                "After completion of the transfer, the receiving party as the new handler shall continue the "
                "previous handler's obligations (art. 22) and shall obtain fresh consent before changing the "
                "original purpose or manner of processing.",
            ),
        ),
        (
            Bilingual("返还与销毁", "Return and destruction"),
            Bilingual(
                f"在交易结束、谈判终止或本协议期满（以最早者为准）后 {days} 日内，接收方应删除或销毁全部保密信息"
                f"及其副本（包括备份与接收人持有的副本），使其不可恢复，{cert.zh}。法律要求保留的，"
                "应告知披露方保留的范围与依据，并在保留期届满后立即销毁。",
                f"Within {days} days after the deal closes, negotiations are terminated or this agreement expires, "
                "whichever comes first, the receiving party shall irrecoverably delete or destroy all confidential "
                f"information and copies (backups and copies held by its recipients included) {cert.en}. Anything "
                "the law requires it to keep shall be reported to the disclosing party with the legal basis, and "
                "destroyed as soon as the retention period ends.",
            ),
        ),
        (
            Bilingual("安全事件", "Security incidents"),
            Bilingual(
                f"接收方发现保密信息泄露、篡改、丢失或被非法访问的，应立即采取补救措施，并在 {hours} 小时内"
                "通知披露方，说明涉及的信息种类与数量、原因、可能的危害及已采取的措施；双方应配合向主管部门"
                "和受影响的个人履行通知义务（《个人信息保护法》第五十七条）。",
                "On discovering that confidential information was leaked, altered, lost or accessed without "
                f"authorisation, the receiving party shall take remedial measures at once and notify the disclosing "
                f"party within {hours} hours of the categories and amount of information involved, the cause, the "
                "possible harm and the measures taken; the parties shall cooperate in notifying the authorities and "
                "the persons affected (Personal Information Protection Law, art. 57).",
            ),
        ),
        (
            Bilingual("审计与配合", "Audit and cooperation"),
            Bilingual(
                "披露方可书面要求接收方说明其处理保密信息的情况并提供访问记录；接收方应在合理期限内如实答复，"
                "并配合个人行使查阅、更正、删除等权利。",
                "The disclosing party may ask in writing how the receiving party handles confidential information "
                "and for its access records; the receiving party shall answer truthfully within a reasonable time "
                "and help data subjects exercise their rights of access, correction and deletion.",
            ),
        ),
        (Bilingual("违约责任", "Liability"), Bilingual(content["liability"]["zh"], content["liability"]["en"])),
        (
            Bilingual("适用法律与争议解决", "Governing law and disputes"),
            Bilingual(content["governing_law"]["zh"], content["governing_law"]["en"]),
        ),
        (
            Bilingual("签署与文本", "Signature and versions"),
            Bilingual(
                "各方以其在 Dataroom 身份卡中经对方核对的签名密钥（Ed25519）对本协议的规范化 JSON 文本进行"
                "电子签名，该签名与手写签名具有同等效力；任何改动都会使签名失效。本协议以中英文书就，"
                "两种文本不一致时，以中文文本为准。",
                "Each party signs the canonical JSON text of this agreement electronically with the signing key "
                "(Ed25519) of its Dataroom identity card, as confirmed by the other parties; that signature has "
                "the effect of a handwritten one, and any change to the text invalidates it. This agreement is "
                "written in Chinese and English; where they differ, the Chinese text prevails.",
            ),
        ),
    ]
    if content["language"] != "bilingual":
        last_zh = text[-1][1].zh.replace("本协议以中英文书就，两种文本不一致时，以中文文本为准。", "")
        last_en = text[-1][1].en.replace(
            " This agreement is written in Chinese and English; where they differ, the Chinese text prevails.", ""
        )
        text[-1] = (text[-1][0], Bilingual(last_zh, last_en))
    return [
        {"number": str(i), "title": {"zh": t.zh, "en": t.en}, "body": {"zh": body.zh, "en": body.en}}
        for i, (t, body) in enumerate(text, start=1)
    ]
