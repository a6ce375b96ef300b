"""The incident register: what happened to which data, how many people it touches, and the notification drafts.

PIPL art. 57: on a leak, alteration or loss of personal information (or the risk of one) the handler takes
remedial measures at once and notifies the authorities and the persons affected of (1) the categories of
information, the cause and the possible harm, (2) the remedial measures taken and what individuals can do to
reduce the harm, (3) the handler's contact details. The register computes the number of affected people from the
datasets themselves (distinct subject tokens over the affected rows), so the letters state a figure that can be
recomputed, and stores the facts the letters were drafted from.

The typed facts (cause, containment, harm…) appear in the letters as written; the fixed wording is bilingual.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from dataroom.core import subjects
from dataroom.core.cancel import CancelToken, Progress, no_progress
from dataroom.core.datasets import classes, store
from dataroom.core.deal import labels, subject_columns
from dataroom.core.documents import blocks as b
from dataroom.core.documents.blocks import Bilingual as Bi
from dataroom.core.errors import InputError, NotFound

Connection = Any

KINDS = {
    "leak": Bi("泄露", "leak"),
    "alteration": Bi("篡改", "alteration"),
    "loss": Bi("丢失", "loss"),
    "unauthorised-access": Bi("非法访问", "unauthorised access"),
}


@dataclass(frozen=True)
class AffectedData:
    """One dataset touched by an incident: which columns (``None`` = all) and which rows (``"all"`` or ranges)."""

    dataset: str
    columns: tuple[str, ...] | None = None
    rows: str = "all"


@dataclass(frozen=True)
class IncidentFacts:
    """What the person recording the incident knows."""

    title: str
    kind: str
    found_at: str
    affected: tuple[AffectedData, ...]
    cause: str
    containment: str
    harm: str
    remedies: str
    contact: str


@dataclass(frozen=True)
class Incident:
    id: int
    found_at: str
    content: dict[str, Any]
    affected_rows: int
    affected_subjects: int
    recorded_at: str
    recorded_by: str

    @property
    def title(self) -> str:
        return str(self.content["title"])


def parse_rows(spec: str, row_count: int) -> set[int] | None:
    """``"all"`` → ``None``; ``"1-100, 205"`` → that set of row numbers (each within 1..row_count)."""
    spec = spec.strip().lower()
    if spec in ("", "all", "全部"):
        return None
    out: set[int] = set()
    for part in re.split(r"[,，\s]+", spec):
        if not part:
            continue
        m = re.fullmatch(r"(\d+)(?:-(\d+))?", part)
        if not m:
            raise InputError(f"Rows are given as numbers and ranges like 1-100,205 (not {part!r}).")
        first, last = int(m.group(1)), int(m.group(2) or m.group(1))
        if not 1 <= first <= last <= row_count:
            raise InputError(f"Row range {part} is outside 1–{row_count}.")
        out.update(range(first, last + 1))
    return out


def check(facts: IncidentFacts) -> IncidentFacts:
    if facts.kind not in KINDS:
        raise InputError(f"The kind of incident is one of {', '.join(KINDS)}.")
    try:
        dt.datetime.fromisoformat(facts.found_at)
    except ValueError as exc:
        raise InputError("Say when the incident was found as a date and time, e.g. 2026-03-01T09:30.") from exc
    required = (
        (facts.title, "a short title"),
        (facts.cause, "the cause (as far as known)"),
        (facts.containment, "the measures taken"),
        (facts.contact, "a contact for questions"),
    )
    for value, what in required:
        if not value.strip():
            raise InputError(f"Record {what}.")
    if not facts.affected:
        raise InputError("Name at least one affected dataset.")
    return facts


def measure(
    conn: Connection, facts: IncidentFacts, *, progress: Progress = no_progress, cancel: CancelToken | None = None
) -> dict[str, Any]:
    """Rows, distinct people and information categories over the affected data.

    People are counted as distinct subjects: identifiers that share a row (a phone and an ID number) belong to one
    person, and the same identifier in two rows or two datasets is that person again. An affected row with no
    identifier counts as one more person, so the figure errs on the high side, never the low one.
    """
    key = subjects.subject_key(conn)
    people = _People()
    anonymous_rows = 0
    total_rows = 0
    per_dataset = []
    types: list[str] = []
    for item in facts.affected:
        info = store.get(conn, item.dataset)
        if item.columns is not None:
            unknown = [c for c in item.columns if c not in info.columns]
            if unknown:
                raise InputError(f"Dataset {info.name!r} has no column {', '.join(unknown)}.")
        wanted = parse_rows(item.rows, info.row_count)
        rows = info.row_count if wanted is None else len(wanted)
        stored = classes.load(conn, info)
        types += [c.type for c in stored if item.columns is None or c.name in item.columns]
        try:
            cols = subject_columns.identifier_columns(conn, info)
        except InputError:
            cols = {}
        here = _People()
        unidentified = 0
        if cols:
            for _, row_tokens in subject_columns.iter_row_subjects(
                conn, info, cols, key, row_numbers=wanted, progress=progress, cancel=cancel
            ):
                if row_tokens:
                    here.add(row_tokens)
                    people.add(row_tokens)
                else:
                    unidentified += 1
        else:
            unidentified = rows
        anonymous_rows += unidentified
        total_rows += rows
        per_dataset.append(
            {"dataset": info.name, "rows": rows, "people": here.count() + unidentified, "columns":
             list(item.columns) if item.columns is not None else list(info.columns), "row_spec": item.rows}
        )  # fmt: skip
    categories = labels.categories(types) or [labels.OTHER_CATEGORY]
    return {
        "rows": total_rows,
        "people": people.count() + anonymous_rows,
        "rows_without_identifier": anonymous_rows,
        "datasets": per_dataset,
        "categories": [{"zh": c.zh, "en": c.en} for c in categories],
    }


class _People:
    """Union-find over subject tokens: tokens seen in one row are one person; ``count`` gives distinct persons."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def _root(self, token: str) -> str:
        parent = self._parent.setdefault(token, token)
        while parent != token:
            grand = self._parent[parent]
            self._parent[token] = grand  # path halving keeps later lookups short
            token, parent = parent, grand
        return token

    def add(self, row_tokens: list[str]) -> None:
        first = self._root(row_tokens[0])
        for other in row_tokens[1:]:
            root = self._root(other)
            if root != first:
                self._parent[root] = first

    def count(self) -> int:
        return sum(1 for token, parent in self._parent.items() if token == parent)


