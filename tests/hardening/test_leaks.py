"""Leak scan: after the whole ``dataroom demo`` journey with sentinel values in the data, no sentinel, key or
passphrase is readable anywhere the app writes.

The demo runs once per module through the real CLI entry point in a subprocess whose home, XDG directories and
``TMPDIR`` point into the test's temporary folder, with ``DATAROOM_LOG_LEVEL=DEBUG``. The only change to the
journey: one customer row made of sentinels (a Chinese name, a resident ID, a mobile number, an e-mail address, a
bank card, a street address and a remark — Chinese and ASCII) is appended to the synthetic customer file, and the
KDF is the fast test one (its cost is benchmarked, not tested here).

What is scanned, in UTF-8, UTF-16-LE, UTF-16-BE and GBK: both vaults, the restored vault, the backup, every
receipt, certificate, card, NDA and audit export the demo leaves, the de-identified CSV the buyer "leaks" (it must
hold only redacted forms of the sentinel row), ``TMPDIR`` (which must also be left empty), the
home/settings/data/cache directories, and the process's stdout and stderr (logs and any crash output). The packet
itself is gone by then: the buyer's destruction step deletes it (its payload is age-encrypted; the tamper suite
covers the file). Not scanned: ``demo-customers.csv`` and
``demo-consents.csv``, the demo's plaintext *source* files standing for the user's own CRM export — the test checks
the sentinels are in them, which proves they went in. PDFs are scanned as stored bytes (compressed streams would
hide text, but no cell value is ever put into a receipt or certificate).

Reproduce: ``.venv/bin/python -m pytest -q tests/hardening/test_leaks.py``.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from dataroom.core.flows import vault as vault_flows
from dataroom.core.flows.demo import DEMO_PASSPHRASE, DEMO_USERS
from dataroom.core.pii.checksums import luhn_check_digit, resident_id_check_char

REPO = Path(__file__).resolve().parents[2]
BACKUP_PASSPHRASE = "backup-demo-passphrase"  # the one dataroom demo uses

_ID17 = "11010119900307777"
_CARD18 = "622202777777777777"
SENTINELS = {
    "客户编号": "C77700777",
    "姓名": "欧阳哨兵",
    "性别": "男",
    "身份证号": _ID17 + resident_id_check_char(_ID17),
    "手机号": "13877770777",
    "邮箱": "zq.sentinel.ascii@example.org",
    "银行卡号": _CARD18 + luhn_check_digit(_CARD18),
    "开户行": "中国工商银行北京东城支行",
    "地址": "北京市东城区哨兵胡同77号",
    "注册日期": "2020-02-02",
    "累计消费金额": "4321.09",
    "备注": "哨兵备注 SENTINEL-REMARK-Q7",
}
# What must never be readable: every identifying value (gender, bank, date and amount are too common to scan).
NEEDLES = [SENTINELS[c] for c in ("客户编号", "姓名", "身份证号", "手机号", "邮箱", "银行卡号", "备注")]
NEEDLES += ["哨兵胡同77号", "SENTINEL-REMARK-Q7"]
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "gbk")
SOURCE_FILES = ("demo-customers.csv", "demo-consents.csv")

RUNNER = r"""
import csv, json, os, sys
from dataroom.core.flows import demo
from dataroom.core.pii import synthetic
from dataroom.core.secrets import kdf
from dataroom.core.secrets.kdf import KdfParams

row = json.loads(sys.argv[1])
kdf.calibrate = lambda *a, **k: KdfParams(os.urandom(16), 1, 64, 1)


