"""Data-subject requests: find one person across datasets, export their rows, erase them for good."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from dataroom.core.errors import InputError, PermissionDenied
from dataroom.core.flows import redaction as flows
from dataroom.core.users.roles import Role
from tests.core.test_redaction_helpers import as_role, audit_details, make_dataset

PERSON_ID = "110101198807160016"
PERSON_PHONE = "13912345678"
PERSON_MAIL = "erase.me@example.com"
NEEDLES = [PERSON_ID, PERSON_PHONE, PERSON_MAIL, "蔡某某"]


def _two_datasets(session) -> None:  # type: ignore[no-untyped-def]
    make_dataset(session, "crm", ["姓名", "身份证号", "手机号", "邮箱"], [
        ["蔡某某", PERSON_ID, "139 1234 5678", PERSON_MAIL.upper()],
        ["李四", "310104198512124321", "13900139000", "lisi@163.com"],
        ["蔡某某", "", "+86 139-1234-5678", ""],
        ["王五", "440305200001014567", "13700137000", "wangwu@qq.com"],
    ], {"姓名": ("name", "consent-required"), "身份证号": ("resident_id", "sensitive"),
        "手机号": ("mobile", "consent-required"), "邮箱": ("email", "consent-required")})  # fmt: skip
    # Never classified: every column is searched.
    make_dataset(session, "orders", ["订单", "联系电话", "金额"], [
        ["O1", "１３９１２３４５６７８", "99"], ["O2", "13700137000", "5"], ["O3", "", "7"],
    ])  # fmt: skip


def test_find_by_any_identifier_form_across_datasets(session) -> None:
    _two_datasets(session)
    found = flows.find_subject(session, "mobile", "+86 139 1234 5678")
    assert found.counts() == {"crm": 2, "orders": 1}
    crm = next(m for m in found.matches if m.dataset.name == "crm")
    assert [r[0] for r in crm.rows] == [1, 3] and crm.columns == ["手机号"]
    assert flows.find_subject(session, "resident_id", PERSON_ID).counts() == {"crm": 1}
    assert flows.find_subject(session, "email", "Erase.Me@Example.com").counts() == {"crm": 1}
    assert flows.find_subject(session, "email", "nobody@example.com").matches == []
    records = audit_details(session, "subject.find")
    assert all(r["object"].startswith("S-") for r in records)
    assert not any(n in repr(records) for n in (*NEEDLES, "139 1234 5678"))


def test_subject_refusals(session, tmp_path: Path) -> None:
    _two_datasets(session)
    with pytest.raises(InputError, match="one of"):
        flows.find_subject(session, "shoe_size", "42")
    with pytest.raises(InputError, match="empty"):
        flows.find_subject(session, "mobile", "  ")
    rita = as_role(session, "rita", Role.REVIEWER)
    with pytest.raises(PermissionDenied):
        flows.find_subject(rita, "mobile", PERSON_PHONE)
    with pytest.raises(PermissionDenied):
        flows.erase_subject(rita, "mobile", PERSON_PHONE)


def test_export_for_the_person(session, tmp_path: Path) -> None:
    _two_datasets(session)
    out = tmp_path / "person.csv"
    result = flows.export_subject(session, "mobile", PERSON_PHONE, out)
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert rows[0][0].startswith("# Personal data held about one data subject (S-")
    assert rows[1] == ["dataset", "row", "column", "value"]
    assert ["crm", "1", "身份证号", PERSON_ID] in rows and ["orders", "1", "联系电话", "１３９１２３４５６７８"] in rows
    assert len(rows) - 2 == 4 + 4 + 3 and result.rows == 3
    (record,) = audit_details(session, "subject.export")
    assert record["details"]["rows"] == {"crm": 2, "orders": 1} and PERSON_PHONE not in repr(record)


def _decrypted_pages(vault_db: Path, key: bytes, page_size: int) -> bytes:
    """Every page of a SQLCipher 4 database decrypted (AES-256-CBC; IV in the page's reserved tail)."""
    data = vault_db.read_bytes()
    reserve = 80  # 16-byte IV + 64-byte HMAC-SHA512
    plain = []
    for start in range(0, len(data), page_size):
        page = data[start : start + page_size]
        body = page[16 : page_size - reserve] if start == 0 else page[: page_size - reserve]
        iv = page[page_size - reserve : page_size - reserve + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        plain.append(decryptor.update(body) + decryptor.finalize())
    return b"".join(plain)


def test_erasure_removes_the_person_from_datasets_and_vault_bytes(session, vault_dir: Path) -> None:
    _two_datasets(session)
    flows.open_preview(session, "crm", sort="身份证号")  # a sort index now holds the ID too
    conn = session.vault.connection()
    page_size = int(conn.execute("PRAGMA cipher_page_size").fetchone()[0])
    key = session.vault.key_bytes()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _decrypted_pages(vault_dir / "vault.db", key, page_size)
    assert PERSON_ID.encode() in before and PERSON_MAIL.upper().encode() in before  # the check can see them

    erased = flows.erase_subject(session, "mobile", "139-1234-5678")
    assert erased.counts() == {"crm": 2, "orders": 1}
    assert flows.find_subject(session, "mobile", PERSON_PHONE).matches == []
    assert flows.find_subject(session, "resident_id", PERSON_ID).matches == []
    crm = flows.open_preview(session, "crm", sort="身份证号")
    assert crm.info.row_count == 2 and crm.page_at(2, 5).row_numbers == [4]
    assert flows.open_preview(session, "orders").page_at(2, 5).row_numbers == [3]  # jump over the gap
    (record,) = audit_details(session, "subject.erase")
    assert record["object"] == erased.token and record["details"]["rows"] == {"crm": 2, "orders": 1}

    after = _decrypted_pages(vault_dir / "vault.db", key, page_size)
    assert b"13900139000" in after  # other people are still there, so the decryption works
    for needle in (
        PERSON_ID,
        PERSON_MAIL.upper(),
        "139 1234 5678",
        "+86 139-1234-5678",
        "１３９１２３４５６７８",
        "蔡某某",
    ):
        assert needle.encode("utf-8") not in after, needle
    for path in vault_dir.iterdir():
        if path.is_file():
            raw = path.read_bytes()
            assert not any(n.encode("utf-8") in raw for n in NEEDLES), path.name
