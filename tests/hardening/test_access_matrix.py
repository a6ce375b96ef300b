"""Access-control matrix: every core flow that takes a session, run as each role, against a table kept here.

``ACCESS`` is the one source of truth: the test checks the code against it, and ``render_table()`` prints it into
SECURITY.md (``.venv/bin/python -m tests.hardening.test_access_matrix`` prints it; a test fails when SECURITY.md
holds another version). Each flow runs with placeholder arguments in a fresh session of an owner, a preparer and a
reviewer: a refused role must get :class:`PermissionDenied`; an allowed role must get past the permission check
(the flow may then refuse the placeholder arguments in other words), and the permission it asked for is recorded
so a flow that checks the wrong permission, or checks after doing work, fails too. A new public flow that is not
in the table fails ``test_every_flow_is_in_the_table``.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import dataroom.core.flows as flows_pkg
from dataroom.core.errors import PermissionDenied
from dataroom.core.flows import users as user_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.session import Session
from dataroom.core.users.roles import Permission, Role
from tests.conftest import PASSPHRASE, fast_kdf_params

P = Permission
ROLES = (Role.OWNER, Role.PREPARER, Role.REVIEWER)
OWN = "acting on one's own account needs no permission; on another user's, manage users"

# flow -> (owner / preparer / reviewer: "y" allowed, "-" refused; permission checked first; note)
ACCESS: dict[str, tuple[str, Permission | None, str]] = {
    "audit.count": ("yy-", P.VIEW_AUDIT, ""),
    "audit.export": ("yy-", P.VIEW_AUDIT, ""),
    "audit.report": ("yy-", P.VIEW_AUDIT, ""),
    "audit.show": ("yy-", P.VIEW_AUDIT, ""),
    "audit.verify": ("yy-", P.VIEW_AUDIT, ""),
    "consent.consent_coverage": ("yyy", P.VIEW_REDACTED, ""),
    "consent.consent_purposes": ("yyy", P.VIEW_REDACTED, ""),
    "consent.consent_registry": ("yyy", P.VIEW_REDACTED, ""),
    "consent.import_consents": ("yy-", P.IMPORT, ""),
    "consent.list_consents": ("yyy", P.VIEW_REDACTED, "subjects appear as tokens only"),
    "consent.subject_token": ("yyy", P.VIEW_REDACTED, ""),
    "consent.withdraw_consent": ("yy-", P.IMPORT, ""),
    "datasets.classify_dataset": ("yy-", P.CLASSIFY, ""),
    "datasets.column_classes": ("yyy", P.VIEW_REDACTED, ""),
    "datasets.get_dataset": ("yyy", P.VIEW_REDACTED, ""),
    "datasets.import_dataset": ("yy-", P.IMPORT, ""),
    "datasets.list_datasets": ("yyy", P.VIEW_REDACTED, ""),
    "datasets.override_column": ("yy-", P.CLASSIFY, ""),
    "datasets.quality_report": ("yyy", P.VIEW_REDACTED, ""),
    "datasets.raw_rows": ("yy-", P.VIEW_RAW, ""),
    "destruction.destroy_dataset": ("y--", P.DESTROY, "and sign, when a certificate is due"),
    "destruction.record_destruction": ("y--", P.SIGN, ""),
    "destruction.show_certificate": ("yyy", P.VIEW_REDACTED, "also works without a session (checks signatures only)"),
    "incidents.list_incidents": ("yyy", P.VIEW_REDACTED, ""),
    "incidents.log_incident": ("yyy", P.VIEW_REDACTED, "anyone working in the vault can record an incident"),
    "incidents.render_incident": ("yyy", P.VIEW_REDACTED, ""),
    "lifecycle.clear_retention": ("yy-", P.IMPORT, ""),
    "lifecycle.destruction_preview": ("y--", P.DESTROY, ""),
    "lifecycle.due_for_destruction": ("yyy", P.VIEW_REDACTED, ""),
    "lifecycle.get_retention": ("yyy", P.VIEW_REDACTED, ""),
    "lifecycle.list_retention": ("yyy", P.VIEW_REDACTED, ""),
    "lifecycle.set_retention": ("yy-", P.IMPORT, ""),
    "nda.destruction_duties": ("yyy", P.VIEW_REDACTED, ""),
    "nda.end_nda": ("y--", P.SIGN, ""),
    "nda.export_nda": ("yyy", P.VIEW_REDACTED, ""),
    "nda.import_nda": ("y--", P.SIGN, ""),
    "nda.list_ndas": ("yyy", P.VIEW_REDACTED, ""),
    "nda.new_nda": ("y--", P.SIGN, ""),
    "nda.nda_status": ("yyy", P.VIEW_REDACTED, ""),
    "nda.render_nda": ("yyy", P.VIEW_REDACTED, ""),
    "nda.show_nda": ("yyy", P.VIEW_REDACTED, ""),
    "nda.sign_nda": ("y--", P.SIGN, ""),
    "notice.list_notices": ("yyy", P.VIEW_REDACTED, ""),
    "notice.prepare_notice": ("yy-", P.EXPORT, ""),
    "parties.confirm_card": ("y--", P.MANAGE_KEYS, ""),
    "parties.create_identity": ("y--", P.MANAGE_KEYS, ""),
    "parties.export_card": ("yyy", P.VIEW_REDACTED, ""),
    "parties.get_card": ("yyy", P.VIEW_REDACTED, ""),
    "parties.identity_generations": ("yyy", P.VIEW_REDACTED, ""),
    "parties.import_card": ("y--", P.MANAGE_KEYS, ""),
    "parties.list_cards": ("yyy", P.VIEW_REDACTED, ""),
    "parties.render_card": ("yyy", P.VIEW_REDACTED, ""),
    "parties.rollover_identity": ("y--", P.MANAGE_KEYS, ""),
    "parties.show_identity": ("yyy", P.VIEW_REDACTED, ""),
    "receipts.countersign_receipt": ("y--", P.SIGN, ""),
    "receipts.make_receipt": ("y--", P.SIGN, ""),
    "receipts.record_receipt": ("yy-", P.EXPORT, ""),
    "receipts.show_receipt": ("yyy", P.VIEW_REDACTED, "also works without a session (checks signatures only)"),
    "redaction.column_statistics": ("yyy", P.VIEW_REDACTED, "columns released as-is also need view raw"),
    "redaction.edit_policy": ("yy-", P.REDACT, ""),
    "redaction.erase_subject": ("y--", P.DESTROY, ""),
    "redaction.export_policy": ("yyy", P.VIEW_REDACTED, ""),
    "redaction.export_redacted": ("yy-", P.EXPORT, ""),
    "redaction.export_subject": ("yy-", P.VIEW_RAW, "and export"),
    "redaction.find_subject": ("yy-", P.VIEW_RAW, ""),
    "redaction.import_policy": ("yy-", P.REDACT, ""),
    "redaction.kanon_report": ("yyy", P.VIEW_REDACTED, ""),
    "redaction.open_preview": ("yyy", P.VIEW_REDACTED, "columns released as-is also need view raw"),
    "redaction.policy_versions": ("yyy", P.VIEW_REDACTED, ""),
    "redaction.save_policy": ("yy-", P.REDACT, ""),
    "redaction.set_suppression": ("yy-", P.REDACT, ""),
    "redaction.show_policy": ("yyy", P.VIEW_REDACTED, ""),
    "transfer.check_packet": ("yy-", P.EXPORT, "and view raw, for a full (unredacted) packet"),
    "transfer.export_packet": ("yy-", P.EXPORT, "and view raw, for a full (unredacted) packet"),
    "transfer.import_packet": ("yy-", P.IMPORT, ""),
    "transfer.inspect_packet": ("yyy", P.VIEW_REDACTED, ""),
    "transfer.list_packets": ("yyy", P.VIEW_REDACTED, ""),
    "transfer.trace_file": ("yy-", P.EXPORT, ""),
    "users.add_user": ("y--", P.MANAGE_USERS, ""),
    "users.begin_totp": ("yyy", None, OWN),
    "users.confirm_totp": ("yyy", None, "completes an enrolment begin_totp allowed"),
    "users.disable_totp": ("yyy", None, OWN),
    "users.list_users": ("yyy", None, "names and roles only"),
    "users.remove_user": ("y--", P.MANAGE_USERS, ""),
    "users.set_role": ("y--", P.MANAGE_USERS, ""),
    "vault.backup": ("y--", P.MANAGE_KEYS, ""),
    "vault.change_passphrase": ("yyy", None, OWN),
    "vault.check_integrity": ("yyy", None, "reports only whether the vault and audit chain are intact"),
    "vault.lock": ("yyy", None, ""),
    "vault.rekey": ("y--", P.MANAGE_KEYS, ""),
    "vault.set_keyring": ("yyy", None, "the acting user's own key slot"),
    "verify.verify_file": ("yyy", P.VIEW_REDACTED, "also works without a session (checks signatures only)"),
}

# Placeholder arguments where the generic ones below would do real harm to the shared test vault.
OVERRIDES: dict[str, dict[str, Any]] = {
    "vault.change_passphrase": {"new_passphrase": "short"},  # refused as too weak, so every slot keeps working
    "users.add_user": {"passphrase": "short"},
}


def public_flows() -> dict[str, Callable[..., Any]]:
    """``module.function`` for every public function defined in ``dataroom.core.flows`` that takes a session."""
    found: dict[str, Callable[..., Any]] = {}
    for info in pkgutil.iter_modules(flows_pkg.__path__):
        module = importlib.import_module(f"{flows_pkg.__name__}.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            own = fn.__module__ == module.__name__ and not name.startswith("_")
            if own and "session" in inspect.signature(fn).parameters:
                found[f"{info.name}.{name}"] = fn
    return found


def render_table() -> str:
    """The matrix as the Markdown table SECURITY.md shows."""
    mark = {"y": "allowed", "-": "**refused**"}
    lines = [
        "| Flow | owner | preparer | reviewer | Permission checked | Note |",
        "|---|---|---|---|---|---|",
    ]
    for flow, (roles, permission, note) in sorted(ACCESS.items()):
        cells = " | ".join(mark[c] for c in roles)
        lines.append(f"| `{flow}` | {cells} | {permission.value if permission else '—'} | {note} |")
    return "\n".join(lines)


def _placeholder(param: inspect.Parameter, tmp: Path) -> Any:
    annotation = str(param.annotation)
    if "Path" in annotation:
        return tmp / f"missing-{param.name}.bin"
    if annotation.startswith("str"):
        return "nosuch"
    if annotation.startswith("int"):
        return 1
    if annotation.startswith("bool"):
        return False
    if annotation.startswith("Role"):
        return Role.REVIEWER
    if annotation.startswith("list"):
        return ["nosuch"]
    return None


def _arguments(flow: str, fn: Callable[..., Any], session: Session, tmp: Path) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    for param in inspect.signature(fn).parameters.values():
        if param.name == "session":
            kwargs["session"] = session
        elif param.default is inspect.Parameter.empty and param.kind is not param.VAR_KEYWORD:
            kwargs[param.name] = _placeholder(param, tmp)
    kwargs.update(OVERRIDES.get(flow, {}))
    return kwargs


USERS = {Role.OWNER: ("alice", PASSPHRASE), Role.PREPARER: ("pete", "pete passphrase!"),
         Role.REVIEWER: ("rita", "rita passphrase!")}  # fmt: skip


@pytest.fixture
def matrix_vault(session: Session, vault_dir: Path) -> Iterator[Path]:
    for role in (Role.PREPARER, Role.REVIEWER):
        name, passphrase = USERS[role]
        user_flows.add_user(session, name, role, passphrase, kdf_params=fast_kdf_params())
    session.close()
    yield vault_dir


def run_as(flow: str, fn: Callable[..., Any], role: Role, vault_dir: Path, tmp: Path) -> tuple[bool, list[str]]:
    """Run ``flow`` as ``role``; returns (got past the permission checks, permissions asked for)."""
    asked: list[str] = []
    original = Session.require

    def spy(self: Session, permission: Permission) -> None:
        asked.append(permission.value)
        original(self, permission)

    name, passphrase = USERS[role]
    session = vault_flows.unlock(vault_dir, user=name, passphrase=passphrase)
    assert session.role is role
    mp = pytest.MonkeyPatch()
    mp.setattr(Session, "require", spy)
    try:
        fn(**_arguments(flow, fn, session, tmp))
        allowed = True
    except PermissionDenied:
        allowed = False
    except Exception:  # the flow refused a placeholder argument after the permission check: that is allowed
        allowed = True
    finally:
        mp.undo()
        if session.vault.is_open:
            session.close()
    return allowed, asked


def test_every_flow_is_in_the_table() -> None:
    flows = public_flows()
    assert len(flows) > 60
    missing = sorted(set(flows) - set(ACCESS))
    assert missing == [], f"add these flows to ACCESS in {__file__} and to SECURITY.md: {missing}"
    assert sorted(set(ACCESS) - set(flows)) == [], "ACCESS names flows that no longer exist"


def test_each_flow_as_each_role_matches_the_table(matrix_vault: Path, tmp_path: Path) -> None:
    wrong: list[str] = []
    for flow, fn in sorted(public_flows().items()):
        if flow not in ACCESS:
            continue  # test_every_flow_is_in_the_table names it
        roles, permission, _ = ACCESS[flow]
        for role, expected in zip(ROLES, roles, strict=True):
            allowed, asked = run_as(flow, fn, role, matrix_vault, tmp_path)
            if allowed != (expected == "y"):
                wrong.append(f"{flow} as {role.value}: {'allowed' if allowed else 'refused'}, table says {expected}")
            first = asked[0] if asked else None
            if role is Role.OWNER and first != (permission.value if permission else None):
                wrong.append(f"{flow}: checks {first!r} first, table says {permission}")
    assert wrong == []


def test_security_md_shows_this_table() -> None:
    security = (Path(__file__).resolve().parents[2] / "SECURITY.md").read_text(encoding="utf-8")
    assert render_table() in security, "SECURITY.md is out of date: paste render_table() into it"


if __name__ == "__main__":
    print(render_table())