def write_with_sentinel(path, n, seed=0, encoding="utf-8-sig"):
    synthetic.write_customers_csv(path, n, seed, encoding)
    with open(path, "a", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerow([row[c] for c in synthetic.CUSTOMER_COLUMNS])


demo.write_customers_csv = write_with_sentinel
from dataroom.cli.main import main
raise SystemExit(main(sys.argv[2:]))
"""


@dataclass(frozen=True)
class Journey:
    """Where the demo ran and what it printed."""

    base: Path
    home: Path
    tmp: Path
    stdout: str
    stderr: str


@pytest.fixture(scope="module")
def journey(tmp_path_factory: pytest.TempPathFactory) -> Journey:
    root = tmp_path_factory.mktemp("leak-journey")
    home, tmp, base = root / "home", root / "tmp", root / "demo"
    for d in (home, tmp):
        d.mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "TMPDIR": str(tmp),
        "DATAROOM_LOG_LEVEL": "DEBUG",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    args = [json.dumps(SENTINELS), "demo", "--dir", str(base), "--rows", "150"]
    done = subprocess.run([sys.executable, "-c", RUNNER, *args], env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    return Journey(base, home, tmp, done.stdout, done.stderr)


def _files(*roots: Path) -> list[Path]:
    found: list[Path] = []
    for root in roots:
        found.extend([root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file()))
    return found


def _hits(data: bytes, needles: list[str]) -> list[str]:
    return [f"{needle!r} ({enc})" for needle in needles for enc in ENCODINGS if needle.encode(enc, "ignore") in data]


def test_the_sentinels_went_in(journey: Journey) -> None:
    source = (journey.base / "demo-customers.csv").read_bytes()
    assert {h.split(" (")[0] for h in _hits(source, NEEDLES)} == {repr(n) for n in NEEDLES}  # the scanner finds them
    assert "哨兵" not in journey.stdout  # the preview shows the first rows; the sentinel row is the last


def test_no_sentinel_anywhere_the_app_writes(journey: Journey) -> None:
    outputs = [p for p in journey.base.iterdir() if p.name not in SOURCE_FILES]
    files = _files(*outputs, journey.tmp, journey.home)
    names = {p.name for p in files}
    # The scan covers the vaults, the backup, the restored copy and every signed document of the journey.
    assert {"vault.db", "vault.keys", "seller-backup.drbak", "receipt-countersigned.pdf", "leaked.csv"} <= names
    assert {"audit-export.jsonl", "destruction-certificate.pdf", "nda-both-signed.json", "seller.drcard"} <= names
    assert _files(journey.tmp) == []  # nothing left behind in the temp directory either
    found = {str(p.relative_to(p.anchor)): hits for p in files if (hits := _hits(p.read_bytes(), NEEDLES))}
    found.update({name: h for name, text in (("stdout", journey.stdout), ("stderr", journey.stderr))
                  if (h := _hits(text.encode("utf-8"), NEEDLES))})  # fmt: skip
    assert found == {}


def test_the_leaked_copy_holds_only_redacted_forms(journey: Journey) -> None:
    """The de-identified CSV the buyer lets out is scanned above; here: the sentinel row is in it, redacted."""
    text = (journey.base / "leaked.csv").read_text(encoding="utf-8-sig")
    masked_id = SENTINELS["身份证号"][:6] + "********" + SENTINELS["身份证号"][-4:]
    rows = [line for line in text.splitlines() if masked_id in line]
    assert len(rows) == 1, rows
    fields = rows[0].split(",")
    assert fields[0].startswith("PSN_") and fields[1] == "欧阳**" and fields[4].startswith("MOB_")
    assert fields[5].startswith("EML_") and fields[6] == "622202*********" + SENTINELS["银行卡号"][-4:]
    assert fields[8] == "北京市东城区" and "备注" not in text  # address cut to the district; the remark dropped


def _secret_forms(raw: bytes) -> list[str]:
    return [raw.hex(), raw.hex().upper(), base64.b64encode(raw).decode(), base64.urlsafe_b64encode(raw).decode()]


def test_debug_logs_hold_no_key_passphrase_or_cell_value(journey: Journey) -> None:
    logs = journey.stderr
    assert "DEBUG dataroom: dataroom" in logs  # debug logging really was on
    keys: list[str] = []
    for vault in ("seller", "buyer", "restored"):
        session = vault_flows.unlock(journey.base / vault, passphrase=DEMO_PASSPHRASE)
        keys += _secret_forms(session.vault.key_bytes())
        session.close()
    passphrases = [DEMO_PASSPHRASE, BACKUP_PASSPHRASE, *(p for _, p in DEMO_USERS.values())]
    leaked = [s for s in (*keys, *passphrases, *NEEDLES) if s in logs]
    assert leaked == []
