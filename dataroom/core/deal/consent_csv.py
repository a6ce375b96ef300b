"""Reading a CSV of consents: one row per consent; each identifier becomes a subject token the moment it is read.

Columns are found by header (Chinese or English names, see :data:`HEADERS`), or fixed for the whole file by the
caller (``kind``, ``purpose``, ``source``). Problems are reported by line number and never quote the identifier,
so an error message cannot leak the personal data it is about.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dataroom.core import subjects
from dataroom.core.deal.consent import SOURCES, check_purpose
from dataroom.core.errors import InputError
from dataroom.core.ingest.detect import codec_for, detect_encoding

#: Accepted header names per field (compared case-insensitively, spaces and underscores ignored).
HEADERS = {
    "identifier": ("identifier", "id", "subject", "标识", "证件号", "证件号码", "身份证号", "身份证号码", "手机号",
                   "手机号码", "手机", "电话", "mobile", "phone", "email", "邮箱", "电子邮箱"),
    "kind": ("kind", "idkind", "identifierkind", "类型", "标识类型", "证件类型"),
    "purpose": ("purpose", "目的", "用途", "同意目的"),
    "given": ("given", "givenon", "date", "consentdate", "同意日期", "同意时间", "签署日期"),
    "withdrawn": ("withdrawn", "withdrawnon", "withdrawaldate", "撤回日期", "撤回时间"),
    "source": ("source", "来源", "同意方式"),
    "source_ref": ("sourceref", "reference", "ref", "凭证", "凭证编号", "录音编号", "表单编号"),
    "scope": ("scope", "范围", "同意范围"),
}  # fmt: skip

#: Identifier kinds implied by an identifier column's header when no kind is given.
KIND_BY_HEADER = {
    "身份证号": "resident_id", "身份证号码": "resident_id", "证件号": "resident_id", "证件号码": "resident_id",
    "手机号": "mobile", "手机号码": "mobile", "手机": "mobile", "电话": "mobile", "mobile": "mobile", "phone": "mobile",
    "email": "email", "邮箱": "email", "电子邮箱": "email",
}  # fmt: skip

#: Kind names as people write them in a kind column.
KIND_ALIASES = {
    "身份证": "resident_id", "居民身份证": "resident_id", "id": "resident_id", "idcard": "resident_id",
    "手机": "mobile", "手机号": "mobile", "phone": "mobile", "邮箱": "email", "e-mail": "email", "护照": "passport",
    "银行卡": "bank_card",
}  # fmt: skip

SOURCE_ALIASES = {
    "纸质": "paper-form", "纸质表单": "paper-form", "书面": "paper-form", "paper": "paper-form", "app": "app",
    "应用": "app", "网页": "web-form", "web": "web-form", "电话录音": "call-recording", "录音": "call-recording",
    "call": "call-recording", "邮件": "email", "短信": "sms",
}  # fmt: skip

MAX_PROBLEMS = 200


def _key(header: str) -> str:
    return re.sub(r"[\s_\-]", "", unicodedata.normalize("NFKC", header)).lower()


def parse_date(text: str) -> dt.date:
    """``2025-03-01``, ``2025/3/1``, ``2025.3.1``, ``2025年3月1日``, ``20250301`` (time of day ignored)."""
    t = unicodedata.normalize("NFKC", text).strip()
    m = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?", t) or re.fullmatch(
        r"(\d{4})(\d{2})(\d{2})", t
    )
    if not m:
        raise ValueError(t)
    return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


@dataclass(frozen=True)
class ParsedConsent:
    """One consent row as a token and typed fields, with the CSV line it came from."""

    line: int
    subject: str
    kind: str
    purpose: str
    scope: tuple[str, ...]
    source: str
    source_ref: str
    given_on: dt.date
    withdrawn_on: dt.date | None


@dataclass
class ParseReport:
    rows: int = 0
    problems: list[str] = field(default_factory=list)

    def problem(self, line: int, text: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(f"line {line}: {text}")


def _plausible(kind: str, value: str) -> bool:
    """A cheap shape check so a shifted column (a name where a phone should be) is caught, not tokenised."""
    if kind == "mobile":
        return bool(re.fullmatch(r"1[3-9]\d{9}", value))
    if kind == "resident_id":
        return bool(re.fullmatch(r"\d{17}[\dX]|\d{15}", value))
    if kind == "email":
        return "@" in value and "." in value.rsplit("@", 1)[-1]
    if kind == "bank_card":
        return bool(re.fullmatch(r"\d{12,19}", value))
    return len(value) >= 5


def read(
    path: Path,
    key: bytes,
    *,
    kind: str | None = None,
    purpose: str | None = None,
    source: str | None = None,
    report: ParseReport,
) -> Iterator[ParsedConsent]:
    """Yield the consents of the CSV at ``path`` as tokens; problems go to ``report`` and the row is skipped."""
    path = Path(path)
    encoding = codec_for(detect_encoding(path))
    with path.open("r", encoding=encoding, newline="") as fh:
        reader = csv.reader(fh)
        try:
            header = next(reader)
        except StopIteration as exc:
            raise InputError("The consent file is empty.") from exc
        index: dict[str, int] = {}
        for i, name in enumerate(header):
            for fieldname, names in HEADERS.items():
                if _key(name) in names and fieldname not in index:
                    index[fieldname] = i
        if "identifier" not in index:
            raise InputError("The consent file has no identifier column (e.g. 手机号, 身份证号, identifier).")
        if kind is None and "kind" not in index:
            kind = KIND_BY_HEADER.get(_key(header[index["identifier"]]))
            if kind is None:
                raise InputError("Say what kind of identifier the file holds (mobile, resident_id, email, …).")
        if purpose is None and "purpose" not in index:
            raise InputError("The consent file has no purpose column; give the purpose for the whole file.")
        if "given" not in index:
            raise InputError("The consent file has no date column saying when consent was given (同意日期).")
        for line, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue
            report.rows += 1
            parsed = _row(row, line, index, key, kind, purpose, source, report)
            if parsed is not None:
                yield parsed


def _cell(row: list[str], index: dict[str, int], name: str) -> str:
    i = index.get(name)
    return row[i].strip() if i is not None and i < len(row) else ""


def _row(
    row: list[str],
    line: int,
    index: dict[str, int],
    key: bytes,
    kind: str | None,
    purpose: str | None,
    source: str | None,
    report: ParseReport,
) -> ParsedConsent | None:
    row_kind = kind or _cell(row, index, "kind")
    row_kind = KIND_ALIASES.get(_key(row_kind), row_kind)
    if row_kind not in subjects.KINDS:
        report.problem(line, f"unknown identifier kind (use {', '.join(subjects.KINDS)})")
        return None
    raw = _cell(row, index, "identifier")
    value = subjects.normalise(row_kind, raw) if raw else ""
    if not value:
        report.problem(line, "the identifier is empty")
        return None
    if not _plausible(row_kind, value):
        report.problem(line, f"the identifier does not look like a {row_kind.replace('_', ' ')}")
        return None
    row_purpose = purpose or _cell(row, index, "purpose")
    try:
        row_purpose = check_purpose(row_purpose)
    except InputError:
        report.problem(line, "the purpose is empty")
        return None
    try:
        given = parse_date(_cell(row, index, "given"))
    except ValueError:
        report.problem(line, "the date consent was given is missing or not a date")
        return None
    withdrawn_text = _cell(row, index, "withdrawn")
    try:
        withdrawn = parse_date(withdrawn_text) if withdrawn_text else None
    except ValueError:
        report.problem(line, "the withdrawal date is not a date")
        return None
    if withdrawn is not None and withdrawn < given:
        report.problem(line, "consent was withdrawn before it was given")
        return None
    row_source = source or _cell(row, index, "source") or "other"
    row_source = SOURCE_ALIASES.get(_key(row_source), row_source)
    if row_source not in SOURCES:
        report.problem(line, f"unknown source (use {', '.join(SOURCES)})")
        return None
    scope = tuple(s.strip() for s in re.split(r"[;；,，、]", _cell(row, index, "scope")) if s.strip())
    return ParsedConsent(
        line, subjects.subject_token(key, row_kind, value), row_kind, row_purpose, scope, row_source,
        _cell(row, index, "source_ref")[:200], given, withdrawn,
    )  # fmt: skip