def insert(conn: Connection, facts: IncidentFacts, measured: dict[str, Any], actor: str, now: str) -> int:
    content = {
        "title": facts.title.strip(),
        "kind": facts.kind,
        "found_at": facts.found_at,
        "cause": facts.cause.strip(),
        "containment": facts.containment.strip(),
        "harm": facts.harm.strip(),
        "remedies": facts.remedies.strip(),
        "contact": facts.contact.strip(),
        "measured": measured,
    }
    cur = conn.execute(
        "INSERT INTO incidents(found_at, content, affected_rows, affected_subjects, recorded_at, recorded_by)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (facts.found_at, json.dumps(content, ensure_ascii=False), measured["rows"], measured["people"], now, actor),
    )
    return int(cur.lastrowid)


def _row(row: Any) -> Incident:
    return Incident(int(row[0]), row[1], json.loads(row[2]), int(row[3]), int(row[4]), row[5], row[6])


_COLUMNS = "id, found_at, content, affected_rows, affected_subjects, recorded_at, recorded_by"


def list_all(conn: Connection) -> list[Incident]:
    return [_row(r) for r in conn.execute(f"SELECT {_COLUMNS} FROM incidents ORDER BY found_at, id")]


def get(conn: Connection, incident_id: int) -> Incident:
    row = conn.execute(f"SELECT {_COLUMNS} FROM incidents WHERE id = ?", (incident_id,)).fetchone()
    if row is None:
        raise NotFound(f"There is no incident #{incident_id} in the register.")
    return _row(row)


def _facts_fields(incident: Incident, langs: tuple[b.Language, ...]) -> list[tuple[Bi, str]]:
    c = incident.content
    m = c["measured"]
    cats = labels.join([Bi(x["zh"], x["en"]) for x in m["categories"]])
    kind = KINDS[c["kind"]]
    return [
        (Bi("事件", "Incident"), f"{c['title']} ({' / '.join(kind.pick(langs))})"),
        (Bi("发现时间", "Found at"), c["found_at"].replace("T", " ")),
        (Bi("涉及的个人信息种类", "Categories of personal information"), " / ".join(cats.pick(langs))),
        (Bi("涉及人数（估计上限）", "People affected (upper estimate)"), f"{m['people']:,}"),
        (Bi("涉及记录数", "Records affected"), f"{m['rows']:,}"),
    ]


