"""Helpers for the redaction tests: datasets and classifications written straight into a vault (no file reader,
no classifier, so the tests do not depend on either), plus a check of the helpers themselves."""

from __future__ import annotations

from collections.abc import Sequence

from dataroom.core.datasets import classes, store
from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.timeutil import utc_now

CUSTOMERS_HEADER = ["客户编号", "姓名", "性别", "身份证号", "手机号", "邮箱", "地址", "注册日期", "消费金额", "备注"]
CUSTOMERS_TYPES = {
    "客户编号": ("order_id", "public"),
    "姓名": ("name", "consent-required"),
    "性别": ("gender", "consent-required"),
    "身份证号": ("resident_id", "sensitive"),
    "手机号": ("mobile", "consent-required"),
    "邮箱": ("email", "consent-required"),
    "地址": ("address", "consent-required"),
    "注册日期": ("date", "public"),
    "消费金额": ("purchase_amount", "consent-required"),
    "备注": ("free_text", "sensitive"),
}
CUSTOMERS_ROWS = [
    ["C001", "张三", "男", "110101199003071234", "13800138000", "zhangsan@qq.com", "北京市朝阳区建国路88号",
     "2023-01-05", "1234.50", "老客户"],
    ["C002", "李四明", "女", "310104198512124321", "139 0013 9000", "lisi@163.com", "上海市徐汇区漕溪北路1号",
     "2023-02-10", "88", "身份证110101199003071234"],
    ["C003", "欧阳明明", "女", "440305200001014567", "+86 137-0013-7000", "oy@qq.com", "广东省深圳市南山区科技园路1号",
     "2023-03-15", "=HYPERLINK(\"http://x\")", ""],
    ["C004", "王五", "男", "110101199003071234", "13800138000", "zhangsan@qq.com", "北京市朝阳区建国路88号",
     "2023-04-20", "-5", "@SUM(A1)"],
]  # fmt: skip


def make_dataset(
    session,  # type: ignore[no-untyped-def]
    name: str,
    header: Sequence[str],
    rows: Sequence[Sequence[str | None]],
    types: dict[str, tuple[str, str]] | None = None,
) -> DatasetInfo:
    """A dataset ``name`` holding ``rows``, with classifications ``{column: (type, class)}`` stored as detected."""
    with session.vault.transaction() as tx:
        dataset_id = store.create(
            tx, name=name, header=header, source_header=header, source_name=f"{name}.csv", source_sha256="ab" * 32,
            source_kind="csv", encoding="utf-8", delimiter=",", sheet=None, imported_by=session.user,
            imported_at=utc_now(),
        )  # fmt: skip
        tx.executemany(store.insert_sql(dataset_id, len(header)), [list(r) for r in rows])
        store.finish(tx, dataset_id, len(rows), [], "ab" * 32)
        for position, column in enumerate(header, start=1):
            if types and column in types:
                tx.execute(
                    "INSERT INTO column_classes(dataset_id, position, detected_type, detected_class, confidence,"
                    " evidence, classified_at) VALUES (?, ?, ?, ?, 1.0, '{}', ?)",
                    (dataset_id, position, types[column][0], types[column][1], utc_now()),
                )
    return store.get(session.vault.connection(), name)


def make_customers(session, name: str = "customers") -> DatasetInfo:  # type: ignore[no-untyped-def]
    return make_dataset(session, name, CUSTOMERS_HEADER, CUSTOMERS_ROWS, CUSTOMERS_TYPES)


def test_helpers_store_rows_and_classes(session) -> None:  # type: ignore[no-untyped-def]
    info = make_customers(session)
    conn = session.vault.connection()
    assert info.row_count == 4 and info.columns == tuple(CUSTOMERS_HEADER)
    assert store.page(conn, info)[1][5] == "139 0013 9000"
    assert [(c.name, c.type, c.data_class) for c in classes.load(conn, info)][3] == (
        "身份证号", "resident_id", "sensitive",
    )  # fmt: skip


def as_role(session, name: str, role):  # type: ignore[no-untyped-def]
    """A second session on the same open vault, acting as a new user ``name`` with ``role``."""
    from dataroom.core.flows import users as user_flows
    from dataroom.core.session import Session
    from tests.conftest import fast_kdf_params

    user_flows.add_user(session, name, role, f"{name} passphrase!", kdf_params=fast_kdf_params())
    return Session(session.vault, name, role)


def audit_details(session, action: str) -> list[dict]:  # type: ignore[no-untyped-def]
    """Every audit record of ``action`` (prefix) as ``{object, details}``, oldest first."""
    from dataroom.core.audit import log as audit_log

    return [
        {"object": r.object, "details": r.details, "actor": r.actor}
        for r in audit_log.records(session.vault.connection(), action=action)
    ]