def authority_document(incident: Incident, handler: str, languages: tuple[b.Language, ...] = b.BOTH) -> b.Document:
    """Draft report to the authority responsible for personal information protection (art. 57)."""
    c = incident.content
    doc = b.Document(
        title=Bi("个人信息安全事件报告（草稿）", "Personal information security incident report (draft)"),
        reference=f"{handler} · incident #{incident.id}",
        languages=languages,
        subject="PIPL art. 57 report",
    )
    doc.para(
        f"报告单位：{handler}。依照《中华人民共和国个人信息保护法》第五十七条，现将个人信息安全事件报告如下。",
        f"Reporting handler: {handler}. Under article 57 of the Personal Information Protection Law of the "
        "People's Republic of China we report the following personal information security incident.",
    )
    doc.fields(_facts_fields(incident, languages))
    doc.heading("一、事件原因与可能造成的危害", "1. Cause and possible harm", level=2)
    doc.fields([(Bi("原因", "Cause"), c["cause"]), (Bi("可能造成的危害", "Possible harm"), c["harm"] or "—")])
    doc.heading("二、已采取的补救措施", "2. Remedial measures taken", level=2)
    doc.para(c["containment"], c["containment"])
    doc.heading("三、个人可采取的减轻危害的措施", "3. What individuals can do to reduce the harm", level=2)
    doc.para(c["remedies"] or "—", c["remedies"] or "—")
    doc.heading("四、涉及的数据", "4. Data involved", level=2)
    doc.fields(
        [
            (Bi.same(d["dataset"]), f"{d['rows']:,} rows · ~{d['people']:,} people · {', '.join(d['columns'])}")
            for d in c["measured"]["datasets"]
        ]
    )
    doc.heading("五、联系方式", "5. Contact", level=2)
    doc.para(c["contact"], c["contact"])
    doc.para(
        "本报告为草稿，事实以调查结论为准；受影响的个人将另行收到通知。",
        "This report is a draft; the facts stand as the investigation finds them. The persons affected are "
        "notified separately.",
        "note",
    )
    return doc


def persons_document(
    incident: Incident, handler: str, languages: tuple[b.Language, ...] = b.BOTH, *, merge_field: bool = False
) -> b.Document:
    """Draft notification to the persons affected (art. 57); ``merge_field`` greets ``{{name}}`` for mail merges."""
    c = incident.content
    cats = labels.join([Bi(x["zh"], x["en"]) for x in c["measured"]["categories"]])
    doc = b.Document(
        title=Bi("个人信息安全事件告知书", "Notice of a personal information security incident"),
        reference=f"{handler} · incident #{incident.id}",
        languages=languages,
        subject="PIPL art. 57 notice",
    )
    if merge_field:
        doc.para("尊敬的{{name}}：", "Dear {{name}},")
    else:
        doc.para("尊敬的客户：", "Dear customer,")
    doc.para(
        f"我们于 {c['found_at'][:10]} 发现一起个人信息安全事件（{KINDS[c['kind']].zh}），其中可能涉及您的以下个人"
        f"信息：{cats.zh}。我们深表歉意，现将有关情况告知如下。",
        f"On {c['found_at'][:10]} we found a personal information security incident ({KINDS[c['kind']].en}) that may "
        f"involve the following information about you: {cats.en}. We apologise, and tell you what happened below.",
    )
    doc.fields(
        [
            (Bi("发生原因", "What caused it"), c["cause"]),
            (Bi("可能造成的危害", "Possible harm"), c["harm"] or "—"),
            (Bi("我们已采取的措施", "What we have done"), c["containment"]),
            (Bi("您可以采取的措施", "What you can do"), c["remedies"] or "—"),
            (Bi("联系我们", "Contact us"), c["contact"]),
        ]
    )
    doc.para(
        f"如有疑问，或需查询、更正、删除您的个人信息，请通过上述方式联系我们。{handler}",
        f"If you have questions, or wish to access, correct or delete your personal information, contact us as "
        f"above. {handler}",
    )
    return doc
